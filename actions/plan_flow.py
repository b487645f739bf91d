"""Starting, resuming, pausing, submitting, editing and withdrawing plans, and "no plan".

Each request reads its slots and entities, asks bot/lifecycle.py (which asks bot/roles.py
who may do it) and words the outcome with bot/plan_text.py; then it hands over to a form:
`confirm_form` for anything that needs a yes first, `plan_form` for the answers,
`no_plan_form` for the reason. What happens once a form ends is in its `action_*_done`.
"""

from __future__ import annotations

import re
from typing import Any, Dict, List, Optional, Sequence, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActiveLoop, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import after_pause
from actions.context import identify
from actions.faq import send_answer
from actions.forms import Handler, PendingQuestionForm, Request, Slots, accepted
from actions.replies import Turn, button, int_slot, lang_of, say, utter
from bot import cycle_text, lifecycle, messages, plan_status, plan_text, planning, roles
from bot.dialogue import answers, commands, prompts, reader
from bot.dialogue.reader import Question, Reading
from bot.directory import Identity
from bot.flow import CHOOSING_A_FIELD, Confirming, FormExit
from bot.kb import faq
from bot.lifecycle import Outcome
from bot.nlu import patterns
from bot.plan_schema import ANSWER_FIELD_NAMES
from bot.roles import Permission
from bot.store import plans as store
from bot.store.db import session_scope
from bot.store.models import Plan

SURE = 0.8  # a request read with this confidence acts at once; below it, the bot asks first
EventList = List[Dict[Text, Any]]


def no_plan_payload(year: int) -> str:
    return '/declare_no_plan{"year": %d}' % year


def tell_deadline(dispatcher: CollectingDispatcher, session, year: Optional[int], lang: str) -> None:
    """Name the deadline of the plan's year, when the planning office has set one."""
    note = cycle_text.deadline_note(session, year, lang)
    if note:
        dispatcher.utter_message(text=note)


def decides_on_plan_in_view(tracker: Tracker) -> bool:
    """A reviewer's decision on the plan just opened, however the intent model read it:
    "这份不行，退回修改", "emmm 指标太虚了，退回去让他们改改，意见就说：…"."""
    text = tracker.latest_message.get("text") or ""
    return (
        int_slot(tracker, "last_plan_id") is not None
        and roles.can(identify(tracker), Permission.REVIEW_PLANS)
        and answers.states_a_decision(text)
    )


def refused_filing(dispatcher: CollectingDispatcher, tracker: Tracker, identity: Identity) -> Optional[EventList]:
    """None when this person files plans (a lead with a unit); else the turn's events: a reviewer's
    decision on the plan in view goes to the review, anyone else is told why they cannot file."""
    refusal = plan_text.filing_refusal(identity, lang_of(tracker))
    if refusal is None:
        return None
    if decides_on_plan_in_view(tracker):
        return [FollowupAction("action_start_review")]
    dispatcher.utter_message(text=refusal)
    return []


def load_plan_slots(plan: Plan) -> EventList:
    values = planning.slot_values(plan)
    if plan.status in plan_status.FILED:  # a filed plan is complete: an empty answer stays empty, not asked again
        values = {name: planning.SKIPPED if value is None else value for name, value in values.items()}
    return [SlotSet(name, value) for name, value in values.items()] + [
        SlotSet("plan_draft_id", plan.id),
        SlotSet("plan_draft_version", plan.version),
        SlotSet("plan_unit", plan.unit_key),
        SlotSet("plan_year", plan.year),
        SlotSet("failed_tries", 0),
    ]


def clear_plan_slots() -> EventList:
    return (
        [SlotSet(name, None) for name in ANSWER_FIELD_NAMES]
        + [
            SlotSet(name, None)
            for name in (
                "plan_draft_id",
                "plan_draft_version",
                "plan_unit",
                "plan_year",
                "plan_editing",
                "form_exit",
                "paused_at",
            )
        ]
        + [SlotSet("failed_tries", 0)]
    )


def ask_to_confirm(what: str) -> EventList:
    return [SlotSet("confirming", what), SlotSet("confirmation", None), FollowupAction("confirm_form")]


