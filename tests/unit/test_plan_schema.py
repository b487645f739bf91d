import pytest

from bot.plan_schema import ANSWER_FIELD_NAMES, PLAN_KEYS, InvalidFieldValue, normalise_value
from bot.store.models import Plan


def test_every_spec_field_is_a_plan_column():
    columns = set(Plan.__table__.columns.keys())
    for key in PLAN_KEYS:
        if key in ("unit", "owner"):
            key += "_key" if key == "unit" else "_id"
        if key == "review":
            continue
        assert key in columns, key


def test_normalise_value():
    assert normalise_value("title", "  x  ") == "x"
    assert normalise_value("title", "   ") is None
    assert normalise_value("q_important", "unsure") == "unsure"
    assert normalise_value("value_branches", ["upsell", "revenue", "upsell"]) == ["revenue", "upsell"]
    assert normalise_value("value_branches", None) == []
    with pytest.raises(InvalidFieldValue):
        normalise_value("data_location", "cloud")
    with pytest.raises(InvalidFieldValue):
        normalise_value("status", "draft")
    assert len(ANSWER_FIELD_NAMES) == 22
