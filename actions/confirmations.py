"""One form for every yes-or-no the bot waits for: starting a plan (and its year),
submitting it, withdrawing one, recording a review. `confirming` says which."""

from __future__ import annotations

import re
from typing import Any, Dict, List, Optional, Sequence, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.forms import Handler, PendingQuestionForm, Slots, accepted
from actions.plan_flow import EventList, clear_plan_slots, fill_plan, submit, tell_deadline, withdraw
from actions.plan_form import save_answer, send_summary, swap_answers
from actions.replies import Turn, button, int_slot, lang_of
from bot import messages, plan_text, planning
from bot.dialogue import prompts, reader
from bot.dialogue.reader import Question, Reading
from bot.flow import CHOOSING_A_FIELD, Confirming, FormExit, Reask
from bot.plan_schema import ANSWER_FIELD_NAMES
from bot.store.db import session_scope


def yes_no_buttons(lang: str, yes: str = "button_yes", no: str = "button_no") -> List[prompts.Button]:
    return [button(yes, lang, "/affirm"), button(no, lang, "/deny")]


class ActionAskConfirmation(Action):
    def name(self) -> Text:
        return "action_ask_confirmation"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> EventList:
        lang = lang_of(tracker)
        text, buttons = self._question(tracker, lang)
        prompt = prompts.other_question(text, buttons, lang, tracker.get_slot("reask"))
        if prompt is not None:
            dispatcher.utter_message(text=prompt.text, buttons=prompt.buttons)
        return [SlotSet("reask", None)]

    @staticmethod
    def _question(tracker: Tracker, lang: str):
        confirming = tracker.get_slot("confirming")
        year = int_slot(tracker, "plan_year")
        if confirming == Confirming.START:
            with session_scope() as session:
                unit = planning.unit_name(session, tracker.get_slot("plan_unit"), lang)
            return (
                messages.text("plan_confirm_unit_year", lang, unit=unit, year=year),
                yes_no_buttons(lang, no="button_other_year"),
            )
        if confirming == Confirming.START_YEAR:
            first, last = planning.allowed_years()
            return (
                messages.text("plan_ask_year", lang),
                [prompts.button(str(y), prompts.choice_payload(str(y))) for y in range(first, last + 1)],
            )
        if confirming == Confirming.SUBMIT:
            return messages.text("plan_summary_confirm", lang), [
                button("button_submit", lang, "/affirm"),
                button("button_change", lang, "/edit_plan"),
                button("button_later", lang, "/deny"),
            ]
        if confirming == Confirming.WITHDRAW:
            with session_scope() as session:
                text = plan_text.withdraw_question(session, int_slot(tracker, "withdraw_candidate"), lang)
            return text, yes_no_buttons(lang, yes="button_withdraw", no="button_keep")
        if confirming == Confirming.REVIEW:
            return messages.text(
                "review_confirm",
                lang,
                id=int_slot(tracker, "review_plan_id"),
                decision=messages.text(f"status.{tracker.get_slot('review_decision')}", lang),
                note=tracker.get_slot("review_note") or "-",
            ), yes_no_buttons(lang)
        return messages.text("explain.confirmation", lang), yes_no_buttons(lang)


_NOT_THAT_YEAR = re.compile(
    r"(?:不是|并非|不|\bnot|\bisn'?t|\bwon'?t be)\s*(?:for\s+|用于|针对)?(?:the\s+)?"
    r"(?:明年|今年|后年|下一年|(?:coming|upcoming|next|this) year|20\d\d|fy\s*\d\d)",
    re.IGNORECASE,
)


def _negated_years(text: str) -> List[int]:
    """The years a message says the plan is not for ("it isn't for the coming year": next year)."""
    found = []
    for match in _NOT_THAT_YEAR.finditer(text):
        said = re.sub(r"\b(?:coming|upcoming)\b", "next", match.group(0), flags=re.IGNORECASE)
        year = reader.read_year(said.split(None, 1)[-1] if " " in said else said[1:])
        if year:
            found.append(year)
    return found


