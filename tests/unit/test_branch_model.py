"""The learned value-tree reading (bot/dialogue/branch_model.py)."""

from __future__ import annotations

import pytest

from bot.dialogue import branch_model
from bot.dialogue.choice_model import Features
from bot.plan_schema import VALUE_BRANCHES

SMALL = [
    ("saves the clerks hours every week", ("time_saved",)),
    ("staff spend less time on manual checks", ("time_saved",)),
    ("more sales and bigger margins", ("revenue",)),
    ("we make more money on each order", ("revenue",)),
    ("customers wait less and complain less", ("customer_service",)),
    ("happier customers, faster replies", ("customer_service",)),
    ("sales up, and the team saves time", ("revenue", "time_saved")),
]


def test_every_branch_gets_a_probability():
    model = branch_model.BranchModel.train(SMALL)
    likely = model.probabilities("the clerks save hours")
    assert set(likely) == set(VALUE_BRANCHES) and all(0 <= p <= 1 for p in likely.values())
    assert likely["time_saved"] > likely["revenue"]


def test_a_branch_nobody_meant_is_never_likely():
    model = branch_model.BranchModel.train(SMALL)
    assert model.probabilities("customers wait less")["upsell"] < 0.01


def test_an_empty_answer_gets_no_reading():
    assert branch_model.BranchModel.train(SMALL).probabilities("") == {}


def test_the_cached_model_reads_as_the_trained_one():
    model = branch_model.BranchModel.train(SMALL)
    again = branch_model.BranchModel.from_parts(model.parts(), model.features)
    for text, _ in SMALL:
        assert again.probabilities(text) == pytest.approx(model.probabilities(text))


def test_the_examples_of_the_knowledge_folder_load():
    examples = branch_model.load_examples()
    assert len(examples) > 1000
    assert all(branches and set(branches) <= set(VALUE_BRANCHES) for _, branches in examples)


def test_a_malformed_example_is_refused(tmp_path):
    (tmp_path / "x.yml").write_text("branches:\n  - {say: more money, means: [profit]}\n", encoding="utf-8")
    with pytest.raises(ValueError, match="profit"):
        branch_model.load_examples(tmp_path)


def test_a_cache_of_other_features_is_refused():
    model = branch_model.BranchModel.train(SMALL)
    other = Features.fit(["ok", "ok", "no"])
    with pytest.raises(ValueError, match="columns"):
        branch_model.BranchModel.from_parts(model.parts(), other)
