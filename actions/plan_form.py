"""The plan form: asking each question, saving each answer at once, changing earlier ones."""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.context import identify
from actions.forms import PendingQuestionForm, Slots, accepted
from actions.replies import Turn, int_slot, lang_of
from bot import messages, plan_text, planning
from bot.dialogue import answers, aside_model, branch_model, choice_model, prompts, reader
from bot.dialogue.reader import Question
from bot.flow import CHOOSING_A_FIELD, Confirming, FormExit, Reask
from bot.plan_schema import ANSWER_FIELD_NAMES, ANSWER_FIELDS, FIELDS_BY_NAME
from bot.store.db import session_scope
from bot.store.plans import PlanConflict, get_plan

choice_model.warm_up_in_background()
branch_model.warm_up_in_background()
aside_model.warm_up_in_background()

# What an answer the form cannot read after repeated tries is put down as (else: skipped).
GIVEN_UP = {
    **{name: "unsure" for name in ANSWER_FIELD_NAMES if name.startswith("q_")},
    "pilot_team": "unsure",
    "failure_tolerance": "unsure",
    "scaling_path": "none_yet",
}


class AskPlanQuestion(Action, ABC):
    """action_ask_<field>: the question, the guide's reason for it, and buttons for choices.
    Abstract, so that the action server registers only the subclasses, one per field."""

    @property
    @abstractmethod
    def field(self) -> str:
        """The plan field asked for."""

    def name(self) -> Text:
        return f"action_ask_{self.field}"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[Dict[Text, Any]]:
        prompt = prompts.plan_question(self.field, lang_of(tracker), tracker.get_slot("reask"))
        if prompt is not None:
            dispatcher.utter_message(text=prompt.text, buttons=prompt.buttons)
        return [SlotSet("reask", None)]


# rasa_sdk finds actions via Action.__subclasses__() (weak references): keep the classes.
ASK_ACTIONS = tuple(type(f"Ask_{f.name}", (AskPlanQuestion,), {"field": f.name}) for f in ANSWER_FIELDS)


class AskEditField(Action):
    def name(self) -> Text:
        return "action_ask_edit_field"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[Dict[Text, Any]]:
        lang = lang_of(tracker)
        prompt = prompts.other_question(
            messages.text("edit_which_field", lang), prompts.field_buttons(lang), lang, tracker.get_slot("reask")
        )
        if prompt is not None:
            dispatcher.utter_message(text=prompt.text, buttons=prompt.buttons)
        return [SlotSet("reask", None)]


