"""What every form does with a message while one of its questions is pending.

Each form's validation action reads the message against the pending question
(bot.dialogue.reader) and handles what it is: an answer (the form's own `accept`),
a skip, a command (pause, leave, explain, language, edit, ...), a question for the
knowledge base, small talk, or something unclear. Leaving sets `form_exit` and ends
the form; the form's `action_<form>_done` then says what happens next.
"""

from __future__ import annotations

import re
from abc import ABC, abstractmethod
from dataclasses import dataclass
from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.context import identify
from actions.faq import send_answer
from bot import cycle_text, messages
from bot.dialogue import prompts, reader
from bot.dialogue.reader import Heard, Question, Reading
from bot.flow import CHOOSING_A_FIELD, Confirming, FormExit, Reask
from bot.kb import faq, gaps
from bot.nlu import patterns
from bot.plan_schema import ANSWER_FIELD_NAMES
from bot.store.db import session_scope

REQUESTED_SLOT = "requested_slot"
MAX_FAILED_TRIES = 2  # then the question comes with every option as a button, skip and pause
Slots = Dict[Text, Any]


def lang_of(tracker: Tracker) -> str:
    return tracker.get_slot("language") or "zh"


def int_slot(tracker: Tracker, name: str) -> Optional[int]:
    value = tracker.get_slot(name)
    return None if value is None else int(value)


def heard(tracker: Tracker) -> Heard:
    message = tracker.latest_message or {}
    intent = message.get("intent") or {}
    entities: Dict[str, List[Any]] = {}
    for entity in message.get("entities") or []:
        entities.setdefault(entity.get("entity"), []).append(entity.get("value"))
    return Heard(
        text=message.get("text") or "",
        intent=intent.get("name"),
        confidence=intent.get("confidence") or 0.0,
        entities=entities,
    )


@dataclass
class Turn:
    """The message being handled, with where to send replies."""

    dispatcher: CollectingDispatcher
    tracker: Tracker

    @property
    def lang(self) -> str:
        return lang_of(self.tracker)

    def say(self, key: str, buttons=None, **values: Any) -> None:
        self.dispatcher.utter_message(text=messages.text(key, self.lang, **values), buttons=buttons or [])


