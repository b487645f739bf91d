"""Plans in words: answers and the summary before submitting, the lifecycle's outcomes
(bot/lifecycle.py), a unit's plans and the planning office's query answers (bot/queries.py),
worded from the catalogue (bot/messages.yml). Each function returns the texts to send, in
order; the domain modules return data only. The cycle's outcomes are worded by bot/cycle_text.py."""

from __future__ import annotations

from typing import Any, Collection, List, Mapping, Optional

from sqlalchemy.orm import Session

from bot import assessment, cycle_text, messages, planning, roles
from bot.directory import Identity
from bot.lifecycle import Outcome, Result
from bot.plan_schema import ANSWER_FIELD_NAMES, ANSWER_FIELDS, FIELDS_BY_NAME
from bot.plan_status import NO_PLAN
from bot.queries import LISTED_WITH_A_COUNT, SHOWN, PlanFilter, QueryAnswer, Shown
from bot.roles import Permission
from bot.store import plans as store
from bot.store.models import Plan

# --- answers and summaries ---------------------------------------------------------------------


def display_value(field: str, value: Any, lang: str) -> str:
    """An answer as the lead reads it: an option's label, the branches, "skipped" or "not answered"."""
    if planning.is_skipped(value):
        return messages.text("choice.skipped", lang)
    if value in (None, "", []):
        return messages.text("choice.empty", lang)
    spec = FIELDS_BY_NAME[field]
    if spec.kind == "choice":
        return messages.choice_label(field, value, lang)
    if spec.kind == "multi":
        separator = "、" if lang == "zh" else ", "
        return separator.join(messages.text(f"choice.{v}", lang) for v in value)
    return str(value)


def also_noted_text(volunteered: Mapping[str, Any], lang: str) -> str:
    """Tells the lead which other questions their reply answered, and how to change them."""
    labels = [messages.text(f"field.{name}", lang) for name in volunteered]
    separator, colon = ("；", "：") if lang == "zh" else ("; ", ": ")
    items = separator.join(
        f"{label}{colon}{display_value(name, value, lang)}"
        for label, (name, value) in zip(labels, volunteered.items(), strict=True)
    )
    first = labels[0] if lang == "zh" else labels[0].lower()
    return messages.text("plan_also_noted", lang, items=items, first=first)


def summary_text(
    slots: Mapping[str, Any], result: Mapping[str, Any], lang: str, *, unit: str, year: Optional[int]
) -> str:
    """The plan's answers grouped by guide step, then its readiness assessment and remedies."""
    title = (
        slots.get("title")
        if slots.get("title") not in (None, planning.SKIPPED)
        else messages.text("plan_untitled", lang)
    )
    lines = [messages.text("plan_summary_header", lang, unit=unit, year=year, title=title)]
    for step in (3, 2, 4, 1, 5, 6):
        lines.append(
            f"【{messages.text(f'step.{step}', lang)}】" if lang == "zh" else f"[{messages.text(f'step.{step}', lang)}]"
        )
        for spec in ANSWER_FIELDS:
            if spec.step == step:
                label = messages.text(f"field.{spec.name}", lang)
                lines.append(f"• {label}: {display_value(spec.name, slots.get(spec.name), lang)}")
    lines.append(messages.text("plan_summary_assessment", lang, readiness=result["readiness"]))
    for name in assessment.CHALLENGES:
        challenge = result["challenges"][name]
        reasons = "; ".join(r[lang] for r in challenge["reasons"])
        lines.append(
            f"• {assessment.title(name, lang)}: {messages.text('rating.' + challenge['rating'], lang)}"
            + (f" ({reasons})" if reasons else "")
        )
    for name in assessment.CHALLENGES:
        challenge = result["challenges"][name]
        if challenge["rating"] != "ready":
            lines.append(
                messages.text(
                    "plan_summary_remedy",
                    lang,
                    challenge=assessment.title(name, lang),
                    advice=assessment.advice(name, lang),
                )
            )
    return "\n".join(lines)


