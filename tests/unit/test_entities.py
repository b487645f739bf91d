import datetime as dt

import pytest

from bot.nlu.entities import find_plan_ids, find_years
from bot.nlu.units import find_units

TODAY = dt.date(2026, 11, 27)
NAMES = sorted([("零售部", "retail"), ("零售", "retail"), ("retail", "retail"), ("客服", "customer-service"),
                ("customer service", "customer-service"), ("制造部", "manufacturing")], key=lambda p: -len(p[0]))


@pytest.mark.parametrize("text, years", [
    ("2027年零售部有哪些计划？", [2027]), ("plans for FY27", [2027]), ("next year", [2027]), ("明年的计划", [2027]),
    ("今年", [2026]), ("后年", [2028]), ("this year and 2028", [2026, 2028]), ("plan 12", []),
])
def test_years(text, years):
    assert [y["value"] for y in find_years(text, TODAY)] == years


@pytest.mark.parametrize("text, ids", [
    ("show plan 12", [12]), ("显示计划 12", [12]), ("计划12", [12]), ("#7", [7]), ("12号计划", [12]),
    ("plan 2027", []), ("year 2027 plan 3", [3]), ("approve plan no. 5", [5]),
])
def test_plan_ids(text, ids):
    assert [p["value"] for p in find_plan_ids(text)] == ids


def test_units_by_names_and_aliases_in_both_languages():
    assert [u["value"] for u in find_units("2027年零售部有哪些计划？", NAMES)] == ["retail"]
    assert [u["value"] for u in find_units("What did Retail and Customer Service plan?", NAMES)] == ["retail", "customer-service"]
    assert find_units("retailers", NAMES) == []
    span = find_units("零售部和制造部", NAMES)
    assert [(s["start"], s["end"], s["value"]) for s in span] == [(0, 3, "retail"), (4, 7, "manufacturing")]
