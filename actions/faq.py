"""FAQ answers from the knowledge base, with related topics and follow-ups."""

from __future__ import annotations

from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.after_pause import resume_if_answered
from actions.context import identify
from actions.replies import lang_of, say
from bot import messages, planning, roles
from bot.dialogue import answers
from bot.kb import faq, gaps, search
from bot.nlu.patterns import back_to_the_draft, names_a_plan_to_file
from bot.roles import Permission
from bot.store.db import session_scope

RELATED_BUTTONS = 3

search.warm_up_in_background()


def kb_buttons(ids: List[str], lang: str) -> List[Dict[str, str]]:
    """A button for each knowledge-base entry, titled with its question."""
    return [{"title": faq.title(i, lang), "payload": faq.payload(i)} for i in ids]


def send_answer(
    dispatcher: CollectingDispatcher, tracker: Tracker, entry_id: str, *, offer_related: bool = True
) -> List[Dict[Text, Any]]:
    """Answer with entry `entry_id`, offer its related topics (not when a question follows), remember it."""
    lang = lang_of(tracker)
    dispatcher.utter_message(text=faq.answer_text(entry_id, lang))
    related = faq.related(entry_id)[:RELATED_BUTTONS] if offer_related else []
    if related:
        dispatcher.utter_message(text=messages.text("faq_related", lang), buttons=kb_buttons(related, lang))
    seen = [*(tracker.get_slot("faq_seen") or []), entry_id][-20:]
    return [SlotSet("last_kb_id", entry_id), SlotSet("faq_seen", seen)]


def _paused_draft(tracker: Tracker) -> Optional[int]:
    """The number of the person's draft, when they have one."""
    identity = identify(tracker)
    if identity is None or not identity.unit:
        return None
    with session_scope() as session:
        draft = planning.find_draft(session, identity)
        return draft.id if draft is not None else None


class ActionAnswerFaq(Action):
    """Look the question up: answer, offer close candidates, or say honestly that it is unknown."""

    def name(self) -> Text:
        return "action_answer_faq"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        chosen = next(tracker.get_latest_entity_values("kb_id"), None)
        if chosen and faq.exists(chosen):
            return send_answer(dispatcher, tracker, chosen)
        resumed = resume_if_answered(tracker)
        if resumed is not None:
            return resumed
        question = tracker.latest_message.get("text") or ""
        meant = (
            self._plan_request(tracker, question) if not tracker.active_loop and self._not_a_question(tracker) else None
        )
        if meant:
            return [FollowupAction(meant)]
        lookup = faq.lookup(question)
        if lookup.decision == "answer":
            return send_answer(dispatcher, tracker, lookup.matches[0].id)
        lang = lang_of(tracker)
        if lookup.decision == "clarify":
            ids = [m.id for m in lookup.matches]
            dispatcher.utter_message(text=messages.text("faq_clarify", lang), buttons=kb_buttons(ids, lang))
            return []
        draft = tracker.get_slot("plan_draft_id") or _paused_draft(tracker)
        if self._not_a_question(tracker) or (draft and not faq.is_question(question)):
            # the NLU did not see a question, or a statement follows a pause ("must succeed, budget is tight")
            if draft:  # most likely an answer typed after a pause: say how to go back to the plan
                say(dispatcher, tracker, "please_rephrase_draft", id=draft)
            else:
                say(dispatcher, tracker, "please_rephrase")
            return []
        with session_scope() as session:
            gaps.record(session, question, lookup, lang=lang, sender=tracker.sender_id)
        say(dispatcher, tracker, "faq_none")
        return []

    @classmethod
    def _plan_request(cls, tracker: Tracker, text: str) -> Optional[str]:
        """What an unread message most likely asks of a lead: back to the paused draft ("我这边问好了，咱接着整"),
        a new plan ("物流部准备弄个机器学习的方案"), which the question "Are the unit and year right?" checks,
        no plan this year, whose reason is then asked, or a planner's decision on the plan just shown."""
        if back_to_the_draft(text) and (tracker.get_slot("plan_draft_id") or _paused_draft(tracker)):
            return "action_resume_plan"
        if names_a_plan_to_file(text) and roles.can(identify(tracker), Permission.FILE_PLAN):
            return "action_start_plan"
        if answers.declares_no_plan(text) and roles.can(identify(tracker), Permission.FILE_PLAN):
            return "action_start_no_plan"  # "今年就不报了哈，我们在换ERP系统": the reason is asked, not assumed
        if (
            tracker.get_slot("last_plan_id")
            and not faq.is_question(text)  # "And has anybody put their hand up for no plan?" decides nothing
            and answers.split_review(text)[0]
            and roles.can(identify(tracker), Permission.REVIEW_PLANS)
        ):
            return "action_start_review"  # "Yeah nah, that one needs more work": confirmed before it is recorded
        return None

    @staticmethod
    def _not_a_question(tracker: Tracker) -> bool:
        return (tracker.latest_message.get("intent") or {}).get("name") in ("nlu_fallback", "inform")


class ActionReplyOutOfScope(Action):
    """Outside what the assistant does, unless the knowledge base answers the question outright."""

    def name(self) -> Text:
        return "action_reply_out_of_scope"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        resumed = resume_if_answered(tracker)
        if resumed is not None:
            return resumed
        text = tracker.latest_message.get("text") or ""
        if faq.is_question(text):
            lookup = faq.lookup(text)
            if lookup.decision == "answer":
                return send_answer(dispatcher, tracker, lookup.matches[0].id)
        say(dispatcher, tracker, "out_of_scope")
        return []


FAQ_ACTIONS = frozenset({"action_answer_faq", "action_faq_more", "action_reply_out_of_scope"})
_BOOKKEEPING = frozenset({"action_listen", "action_read_context", "action_extract_slots", "action_session_start"})


def _last_bot_action(tracker: Tracker) -> Optional[str]:
    """The last action the bot ran before the latest message, bookkeeping aside."""
    before_latest = False
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            if before_latest:
                return None
            before_latest = True
        elif before_latest and event.get("event") == "action" and event.get("name") not in _BOOKKEEPING:
            return event.get("name")
    return None


class ActionFaqMore(Action):
    """ "Tell me more" / "举个例子": go on to a related entry of the last answer."""

    def name(self) -> Text:
        return "action_faq_more"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        text = tracker.latest_message.get("text") or ""
        if (
            back_to_the_draft(text)
            and _last_bot_action(tracker) not in FAQ_ACTIONS
            and (tracker.get_slot("plan_draft_id") or _paused_draft(tracker))
        ):
            return [FollowupAction("action_resume_plan")]  # "继续" after a pause, not after an answer
        last: Optional[str] = tracker.get_slot("last_kb_id")
        named = faq.lookup(text)
        if named.decision == "answer" and named.matches[0].id != last:
            # the follow-up names another topic: "货车运输的例子", "more about data lakes"
            return send_answer(dispatcher, tracker, named.matches[0].id)
        if not last or not faq.exists(last):
            say(dispatcher, tracker, "faq_more_nothing")
            return []
        wants_example = faq.asks_for_example(text)
        following = faq.follow_up(last, tracker.get_slot("faq_seen") or [], wants_example)
        if following is None:
            say(dispatcher, tracker, "faq_more_done")
            return []
        return send_answer(dispatcher, tracker, following)