def answers_so_far_text(slots: Mapping[str, Any], lang: str) -> str:
    """The answers given so far, in the order they are asked ("can I see what I've filled in?")."""
    given = [spec for spec in ANSWER_FIELDS if slots.get(spec.name) is not None]
    if not given:
        return messages.text("plan_so_far_none", lang)
    lines = [messages.text("plan_so_far_header", lang, count=len(given), total=len(ANSWER_FIELDS))]
    lines += [
        f"• {messages.text(f'field.{spec.name}', lang)}: {display_value(spec.name, slots[spec.name], lang)}"
        for spec in given
    ]
    return "\n".join(lines)


# --- who may file ---------------------------------------------------------------------------------


def filing_refusal(identity: Identity, lang: str) -> Optional[str]:
    """Why this person may not file plans (roles.why_not_file), or None when they may."""
    why = roles.why_not_file(identity)
    if why == "not_registered":
        return messages.text("plan_not_registered", lang)
    if why == "no_unit":
        return messages.text("plan_no_unit", lang)
    if why == "not_a_lead":
        return messages.text("plan_not_a_lead", lang, role=messages.text(f"role.{identity.role}", lang))
    return None


def back_to_draft(session: Session, draft: Plan, lang: str, key: str = "plan_existing_draft") -> str:
    """ "You have a draft of YEAR (N of 22 answered)": when a start finds one, or on resuming it
    (`key` "plan_resuming")."""
    return messages.text(
        key,
        lang,
        unit=planning.unit_name(session, draft.unit_key, lang),
        year=draft.year,
        id=draft.id,
        title=planning.title_of(draft, lang),
        done=planning.answered(planning.slot_values(draft)),
        total=len(ANSWER_FIELD_NAMES),
    )


# --- the lifecycle's outcomes -----------------------------------------------------------------------


def submitted(session: Session, result: Result, lang: str) -> List[str]:
    """After "yes, submit": submitted (or updated, for review again), and similar plans elsewhere."""
    if result.outcome is Outcome.NO_PLAN_FOUND:
        return [messages.text("edit_no_plan", lang)]
    plan = result.the_plan
    if result.outcome is Outcome.NOT_ALLOWED:
        return [messages.text("edit_not_allowed", lang, id=plan.id)]
    if result.outcome is Outcome.SUBMITTED:
        texts = [messages.text("plan_submitted", lang, id=plan.id)]
        texts += [messages.text("plan_replaces_no_plan", lang, id=record) for record in result.superseded]
    else:
        texts = [
            messages.text(
                "plan_updated",
                lang,
                id=plan.id,
                version=plan.version,
                status=messages.text(f"status.{plan.status}", lang),
            )
        ]
    if result.similar:
        items = "\n".join(
            f"• #{other.id} {planning.unit_name(session, other.unit_key, lang)}: {planning.title_of(other, lang)}"
            for other, _ in result.similar
        )
        texts.append(messages.text("plan_similar", lang, items=items))
    return texts


def refusal(result: Result, identity: Identity, lang: str, none_key: str = "edit_no_plan") -> str:
    """Why a request to change or withdraw a plan does nothing: no such plan (`none_key`),
    someone else's or one in the wrong status, or the person files no plans."""
    if result.outcome is Outcome.NOT_ALLOWED:
        return messages.text("edit_not_allowed", lang, id=result.the_plan.id)
    if result.outcome is Outcome.MAY_NOT_FILE:
        return filing_refusal(identity, lang) or ""
    return messages.text(none_key, lang)


def withdraw_question(session: Session, plan_id: Optional[int], lang: str) -> str:
    """ "Withdraw plan N (year, title)?", asked before withdrawing it."""
    plan = session.get(Plan, plan_id or -1)
    if plan is None:
        return messages.text("withdraw_none", lang)
    return messages.text("withdraw_confirm", lang, id=plan.id, year=plan.year, title=planning.title_of(plan, lang))