def fill_plan(plan: Optional[Plan] = None, editing: Optional[str] = None) -> EventList:
    """Go to the plan form (loading `plan`), asking `editing` first; a complete plan goes
    straight to its summary and the question to submit it."""
    events = [*clear_plan_slots(), *load_plan_slots(plan)] if plan is not None else []
    if plan is not None and not editing and planning.answered(planning.slot_values(plan)) == len(ANSWER_FIELD_NAMES):
        return events + [FollowupAction("action_plan_form_done")]
    if editing:
        events.append(SlotSet("plan_editing", editing))
        if editing in ANSWER_FIELD_NAMES:
            events.append(SlotSet(editing, None))
    return events + [FollowupAction("plan_form")]


class ActionStartPlan(Request):
    """ "I want to write next year's plan": continue a draft of that year, or confirm unit and year first."""

    def name(self) -> Text:
        return "action_start_plan"

    def handle(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> EventList:
        identity = identify(tracker)
        if roles.can(identity, Permission.READ_ALL_PLANS) and faq.is_question(tracker.latest_message.get("text") or ""):
            return [FollowupAction("action_query_plans")]  # the office asking "which plans were submitted?"
        refused = refused_filing(dispatcher, tracker, identity)
        if refused is not None:
            return refused
        lang = lang_of(tracker)
        # "今年我们部门想报一个项目": this year's round, which plans the coming year
        year = planning.round_year(
            [int(y) for y in tracker.get_latest_entity_values("year")], tracker.latest_message.get("text") or ""
        )
        with session_scope() as session:
            draft = planning.find_draft(session, identity, year)
            if draft is not None:
                utter(dispatcher, [plan_text.back_to_draft(session, draft, lang)])
                tell_deadline(dispatcher, session, draft.year, lang)
                return fill_plan(draft)
        return [
            *clear_plan_slots(),
            SlotSet("plan_unit", identity.unit),
            SlotSet("plan_year", year),
            *ask_to_confirm(Confirming.START),
        ]


class ActionResumePlan(Request):
    def name(self) -> Text:
        return "action_resume_plan"

    def handle(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> EventList:
        identity = identify(tracker)
        refused = refused_filing(dispatcher, tracker, identity)
        if refused is not None:
            return refused
        lang = lang_of(tracker)
        with session_scope() as session:
            draft = planning.find_draft(session, identity)
            if draft is None and not store.list_plans(session, year=planning.default_year(), unit=identity.unit):
                say(dispatcher, tracker, "plan_no_draft_starting")  # "…to complete our ML plan, so here I am"
                return [FollowupAction("action_start_plan")]
            if draft is None:
                say(dispatcher, tracker, "plan_no_draft")
                return []
            utter(dispatcher, [plan_text.back_to_draft(session, draft, lang, "plan_resuming")])
            tell_deadline(dispatcher, session, draft.year, lang)
            return fill_plan(draft)


class ActionResumeWithAnswer(Request):
    """The answer to the question the lead paused at a moment ago: saved, and the plan goes on."""

    def name(self) -> Text:
        return after_pause.RESUME_WITH_ANSWER

    def handle(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> EventList:
        identity = identify(tracker)
        field = after_pause.paused_question(tracker)
        reading = after_pause.answer_to_paused_question(tracker)
        if field is None or reading is None or not roles.can(identity, Permission.FILE_PLAN):
            return [SlotSet("paused_at", None), FollowupAction("action_resume_plan")]
        lang = lang_of(tracker)
        with session_scope() as session:
            draft = planning.find_draft(session, identity)
            if draft is None:
                say(dispatcher, tracker, "plan_no_draft")
                return [SlotSet("paused_at", None)]
            stored = planning.slot_values(draft)
            extra = {name: value for name, value in reading.extra.items() if name != field and stored.get(name) is None}
            plan = planning.save_answer(
                session,
                identity=identity,
                plan_id=draft.id,
                year=draft.year,
                lang=lang,
                field=field,
                value=reading.value,
                expected_version=draft.version,
                volunteered=extra,
            )
            say(
                dispatcher,
                tracker,
                "plan_resumed_with_answer",
                id=plan.id,
                field=messages.text(f"field.{field}", lang),
                value=plan_text.display_value(field, reading.value, lang),
            )
            if extra:
                dispatcher.utter_message(text=plan_text.also_noted_text(extra, lang))
            return fill_plan(plan)


class ActionPausePlan(Action):
    """`cancel` with no form running: nothing to stop."""

    def name(self) -> Text:
        return "action_pause_plan"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> EventList:
        draft_id = int_slot(tracker, "plan_draft_id")
        text = tracker.latest_message.get("text") or ""
        said = commands.match(text)
        if draft_id is not None and (patterns.back_to_the_draft(text) or (said is not None and said.kind == "resume")):
            return [FollowupAction("action_resume_plan")]  # "回来了，刚才填到哪了？接着来吧" read as a cancel
        if draft_id is None:
            say(dispatcher, tracker, "nothing_pending")
        else:
            say(dispatcher, tracker, "plan_paused", id=draft_id)
        return [ActiveLoop(None), SlotSet("requested_slot", None)]


def submit(turn: Turn) -> EventList:
    """Submit the draft (or the edited plan, as a new version for review)."""
    with session_scope() as session:
        result = lifecycle.submit(session, identify(turn.tracker), int_slot(turn.tracker, "plan_draft_id"))
        utter(turn.dispatcher, plan_text.submitted(session, result, turn.lang))
    return clear_plan_slots()


class ActionEditPlan(Request):
    """Change one answer, by field name, in the draft or in a submitted plan (a new version)."""

    def name(self) -> Text:
        return "action_edit_plan"

    def handle(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> EventList:
        identity = identify(tracker)
        refused = refused_filing(dispatcher, tracker, identity)
        if refused is not None:
            return refused
        named = commands.match_edit(tracker.latest_message.get("text") or "", ANSWER_FIELD_NAMES)
        field = (
            (named.field if named is not None and named.field in ANSWER_FIELD_NAMES else None)  # "Plamen from Quality.
            # … I must change the metric": the field after the verb, not a unit's name that sounds like one
            or next((f for f in tracker.get_latest_entity_values("plan_field") if f in ANSWER_FIELD_NAMES), None)
            or (tracker.get_slot("plan_editing") if tracker.get_slot("plan_editing") in ANSWER_FIELD_NAMES else None)
        )
        plan_id = next(tracker.get_latest_entity_values("plan_id"), None) or int_slot(tracker, "plan_draft_id")
        with session_scope() as session:
            result = lifecycle.edit(session, identity, plan_id)
            if not result.ok:
                utter(dispatcher, [plan_text.refusal(result, identity, lang_of(tracker))])
                return []
            plan = result.the_plan
            given = _value_given(tracker.latest_message.get("text") or "", field)
            if field is not None and given is not None:  # "我想把1号计划的数据质量改成差": changed at once
                plan = planning.save_answer(
                    session,
                    identity=identity,
                    plan_id=plan.id,
                    year=plan.year,
                    lang=lang_of(tracker),
                    field=field,
                    value=given,
                    expected_version=plan.version,
                )
                say(
                    dispatcher,
                    tracker,
                    "edit_saved",
                    field=messages.text(f"field.{field}", lang_of(tracker)),
                    value=plan_text.display_value(field, given, lang_of(tracker)),
                )
                return fill_plan(plan)
            if field is not None:
                current = plan_text.display_value(field, planning.slot_values(plan)[field], lang_of(tracker))
                say(
                    dispatcher,
                    tracker,
                    "edit_starting",
                    id=plan.id,
                    current=current,
                    field=messages.text(f"field.{field}", lang_of(tracker)),
                )
            return fill_plan(plan, editing=field or CHOOSING_A_FIELD)


_NEW_VALUE_SAID = re.compile(
    r"改成|改为|换成|变成|更新为|更新成|改到|换为|现在是|应该是|其实是|"
    r"\bto\b|\bis now\b|\bnow it'?s\b|\bshould be\b|[=:：]",
    re.IGNORECASE,
)


def _value_given(text: str, field: Optional[str]) -> Any:
    """The new answer a request to change `field` gives with it, read for that field's kind, or None."""
    if field is None:
        return None
    edit = commands.match_edit(text, [field])
    if edit is None or edit.field != field or not edit.value or edit.replaces or edit.adds:
        return None  # "不是95%，是92%" and "also Y" need the old answer: the form handles those
    at = text.find(edit.value)
    if not _NEW_VALUE_SAID.search(text[:at][-20:] if at > 0 else text):
        return None  # "想改一下执行发起人，原来的领导调走了", "… update the metric. Apparently …": why, not the answer
    parsed = reader.parse_answer(edit.value, reader.question(field))
    return parsed.value if parsed is not None and parsed.kind == "answer" and parsed.value not in (None, "") else None


class ActionShowMyPlans(Request):
    """A lead's unit's plans; the planning office, who has no unit of its own, gets the query answered."""

    def name(self) -> Text:
        return "action_show_my_plans"

    def handle(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> EventList:
        identity = identify(tracker)
        if roles.can(identity, Permission.READ_ALL_PLANS):
            return [FollowupAction("action_query_plans")]
        with session_scope() as session:
            dispatcher.utter_message(text=cycle_text.my_plans_text(session, identity, lang_of(tracker)))
        return []


class ActionConfirmWithdraw(Request):
    """ "Withdraw plan 3": name the plan and ask before doing it."""

    def name(self) -> Text:
        return "action_confirm_withdraw"

    def handle(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> EventList:
        identity = identify(tracker)
        refused = refused_filing(dispatcher, tracker, identity)
        if refused is not None:
            return refused
        plan_id = next(tracker.get_latest_entity_values("plan_id"), None)
        with session_scope() as session:  # by number, else by its title ("the promotion one"), else the newest
            result = lifecycle.plan_to_withdraw(session, identity, plan_id, tracker.latest_message.get("text") or "")
            if not result.ok:
                utter(dispatcher, [plan_text.refusal(result, identity, lang_of(tracker), none_key="withdraw_none")])
                return []
            return [SlotSet("withdraw_candidate", result.the_plan.id), *ask_to_confirm(Confirming.WITHDRAW)]


def withdraw(turn: Turn) -> EventList:
    plan_id = int_slot(turn.tracker, "withdraw_candidate")
    with session_scope() as session:
        result = lifecycle.withdraw(session, identify(turn.tracker), plan_id)
        utter(turn.dispatcher, [plan_text.withdrawn(result, turn.lang)])
    if result.outcome is not Outcome.WITHDRAWN:
        return [SlotSet("withdraw_candidate", None)]
    events = [SlotSet("withdraw_candidate", None)]
    if int_slot(turn.tracker, "plan_draft_id") == plan_id:
        events += clear_plan_slots()
    return events


# --- no plan this year -------------------------------------------------------------------------


class ActionStartNoPlan(Request):
    def name(self) -> Text:
        return "action_start_no_plan"

    def handle(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> EventList:
        identity = identify(tracker)
        text = tracker.latest_message.get("text") or ""
        year = planning.round_year([int(y) for y in tracker.get_latest_entity_values("year")], text)
        read_as_a_request = (tracker.latest_message.get("intent") or {}).get("confidence", 0) >= 1.0  # by pattern
        events: EventList = []
        if faq.is_question(text) and not read_as_a_request:
            # "do all department heads have to hand in a plan?" asks; "我们明年不做机器学习，这咋报？" also declares
            found = faq.lookup(text)
            declared = answers.declares_no_plan(text)  # then the reason is asked next: no topics offered
            events = send_answer(
                dispatcher,
                tracker,
                found.matches[0].id if found.decision == "answer" else "every-leader-plan",
                offer_related=not declared,
            )
            if not declared:
                if roles.why_not_file(identity) is None:
                    with session_scope() as session:
                        unit = planning.unit_name(session, identity.unit, lang_of(tracker))
                    say(
                        dispatcher,
                        tracker,
                        "no_plan_offer",
                        unit=unit,
                        year=year,
                        buttons=[button("button_declare_no_plan", lang_of(tracker), no_plan_payload(year), year=year)],
                    )
                return events
        refused = refused_filing(dispatcher, tracker, identity)
        if refused is not None:
            return [*events, *refused]
        if not planning.in_cycle(year):
            first, last = planning.allowed_years()
            say(dispatcher, tracker, "no_plan_bad_year", first=first, last=last, example=planning.default_year())
            return events
        sure = (tracker.latest_message.get("intent") or {}).get("confidence", 0) >= SURE
        reason = answers.reason_in(text) if sure else None  # "we have no ML plan next year, the budget was cut"
        if reason:
            record_no_plan(Turn(dispatcher, tracker), year, reason)
            return events
        return [
            *events,
            SlotSet("plan_unit", identity.unit),
            SlotSet("plan_year", year),
            SlotSet("no_plan_reason", None),
            SlotSet("form_exit", None),
            FollowupAction("no_plan_form"),
        ]


class ActionAskNoPlanReason(Action):
    def name(self) -> Text:
        return "action_ask_no_plan_reason"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> EventList:
        lang = lang_of(tracker)
        with session_scope() as session:
            unit = planning.unit_name(session, tracker.get_slot("plan_unit") or "", lang)
        text = messages.text("no_plan_ask_reason", lang, unit=unit, year=int_slot(tracker, "plan_year"))
        prompt = prompts.other_question(text, [], lang, tracker.get_slot("reask"))
        if prompt is not None:
            dispatcher.utter_message(text=prompt.text, buttons=prompt.buttons)
        return [SlotSet("reask", None)]


_A_LATER_ROUND = re.compile(
    r"\b(?:following|next|later|another|future|coming) (?:cycle|round|year|time)\b|\bin (?:the )?future\b|\blater\b|"
    r"下次|下一轮|下一次|以后|将来|后年|明年再|下个周期|下一年度",
    re.IGNORECASE,
)


class ValidateNoPlanForm(PendingQuestionForm):
    def name(self) -> Text:
        return "validate_no_plan_form"

    def handlers(self) -> Sequence[Handler]:
        return (self.files_after_all, *super().handlers())

    def files_after_all(self, reading: Reading, question: Question, turn: Turn) -> Optional[Slots]:
        """ "那还是报一个好了，帮我开一份明年的计划": no "no plan" after all, a plan instead."""
        text = turn.tracker.latest_message.get("text") or ""
        request = patterns.recognise(text)
        if request is None or request[0] != "start_plan" or _A_LATER_ROUND.search(text):
            return None  # "We intend to prepare a plan in the following cycle" is the reason
        return {"form_exit": FormExit.START_PLAN}

    def accept(self, question: Question, value: Any, extra: Dict[str, Any], turn: Turn) -> Slots:
        message = turn.tracker.latest_message or {}
        intent = message.get("intent") or {}
        if (
            intent.get("name") == "declare_no_plan"
            and (intent.get("confidence") or 0) >= 0.8
            and answers.says_no_plan(message.get("text") or "")
        ):
            value = answers.reason_in(message.get("text") or "")  # "no plan", said again: where is the reason?
            if value is None:
                return self.reject("no_plan_not_a_reason", turn, question)
        if isinstance(value, str) and answers.says_only_how_it_was_decided(value):
            return self.reject("no_plan_how_not_why", turn, question)  # "It is a management decision."
        if isinstance(value, str) and answers.gives_no_reason(value):
            return self.reject("no_plan_not_a_reason", turn, question)  # "没得就是没得噻"
        return accepted({"no_plan_reason": value})


class ActionNoPlanFormDone(Action):
    def name(self) -> Text:
        return "action_no_plan_form_done"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> EventList:
        turn = Turn(dispatcher, tracker)
        events = [SlotSet("form_exit", None), SlotSet("no_plan_reason", None), SlotSet("failed_tries", 0)]
        reason = tracker.get_slot("no_plan_reason")
        if tracker.get_slot("form_exit") == FormExit.EDIT:
            return events + [FollowupAction("action_edit_plan")]
        if tracker.get_slot("form_exit") == FormExit.START_PLAN:
            return events + [FollowupAction("action_start_plan")]
        if tracker.get_slot("form_exit") or not reason:
            turn.say("no_plan_left")
            return events
        record_no_plan(turn, int_slot(tracker, "plan_year") or planning.default_year(), reason)
        return events


def record_no_plan(turn: Turn, year: int, reason: str) -> None:
    with session_scope() as session:
        result = lifecycle.declare_no_plan(session, identify(turn.tracker), year, reason, turn.lang)
        utter(turn.dispatcher, plan_text.no_plan_declared(session, result, turn.lang))
