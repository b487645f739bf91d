"""What every form does with a message while one of its questions is pending.

`PendingQuestionForm` is the base of the forms' validation actions, in the manner of
financial-demo's `CustomFormValidationAction` over rasa_sdk's `FormValidationAction`:
`run()` reads the message against the pending question (bot.dialogue.reader) and hands the
reading to small handlers, in this order; the first that takes it says which slots to set:

1. stored value        nothing pending was answered (the form starts with answers stored): they stay
2. FAQ digression      a question: answered from the knowledge base, the question asked again
3. clear option        a button: what it says is the answer
4. skip                "skip", "跳过": the form's `accept_skip`
5. command             pause, leave, explain, language, show my plans, help, wait, change an answer
6. digression intent   small talk (greet, thank, "are you a bot?"): its reply, the question asked again
7. parse or reject     an answer read from the text goes to `accept`; anything else is unclear
8. save                the slots as events, and the next question (none when the user left)

Subclasses implement the public hook `accept` (an answer to the pending question: the slots
to set) and may override `accept_skip`, `give_up`, `editable`, `on_edit`, `previous` and
`explained`, or put a handler of their own in front (`handlers`). Leaving sets `form_exit`
and ends the form; the form's `action_<form>_done` then says what happens next.
"""

from __future__ import annotations

import itertools
import re
from abc import ABC, abstractmethod
from typing import Any, Callable, Dict, List, Optional, Sequence, Text

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.context import identify
from actions.faq import kb_buttons, send_answer
from actions.replies import Turn, heard, int_slot
from bot import cycle_text
from bot.dialogue import choice_model, prompts, reader
from bot.dialogue.reader import Question, Reading
from bot.flow import CHOOSING_A_FIELD, Confirming, FormExit, Reask
from bot.kb import faq, gaps
from bot.nlu import patterns
from bot.plan_schema import ANSWER_FIELD_NAMES
from bot.store.db import session_scope

REQUESTED_SLOT = "requested_slot"
MAX_FAILED_TRIES = 2  # then the question comes with every option as a button, skip and pause
Slots = Dict[Text, Any]
# A handler: the slots to set when it takes the reading, None to pass it on.
Handler = Callable[[Reading, Question, Turn], Optional[Slots]]


def said_again(tracker: Tracker) -> bool:
    """Whether the user's message repeats their previous one word for word."""
    users = (e.get("text") or "" for e in reversed(tracker.events) if e.get("event") == "user")
    said = list(itertools.islice(users, 2))
    return len(said) == 2 and bool(said[0].strip()) and said[0].strip() == said[1].strip()


