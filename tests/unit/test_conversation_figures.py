"""The conversation runner's figures (tests/support/conversations.py), on made-up outcomes."""

from tests.support.conversations import Conversation, Outcome, Turn, figures


def _conversation(cid, lang, fields=None):
    expect = {"plan": {"status": "submitted", "fields": fields or {}}}
    return Conversation(id=cid, lang=lang, person={"unit": "claims", "role": "lead"}, about="", steps=[], expect=expect)


def test_completion_turns_and_field_accuracy_per_language():
    fields = {"title": "x", "q_important": "yes", "data_quality": "mixed", "metric": "y"}
    done = Outcome(_conversation("zh-1", "zh", fields), turns=[Turn("a", [], None)] * 24)
    wrong = Outcome(
        _conversation("zh-2", "zh", fields),
        turns=[Turn("a", [], None)] * 26,
        problems=["data_quality: expected 'mixed', stored 'poor'"],
    )
    lost = Outcome(_conversation("zh-3", "zh", fields), problems=["expected a plan, none stored"])
    stuck = Outcome(_conversation("en-1", "en", fields), stuck=True)
    zh, en = figures([done, wrong, lost, stuck])
    assert (zh.completed, zh.conversations, zh.plan_turns) == (1, 3, [24])
    assert (zh.fields_checked, zh.fields_wrong) == (8, 1)  # the plan never stored counts under completion only
    assert round(zh.field_accuracy, 3) == 0.875
    assert (en.completed, en.stuck) == (0, 1)
    assert "87.5% of 8" in zh.line()


def test_problems_are_counted_by_kind_without_naming_conversations():
    from tests.support.conversations import failure_kinds

    outcome = Outcome(
        _conversation("zh-9", "zh"),
        problems=[
            "data_location: expected 'mixed', stored 'central'",
            "turn 4: asked to leave, still asking metric",
            "stuck: baseline asked 3 times in a row",
            "expected a plan, none stored",
        ],
    )
    assert failure_kinds([outcome]) == {
        "zh": {"field data_location": 1, "trapped at metric": 1, "stuck at baseline": 1, "no plan stored": 1}
    }
