"""Starting, resuming, pausing, summarising, submitting, editing and withdrawing plans."""
from __future__ import annotations

from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import ActiveLoop, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.context import identify
from actions.faq import send_answer
from actions.plan_form import button, int_slot, lang_of
from bot import answers, assessment, messages, planning, roles
from bot.directory import Identity
from bot.kb import faq
from bot.plan_schema import ANSWER_FIELD_NAMES
from bot.roles import Permission
from bot.store import plans as store
from bot.store.db import session_scope
from bot.store.models import Plan

EDITABLE = ("draft", "submitted", "needs_work", "approved")


def say(dispatcher: CollectingDispatcher, tracker: Tracker, key: str, buttons=None, **values: Any) -> None:
    dispatcher.utter_message(text=messages.text(key, lang_of(tracker), **values), buttons=buttons or [])


def stage(value: str) -> Dict[Text, Any]:
    return SlotSet("plan_stage", value)


def no_plan_payload(year: int) -> str:
    return '/declare_no_plan{"year": %d}' % year


def may_file(dispatcher: CollectingDispatcher, tracker: Tracker, identity: Identity) -> bool:
    """Leads with a unit file plans; everyone else is told why not."""
    refusal = planning.filing_refusal(identity, lang_of(tracker))
    if refusal:
        dispatcher.utter_message(text=refusal)
    return refusal is None


def load_plan_slots(plan: Plan) -> List[Dict[Text, Any]]:
    values = planning.slot_values(plan)
    return [SlotSet(name, value) for name, value in values.items()] + [
        SlotSet("plan_draft_id", plan.id), SlotSet("plan_draft_version", plan.version),
        SlotSet("plan_unit", plan.unit_key), SlotSet("plan_year", plan.year), SlotSet("invalid_answers", 0),
    ]


def clear_plan_slots() -> List[Dict[Text, Any]]:
    return [SlotSet(name, None) for name in ANSWER_FIELD_NAMES] + [
        SlotSet(name, None) for name in ("plan_draft_id", "plan_draft_version", "plan_unit", "plan_year", "invalid_answers")
    ]


class ActionStartPlan(Action):
    def name(self) -> Text:
        return "action_start_plan"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[Dict[Text, Any]]:
        identity = identify(tracker)
        if not may_file(dispatcher, tracker, identity):
            return [stage("blocked")]
        lang = lang_of(tracker)
        year = next(tracker.get_latest_entity_values("year"), None) or planning.default_year()
        if not planning.in_cycle(int(year)):
            first, last = planning.allowed_years()
            say(dispatcher, tracker, "plan_bad_year", first=first, last=last)
            return [stage("blocked")]
        with session_scope() as session:
            unit = planning.unit_name(session, identity.unit, lang)
            draft = planning.find_draft(session, identity, int(year))
            if draft is not None:
                values = planning.slot_values(draft)
                say(dispatcher, tracker, "plan_existing_draft", unit=unit, year=draft.year, id=draft.id,
                    title=planning.title_of(draft, lang), done=planning.answered(values), total=len(ANSWER_FIELD_NAMES))
                return [*clear_plan_slots(), *load_plan_slots(draft), stage("fill")]
        say(dispatcher, tracker, "plan_confirm_unit_year", unit=unit, year=year, buttons=[
            button(messages.text("button_yes", lang), "/affirm"),
            button(messages.text("button_other_year", lang), "/deny"),
        ])
        return [*clear_plan_slots(), SlotSet("plan_unit", identity.unit), SlotSet("plan_year", int(year)), stage("confirm")]


class ActionAskPlanYear(Action):
    def name(self) -> Text:
        return "action_ask_plan_year"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[Dict[Text, Any]]:
        say(dispatcher, tracker, "plan_ask_year")
        return []


