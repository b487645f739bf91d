"""The planning office in chat: querying plans, reading one, recording a review.

The questions are answered by bot/queries.py and the review recorded by bot/lifecycle.py,
as data; bot/plan_text.py words them."""

from __future__ import annotations

from typing import Any, Dict, List, Optional, Sequence, Text, Tuple

from rasa_sdk import Action, Tracker
from rasa_sdk.events import FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.context import identify
from actions.forms import Handler, PendingQuestionForm, Request, Slots, accepted
from actions.plan_flow import SURE, decides_on_plan_in_view
from actions.replies import Turn, button, entity, int_slot, lang_of
from bot import lifecycle, messages, plan_text, planning, queries, roles
from bot.dialogue import answers, prompts
from bot.dialogue.reader import Question, Reading
from bot.flow import Confirming, FormExit, Reask
from bot.nlu import patterns
from bot.roles import Permission
from bot.store.db import session_scope


def listed_plan(tracker: Tracker, text: str) -> Optional[int]:
    """The plan at a place in the list the last query showed ("第1个具体写的啥", "send the second one back"),
    or the one listed plan whose number the message says bare ("And 2, send back please")."""
    position = planning.position_in(text)
    number = planning.number_in(text)
    plans = _last_listing(tracker)
    ids = [plan_id for plan_id, _ in plans]
    if position is not None:
        index = len(ids) - 1 if position == -1 else position - 1
        return ids[index] if 0 <= index < len(ids) else None
    if number is not None:
        return number if number in ids else None
    return queries.titled(plans, text)  # "客服工单智能分类那个，先退回去吧"


def _last_listing(tracker: Tracker) -> List[Tuple[int, str]]:
    """(id, title) of the plans the conversation's last query listed, in their order."""
    asked = next(
        (
            event
            for event in reversed(tracker.events)
            if event.get("event") == "user"
            and ((event.get("parse_data") or {}).get("intent") or {}).get("name") == "query_plans"
        ),
        None,
    )
    if asked is None:
        return []
    said: Dict[str, Any] = {}
    for found in (asked.get("parse_data") or {}).get("entities") or []:
        said.setdefault(found.get("entity"), found.get("value"))
    flt = queries.parse_filter(
        asked.get("text") or "",
        year=said.get("year"),
        unit=said.get("unit"),
        status=said.get("status"),
        challenge=said.get("challenge"),
    )
    with session_scope() as session:
        return queries.listed(session, identify(tracker), flt)