class ValidateConfirmForm(PendingQuestionForm):
    def name(self) -> Text:
        return "validate_confirm_form"

    def handlers(self) -> Sequence[Handler]:
        return (self.named_year, *super().handlers())

    def named_year(self, reading: Reading, question: Question, turn: Turn) -> Optional[Slots]:
        """Asked to start a plan, an answer or unclear reply that names a planning year starts it for that year:
        "不对，是2028年的" / "unit is correct but year is not, it's 2028" / "对的，就是生产部明年的"."""
        if turn.tracker.get_slot("confirming") != Confirming.START or reading.kind not in ("answer", "unclear"):
            return None
        text = turn.tracker.latest_message.get("text") or ""
        named = reader.read_year(_NOT_THAT_YEAR.sub(" ", text))  # "This plan is for 2028, not for next year": 2028
        proposed = int_slot(turn.tracker, "plan_year")
        others = [year for year in reader.read_years(text) if year != proposed and planning.in_cycle(year)]
        if named == proposed and others:
            named = others[-1]  # "Year is not — for 2027 our budget is already closed, this plan is for 2028."
        if not named and proposed in _negated_years(text):
            return {"confirming": Confirming.START_YEAR, "reask": None}  # "yes, but it isn't for the coming year"
        if not named or not planning.in_cycle(named):
            return None
        if named == proposed and reading.value == "no":
            return None
        return accepted({"plan_year": named, "confirmation": "yes"})

    def accept(self, question: Question, value: Any, extra: Dict[str, Any], turn: Turn) -> Slots:
        confirming = turn.tracker.get_slot("confirming")
        if confirming == Confirming.START_YEAR:
            return self._year(value, turn)
        if value == "unsure":
            return self.reject("plan_invalid_yes_no", turn)
        if confirming == Confirming.START and value == "no":
            return {"confirming": Confirming.START_YEAR, "reask": None}
        return accepted({"confirmation": value})

    @staticmethod
    def _year(year: Any, turn: Turn) -> Slots:
        if not planning.in_cycle(int(year)):
            first, last = planning.allowed_years()
            turn.say("plan_bad_year", first=first, last=last)
            return {"reask": Reask.SHORT}
        return accepted({"plan_year": int(year), "confirming": Confirming.START, "confirmation": "yes"})

    def accept_skip(self, question: Question, turn: Turn) -> Slots:
        return accepted({"confirmation": "no"})

    def give_up(self, question: Question, turn: Turn) -> Slots:
        # asked to start a plan, and the reply is still unclear: start it (the year can be changed later)
        return accepted({"confirmation": "yes" if turn.tracker.get_slot("confirming") == Confirming.START else "no"})

    def on_command(self, reading: Reading, question: Question, turn: Turn) -> Slots:
        if (
            reading.command is not None
            and reading.command.kind == FormExit.WITHDRAW
            and turn.tracker.get_slot("confirming") == Confirming.WITHDRAW
        ):
            return accepted({"confirmation": "yes"})  # "yes, withdraw it"
        return super().on_command(reading, question, turn)

    def on_swap(self, first: Optional[str], second: Optional[str], question: Question, turn: Turn) -> Slots:
        swapped = (
            swap_answers(first, second, turn) if turn.tracker.get_slot("confirming") == Confirming.SUBMIT else None
        )
        if swapped is None:
            return self.on_edit(first, None, question, turn)
        send_summary(turn, swapped)
        return {**swapped, "reask": Reask.SHORT}

    def on_edit(self, field: Optional[str], value: Optional[str], question: Question, turn: Turn) -> Slots:
        if turn.tracker.get_slot("confirming") != Confirming.SUBMIT:
            return super().on_edit(field, value, question, turn)
        parsed = reader.parse_answer(value, reader.question(field)) if field and value else None
        if field and parsed is not None and parsed.kind == "answer" and parsed.value not in (None, ""):
            saved = save_answer(field, parsed.value, turn)
            turn.say(
                "edit_saved",
                field=messages.text(f"field.{field}", turn.lang),
                value=plan_text.display_value(field, parsed.value, turn.lang),
            )
            send_summary(turn, saved)
            return {**saved, "reask": Reask.SHORT}
        return {"form_exit": FormExit.EDIT, "plan_editing": field or CHOOSING_A_FIELD}


