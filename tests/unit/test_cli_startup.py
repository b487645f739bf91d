"""`mlplan` starts quickly: each command imports only what it needs (docs/performance.md).

Each case runs the command in a fresh interpreter, as the console script does, and
looks at the modules it loaded. The figures themselves are in benchmarks/cli_speed.py.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
# Slow to import and never needed by these commands: the model training stack, the
# database migrations, Rasa itself, and pkg_resources (which jieba imports by default).
NEVER = {"rasa", "tensorflow", "spacy", "sklearn", "scipy", "alembic", "pkg_resources"}


def modules_loaded(argv, tmp_path: Path, env=None):
    """Run `mlplan ARGV` in a new interpreter; its exit code, output and top-level modules loaded."""
    report = tmp_path / "modules.json"
    code = (
        "import json, sys\n"
        "from bot.cli import main\n"
        f"code = main({list(argv)!r})\n"
        f"open({str(report)!r}, 'w').write(json.dumps(sorted(sys.modules)))\n"
        "sys.exit(code)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        timeout=600,
    )
    return done.returncode, done.stdout, {name.split(".")[0] for name in json.loads(report.read_text())}


def test_kb_ask_with_a_warm_cache_loads_neither_the_model_stack_nor_the_database(tmp_path):
    argv = ["kb", "ask", "what is a data lake", "--json"]
    first, out, _ = modules_loaded(argv, tmp_path)  # fills var/cache/ if it is not current
    assert first == 0
    code, again, loaded = modules_loaded(argv, tmp_path)
    assert code == 0 and json.loads(again) == json.loads(out)
    assert json.loads(out)["matches"][0]["id"] == "data-lake"
    unwanted = NEVER | {"sqlalchemy", "yaml", "pypinyin", "spellchecker"}
    assert not loaded & unwanted, sorted(loaded & unwanted)
    assert {"jieba", "numpy", "rapidfuzz"} <= loaded


def test_kb_show_reads_the_cached_knowledge_base_only(tmp_path):
    modules_loaded(["kb", "show", "value-tree"], tmp_path)
    code, out, loaded = modules_loaded(["kb", "show", "value-tree", "--lang", "en"], tmp_path)
    assert code == 0 and "value tree" in out
    unwanted = NEVER | {"sqlalchemy", "yaml", "numpy", "jieba", "rapidfuzz"}
    assert not loaded & unwanted, sorted(loaded & unwanted)


@pytest.mark.parametrize(
    "argv", [["units", "list"], ["people", "list", "--json"], ["plans", "list"], ["plans", "show", "1"], ["kb", "gaps"]]
)
def test_directory_and_plan_commands_load_the_database_layer_only(argv, sqlite_url, tmp_path):
    code, _, loaded = modules_loaded(argv, tmp_path, {"MLPLAN_DATABASE_URL": sqlite_url})
    assert code in (0, 2)  # `plans show 1` on an empty store: "no plan with id 1"
    assert "sqlalchemy" in loaded
    unwanted = NEVER | {"numpy", "jieba", "rapidfuzz", "pypinyin"}
    assert not loaded & unwanted, sorted(loaded & unwanted)


def test_help_loads_almost_nothing(tmp_path):
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", "from bot.cli import build_parser"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0
    imported = {line.split("|")[-1].strip().split(".")[0] for line in done.stderr.splitlines() if "|" in line}
    unwanted = NEVER | {"sqlalchemy", "yaml", "numpy", "jieba"}
    assert not imported & unwanted, sorted(imported & unwanted)


def test_a_database_error_is_still_reported_as_one(tmp_path):
    url = f"sqlite:///{tmp_path / 'empty.sqlite3'}"  # no tables: `mlplan db upgrade` was never run
    done = subprocess.run(
        [sys.executable, "-m", "bot.cli", "units", "list"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "MLPLAN_DATABASE_URL": url},
    )
    assert done.returncode == 3 and "mlplan db upgrade" in done.stderr
