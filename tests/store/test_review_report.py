"""The yearly review: its data and the HTML/CSV it writes, on SQLite and PostgreSQL."""

from __future__ import annotations

import csv
import io
import re

import pytest

from bot.cli import main
from bot.kb import gaps
from bot.kb.search import searcher
from bot.review import data as review_data
from bot.review import render
from bot.review.charts import cjk_family
from bot.store import plans as store
from bot.store.db import session_scope
from tests.support.store import READY, seed_directory


@pytest.fixture
def filed(db_url):
    seed_directory(db_url)
    with session_scope(db_url) as session:

        def add(unit, owner, status, year=2027, **answers):
            plan = store.create_plan(
                session, unit=unit, year=year, owner=owner, language="zh", answers={**READY, **answers}
            )
            if status != "draft":
                from bot.assessment import assess

                store.set_status(session, plan.id, status, actor=owner, assessment=assess({**READY, **answers}))
            return plan.id

        ids = {
            "retail": add("retail", "li.wei", "submitted", title="<script>alert(1)</script>门店补货需求预测"),
            "logistics": add("logistics", "zhang.min", "submitted", title="仓库补货需求预测", data_location="siloed"),
            "finance": add(
                "finance",
                "tom.baker",
                "approved",
                title='=HYPERLINK("http://x")',
                executive_sponsor=None,
                value_branches=["revenue"],
                skill_gaps="缺少数据工程师",
            ),
            "old": add("retail", "li.wei", "submitted", year=2026, title="旧计划"),
        }
        store.create_plan(
            session,
            unit="marketing",
            year=2027,
            owner="maria.garcia",
            language="en",
            status="no_plan",
            no_plan_reason="budget <b>frozen</b>",
        )
        gaps.record(session, "量子计算怎么用？", searcher().lookup("量子计算怎么用？"), lang="zh", sender="li.wei")
    return ids


def test_review_data(filed, db_url):
    with session_scope(db_url) as session:
        review = review_data.build(session, 2027)
    assert review.status_counts["submitted"] == 2 and review.status_counts["approved"] == 1
    assert review.status_counts["no_plan"] == 1
    assert {u.key for u in review.not_filed} == {"manufacturing", "customer-service"}  # units with a lead
    assert [(u.key, reason) for u, reason in review.no_plan] == [("marketing", "budget <b>frozen</b>")]
    worst = {u.key: u.worst for u in review.units}
    assert worst["finance"]["culture"] == "blocked" and worst["logistics"]["data"] == "at_risk"
    assert worst["retail"]["data"] == "ready"
    assert review.branch_counts == {
        "revenue": 3,
        "time_saved": 2,
        "new_opportunities": 0,
        "customer_service": 0,
        "upsell": 0,
    }
    assert ("数据工程师", 1) in review.skill_gap_terms
    assert [(a.unit_key, b.unit_key) for a, b, _ in review.similar] == [("retail", "logistics")]
    assert review.gaps == [("量子计算怎么用？", "zh", 1)]
    assert review.previous == {"retail": (1, 100.0)}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_report_is_self_contained_and_escaped(filed, db_url, tmp_path, lang, capsys):
    if lang == "zh" and cjk_family() is None:
        pytest.fail("a CJK font is needed for the Chinese charts: apt-get install fonts-wqy-microhei")
    assert main(["review", "--year", "2027", "--out", str(tmp_path / lang), "--lang", lang]) == 0
    page = (tmp_path / lang / "index.html").read_text(encoding="utf-8")
    assert "<script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "budget &lt;b&gt;frozen&lt;/b&gt;" in page
    assert not re.search(r"""(src|href)=["'](https?:)?//""", page), "no external assets"
    assert page.count('src="data:image/png;base64,') == 3
    assert ("年度评审" if lang == "zh" else "the yearly review") in page
    rows = list(csv.DictReader(io.StringIO((tmp_path / lang / "plans.csv").read_text(encoding="utf-8-sig"))))
    assert len(rows) == 4
    assert [r["title"] for r in rows if r["unit"] == "finance"] == ['\'=HYPERLINK("http://x")']


def test_csv_cells_that_look_like_formulas_are_neutralised():
    assert [render.csv_safe(v) for v in ("=1+1", "+1", "-2", "@SUM(A1)", "\tx", "safe", None, ["a"])] == [
        "'=1+1",
        "'+1",
        "'-2",
        "'@SUM(A1)",
        "'\tx",
        "safe",
        "",
        '["a"]',
    ]


def test_the_chinese_report_needs_a_cjk_font(filed, tmp_path, monkeypatch, capsys):
    monkeypatch.setattr("bot.review.charts.cjk_family", lambda: None)
    assert main(["review", "--year", "2027", "--out", str(tmp_path), "--lang", "zh"]) == 2
    assert "fonts-wqy-microhei" in capsys.readouterr().err