def withdrawn(result: Result, lang: str) -> str:
    if result.outcome is Outcome.WITHDRAWN:
        return messages.text("withdraw_done", lang, id=result.the_plan.id)
    return messages.text("withdraw_none", lang)


def no_plan_declared(session: Session, result: Result, lang: str) -> List[str]:
    """ "No plan" recorded; nothing is said when the person files no plans (they were told before)."""
    if result.outcome is not Outcome.NO_PLAN_DECLARED:
        return []
    plan = result.the_plan
    return [
        messages.text(
            "no_plan_recorded", lang, unit=planning.unit_name(session, plan.unit_key, lang), year=plan.year, id=plan.id
        )
    ]


def reviewed(result: Result, plan_id, lang: str) -> str:
    """A review decision recorded, and who heard of it; or why not."""
    if result.outcome is not Outcome.REVIEWED:
        return messages.text("review_not_reviewable", lang, id=plan_id)
    return messages.text(
        "review_recorded",
        lang,
        id=plan_id,
        decision=messages.text(f"decided.{result.the_plan.status}", lang),
        told=cycle_text.decision_told_text(result.told, lang),
    )


# --- a unit's plans ---------------------------------------------------------------------------------


def my_plans_text(
    session: Session, identity: Identity, lang: str, late: Collection[int] = (), footer: Optional[str] = None
) -> str:
    """The unit's plans with status, readiness and the planning office's decision; `late`:
    ids of plans to mark late; `footer`: a last line (the deadline)."""
    if identity.role == "planning":
        return messages.text("my_plans_planning", lang)
    if not roles.can(identity, Permission.READ_UNIT_PLANS):
        return filing_refusal(identity, lang) or ""
    unit = planning.unit_name(session, identity.unit, lang)
    mine = store.list_plans(session, unit=identity.unit)
    if not mine:
        return messages.text("my_plans_none", lang, unit=unit)
    lines = [messages.text("my_plans_header", lang, unit=unit)]
    for plan in mine:
        lines.append(
            messages.text(
                "my_plans_line",
                lang,
                id=plan.id,
                year=plan.year,
                title=planning.title_of(plan, lang),
                status=messages.text(f"status.{plan.status}", lang)
                + (messages.text("my_plans_late", lang) if plan.id in late else ""),
                readiness=messages.text("my_plans_readiness", lang, readiness=plan.assessment["readiness"])
                if plan.assessment
                else "",
                review=_review_line(plan, lang),
            )
        )
    return "\n".join(lines + ([footer] if footer else []))


def _review_line(plan: Plan, lang: str) -> str:
    review = plan.reviews[-1] if plan.reviews else None
    return (
        messages.text(
            "my_plans_review", lang, decision=messages.text(f"status.{review.decision}", lang), note=review.note or "-"
        )
        if review
        else ""
    )


# --- the planning office's queries ----------------------------------------------------------------------


def query_answer(session: Session, found: QueryAnswer, lang: str) -> str:
    """Counts and a short list with plan ids; or the units that have not filed."""
    if found.refused:
        return messages.text("query_not_allowed", lang)
    if found.not_filed is not None:
        return _not_filed(session, found.not_filed, found.year, lang)
    text = _plans(session, found, lang)
    if found.own_unit_only:
        return messages.text("query_own_unit_only", lang) + "\n" + text
    return text


def _plans(session: Session, found: QueryAnswer, lang: str) -> str:
    flt, plans = found.flt, found.plans
    described = describe(session, flt, found.year, lang)
    if not plans:
        return messages.text("query_none", lang, what=described)
    lines = [
        messages.text("query_count_one" if len(plans) == 1 else "query_count", lang, count=len(plans), what=described)
    ]
    if not flt.count_only or len(plans) <= LISTED_WITH_A_COUNT:
        for plan in plans[:SHOWN]:
            lines.append(line(session, plan, lang, flt.challenge, show_weak=flt.weak))
        if len(plans) > SHOWN:
            lines.append(messages.text("query_more", lang, more=len(plans) - SHOWN))
    return "\n".join(lines)


