"""The calibration answers the choice model learns from (tests/support/answer_examples.py)."""

from bot.plan_schema import FIELDS_BY_NAME
from tests.support import answer_examples


def test_examples_come_from_calibration_editions_only():
    examples = answer_examples.calibration_examples()
    editions = {e.edition for e in examples}
    assert "heldout10" in editions and "answers-en" in editions
    assert not any(e.edition.startswith("heldout-") for e in examples)


def test_each_example_is_an_option_of_its_question_or_a_free_text_answer():
    for e in answer_examples.calibration_examples():
        if e.value:
            assert e.value in FIELDS_BY_NAME[e.field].choices
        else:
            assert e.field in answer_examples.DESCRIBING_FIELDS + answer_examples.NOT_ANSWER_INTENTS
            assert len(e.text) >= answer_examples.SHORTEST_NOT_ANSWER


def test_the_knowledge_folder_holds_what_the_corpora_say():
    import yaml

    examples = answer_examples.calibration_examples()
    for lang in ("zh", "en"):
        stored = yaml.safe_load((answer_examples.ROOT / f"knowledge/answers/{lang}.yml").read_text(encoding="utf-8"))
        assert set(stored["not_answers"]) == {e.text for e in examples if e.lang == lang and not e.value}
        assert sum(len(texts) for by in stored["fields"].values() for texts in by.values()) == len(
            {(e.field, e.text, e.value) for e in examples if e.lang == lang and e.value}
        )


def test_the_knowledge_folder_holds_the_asides_the_corpora_say():
    import yaml

    said = answer_examples.asides()
    for lang in ("zh", "en"):
        stored = yaml.safe_load((answer_examples.ROOT / f"knowledge/answers/{lang}.yml").read_text(encoding="utf-8"))
        for kind, key in (
            (answer_examples.WAY_OUT, "ways_out"),
            (answer_examples.ASKS_BACK, "asks_back"),
            (answer_examples.ANSWER, "said_as_answers"),
        ):
            assert set(stored[key]) == {a.text for a in said if a.lang == lang and a.kind == kind}


def test_asides_come_from_calibration_editions_and_say_where_they_were_said():
    said = answer_examples.asides()
    assert not any(a.edition.startswith("heldout-") for a in said)
    assert all(a.question for a in said if a.kind != answer_examples.ANSWER)
    assert {"way_out", "asks_back", "answer"} == {a.kind for a in said}


def test_the_knowledge_folder_holds_the_value_tree_answers_the_corpora_say():
    import yaml

    answered = answer_examples.branch_examples()
    assert not any(e.edition.startswith("heldout-") for e in answered)
    for lang in ("zh", "en"):
        stored = yaml.safe_load((answer_examples.ROOT / f"knowledge/answers/{lang}.yml").read_text(encoding="utf-8"))
        assert {(item["say"], tuple(item["means"])) for item in stored["branches"]} == {
            (e.text, e.branches) for e in answered if e.lang == lang
        }