class PendingQuestionForm(FormValidationAction):
    """Base of the forms' validation actions (the module's docstring gives the order)."""

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[Dict[Text, Any]]:
        turn = Turn(dispatcher, tracker)
        slots = self.stored_value(turn)
        if slots is None:
            question = reader.question(tracker.get_slot(REQUESTED_SLOT), tracker.get_slot("confirming"))
            reading = reader.read(heard(tracker), question, lookup=faq.lookup, editable=self.editable(tracker))
            slots = {question.name: None, **self.handle(reading, question, turn)}
        return await self.save(slots, turn, domain)

    def handlers(self) -> Sequence[Handler]:
        """Steps 2-7, in order; a subclass may put its own in front."""
        return (
            self.insisted,
            self.faq_digression,
            self.clear_option,
            self.skip,
            self.command,
            self.digression_intent,
            self.parse_or_reject,
        )

    def handle(self, reading: Reading, question: Question, turn: Turn) -> Slots:
        """The slots of the first handler that takes the reading."""
        for handler in self.handlers():
            slots = handler(reading, question, turn)
            if slots is not None:
                return slots
        raise AssertionError("parse_or_reject takes every reading")

    # --- the handlers, in order ----------------------------------------------------------------

    @staticmethod
    def stored_value(turn: Turn) -> Optional[Slots]:
        """1. Nothing to read when the message did not fill the pending question."""
        asked = turn.tracker.get_slot(REQUESTED_SLOT)
        return None if asked and asked in turn.tracker.slots_to_validate() else {}

    def insisted(self, reading: Reading, question: Question, turn: Turn) -> Optional[Slots]:
        """1b. The same words again after they were taken for a question: meant as the answer. A text
        question stores them; a choice question takes the option they lean to, or says it cannot
        read them (so the question is not asked over and over)."""
        unanswered = reading.kind == "question" and not reading.value and reading.lookup.decision != "answer"
        explained = reading.kind == "command" and reading.command is not None and reading.command.kind == "explain"
        if not (unanswered or explained) or not said_again(turn.tracker):
            return None
        text = self._text(turn).strip()
        if question.kind in ("text", "note"):
            return self.accept(question, text, {}, turn)
        if question.kind != "choice" or not question.is_plan_field:
            return None
        leaning = choice_model.leaning(question.name, text)
        if leaning is not None:
            return self.accept(question, leaning, {}, turn)
        return self.reject(reader.complaint(question), turn, question)

    def faq_digression(self, reading: Reading, question: Question, turn: Turn) -> Optional[Slots]:
        """2. A question: the deadline, a knowledge-base button, or a lookup; then back to the question."""
        if reading.kind != "question":
            return None
        if not reading.value and patterns.cycle_request(self._text(turn)) == "ask_deadline":
            self.tell_deadline(turn)
        elif reading.value:  # a knowledge-base button
            return {**self._answered(send_answer(turn.dispatcher, turn.tracker, reading.value)), "reask": Reask.BACK}
        elif reading.lookup.decision == "answer":
            kb_id = reading.lookup.matches[0].id
            return {**self._answered(send_answer(turn.dispatcher, turn.tracker, kb_id)), "reask": Reask.BACK}
        elif reading.lookup.decision == "clarify":
            turn.say("faq_clarify", buttons=kb_buttons([m.id for m in reading.lookup.matches], turn.lang))
        else:
            self.record_gap(reading.lookup, turn)
            turn.say("form_kb_none")
        return {"reask": Reask.BACK}

    def clear_option(self, reading: Reading, question: Question, turn: Turn) -> Optional[Slots]:
        """3. A button's answer is the answer."""
        if reading.kind != "answer" or heard(turn.tracker).payload is None:
            return None
        return self.accept(question, reading.value, dict(reading.extra), turn)

    def skip(self, reading: Reading, question: Question, turn: Turn) -> Optional[Slots]:
        """4. "skip", said or pressed: the form's `accept_skip`."""
        said = reading.kind == "command" and reading.command is not None and reading.command.kind == "skip"
        if reading.kind != "skip" and not said:
            return None
        return self.accept_skip(question, turn)

    def command(self, reading: Reading, question: Question, turn: Turn) -> Optional[Slots]:
        """5. A command: the form's `on_command`."""
        return self.on_command(reading, question, turn) if reading.kind == "command" else None

    def digression_intent(self, reading: Reading, question: Question, turn: Turn) -> Optional[Slots]:
        """6. Small talk: its usual reply, then back to the question."""
        if reading.kind != "social":
            return None
        intent = reading.intent or ""
        if intent == "help":
            turn.say("form_help")
        elif intent == "greet":
            turn.say("greet_known", name=turn.tracker.get_slot("person_name") or "")
        else:
            turn.say(intent)
        return {"reask": Reask.BACK}

    def parse_or_reject(self, reading: Reading, question: Question, turn: Turn) -> Optional[Slots]:
        """7. An answer read from the text goes to `accept`; anything else is said to be unclear."""
        if reading.kind == "answer":
            return self.accept(question, reading.value, dict(reading.extra), turn)
        return self.reject(reading.problem or "plan_invalid_text", turn, question)

    async def save(self, slots: Slots, turn: Turn, domain: DomainDict) -> List[Dict[Text, Any]]:
        """8. The slots as events, then the next question: the first required slot still empty,
        none once the user left."""
        events = [SlotSet(name, value) for name, value in slots.items()]
        turn.tracker.add_slots(events)
        required = await self.required_slots(self.domain_slots(domain), turn.dispatcher, turn.tracker, domain)
        following = (
            None
            if turn.tracker.get_slot("form_exit")
            else next((name for name in required if turn.tracker.slots.get(name) is None), None)
        )
        return events + [SlotSet(REQUESTED_SLOT, following)]

    # --- what the handlers do -------------------------------------------------------------------

    def on_command(self, reading: Reading, question: Question, turn: Turn) -> Slots:
        command = reading.command
        assert command is not None, "only a reading of kind 'command' comes here"
        if command.kind == FormExit.PAUSE and question.is_plan_field:
            return {"form_exit": command.kind, "paused_at": question.name}
        if command.kind in FormExit.LEAVING:
            return {"form_exit": command.kind}
        if command.kind == "edit":
            return self.on_edit(command.field, corrected(command, turn.tracker), question, turn)
        if command.kind == "swap":
            return self.on_swap(command.field, command.value, question, turn)
        if command.kind in ("change", "back") and self.editable(turn.tracker):
            field = self.previous(question, turn.tracker) if command.kind == "back" else None
            return self.on_edit(field, command.value if field else None, question, turn)
        if command.kind == "wait":  # "稍等": the question stays as it was asked
            turn.say("form_wait")
            return {"reask": Reask.SILENT}
        if command.kind == "explain":
            named = command.field if command.field in ANSWER_FIELD_NAMES else None
            turn.dispatcher.utter_message(
                text=prompts.explanation(named or self.explained(question, turn.tracker), turn.lang)
            )
        elif command.kind == "language":
            self.remember_language(turn)
        elif command.kind == "show_answers":
            self.show_answers(question, turn)
        elif command.kind == "progress":
            self.tell_progress(question, turn)
        elif command.kind == "show_my_plans":
            with session_scope() as session:
                turn.dispatcher.utter_message(text=cycle_text.my_plans_text(session, identify(turn.tracker), turn.lang))
        elif command.kind == "help":
            turn.say("form_help")
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
    def tell_deadline(turn: Turn) -> None:
        """ "When is the deadline?" mid-form."""
        with session_scope() as session:
            year = int_slot(turn.tracker, "plan_year")
            turn.dispatcher.utter_message(text=cycle_text.deadline_answer(session, year, turn.lang))

    @staticmethod
    def record_gap(found: Any, turn: Turn) -> None:
        """A question nobody could answer, logged for the planning office."""
        with session_scope() as session:
            gaps.record(session, PendingQuestionForm._text(turn), found, lang=turn.lang, sender=turn.tracker.sender_id)

    @staticmethod
    def remember_language(turn: Turn) -> None:
        from bot import directory, directory_cache

        with session_scope() as session:
            directory.remember_language(session, turn.tracker.sender_id, turn.lang)
        directory_cache.forget(turn.tracker.sender_id)
        turn.say("language_changed")

    @staticmethod
    def _text(turn: Turn) -> str:
        return turn.tracker.latest_message.get("text") or ""

    @staticmethod
    def _answered(events: List[Dict[Text, Any]]) -> Slots:
        return {event["name"]: event["value"] for event in events}

    # --- hooks ------------------------------------------------------------------------------

    @abstractmethod
    def accept(self, question: Question, value: Any, extra: Dict[str, Any], turn: Turn) -> Slots:
        """The public hook: take an answer to `question`, the slots to set (or a `reject`)."""

    def accept_skip(self, question: Question, turn: Turn) -> Slots:
        return self.reject("plan_invalid_text", turn, question)

    def give_up(self, question: Question, turn: Turn) -> Slots:
        """After repeated answers the question cannot read: what to do instead of asking again."""
        return {"form_exit": FormExit.PAUSE}

    def show_answers(self, question: Question, turn: Turn) -> None:
        """ "Can I see what I've filled in?" outside the plan's questions: the unit's plans."""
        with session_scope() as session:
            turn.dispatcher.utter_message(text=cycle_text.my_plans_text(session, identify(turn.tracker), turn.lang))

    @staticmethod
    def tell_progress(question: Question, turn: Turn) -> None:
        """ "还有多少个问题？": the plan's questions answered and left; elsewhere, this is the last one."""
        if not question.is_plan_field:
            turn.say("form_progress_last")
            return
        done = sum(
            1
            for name in ANSWER_FIELD_NAMES
            if name != question.name and turn.tracker.get_slot(name) not in (None, "", [])
        )  # the pending question's slot holds this very message
        total = len(ANSWER_FIELD_NAMES)
        turn.say("form_progress", done=done, left=max(total - done, 1), total=total)

    def editable(self, tracker: Tracker) -> List[str]:
        """Plan answers a message may ask to change from this form ("change the sponsor")."""
        return list(ANSWER_FIELD_NAMES)

    def on_edit(self, field: Optional[str], value: Optional[str], question: Question, turn: Turn) -> Slots:
        """From a form that is not the plan: leave it and start the change (action_edit_plan)."""
        return {"form_exit": FormExit.EDIT, "plan_editing": field or CHOOSING_A_FIELD}

    def on_swap(self, first: Optional[str], second: Optional[str], question: Question, turn: Turn) -> Slots:
        """ "指标和基线填反了": where answers cannot be swapped here, the first is changed."""
        return self.on_edit(first, None, question, turn)

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
    if command.value and getattr(command, "adds", False) and isinstance(current, list) and current:
        return ", ".join([*(str(kept).replace("_", " ") for kept in current), command.value])  # "再加一个追加销售"
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
