"""An answer typed soon after a pause ("等一下，我去问问老板" ... "好了，张总说他来当发起人"):
it answers the question the lead paused at, so the plan goes on with it instead of the
message going to the knowledge base or the fallback."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import FollowupAction
from rasa_sdk.executor import CollectingDispatcher

from actions.replies import heard, say
from bot.dialogue import answers, reader, words
from bot.dialogue.reader import Reading
from bot.kb import faq
from bot.plan_schema import ANSWER_FIELD_NAMES

RECENT = 3  # the user messages after a pause that may still answer the paused question
RESUME_WITH_ANSWER = "action_resume_with_answer"


def paused_question(tracker: Tracker) -> Optional[str]:
    """The plan question the lead paused at, while the pause is recent and no form runs."""
    field = tracker.get_slot("paused_at")
    if field not in ANSWER_FIELD_NAMES or tracker.active_loop_name:
        return None
    messages_since = 0
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            messages_since += 1
        elif event.get("event") == "slot" and event.get("name") == "paused_at":
            return field if event.get("value") == field and messages_since <= RECENT else None
    return None


def answer_to_paused_question(tracker: Tracker) -> Optional[Reading]:
    """The latest message read as the answer to the paused question, when it is one (a question,
    a command or small talk is not)."""
    field = paused_question(tracker)
    text = tracker.latest_message.get("text") or ""
    if field is None or faq.is_question(text) or _acknowledges(text):
        return None
    if _names_another_question(text, field):
        return None  # paused at the problem, "ok, our VP Ops will sponsor it" answers another question
    said = heard(tracker)
    back = _BACK.match(said.text)
    if back and said.text[back.end() :].strip():  # "好了，POS流水和WMS库存数据": the answer, not the return
        said = replace(said, text=said.text[back.end() :].strip())
    reading = reader.read(said, reader.question(field), lookup=faq.lookup)
    return reading if reading.kind == "answer" and reading.value not in (None, "") else None


_BACK = re.compile(
    r"^(?:(?:好了|好啦|好的|行了|我回来了|回来了|问到了|问过了|问好了|ok|okay|right|so|back|i'?m back|sorry)"
    r"(?:[\s,，.。!！:：~]+|$))+",
    re.IGNORECASE,
)


def _names_another_question(text: str, field: str) -> bool:
    folded = words.fold(text)
    named = {
        name for name in ANSWER_FIELD_NAMES if any(p in folded for p in words.phrases("fields", name) if len(p) > 3)
    }
    return bool(named) and field not in named


def _acknowledges(text: str) -> bool:
    """ "好的", "ok thanks", "yes": said to the pause itself, not an answer to the question paused at."""
    return all(answers.small_talk(part) for part in re.split(r"[\s,，.。!！~]+", text.strip()) if part) or bool(
        answers.small_talk(text)
    )


def resume_if_answered(tracker: Tracker) -> Optional[List[Dict[Text, Any]]]:
    """Hand over to the resume with the answer, when the message answers the paused question."""
    return [FollowupAction(RESUME_WITH_ANSWER)] if answer_to_paused_question(tracker) is not None else None


class ActionReplyNothingPending(Action):
    """A yes, a no or a skip with nothing asked: the answer to a question paused at a moment ago,
    or there is nothing to answer."""

    def name(self) -> Text:
        return "action_reply_nothing_pending"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        resumed = resume_if_answered(tracker)
        if resumed is not None:
            return resumed
        say(dispatcher, tracker, "nothing_pending")
        return []