class ValidatePlanForm(PendingQuestionForm):
    """Saves every answer to the draft at once (with any other answers the message gives
    in passing), and lets the lead change an earlier answer from any question."""

    def name(self) -> Text:
        return "validate_plan_form"

    async def required_slots(
        self, domain_slots: List[Text], dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[Text]:
        questions = [name for name in domain_slots if name != "edit_field"]
        editing = tracker.get_slot("plan_editing")
        if editing == CHOOSING_A_FIELD:
            return ["edit_field", *questions]
        if editing in questions:
            return [editing, *(name for name in questions if name != editing)]
        return questions

    def editable(self, tracker: Tracker) -> List[str]:
        return list(ANSWER_FIELD_NAMES)

    def show_answers(self, question: Question, turn: Turn) -> None:
        slots = {name: turn.tracker.get_slot(name) for name in ANSWER_FIELD_NAMES if name != question.name}
        turn.dispatcher.utter_message(text=plan_text.answers_so_far_text(slots, turn.lang))

    def accept(self, question: Question, value: Any, extra: Dict[str, Any], turn: Turn) -> Slots:
        if question.name == "edit_field":
            return self.on_edit(value, None, question, turn)
        open_extra = {
            name: v for name, v in extra.items() if turn.tracker.get_slot(name) is None and name != question.name
        }
        if question.name == "metric" and turn.tracker.get_slot("baseline") is None and answers.describes_today(value):
            saved = save_answer("baseline", value, turn)  # "现在是三个组长手工分派，错分率15%" at the metric question
            if saved.get("baseline") is not None:
                turn.say("plan_today_is_the_baseline")
                return {**saved, "reask": Reask.BACK}
            return saved
        return save_answer(question.name, value, turn, volunteered=open_extra)

    def accept_skip(self, question: Question, turn: Turn) -> Slots:
        if question.name == "edit_field":  # nothing to change after all: carry on
            return {"plan_editing": None, "edit_field": None, "reask": None}
        return save_answer(question.name, planning.SKIPPED, turn, note="plan_skipped")

    def previous(self, question: Question, tracker: Tracker) -> Optional[str]:
        names = list(ANSWER_FIELD_NAMES)
        before = names[: names.index(question.name)] if question.name in names else names
        return next((name for name in reversed(before) if tracker.get_slot(name) is not None), None)

    def give_up(self, question: Question, turn: Turn) -> Slots:
        if question.name == "edit_field":
            return {"plan_editing": None, "edit_field": None, "reask": None}
        kept = self._answer_before_the_change(question.name, turn)
        if kept is not None:  # a change that could not be read leaves the answer as it was
            turn.say(
                "edit_kept",
                field=messages.text(f"field.{question.name}", turn.lang),
                value=plan_text.display_value(question.name, kept, turn.lang),
            )
            return accepted({question.name: kept, "plan_editing": None})
        leaning = choice_model.leaning(question.name, self._text(turn)) if question.kind == "choice" else None
        fallback = leaning or GIVEN_UP.get(question.name)
        shown = plan_text.display_value(question.name, fallback or planning.SKIPPED, turn.lang)
        turn.say(
            "plan_gave_up_leaning" if leaning else "plan_gave_up",
            value=shown,
            field=messages.text(f"field.{question.name}", turn.lang).lower()
            if turn.lang == "en"
            else messages.text(f"field.{question.name}", turn.lang),
        )
        return save_answer(question.name, fallback or planning.SKIPPED, turn)

    @staticmethod
    def _answer_before_the_change(field: str, turn: Turn) -> Any:
        """While `field` is being changed, its stored answer (None when there is none, or no change)."""
        plan_id = int_slot(turn.tracker, "plan_draft_id")
        if turn.tracker.get_slot("plan_editing") != field or plan_id is None:
            return None
        with session_scope() as session:
            return planning.slot_values(get_plan(session, plan_id)).get(field)

    def on_swap(self, first: Optional[str], second: Optional[str], question: Question, turn: Turn) -> Slots:
        swapped = swap_answers(first, second, turn)
        return {**swapped, "reask": Reask.BACK} if swapped else self.on_edit(first, None, question, turn)

    def on_edit(self, field: Optional[str], value: Optional[str], question: Question, turn: Turn) -> Slots:
        if field is None:
            return {"plan_editing": CHOOSING_A_FIELD}
        if field == question.name and not value:  # "必须一次成功……不对，…留了试错预算": the pending answer, corrected
            said = turn.tracker.latest_message.get("text") or ""
            parsed = reader.parse_answer(said, question)
            if parsed is not None and parsed.kind == "answer" and parsed.value not in (None, ""):
                return save_answer(field, parsed.value, turn)
            return self.reject(reader.complaint(question), turn, question)
        if value:
            parsed = reader.parse_answer(value, reader.question(field))
            if parsed is not None and parsed.kind == "answer" and parsed.value not in (None, ""):
                saved = save_answer(field, parsed.value, turn)
                if field != question.name and saved.get(field) is not None:
                    turn.say(
                        "edit_saved",
                        field=messages.text(f"field.{field}", turn.lang),
                        value=plan_text.display_value(field, parsed.value, turn.lang),
                    )
                    return {**saved, "reask": Reask.BACK}
                return saved
        current = plan_text.display_value(field, turn.tracker.get_slot(field), turn.lang)
        turn.say(
            "edit_starting",
            id=int_slot(turn.tracker, "plan_draft_id") or "-",
            current=current,
            field=messages.text(f"field.{field}", turn.lang),
        )
        return {"plan_editing": field, field: None, "edit_field": None}


def swap_answers(first: Optional[str], second: Optional[str], turn: Turn) -> Optional[Slots]:
    """Swap two answers of the same kind that were given the wrong way round; None when they cannot be."""
    if first is None or second is None:
        return None
    values = {name: turn.tracker.get_slot(name) for name in (first, second)}
    if any(value is None or planning.is_skipped(value) for value in values.values()):
        return None
    if FIELDS_BY_NAME[first].kind != "text" or FIELDS_BY_NAME[second].kind != "text":
        return None
    saved = save_answer(first, values[second], turn, volunteered={second: values[first]}, announce=False)
    turn.say(
        "edit_swapped",
        first=messages.text(f"field.{first}", turn.lang),
        second=messages.text(f"field.{second}", turn.lang),
    )
    return saved


def save_answer(
    field: str,
    value: Any,
    turn: Turn,
    *,
    note: Optional[str] = None,
    volunteered: Optional[Dict[str, Any]] = None,
    announce: bool = True,
) -> Slots:
    """Write one answer (and any given in passing) to the draft, creating it on the first answer."""
    tracker = turn.tracker
    identity = identify(tracker)
    plan_id = int_slot(tracker, "plan_draft_id")
    volunteered = volunteered or {}
    try:
        with session_scope() as session:
            plan = planning.save_answer(
                session,
                identity=identity,
                plan_id=plan_id,
                year=int_slot(tracker, "plan_year"),
                lang=turn.lang,
                field=field,
                value=value,
                expected_version=int_slot(tracker, "plan_draft_version"),
                volunteered=volunteered,
            )
            saved = {"plan_draft_id": plan.id, "plan_draft_version": plan.version}
    except planning.NotAllowed as refused:  # the draft became another unit's or was withdrawn meanwhile
        turn.say("edit_not_allowed", id=refused.plan_id)
        return {"form_exit": FormExit.REFUSED}
    except PlanConflict:
        assert plan_id is not None, "a conflict is with a draft that exists"
        with session_scope() as session:
            plan = get_plan(session, plan_id)
            turn.say("plan_conflict", version=plan.version)
            return {**planning.slot_values(plan), "plan_draft_version": plan.version, "failed_tries": 0}
    if note:
        turn.say(note)
    if volunteered and announce:
        turn.dispatcher.utter_message(text=plan_text.also_noted_text(volunteered, turn.lang))
    editing = {"plan_editing": None} if tracker.get_slot("plan_editing") == field else {}
    return accepted({field: value, **volunteered, **saved, **editing})


class ActionPlanFormDone(Action):
    """After the plan form: the summary and the question to submit, or the way back in."""

    def name(self) -> Text:
        return "action_plan_form_done"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[Dict[Text, Any]]:
        turn = Turn(dispatcher, tracker)
        exit_kind = tracker.get_slot("form_exit")
        events: List[Dict[Text, Any]] = [
            SlotSet("form_exit", None),
            SlotSet("plan_editing", None),
            SlotSet("reask", None),
            SlotSet("failed_tries", 0),
        ]
        draft_id = int_slot(tracker, "plan_draft_id")
        if exit_kind in (FormExit.PAUSE, FormExit.LEAVE):
            if draft_id is None:
                turn.say("plan_paused_empty")
            else:
                turn.say("plan_paused_bye" if exit_kind == FormExit.LEAVE else "plan_paused", id=draft_id)
            return events
        if exit_kind == FormExit.REFUSED:  # the refusal was said when the answer was not saved
            return events + [SlotSet("plan_draft_id", None), SlotSet("plan_draft_version", None)]
        if exit_kind in (FormExit.WITHDRAW, FormExit.NO_PLAN):  # said mid-form: taken as said, the draft kept
            return events + [
                FollowupAction("action_confirm_withdraw" if exit_kind == FormExit.WITHDRAW else "action_start_no_plan")
            ]
        send_summary(turn)
        return events + [
            SlotSet("confirming", Confirming.SUBMIT),
            SlotSet("confirmation", None),
            FollowupAction("confirm_form"),
        ]


def send_summary(turn: Turn, changed: Optional[Dict[str, Any]] = None) -> None:
    from bot import assessment

    tracker = turn.tracker
    slots = {name: (changed or {}).get(name, tracker.get_slot(name)) for name in ANSWER_FIELD_NAMES}
    result = assessment.assess(planning.stored_answers(slots))
    with session_scope() as session:
        unit = planning.unit_name(session, tracker.get_slot("plan_unit") or "", turn.lang)
    turn.dispatcher.utter_message(
        text=plan_text.summary_text(slots, result, turn.lang, unit=unit, year=int_slot(tracker, "plan_year"))
    )
