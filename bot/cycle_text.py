"""The planning cycle's outcomes in words: dates and deadlines in each language, the
reminders and review decisions leads receive, and the answers the planning office gets.
Every text comes from the catalogue (bot/messages.yml)."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any, List, Optional, Tuple

from sqlalchemy.orm import Session

from bot import cycle, messages, planning
from bot.cycle import CycleView
from bot.dialogue import prompts
from bot.dialogue.prompts import Button

_WEEKDAYS_ZH = "一二三四五六日"
_WEEKDAYS_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS_EN = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def date_text(day: dt.date, lang: str, extra: str = "") -> str:
    """ "2026年12月15日（周二）" / "Tuesday 15 December 2026", with `extra` inside the brackets."""
    if lang == "zh":
        return f"{day.year}年{day.month}月{day.day}日（周{_WEEKDAYS_ZH[day.weekday()]}{'，' + extra if extra else ''}）"
    return f"{_WEEKDAYS_EN[day.weekday()]} {day.day} {_MONTHS_EN[day.month - 1]} {day.year}" + (
        f" ({extra})" if extra else ""
    )


def deadline_text(view: CycleView, lang: str) -> str:
    """The deadline, with the days left when it is near, or how long ago it passed."""
    days = view.days_left
    if days == 0:
        extra = messages.text("deadline.today", lang)
    elif 0 < days <= cycle.NEAR_DAYS:
        extra = messages.text("deadline.left_one" if days == 1 else "deadline.left", lang, days=days)
    elif days < 0:
        extra = messages.text("deadline.passed_one" if days == -1 else "deadline.passed", lang, days=-days)
    else:
        extra = ""
    return date_text(view.deadline, lang, extra)


def deadline_note(session: Session, year: Optional[int], lang: str, on: Optional[dt.date] = None) -> Optional[str]:
    """A line naming the deadline of `year`'s open cycle, for a lead starting or resuming a plan."""
    view = cycle.get(session, year, on) if year else None
    if view is None or not view.is_open:
        return None
    return messages.text(
        "deadline_note_late" if view.passed else "deadline_note",
        lang,
        year=view.year,
        deadline=deadline_text(view, lang),
    )


def deadline_answer(session: Session, year: Optional[int], lang: str, on: Optional[dt.date] = None) -> str:
    """ "When is the deadline?": of the year asked about, else of the current cycle."""
    view = cycle.get(session, year, on) if year else cycle.current(session, on)
    if view is None:
        return messages.text("deadline_none", lang, year=year or planning.default_year(on))
    key = "deadline_answer" if view.is_open else "deadline_answer_closed"
    return messages.text(key, lang, year=view.year, deadline=deadline_text(view, lang))


def cycle_change_text(change: cycle.CycleChange, lang: str) -> str:
    view = change.cycle
    deadline = deadline_text(view, lang)
    if change.created:
        return messages.text("deadline_set_created", lang, year=view.year, deadline=deadline, every=view.remind_every)
    if change.reopened:
        return messages.text("deadline_set_reopened", lang, year=view.year, deadline=deadline)
    if change.moved_from is not None:
        return messages.text(
            "deadline_set_moved", lang, year=view.year, deadline=deadline, before=date_text(change.moved_from, lang)
        )
    return messages.text("deadline_set_same", lang, year=view.year, deadline=deadline)


def cycle_error_text(error: cycle.CycleError, lang: str) -> str:
    values = error.values
    if error.code == "deadline_past":
        return messages.text(
            "deadline_set_past", lang, date=date_text(values["deadline"], lang), today=date_text(values["today"], lang)
        )
    if error.code == "year_outside":
        return messages.text("deadline_set_year_outside", lang, first=values["first"], last=values["last"])
    if error.code == "closed":
        return messages.text("remind_closed", lang, year=values["year"])
    if error.code == "no_cycle":
        return messages.text("remind_no_cycle", lang, year=values["year"])
    return messages.text("deadline_set_which_date", lang)


# --- what a lead receives -------------------------------------------------------------------


def resume_payload() -> str:
    return "/resume_plan"


def start_payload(year: int) -> str:
    return '/start_plan{"year": %d}' % year


def no_plan_payload(year: int) -> str:
    return '/declare_no_plan{"year": %d}' % year


def edit_payload(plan_id: int) -> str:
    return "/edit_plan" + json.dumps({"plan_id": plan_id})


def reminder_message(
    *, name: str, unit: str, year: int, deadline: CycleView, lang: str, draft: Optional[cycle.DraftState]
) -> Tuple[str, List[Button]]:
    """A reminder to file: what is missing, the deadline, and buttons that act in the conversation."""
    due = deadline_text(deadline, lang)
    no_plan = prompts.button(messages.text("button_declare_no_plan", lang, year=year), no_plan_payload(year))
    if draft is None:
        text = messages.text("reminder.nothing_filed", lang, name=name, unit=unit, year=year, deadline=due)
        return text, [prompts.button(messages.text("button_start_plan", lang), start_payload(year)), no_plan]
    title = draft.title or messages.text("plan_untitled", lang)
    values: Any = dict(
        name=name,
        unit=unit,
        year=year,
        title=title,
        id=draft.plan_id,
        done=draft.answered,
        total=draft.total,
        deadline=due,
    )
    if draft.stopped_at is None:
        text = messages.text("reminder.draft_complete", lang, **values)
    else:
        text = messages.text(
            "reminder.draft",
            lang,
            **values,
            field=messages.text(f"field.{draft.stopped_at}", lang),
            step=messages.text(f"step.{draft.step}", lang),
        )
    return text, [prompts.button(messages.text("button_resume_plan", lang), resume_payload()), no_plan]


