import datetime as dt

import pytest

from bot.nlu.entities import find_plan_ids, find_years
from bot.nlu.units import find_units

TODAY = dt.date(2026, 11, 27)
NAMES = sorted(
    [
        ("零售部", "retail", "零售部"),
        ("零售", "retail", "零售"),
        ("retail", "retail", "Retail"),
        ("客服", "customer-service", "客服"),
        ("customer service", "customer-service", "Customer Service"),
        ("制造部", "manufacturing", "制造部"),
        ("it", "it", "IT"),
        ("risk", "risk", "Risk"),
        ("quality", "quality", "Quality"),
        ("risk management", "risk", "risk management"),
    ],
    key=lambda p: -len(p[0]),
)


@pytest.mark.parametrize(
    "text, years",
    [
        ("2027年零售部有哪些计划？", [2027]),
        ("plans for FY27", [2027]),
        ("next year", [2027]),
        ("明年的计划", [2027]),
        ("今年", [2026]),
        ("后年", [2028]),
        ("this year and 2028", [2026, 2028]),
        ("plan 12", []),
        ("去年收了几份计划", [2025]),
        ("plans from last year", [2025]),
        ("前年", [2024]),
    ],
)
def test_years(text, years):
    assert [y["value"] for y in find_years(text, TODAY)] == years


@pytest.mark.parametrize(
    "text, ids",
    [
        ("show plan 12", [12]),
        ("显示计划 12", [12]),
        ("计划12", [12]),
        ("#7", [7]),
        ("12号计划", [12]),
        ("plan 2027", []),
        ("year 2027 plan 3", [3]),
        ("approve plan no. 5", [5]),
    ],
)
def test_plan_ids(text, ids):
    assert [p["value"] for p in find_plan_ids(text)] == ids


def test_units_by_names_and_aliases_in_both_languages():
    assert [u["value"] for u in find_units("2027年零售部有哪些计划？", NAMES)] == ["retail"]
    assert [u["value"] for u in find_units("What did Retail and Customer Service plan?", NAMES)] == [
        "retail",
        "customer-service",
    ]
    assert find_units("retailers", NAMES) == []
    span = find_units("零售部和制造部", NAMES)
    assert [(s["start"], s["end"], s["value"]) for s in span] == [(0, 3, "retail"), (4, 7, "manufacturing")]


@pytest.mark.parametrize(
    "text, units",
    [
        ("yes it is", []),
        ("skip it", []),
        ("which plans are at risk on data", []),
        ("data quality is so-so", []),
        ("submitted plans from IT", ["it"]),
        ("plans from it", ["it"]),
        ("the quality team's plans", ["quality"]),
        ("Risk needs to put in an ML plan", []),
        ("what has Risk filed?", ["risk"]),
        ("risk management plans", ["risk"]),
        ("IT部已提交的计划", []),
    ],
)
def test_unit_names_that_are_everyday_words_need_a_unit_context(text, units):
    assert [u["value"] for u in find_units(text, NAMES)] == units