class PendingQuestionForm(FormValidationAction):
    """Base of the forms' validation actions. Subclasses implement `accept` (and may
    override `accept_skip`, `editable` and `on_edit`)."""

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[Dict[Text, Any]]:
        asked = tracker.get_slot(REQUESTED_SLOT)
        slots: Slots = {}
        if asked and asked in tracker.slots_to_validate():
            question = reader.question(asked, tracker.get_slot("confirming"))
            reading = reader.read(heard(tracker), question, lookup=faq.lookup, editable=self.editable(tracker))
            slots = {asked: None, **self.handle(reading, question, Turn(dispatcher, tracker))}
        events = [SlotSet(name, value) for name, value in slots.items()]
        tracker.add_slots(events)
        required = await self.required_slots(self.domain_slots(domain), dispatcher, tracker, domain)
        following = (
            None
            if tracker.get_slot("form_exit")
            else next((name for name in required if tracker.slots.get(name) is None), None)
        )
        return events + [SlotSet(REQUESTED_SLOT, following)]

    # --- what a message is -------------------------------------------------------------

    def handle(self, reading: Reading, question: Question, turn: Turn) -> Slots:
        if reading.kind == "answer":
            return self.accept(question, reading.value, dict(reading.extra), turn)
        if reading.kind == "skip":
            return self.accept_skip(question, turn)
        if reading.kind == "command":
            return self.on_command(reading, question, turn)
        if reading.kind == "question":
            return self.on_question(reading, turn)
        if reading.kind == "social":
            return self.on_social(reading.intent or "", turn)
        return self.reject(reading.problem or "plan_invalid_text", turn, question)

    def on_command(self, reading: Reading, question: Question, turn: Turn) -> Slots:
        command = reading.command
        assert command is not None, "only a reading of kind 'command' comes here"
        if command.kind in FormExit.LEAVING:
            return {"form_exit": command.kind}
        if command.kind == "explain":
            turn.dispatcher.utter_message(text=prompts.explanation(self.explained(question, turn.tracker), turn.lang))
        elif command.kind == "language":
            self.remember_language(turn)
        elif command.kind == "show_my_plans":
            with session_scope() as session:
                turn.dispatcher.utter_message(text=cycle_text.my_plans_text(session, identify(turn.tracker), turn.lang))
        elif command.kind == "help":
            turn.say("form_help")
        elif command.kind == "edit":
            return self.on_edit(command.field, corrected(command, turn.tracker), question, turn)
        elif command.kind == "wait":  # "稍等": the question stays as it was asked
            turn.say("form_wait")
            return {"reask": Reask.SILENT}
        elif command.kind in ("change", "back") and self.editable(turn.tracker):
            field = self.previous(question, turn.tracker) if command.kind == "back" else None
            return self.on_edit(field, None, question, turn)
        elif command.kind == "skip":
            return self.accept_skip(question, turn)
        return {"reask": Reask.BACK}

    def on_question(self, reading: Reading, turn: Turn) -> Slots:
        if (
            not reading.value
            and patterns.cycle_request(turn.tracker.latest_message.get("text") or "") == "ask_deadline"
        ):
            with session_scope() as session:  # "when is the deadline?" mid-form
                turn.dispatcher.utter_message(
                    text=cycle_text.deadline_answer(session, int_slot(turn.tracker, "plan_year"), turn.lang)
                )
            return {"reask": Reask.BACK}
        if reading.value:  # a knowledge-base button
            return {**self._answered(send_answer(turn.dispatcher, turn.tracker, reading.value)), "reask": Reask.BACK}
        found = reading.lookup
        if found.decision == "answer":
            return {
                **self._answered(send_answer(turn.dispatcher, turn.tracker, found.matches[0].id)),
                "reask": Reask.BACK,
            }
        if found.decision == "clarify":
            turn.say(
                "faq_clarify",
                buttons=[{"title": faq.title(m.id, turn.lang), "payload": faq.payload(m.id)} for m in found.matches],
            )
            return {"reask": Reask.BACK}
        with session_scope() as session:
            gaps.record(
                session,
                turn.tracker.latest_message.get("text") or "",
                found,
                lang=turn.lang,
                sender=turn.tracker.sender_id,
            )
        turn.say("form_kb_none")
        return {"reask": Reask.BACK}

    @staticmethod
    def _answered(events: List[Dict[Text, Any]]) -> Slots:
        return {event["name"]: event["value"] for event in events}

    def on_social(self, intent: str, turn: Turn) -> Slots:
        if intent == "help":
            turn.say("form_help")
        elif intent == "greet":
            turn.say("greet_known", name=turn.tracker.get_slot("person_name") or "")
        else:
            turn.say(intent)
        return {"reask": Reask.BACK}

    def reject(self, problem: str, turn: Turn, question: Optional[Question] = None) -> Slots:
        """Say what was wrong and ask again with every option as a button, skip and pause;
        after MAX_FAILED_TRIES, stop asking (`give_up`): a question is never asked a third time."""
        tries = (int_slot(turn.tracker, "failed_tries") or 0) + 1
        if tries >= MAX_FAILED_TRIES and question is not None:
            return {**self.give_up(question, turn), "failed_tries": 0}
        turn.say(problem)
        return {"failed_tries": tries, "reask": Reask.AGAIN}

    @staticmethod
    def remember_language(turn: Turn) -> None:
        from bot import directory, directory_cache

        with session_scope() as session:
            directory.remember_language(session, turn.tracker.sender_id, turn.lang)
        directory_cache.forget(turn.tracker.sender_id)
        turn.say("language_changed")

    # --- hooks ------------------------------------------------------------------------------

    @abstractmethod
    def accept(self, question: Question, value: Any, extra: Dict[str, Any], turn: Turn) -> Slots:
        """Take an answer to `question`: the slots to set (or a `reject`)."""

    def accept_skip(self, question: Question, turn: Turn) -> Slots:
        return self.reject("plan_invalid_text", turn, question)

    def give_up(self, question: Question, turn: Turn) -> Slots:
        """After repeated answers the question cannot read: what to do instead of asking again."""
        return {"form_exit": FormExit.PAUSE}

    def editable(self, tracker: Tracker) -> List[str]:
        """Plan answers a message may ask to change from this form ("change the sponsor")."""
        return list(ANSWER_FIELD_NAMES)

    def on_edit(self, field: Optional[str], value: Optional[str], question: Question, turn: Turn) -> Slots:
        """From a form that is not the plan: leave it and start the change (action_edit_plan)."""
        return {"form_exit": FormExit.EDIT, "plan_editing": field or CHOOSING_A_FIELD}

    def previous(self, question: Question, tracker: Tracker) -> Optional[str]:
        """The answer before the pending question ("go back", "上一题")."""
        return None

    def explained(self, question: Question, tracker: Tracker) -> str:
        """The catalogue name of the explanation of the pending question."""
        if question.name == "confirmation" and tracker.get_slot("confirming") == Confirming.START_YEAR:
            return Confirming.START_YEAR
        return question.name


class Request(Action, ABC):
    """The action of a request ("start a plan", "withdraw plan 3"). It may hand over to a
    form or another action with a FollowupAction; when it does not, the bot waits for the
    user, also when it ran as another action's follow-up (where no rule would say so)."""

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[Dict[Text, Any]]:
        events = self.handle(dispatcher, tracker, domain)
        if not any(event.get("event") == "followup" for event in events):
            events = [*events, FollowupAction("action_listen")]
        return events

    @abstractmethod
    def handle(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[Dict[Text, Any]]:
        """The request's events; a FollowupAction hands it over."""


def corrected(command, tracker: Tracker) -> Optional[str]:
    """The new answer of a change: "不是95%，是92%" corrects only that part of a text answer."""
    current = tracker.get_slot(command.field) if command.field else None
    if command.value and getattr(command, "adds", False) and isinstance(current, str) and current.strip():
        joiner = "；" if re.search(r"[\u4e00-\u9fff]", current + command.value) else "; "
        return f"{current}{joiner}{command.value}"  # "not only X, also Y": the old answer stays
    if (
        command.value
        and command.replaces
        and re.search(r"\d", command.replaces)
        and isinstance(current, str)
        and command.replaces in current
    ):
        return current.replace(command.replaces, command.value)
    return command.value


def accepted(slots: Slots) -> Slots:
    """An answer taken: the failed tries start again."""
    return {**slots, "failed_tries": 0, "reask": None}