def decision_message(
    *,
    name: str,
    unit: str,
    year: int,
    plan_id: int,
    title: Optional[str],
    decision: str,
    note: str,
    reviewer: str,
    lang: str,
) -> Tuple[str, List[Button]]:
    """A review decision, as the lead receives it; "needs work" comes with a button to edit the plan."""
    text = messages.text(
        f"decision.{decision}",
        lang,
        name=name,
        unit=unit,
        year=year,
        id=plan_id,
        title=title or messages.text("plan_untitled", lang),
        reviewer=reviewer,
        note=note or messages.text("decision.no_note", lang),
    )
    buttons = (
        [prompts.button(messages.text("button_edit_reviewed_plan", lang), edit_payload(plan_id))]
        if decision == "needs_work"
        else []
    )
    return text, buttons


# --- what the planning office reads -----------------------------------------------------------


def decision_told_text(told: List[Any], lang: str) -> str:
    """Who heard of a review decision, and how (bot.reminders.tell_decision's outcome)."""
    if not told:
        return messages.text("review_told_nobody", lang)
    lines = [
        messages.text("review_told_failed", lang, name=t.name, error=t.error) for t in told if t.status == "failed"
    ]
    for channel in dict.fromkeys(t.channel for t in told if t.status != "failed"):
        names = list(dict.fromkeys(t.name for t in told if t.status != "failed" and t.channel == channel))
        if len(names) == 1:
            lines.append(messages.text(f"review_told_{channel}", lang, name=names[0]))
        else:  # a unit of many leads: one line per channel, the first few names
            lines.append(messages.text(f"review_told_{channel}_many", lang, names=name_list(names, lang)))
    return ("" if lang == "zh" else " ").join(lines)


NAMES_SHOWN = 5


def name_list(names: List[str], lang: str) -> str:
    """ "A, B and C"; past NAMES_SHOWN, "A, B, C, D, E and 12 more"."""
    shown, more = names[:NAMES_SHOWN], len(names) - NAMES_SHOWN
    if more > 0:
        return messages.text(
            "names_and_more", lang, names="、".join(shown) if lang == "zh" else ", ".join(shown), more=more
        )
    if lang == "zh":
        return "、".join(shown)
    return f"{', '.join(shown[:-1])} and {shown[-1]}"


def reason_text(reason: str, detail: dict, lang: str) -> str:
    return messages.text(f"remind_reason.{reason}", lang, done=detail.get("answered"), total=detail.get("total"))


def remind_report_text(report: Any, lang: str) -> str:
    """The outcome of "remind the units that haven't filed", for the planning office in chat."""
    lines = [messages.text("remind_header", lang, year=report.year, deadline=deadline_text(report.cycle, lang))]
    for item in report.reminded:
        unit = item.unit_zh if lang == "zh" else item.unit_en
        why = reason_text(item.reason, item.detail, lang)
        if item.status == "failed":
            lines.append(
                messages.text("remind_line_failed", lang, name=item.name, unit=unit, why=why, error=item.error)
            )
        else:
            key = "remind_line_slack" if item.channel == "slack" else "remind_line_web"
            lines.append(messages.text(key, lang, name=item.name, unit=unit, why=why))
    every = report.cycle.remind_every
    if not report.reminded and not report.recent:
        lines = [messages.text("remind_nobody", lang, year=report.year)]
    elif not report.reminded:
        lines.append(messages.text("remind_recently_all", lang, count=len(report.recent), every=every))
    elif report.recent:
        lines.append(messages.text("remind_recently", lang, count=len(report.recent), every=every))
    if report.unreachable:
        names = [(u.unit_zh if lang == "zh" else u.unit_en) for u in report.unreachable]
        lines.append(messages.text("remind_unreachable", lang, units=("、" if lang == "zh" else ", ").join(names)))
    return "\n".join(lines)


def my_plans_text(session: Session, identity: Any, lang: str, on: Optional[dt.date] = None) -> str:
    """ "Show my plans": the unit's plans, drafts past the deadline marked late, and the deadline."""
    from bot import plan_text  # plans in words (it words the lifecycle, which tells leads through bot.reminders)
    from bot.store import plans as store

    footer, late = None, set()
    if identity.role == "lead" and identity.unit:
        mine = store.list_plans(session, unit=identity.unit)
        cycles = {year: cycle.get(session, year, on) for year in {p.year for p in mine}}
        late = {p.id for p in mine if cycle.is_late(p, cycles[p.year])}
        current = cycle.current(session, on)
        footer = deadline_note(session, current.year, lang, on) if current else None
    return plan_text.my_plans_text(session, identity, lang, late=late, footer=footer)