class ActionResumePlan(Action):
    def name(self) -> Text:
        return "action_resume_plan"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[Dict[Text, Any]]:
        identity = identify(tracker)
        if not may_file(dispatcher, tracker, identity):
            return [stage("blocked")]
        lang = lang_of(tracker)
        with session_scope() as session:
            draft = planning.find_draft(session, identity)
            if draft is None:
                say(dispatcher, tracker, "plan_no_draft")
                return [stage("none")]
            values = planning.slot_values(draft)
            say(dispatcher, tracker, "plan_resuming", unit=planning.unit_name(session, draft.unit_key, lang),
                year=draft.year, title=planning.title_of(draft, lang), done=planning.answered(values),
                total=len(ANSWER_FIELD_NAMES))
            return [*load_plan_slots(draft), stage("fill")]


class ActionPausePlan(Action):
    """`cancel`: leave the form; every answer so far is already in the draft."""

    def name(self) -> Text:
        return "action_pause_plan"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[Dict[Text, Any]]:
        draft_id = int_slot(tracker, "plan_draft_id")
        if draft_id is None:
            say(dispatcher, tracker, "plan_paused_empty")
        else:
            say(dispatcher, tracker, "plan_paused", id=draft_id)
        return [ActiveLoop(None), SlotSet("requested_slot", None), stage("none")]


class ActionPlanSummary(Action):
    def name(self) -> Text:
        return "action_plan_summary"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[Dict[Text, Any]]:
        lang = lang_of(tracker)
        slots = {name: tracker.get_slot(name) for name in ANSWER_FIELD_NAMES}
        result = assessment.assess(planning.stored_answers(slots))
        with session_scope() as session:
            unit = planning.unit_name(session, tracker.get_slot("plan_unit") or "", lang)
        dispatcher.utter_message(text=planning.summary_text(slots, result, lang, unit=unit, year=int_slot(tracker, "plan_year")))
        say(dispatcher, tracker, "plan_summary_confirm", buttons=[
            button(messages.text("button_submit", lang), "/affirm"),
            button(messages.text("button_change", lang), "/edit_plan"),
            button(messages.text("button_later", lang), "/deny"),
        ])
        return [stage("none")]


class ActionSubmitPlan(Action):
    def name(self) -> Text:
        return "action_submit_plan"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[Dict[Text, Any]]:
        identity = identify(tracker)
        lang = lang_of(tracker)
        plan_id = int_slot(tracker, "plan_draft_id")
        if plan_id is None or not may_file(dispatcher, tracker, identity):
            say(dispatcher, tracker, "edit_no_plan")
            return clear_plan_slots()
        with session_scope() as session:
            plan = store.get_plan(session, plan_id)
            if plan.unit_key != identity.unit or plan.status not in EDITABLE:
                say(dispatcher, tracker, "edit_not_allowed", id=plan_id)
                return clear_plan_slots()
            result = assessment.assess(planning.stored_answers(planning.slot_values(plan)))
            was_draft = plan.status == "draft"  # an edited plan goes back to the planning office for review
            plan = store.set_status(session, plan_id, "submitted", actor=identity.person_id, assessment=result)
            if was_draft:
                say(dispatcher, tracker, "plan_submitted", id=plan.id, version=plan.version)
            else:
                say(dispatcher, tracker, "plan_updated", id=plan.id, version=plan.version,
                    status=messages.text(f"status.{plan.status}", lang))
            similar = planning.similar_plans(session, plan)
            if similar:
                items = "\n".join(
                    f"• #{other.id} {planning.unit_name(session, other.unit_key, lang)}: {planning.title_of(other, lang)}"
                    for other, _ in similar
                )
                say(dispatcher, tracker, "plan_similar", items=items)
        return clear_plan_slots()


class ActionKeepDraft(Action):
    def name(self) -> Text:
        return "action_keep_draft"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[Dict[Text, Any]]:
        say(dispatcher, tracker, "plan_kept_as_draft")
        return []