def _not_filed(session: Session, missing: List[str], year: int, lang: str) -> str:
    if not missing:
        return messages.text("query_all_filed", lang, year=year)
    names = [planning.unit_name(session, key, lang) for key in missing]
    key = "query_not_filed_one" if len(missing) == 1 else "query_not_filed"
    return messages.text(
        key,
        lang,
        count=len(missing),
        year=year,
        units=("、" if lang == "zh" else ", ").join(names[:30]) + (" …" if len(names) > 30 else ""),
    )


def describe(session: Session, flt: PlanFilter, year: int, lang: str) -> str:
    parts = [messages.text("query_year", lang, year=year)]
    if flt.unit:
        parts.append(planning.unit_name(session, flt.unit, lang))
    if flt.status:
        parts.append(messages.text(f"status.{flt.status}", lang))
    if flt.weak:
        challenge = (
            assessment.title(flt.challenge, lang) if flt.challenge else messages.text("query_any_challenge", lang)
        )
        rating = messages.text(f"rating.{flt.rating}", lang) if flt.rating else messages.text("query_not_ready", lang)
        parts.append(messages.text("query_rated", lang, challenge=challenge, rating=rating))
    return (" · ").join(parts)


def line(session: Session, plan: Plan, lang: str, challenge: Optional[str] = None, show_weak: bool = False) -> str:
    if plan.status == NO_PLAN:  # a declaration has no title or readiness, but a reason
        return messages.text(
            "query_line_no_plan",
            lang,
            id=plan.id,
            unit=planning.unit_name(session, plan.unit_key, lang),
            reason=plan.no_plan_reason or "-",
        )
    readiness = plan.assessment["readiness"] if plan.assessment else "-"
    extra = ""
    if challenge and plan.assessment:
        reasons = "; ".join(r[lang] for r in plan.assessment["challenges"][challenge]["reasons"])
        extra = f" ({reasons})" if reasons else ""
    elif show_weak and plan.assessment:
        weak = [
            f"{assessment.title(c, lang)} {messages.text('rating.' + v['rating'], lang)}"
            for c, v in plan.assessment["challenges"].items()
            if v["rating"] != "ready"
        ]
        extra = f" ({'、'.join(weak) if lang == 'zh' else ', '.join(weak)})" if weak else ""
    return (
        messages.text(
            "query_line",
            lang,
            id=plan.id,
            unit=planning.unit_name(session, plan.unit_key, lang),
            title=planning.title_of(plan, lang),
            status=messages.text(f"status.{plan.status}", lang),
            readiness=readiness,
        )
        + extra
    )


def shown_plan(session: Session, shown: Shown, lang: str) -> str:
    """ "Show plan N": every answer, the assessment and the last review; or why not."""
    plan = shown.plan
    if plan is None:
        return messages.text("show_plan_missing", lang, id=shown.plan_id)
    if not shown.allowed:
        return messages.text("show_plan_not_allowed", lang, id=shown.plan_id)
    slots = planning.slot_values(plan)
    result = plan.assessment or assessment.assess(planning.stored_answers(slots))
    text = summary_text(slots, result, lang, unit=planning.unit_name(session, plan.unit_key, lang), year=plan.year)
    header = messages.text(
        "show_plan_header",
        lang,
        id=plan.id,
        status=messages.text(f"status.{plan.status}", lang),
        version=plan.version,
        owner=plan.owner_id,
    )
    tail = _review_line(plan, lang).strip()
    if plan.status == NO_PLAN:
        return header + "\n" + messages.text("show_plan_no_plan", lang, reason=plan.no_plan_reason or "-")
    return "\n".join(x for x in (header, text, tail) if x)