class ActionConfirmFormDone(Action):
    """Does what was confirmed, or says that nothing was done."""

    def name(self) -> Text:
        return "action_confirm_form_done"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> EventList:
        turn = Turn(dispatcher, tracker)
        confirming = tracker.get_slot("confirming")
        said_yes = tracker.get_slot("confirmation") == "yes" and not tracker.get_slot("form_exit")
        exit_kind = tracker.get_slot("form_exit")
        events: EventList = [
            SlotSet("confirming", None),
            SlotSet("confirmation", None),
            SlotSet("form_exit", None),
            SlotSet("failed_tries", 0),
            SlotSet("reask", None),
        ]
        if exit_kind in (FormExit.WITHDRAW, FormExit.NO_PLAN):  # "then I'd like to declare we have no ML plan"
            leaving = clear_plan_slots() if confirming in (Confirming.START, Confirming.START_YEAR) else []
            action = "action_confirm_withdraw" if exit_kind == FormExit.WITHDRAW else "action_start_no_plan"
            return events + leaving + [FollowupAction(action)]
        if confirming in (Confirming.START, Confirming.START_YEAR):
            return events + self._start(turn, said_yes)
        if confirming == Confirming.SUBMIT:
            if exit_kind == FormExit.EDIT:
                return events + self._edit(turn)
            if said_yes:
                return events + submit(turn)
            turn.say("submit_left", id=int_slot(tracker, "plan_draft_id") or "-")
            return events
        if exit_kind == FormExit.EDIT:  # "change the sponsor" asked at another confirmation
            return events + [FollowupAction("action_edit_plan")]
        if confirming == Confirming.WITHDRAW:
            if said_yes:
                return events + withdraw(turn)
            turn.say("withdraw_left")
            return events + [SlotSet("withdraw_candidate", None)]
        if confirming == Confirming.REVIEW:
            from actions.planning_office import record_review

            recorded = (
                record_review(
                    turn,
                    int_slot(tracker, "review_plan_id"),
                    tracker.get_slot("review_decision"),
                    tracker.get_slot("review_note"),
                )
                if said_yes
                else []
            )
            if not said_yes:
                turn.say("review_not_recorded")
            return (
                events
                + [SlotSet(name, None) for name in ("review_plan_id", "review_decision", "review_note")]
                + recorded
            )
        return events

    @staticmethod
    def _start(turn: Turn, said_yes: bool) -> EventList:
        if not said_yes:
            turn.say("start_left")
            return clear_plan_slots()
        from actions.context import identify

        identity = identify(turn.tracker)
        year = int_slot(turn.tracker, "plan_year") or planning.default_year()
        with session_scope() as session:
            draft = planning.find_draft(session, identity, year)
            if draft is not None:
                turn.dispatcher.utter_message(text=plan_text.back_to_draft(session, draft, turn.lang), buttons=[])
                tell_deadline(turn.dispatcher, session, draft.year, turn.lang)
                return fill_plan(draft)
            turn.say("plan_intro", total=len(ANSWER_FIELD_NAMES))
            tell_deadline(turn.dispatcher, session, year, turn.lang)
        return fill_plan()

    @staticmethod
    def _edit(turn: Turn) -> EventList:
        field = turn.tracker.get_slot("plan_editing")
        if field in ANSWER_FIELD_NAMES:
            current = plan_text.display_value(field, turn.tracker.get_slot(field), turn.lang)
            turn.say(
                "edit_starting",
                id=int_slot(turn.tracker, "plan_draft_id") or "-",
                current=current,
                field=messages.text(f"field.{field}", turn.lang),
            )
        return fill_plan(editing=field)