class ActionEditPlan(Action):
    """Change one answer, by field name, in the draft or in a submitted plan (a new version)."""

    def name(self) -> Text:
        return "action_edit_plan"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[Dict[Text, Any]]:
        identity = identify(tracker)
        leave_form = [ActiveLoop(None), SlotSet("requested_slot", None)]
        if not may_file(dispatcher, tracker, identity):
            return [*leave_form, stage("blocked")]
        lang = lang_of(tracker)
        field = next((f for f in tracker.get_latest_entity_values("plan_field") if f in ANSWER_FIELD_NAMES), None)
        plan_id = next(tracker.get_latest_entity_values("plan_id"), None) or int_slot(tracker, "plan_draft_id")
        with session_scope() as session:
            plan = self._target(session, identity, plan_id)
            if plan is None:
                say(dispatcher, tracker, "edit_no_plan")
                return [*leave_form, stage("none")]
            if plan.unit_key != identity.unit or plan.status not in EDITABLE:
                say(dispatcher, tracker, "edit_not_allowed", id=plan.id)
                return [*leave_form, stage("none")]
            slots = load_plan_slots(plan)
            if field is None:
                buttons = [button(messages.text(f"field.{name}", lang), '/edit_plan{"plan_field": "%s"}' % name)
                           for name in ANSWER_FIELD_NAMES]
                say(dispatcher, tracker, "edit_which_field", buttons=buttons)
                return [*leave_form, *slots, stage("choose_field")]
            current = planning.display_value(field, planning.slot_values(plan)[field], lang)
        say(dispatcher, tracker, "edit_starting", id=plan.id, current=current,
            field=messages.text(f"field.{field}", lang))
        return [*leave_form, *slots, SlotSet(field, None), stage("fill")]

    @staticmethod
    def _target(session, identity: Identity, plan_id: Optional[int]) -> Optional[Plan]:
        if plan_id is not None:
            return session.get(Plan, int(plan_id))
        draft = planning.find_draft(session, identity)
        if draft is not None:
            return draft
        mine = [p for p in store.list_plans(session, unit=identity.unit) if p.status in EDITABLE]
        return mine[0] if mine else None


class ActionShowMyPlans(Action):
    def name(self) -> Text:
        return "action_show_my_plans"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[Dict[Text, Any]]:
        with session_scope() as session:
            dispatcher.utter_message(text=planning.my_plans_text(session, identify(tracker), lang_of(tracker)))
        return []


class ActionConfirmWithdraw(Action):
    def name(self) -> Text:
        return "action_confirm_withdraw"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[Dict[Text, Any]]:
        identity = identify(tracker)
        if not may_file(dispatcher, tracker, identity):
            return [stage("blocked")]
        lang = lang_of(tracker)
        plan_id = next(tracker.get_latest_entity_values("plan_id"), None)
        with session_scope() as session:
            if plan_id is not None:
                plan = session.get(Plan, int(plan_id))
            else:
                candidates = [p for p in store.list_plans(session, unit=identity.unit) if p.status != "withdrawn"]
                plan = candidates[0] if candidates else None
            if plan is None:
                say(dispatcher, tracker, "withdraw_none")
                return [stage("none")]
            if plan.unit_key != identity.unit or plan.status == "withdrawn":
                say(dispatcher, tracker, "edit_not_allowed", id=plan.id)
                return [stage("none")]
            say(dispatcher, tracker, "withdraw_confirm", id=plan.id, year=plan.year, title=planning.title_of(plan, lang), buttons=[
                button(messages.text("button_withdraw", lang), "/affirm"),
                button(messages.text("button_keep", lang), "/deny"),
            ])
            return [SlotSet("withdraw_candidate", plan.id), stage("confirm")]


class ActionWithdrawPlan(Action):
    def name(self) -> Text:
        return "action_withdraw_plan"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[Dict[Text, Any]]:
        identity = identify(tracker)
        plan_id = int_slot(tracker, "withdraw_candidate")
        with session_scope() as session:
            plan = session.get(Plan, plan_id) if plan_id is not None else None
            if plan is None or not roles.can(identity, Permission.FILE_PLAN, plan.unit_key):
                say(dispatcher, tracker, "withdraw_none")
                return [SlotSet("withdraw_candidate", None), stage("none")]
            store.set_status(session, plan.id, "withdrawn", actor=identity.person_id)
        say(dispatcher, tracker, "withdraw_done", id=plan_id)
        events = [SlotSet("withdraw_candidate", None), stage("none")]
        if int_slot(tracker, "plan_draft_id") == plan_id:
            events += clear_plan_slots()
        return events