class ActionQueryPlans(Request):
    def name(self) -> Text:
        return "action_query_plans"

    def handle(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[Dict[Text, Any]]:
        text = tracker.latest_message.get("text") or ""
        flt = queries.parse_filter(
            text,
            year=entity(tracker, "year"),
            unit=entity(tracker, "unit"),
            status=entity(tracker, "status"),
            challenge=entity(tracker, "challenge"),
        )
        identity = identify(tracker)
        with session_scope() as session:
            found = queries.answer(session, identity, flt)
            dispatcher.utter_message(text=plan_text.query_answer(session, found, lang_of(tracker)))
            offer = queries.nothing_filed_yet(session, identity, found)
        if offer:
            return [FollowupAction("action_start_plan")]  # "hey, quality plan for next yr pls"
        listed = [plan.id for plan in found.plans]
        return [SlotSet("last_plan_id", listed[0] if len(listed) == 1 else None)]  # "这个能批": the one listed


class ActionShowPlan(Request):
    def name(self) -> Text:
        return "action_show_plan"

    def handle(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[Dict[Text, Any]]:
        lang = lang_of(tracker)
        text = tracker.latest_message.get("text") or ""
        plan_id = entity(tracker, "plan_id") or listed_plan(tracker, text) or planning.number_in(text)
        if plan_id is None:
            dispatcher.utter_message(text=messages.text("show_plan_which", lang))
            return []
        with session_scope() as session:
            shown = queries.plan_to_show(session, identify(tracker), int(plan_id))
            dispatcher.utter_message(text=plan_text.shown_plan(session, shown, lang))
        return [SlotSet("last_plan_id", int(plan_id))]  # "send that one back" means this plan


class ActionStartReview(Request):
    """ "approve plan 12: good work" / "退回计划 12：请补充基线": what the message says is
    filled in; review_form asks for the rest."""

    def name(self) -> Text:
        return "action_start_review"

    def handle(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[Dict[Text, Any]]:
        lang = lang_of(tracker)
        identity = identify(tracker)
        if not roles.can(identity, Permission.REVIEW_PLANS):
            dispatcher.utter_message(text=messages.text("review_not_allowed", lang))
            return []
        said = tracker.latest_message.get("text") or ""
        _, note = answers.split_review(said)
        decided = said[: said.rfind(note)] if note and said.rfind(note) > 0 else said  # not "…after Q2" in the note
        plan_id = (
            entity(tracker, "plan_id") or listed_plan(tracker, decided) or int_slot(tracker, "last_plan_id")
        )  # "I'll send that one back"
        if plan_id is None:
            dispatcher.utter_message(text=messages.text("review_which", lang))
            return []
        text = tracker.latest_message.get("text") or ""
        turn = Turn(dispatcher, tracker)
        decision, note = answers.split_review(text)
        read_as = tracker.latest_message.get("intent") or {}
        confidence = read_as.get("confidence", 0)
        if read_as.get("name") != "review_plan" and decides_on_plan_in_view(tracker):
            confidence = 1.0  # handed over from a lead's request: the decision reader is sure
        separate = answers.separate_decisions(text)
        if separate and confidence >= SURE:  # "Approve 1 (nice scoping) and please send 2 back - …"
            for each, its_decision, its_note in separate:
                if self._introduce(turn, each):
                    record_review(turn, each, its_decision, its_note)
            return [SlotSet("last_plan_id", None)]
        together = patterns.plans_decided_together(text)
        if together and decision and note and confidence >= SURE:  # "#1 和 #2 …两份都批准，意见一样：…"
            for each in together:
                if self._introduce(turn, each):
                    record_review(turn, each, decision, note)
            return [SlotSet("last_plan_id", None)]  # several plans: none is "it" any more
        if not self._introduce(turn, int(plan_id)):
            return []
        if decision and note and confidence >= SURE:
            return record_review(turn, int(plan_id), decision, note)
        if decision and note:  # read with less confidence: ask before recording
            return [
                SlotSet("review_plan_id", int(plan_id)),
                SlotSet("review_decision", decision),
                SlotSet("review_note", note),
                SlotSet("confirming", Confirming.REVIEW),
                SlotSet("confirmation", None),
                FollowupAction("confirm_form"),
            ]
        return [
            SlotSet("review_plan_id", int(plan_id)),
            SlotSet("review_decision", decision),
            SlotSet("review_note", note),
            SlotSet("form_exit", None),
            FollowupAction("review_form"),
        ]

    @staticmethod
    def _introduce(turn: Turn, plan_id: int) -> bool:
        """Says which plan is being reviewed; or, when it cannot be, why not (False)."""
        with session_scope() as session:
            found = lifecycle.plan_to_review(session, identify(turn.tracker), plan_id)
            if not found.ok:
                turn.dispatcher.utter_message(text=messages.text("review_not_reviewable", turn.lang, id=plan_id))
                return False
            unit = planning.unit_name(session, found.the_plan.unit_key, turn.lang)
            title = planning.title_of(found.the_plan, turn.lang)
        turn.dispatcher.utter_message(
            text=messages.text("review_context", turn.lang, id=plan_id, unit=unit, title=title)
        )
        return True


class ActionAskReviewDecision(Action):
    def name(self) -> Text:
        return "action_ask_review_decision"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[Dict[Text, Any]]:
        lang = lang_of(tracker)
        buttons = [
            button("button_approve", lang, prompts.choice_payload("approved")),
            button("button_needs_work", lang, prompts.choice_payload("needs_work")),
        ]
        prompt = prompts.other_question(
            messages.text("review_ask_decision", lang), buttons, lang, tracker.get_slot("reask")
        )
        if prompt is not None:
            dispatcher.utter_message(text=prompt.text, buttons=prompt.buttons)
        return [SlotSet("reask", None)]


class ActionAskReviewNote(Action):
    def name(self) -> Text:
        return "action_ask_review_note"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[Dict[Text, Any]]:
        lang = lang_of(tracker)
        prompt = prompts.other_question(messages.text("review_ask_note", lang), [], lang, tracker.get_slot("reask"))
        if prompt is not None:
            dispatcher.utter_message(text=prompt.text, buttons=prompt.buttons)
        return [SlotSet("reask", None)]


class ValidateReviewForm(PendingQuestionForm):
    def name(self) -> Text:
        return "validate_review_form"

    def handlers(self) -> Sequence[Handler]:
        return (self.office_query, *super().handlers())

    def office_query(self, reading: Reading, question: Question, turn: Turn) -> Optional[Slots]:
        """ "还有哪些部门没交？" mid-review: the listing, then the question again (a note that lists nothing)."""
        text = turn.tracker.latest_message.get("text") or ""
        if reading.kind == "command" or answers.parse_decision(text) or not queries.asks_for_a_listing(text):
            return None
        with session_scope() as session:
            found = queries.answer(session, identify(turn.tracker), queries.parse_filter(text))
            turn.dispatcher.utter_message(text=plan_text.query_answer(session, found, turn.lang))
        return {"reask": Reask.BACK}

    def accept(self, question: Question, value: Any, extra: Dict[str, Any], turn: Turn) -> Slots:
        if question.name == "review_note":
            return accepted({"review_note": value or "-"})
        return accepted({"review_decision": value})

    def accept_skip(self, question: Question, turn: Turn) -> Slots:
        if question.name == "review_note":
            return accepted({"review_note": "-"})
        return self.reject("review_invalid_decision", turn, question)


class ActionReviewFormDone(Action):
    def name(self) -> Text:
        return "action_review_form_done"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[Dict[Text, Any]]:
        events = [SlotSet(name, None) for name in ("review_plan_id", "review_decision", "review_note", "form_exit")]
        turn = Turn(dispatcher, tracker)
        if tracker.get_slot("form_exit") == FormExit.EDIT:
            return events + [FollowupAction("action_edit_plan")]
        if tracker.get_slot("form_exit"):
            turn.say("review_left", id=int_slot(tracker, "review_plan_id") or 12)
            return events
        return events + record_review(
            turn,
            int_slot(tracker, "review_plan_id"),
            tracker.get_slot("review_decision"),
            tracker.get_slot("review_note"),
        )


def record_review(
    turn: Turn, plan_id: Optional[int], decision: Optional[str], note: Optional[str]
) -> List[Dict[Text, Any]]:
    """Record the decision and tell the planner; the plan stays the one spoken of ("no, send it back instead")."""
    with session_scope() as session:  # the lead hears of the decision at once
        result = lifecycle.review(session, identify(turn.tracker), plan_id, decision, note)
        turn.dispatcher.utter_message(text=plan_text.reviewed(result, plan_id, turn.lang), buttons=[])
    return [SlotSet("last_plan_id", plan_id)] if plan_id is not None else []
