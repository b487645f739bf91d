"""The review report and the planning cycle: late units and plans, who was reminded, and the
polish a browser without emoji fonts needs."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from bot import cycle, reminders
from bot.review import charts, render
from bot.review import data as review_data
from bot.store import plans as store
from bot.store.db import session_scope
from bot.store.models import Cycle, Plan, utcnow
from tests.support.store import READY, seed_directory

YEAR = dt.date.today().year + 1
EMOJI = re.compile("[\u2600-\u27bf\U0001f000-\U0001faff\ufe0f]")


@pytest.fixture
def past_deadline(db_url):
    """Retail submitted, Logistics left a draft, Finance filed nothing; reminders went out; then the deadline passed."""
    seed_directory(db_url)
    with session_scope(db_url) as session:
        from bot.assessment import assess

        filed = store.create_plan(session, unit="retail", year=YEAR, owner="li.wei", language="zh", answers=READY)
        store.set_status(session, filed.id, "submitted", actor="li.wei", assessment=assess(READY))
        draft = store.create_plan(
            session, unit="logistics", year=YEAR, owner="zhang.min", language="zh", answers={"title": "路径优化"}
        )
        cycle.open_cycle(session, YEAR, dt.date.today() + dt.timedelta(days=3), actor="wang.fang")
        reminders.remind(session, YEAR, use_default_post=False)
        session.get(Cycle, YEAR).deadline = dt.date.today() - dt.timedelta(days=1)  # time passes:
        session.get(Plan, filed.id).submitted_at = utcnow() - dt.timedelta(days=3)  # retail filed before the deadline
    return {"filed": filed.id, "draft": draft.id}


def test_the_report_data_knows_who_is_late_and_who_was_reminded(past_deadline, db_url):
    with session_scope(db_url) as session:
        review = review_data.build(session, YEAR)
    assert review.cycle.passed
    assert review.late_plans == {past_deadline["draft"]: "draft"}
    assert {u.key for u in review.late_units} == {
        "logistics",
        "finance",
        "manufacturing",
        "customer-service",
        "marketing",
    }
    reminded = {r.person: r for r in review.reminded}
    assert set(reminded) == {"zhang.min", "tom.baker", "anna.smith", "chen.jing", "maria.garcia"}
    assert reminded["zhang.min"].reason == "draft" and reminded["zhang.min"].times == 1
    assert reminded["zhang.min"].status == "pending-web" and reminded["zhang.min"].channel == "web"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_page_shows_late_and_reminded_and_draws_no_emoji(past_deadline, db_url, lang):
    with session_scope(db_url) as session:
        page = render.html_page(review_data.build(session, YEAR), lang)
    late = "草稿，已逾期" if lang == "zh" else "draft, overdue"
    assert page.count(late) == 2  # the late section and the all-plans column
    summary = (
        "到期仍未提交的部门 5 个；逾期的计划 1 份"
        if lang == "zh"
        else "Units that had not filed by it: 5. Late plans: 1."
    )
    assert summary in page
    assert ("张敏 (zhang.min)" in page) and ("等待网页查看" if lang == "zh" else "waiting for the web chat") in page
    assert not EMOJI.search(re.sub(r'src="data:[^"]+"', "", page))
    assert '<svg class="dot"' in page and "#27ae60" in page  # ratings drawn inline, any browser shows them


def test_the_chinese_header_uses_full_width_punctuation(past_deadline, db_url):
    with session_scope(db_url) as session:
        page = render.html_page(review_data.build(session, YEAR), "zh")
    header = re.search(r'<p class="muted">(.*?)</p>', page).group(1)
    assert re.search(r"共 \d+ 份计划。每份计划", header) and ". " not in header
    assert "上一年: " not in page


def test_without_a_deadline_the_report_says_so(db_url):
    seed_directory(db_url)
    with session_scope(db_url) as session:
        page = render.html_page(review_data.build(session, YEAR), "en")
    assert f"No deadline has been set for {YEAR}." in page


def test_count_axes_have_whole_number_ticks_only(monkeypatch):
    drawn = []
    monkeypatch.setattr(charts, "_png", lambda fig: drawn.append(fig) or "data:image/png;base64,")
    charts.bars(["a", "b", "c"], [0, 1, 2], "t", "en")
    ticks = [t for t in drawn[0].axes[0].get_xticks() if t >= 0]
    assert ticks and all(float(t).is_integer() for t in ticks)