class ActionKeepPlan(Action):
    def name(self) -> Text:
        return "action_keep_plan"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[Dict[Text, Any]]:
        say(dispatcher, tracker, "withdraw_kept")
        return [SlotSet("withdraw_candidate", None), stage("none")]


class ActionStartNoPlan(Action):
    def name(self) -> Text:
        return "action_start_no_plan"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[Dict[Text, Any]]:
        identity = identify(tracker)
        year = int(next(tracker.get_latest_entity_values("year"), None) or planning.default_year())
        asked = self._asked_about_the_rule(tracker)
        if asked:
            # "do all department heads have to hand in a plan?" asks; it declares nothing
            events = send_answer(dispatcher, tracker, asked)
            if planning.filing_refusal(identity, lang_of(tracker)) is None:
                with session_scope() as session:
                    unit = planning.unit_name(session, identity.unit, lang_of(tracker))
                say(dispatcher, tracker, "no_plan_offer", unit=unit, year=year, buttons=[
                    button(messages.text("button_declare_no_plan", lang_of(tracker), year=year), no_plan_payload(year))])
            return [*events, stage("blocked")]
        if not may_file(dispatcher, tracker, identity):
            return [stage("blocked")]
        if not planning.in_cycle(year):
            first, last = planning.allowed_years()
            say(dispatcher, tracker, "no_plan_bad_year", first=first, last=last, example=planning.default_year())
            return [stage("blocked")]
        return [SlotSet("plan_unit", identity.unit), SlotSet("plan_year", year),
                SlotSet("no_plan_reason", None), stage("fill")]

    @staticmethod
    def _asked_about_the_rule(tracker: Tracker) -> Optional[str]:
        """The knowledge-base entry a question read as "no plan" is really about, if the lookup is sure."""
        text = tracker.latest_message.get("text") or ""
        if not faq.is_question(text):
            return None
        found = faq.lookup(text)
        return found.matches[0].id if found.decision == "answer" else None


class ActionAskNoPlanReason(Action):
    def name(self) -> Text:
        return "action_ask_no_plan_reason"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[Dict[Text, Any]]:
        lang = lang_of(tracker)
        with session_scope() as session:
            unit = planning.unit_name(session, tracker.get_slot("plan_unit") or "", lang)
        say(dispatcher, tracker, "no_plan_ask_reason", unit=unit, year=int_slot(tracker, "plan_year"))
        return []


class ValidateNoPlanForm(FormValidationAction):
    def name(self) -> Text:
        return "validate_no_plan_form"

    def validate_no_plan_reason(self, slot_value: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
                                domain: DomainDict) -> Dict[Text, Any]:
        if answers.is_dismissal(tracker.latest_message.get("text") or ""):
            say(dispatcher, tracker, "no_plan_not_a_reason")
            return {"no_plan_reason": None}
        parsed = planning.parse_answer("problem", slot_value or "")
        if parsed.problem:
            say(dispatcher, tracker, parsed.problem)
            return {"no_plan_reason": None}
        return {"no_plan_reason": parsed.value}


class ActionRecordNoPlan(Action):
    def name(self) -> Text:
        return "action_record_no_plan"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[Dict[Text, Any]]:
        identity = identify(tracker)
        lang = lang_of(tracker)
        if not may_file(dispatcher, tracker, identity):
            return [stage("blocked")]
        year = int_slot(tracker, "plan_year") or planning.default_year()
        with session_scope() as session:
            plan = store.create_plan(session, unit=identity.unit, year=year, owner=identity.person_id, language=lang,
                                     status="no_plan", no_plan_reason=tracker.get_slot("no_plan_reason"))
            say(dispatcher, tracker, "no_plan_recorded", unit=planning.unit_name(session, identity.unit, lang),
                year=year, id=plan.id)
        return [SlotSet("no_plan_reason", None), stage("none")]


