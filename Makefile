# Set-up, run and test the ML Journey Planning Assistant.
#   make run    set up, then start the assistant (SQLite under var/, REST on :5005)
#   make test   set up, then run the whole test suite (after make lint)
#   make lint   ruff (lint and format check) and mypy
#   make shell  chat in the terminal
#   make cluster  PostgreSQL, Redis, 2 Rasa and 2 action servers behind HAProxy on :5005 (RASA_REPLICAS, ACTION_REPLICAS)
SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV     := .venv
BIN      := $(VENV)/bin
INSTALLED := $(VENV)/.installed
MODEL    := models/mlplan.tar.gz
SEEDED   ?= var/.samples-imported
SAMPLE_PEOPLE ?= samples/people.yml
TRAINING_INPUTS := config.yml domain.yml knowledge/terms.zh.txt $(wildcard bot/nlu/*.py) \
                   $(shell find data -name '*.yml' 2>/dev/null)
export SQLALCHEMY_SILENCE_UBER_WARNING := 1
export TF_CPP_MIN_LOG_LEVEL := 2

.PHONY: help setup caches run shell lint test train db seed validate system-deps cluster-deps cluster web lock clean

help:
	@sed -n 's/^#   //p' Makefile

$(INSTALLED): requirements/base.in requirements/constraints.txt pyproject.toml
	@PY=$$(scripts/find-python310) || exit 1; \
	  if [ ! -x $(BIN)/python ] || [ ! -x $(BIN)/pip ] || ! $(BIN)/python -c 'import sys; sys.exit(sys.version_info[:2] != (3, 10))'; then \
	    rm -rf $(VENV); echo "Creating $(VENV) with $$PY"; $$PY -m venv $(VENV); fi
	$(BIN)/pip install --quiet --upgrade "pip==24.0"
	$(BIN)/pip install --quiet -r requirements/base.in -c requirements/constraints.txt
	$(BIN)/pip install --quiet --no-deps -e .
	@touch $@

setup: $(INSTALLED) db $(MODEL) web caches

# The action server's models and the knowledge index, built once (about 2 minutes cold) and
# rebuilt only when their inputs change, so the first message never waits for them.
caches: $(INSTALLED)
	@$(BIN)/python scripts/warm-caches

# The web chat's socket.io client, from npm (pinned in web/package-lock.json).
WEB_INSTALLED := web/node_modules/.installed
$(WEB_INSTALLED): web/package.json web/package-lock.json
	@if command -v npm >/dev/null; then cd web && npm ci --no-audit --no-fund --silent && touch node_modules/.installed; \
	  else echo "npm not found: the web chat page at /chat needs Node.js and npm (apt-get install npm)"; fi

web: $(WEB_INSTALLED)

db: $(INSTALLED)
	@$(BIN)/mlplan db upgrade

# Sample units and people for development: imported once, and only into an empty directory.
# A problem with them is reported and never stops `make run`.
seed: db
	@if [ ! -f $(SEEDED) ]; then \
	  if [ "$$($(BIN)/mlplan units list --json)$$($(BIN)/mlplan people list --json)" != "[][]" ]; then \
	    echo "The directory already has units or people: the samples are not imported."; touch $(SEEDED); \
	  elif $(BIN)/mlplan units import samples/units.yml && \
	       $(BIN)/mlplan people import $(SAMPLE_PEOPLE) && \
	       $(BIN)/mlplan people import samples/people.csv; then touch $(SEEDED); \
	  else echo "warning: the samples could not be imported (see above); the assistant starts without them."; fi; fi

# Retrains only when the training data, domain, config or NLU code changed.
$(MODEL): $(TRAINING_INPUTS) | $(INSTALLED)
	$(BIN)/rasa train --fixed-model-name mlplan --out models
	@touch $@

train: $(MODEL)

run: setup seed
	@scripts/serve

shell: setup seed
	@$(BIN)/rasa run actions --actions actions --port 5055 >var/actions.log 2>&1 & \
	  trap "kill $$! 2>/dev/null" EXIT; \
	  $(BIN)/rasa shell --model $(MODEL) --endpoints endpoints.yml --conversation-id "$${SENDER:-li.wei}"

validate: $(INSTALLED)
	$(BIN)/rasa data validate --fail-on-warnings

# Debian packages the tests drive: Chromium (browser tests) and a CJK font (charts, pages).
SYSTEM_PACKAGES := chromium fonts-wqy-microhei
system-deps:
	@if [ ! -x /usr/bin/chromium ] || ! fc-list :lang=zh 2>/dev/null | grep -q .; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "Installing $(SYSTEM_PACKAGES)"; apt-get update -qq && \
	    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(SYSTEM_PACKAGES) >/dev/null; \
	  else echo "The tests need Debian's $(SYSTEM_PACKAGES): sudo apt-get install $(SYSTEM_PACKAGES)"; exit 1; fi; fi

# Debian packages of the production topology on one machine (`make cluster`, the fault tests):
# Redis and HAProxy (PostgreSQL's initdb/pg_ctl/postgres are needed too, for the store tests).
# Without root or apt-get, the cluster tests are skipped and say why.
CLUSTER_PACKAGES := redis-server haproxy
cluster-deps:
	@if ! command -v redis-server >/dev/null || ! command -v haproxy >/dev/null; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "Installing $(CLUSTER_PACKAGES)"; apt-get update -qq && \
	    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(CLUSTER_PACKAGES) >/dev/null || \
	    echo "warning: $(CLUSTER_PACKAGES) could not be installed; the cluster tests will be skipped"; \
	  else echo "The cluster needs Debian's $(CLUSTER_PACKAGES): sudo apt-get install $(CLUSTER_PACKAGES)"; fi; fi

# PostgreSQL (var/cluster/postgres unless MLPLAN_DATABASE_URL is set), Redis (unless
# MLPLAN_REDIS_HOST is set), RASA_REPLICAS Rasa servers and ACTION_REPLICAS action servers
# behind HAProxy on RASA_PORT (5005); Ctrl-C stops everything. docs/deployment.md.
cluster: $(INSTALLED) $(MODEL) web cluster-deps
	@$(BIN)/python -m bot.cluster

# Lint and format check of bot/, actions/, tests/, benchmarks/, scripts/; types of bot/ and actions/
# (settings in pyproject.toml). `ruff check --fix` and `ruff format` fix most of what they find.
lint: $(INSTALLED)
	$(BIN)/ruff check
	$(BIN)/ruff format --check
	$(BIN)/mypy bot actions

# DIET keeps about one core busy, so the model trains in the background while the rest is set
# up and the tests that need no model run; the tests that talk to the servers come after it.
MODEL_FREE_TESTS := tests/unit tests/actions tests/kb tests/store
test: $(INSTALLED)
	@mkdir -p var; echo "Training the model in the background (log: var/train.log)"
	@TF_INTRA_OP_PARALLELISM_THREADS=1 TF_INTER_OP_PARALLELISM_THREADS=1 \
	  setsid $(MAKE) --no-print-directory train >var/train.log 2>&1 & trainer=$$!; \
	  trap 'kill -- -$$trainer 2>/dev/null' INT TERM EXIT; \
	  if ! $(MAKE) --no-print-directory lint db web caches validate system-deps cluster-deps || \
	     ! $(BIN)/mlplan kb check; then exit 1; fi; \
	  $(BIN)/python -m pytest -q $(MODEL_FREE_TESTS); without_model=$$?; \
	  if ! wait $$trainer; then tail -40 var/train.log; echo "Training failed (var/train.log)"; exit 1; fi; \
	  echo "Model ready; now the tests against the running servers"; \
	  $(BIN)/python -m pytest -q $(addprefix --ignore=,$(MODEL_FREE_TESTS)) && exit $$without_model

# Re-resolve the pinned versions after editing requirements/base.in.
lock:
	rm -rf .venv-lock && $$(scripts/find-python310) -m venv .venv-lock
	.venv-lock/bin/pip install --quiet --upgrade "pip==24.0"
	.venv-lock/bin/pip install --quiet -r requirements/base.in
	.venv-lock/bin/pip freeze --exclude-editable > requirements/constraints.txt
	rm -rf .venv-lock

clean:
	rm -rf $(VENV) models var .pytest_cache results
