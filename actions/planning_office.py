"""The planning office in chat: querying plans, reading one, recording a review."""
from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.context import identify
from actions.plan_form import button, choice_payload, int_slot, lang_of
from bot import answers, messages, planning, queries, roles
from bot.roles import Permission
from bot.store import plans as store
from bot.store.db import session_scope


def entity(tracker: Tracker, name: str):
    return next(tracker.get_latest_entity_values(name), None)


class ActionQueryPlans(Action):
    def name(self) -> Text:
        return "action_query_plans"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[Dict[Text, Any]]:
        text = tracker.latest_message.get("text") or ""
        flt = queries.parse_filter(text, year=entity(tracker, "year"), unit=entity(tracker, "unit"),
                                   status=entity(tracker, "status"), challenge=entity(tracker, "challenge"))
        with session_scope() as session:
            dispatcher.utter_message(text=queries.answer_query(session, identify(tracker), flt, lang_of(tracker)))
        return []


class ActionShowPlan(Action):
    def name(self) -> Text:
        return "action_show_plan"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[Dict[Text, Any]]:
        lang = lang_of(tracker)
        plan_id = entity(tracker, "plan_id")
        if plan_id is None:
            dispatcher.utter_message(text=messages.text("show_plan_which", lang))
            return []
        with session_scope() as session:
            dispatcher.utter_message(text=queries.show_plan(session, identify(tracker), int(plan_id), lang))
        return []


class ActionStartReview(Action):
    """"approve plan 12" / "退回计划 12：请补充基线": what can be read from the message
    is filled in; review_form asks for the rest."""

    def name(self) -> Text:
        return "action_start_review"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[Dict[Text, Any]]:
        lang = lang_of(tracker)
        identity = identify(tracker)
        if not roles.can(identity, Permission.REVIEW_PLANS):
            dispatcher.utter_message(text=messages.text("review_not_allowed", lang))
            return [SlotSet("plan_stage", "blocked")]
        plan_id = entity(tracker, "plan_id")
        if plan_id is None:
            dispatcher.utter_message(text=messages.text("review_which", lang))
            return [SlotSet("plan_stage", "blocked")]
        text = tracker.latest_message.get("text") or ""
        with session_scope() as session:
            plan = queries.reviewable(session, identity, plan_id)
            if plan is None:
                dispatcher.utter_message(text=messages.text("review_not_reviewable", lang, id=plan_id))
                return [SlotSet("plan_stage", "blocked")]
            unit = planning.unit_name(session, plan.unit_key, lang)
            title = planning.title_of(plan, lang)
        note = text.split(":", 1)[-1] if ":" in text else text.split("：", 1)[-1] if "：" in text else None
        decision = queries.review_decision(text.split(":")[0].split("：")[0])
        dispatcher.utter_message(text=messages.text("review_context", lang, id=plan_id, unit=unit, title=title))
        return [SlotSet("review_plan_id", int(plan_id)), SlotSet("review_decision", decision),
                SlotSet("review_note", note.strip() if note and note.strip() else None), SlotSet("plan_stage", "fill")]


class ActionAskReviewDecision(Action):
    def name(self) -> Text:
        return "action_ask_review_decision"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[Dict[Text, Any]]:
        lang = lang_of(tracker)
        dispatcher.utter_message(text=messages.text("review_ask_decision", lang),
                                 buttons=[button(messages.text("button_approve", lang), choice_payload("approved")),
                                          button(messages.text("button_needs_work", lang), choice_payload("needs_work"))])
        return []


class ActionAskReviewNote(Action):
    def name(self) -> Text:
        return "action_ask_review_note"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[Dict[Text, Any]]:
        dispatcher.utter_message(text=messages.text("review_ask_note", lang_of(tracker)))
        return []


class ValidateReviewForm(FormValidationAction):
    def name(self) -> Text:
        return "validate_review_form"

    def validate_review_decision(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
                                 domain: DomainDict) -> Dict[Text, Any]:
        if value in ("approved", "needs_work"):
            return {"review_decision": value}
        decision = queries.review_decision(str(value or ""))
        if decision is None:
            dispatcher.utter_message(text=messages.text("plan_invalid_choice", lang_of(tracker)))
        return {"review_decision": decision}

    def validate_review_note(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
                             domain: DomainDict) -> Dict[Text, Any]:
        text = str(value or "").strip()
        if len(text) > planning.MAX_ANSWER_CHARS:
            dispatcher.utter_message(text=messages.text("plan_too_long", lang_of(tracker)))
            return {"review_note": None}
        return {"review_note": "-" if answers.says_none(text) or not text else text}


class ActionRecordReview(Action):
    def name(self) -> Text:
        return "action_record_review"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[Dict[Text, Any]]:
        lang = lang_of(tracker)
        identity = identify(tracker)
        plan_id = int_slot(tracker, "review_plan_id")
        decision = tracker.get_slot("review_decision")
        note = tracker.get_slot("review_note")
        with session_scope() as session:
            if queries.reviewable(session, identity, plan_id) is None or decision not in ("approved", "needs_work"):
                dispatcher.utter_message(text=messages.text("review_not_reviewable", lang, id=plan_id))
            else:
                store.record_review(session, plan_id, decision, "" if note == "-" else note, reviewer=identity.person_id)
                dispatcher.utter_message(text=messages.text("review_recorded", lang, id=plan_id,
                                                            decision=messages.text(f"status.{decision}", lang)))
        return [SlotSet(name, None) for name in ("review_plan_id", "review_decision", "review_note")] + \
            [SlotSet("plan_stage", "none")]
