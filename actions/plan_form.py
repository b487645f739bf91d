"""The plan form: asking each question, validating and saving each answer."""
from __future__ import annotations

from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.context import identify
from actions.faq import send_answer
from bot import answers, messages, planning
from bot.kb import faq
from bot.plan_schema import ANSWER_FIELDS, FIELDS_BY_NAME
from bot.store.db import session_scope
from bot.store.plans import PlanConflict, get_plan

REPEATED_FAILURES = 2
# Said mid-form with this much confidence, and not an answer, these are answered and the question repeated.
DIGRESSIONS = ("help", "bot_challenge", "out_of_scope", "show_my_plans")
DIGRESSION_CONFIDENCE = 0.85


def lang_of(tracker: Tracker) -> str:
    return tracker.get_slot("language") or "zh"


def button(title: str, payload: str) -> Dict[str, str]:
    return {"title": title, "payload": payload}


def choice_payload(value: str) -> str:
    return '/inform{"choice": "%s"}' % value


def skip_and_pause_buttons(lang: str) -> List[Dict[str, str]]:
    return [button(messages.text("button_skip", lang), "/skip"), button(messages.text("button_pause", lang), "/cancel")]


def int_slot(tracker: Tracker, name: str) -> Optional[int]:
    value = tracker.get_slot(name)
    return None if value is None else int(value)


class AskPlanQuestion(Action):
    """action_ask_<field>: the question, the guide's reason for it, and buttons for choices."""

    field = ""

    def name(self) -> Text:
        return f"action_ask_{self.field}"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[Dict[Text, Any]]:
        lang = lang_of(tracker)
        spec = FIELDS_BY_NAME[self.field]
        number = [f.name for f in ANSWER_FIELDS].index(self.field) + 1
        progress = messages.text("plan_progress", lang, step=spec.step, number=number, total=len(ANSWER_FIELDS))
        text = "\n".join([
            f"{progress} {messages.text('ask.' + self.field, lang)}",
            messages.text("why." + self.field, lang),
            messages.text("plan_skip_hint", lang),
        ])
        buttons = [button(messages.text(f"choice.{c}", lang), choice_payload(c)) for c in spec.choices]
        if spec.kind == "multi":  # a typed message, which the branch parser reads as "all"
            everything = messages.text("choice.all_branches", lang)
            buttons.append(button(everything, everything))
        dispatcher.utter_message(text=text, buttons=buttons + [button(messages.text("button_skip", lang), "/skip")])
        return []


# rasa_sdk finds actions via Action.__subclasses__() (weak references): keep the classes.
ASK_ACTIONS = tuple(type(f"Ask_{f.name}", (AskPlanQuestion,), {"field": f.name}) for f in ANSWER_FIELDS)


class ValidatePlanForm(FormValidationAction):
    """Checks every answer, saves it to the draft at once, and handles digressions:
    `skip`, FAQ questions, and answers that keep missing the point."""

    def name(self) -> Text:
        return "validate_plan_form"

    def _validate(self, field: str, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker) -> Dict[Text, Any]:
        lang = lang_of(tracker)
        message = tracker.latest_message
        intent = (message.get("intent") or {}).get("name")
        text = message.get("text") or ""
        if tracker.get_slot("requested_slot") != field or value == planning.SKIPPED:
            # loaded from the plan store (resume, edit, conflict reload), not typed now
            return {field: value}
        if intent == "ask_faq" and faq.is_question(text):
            result = faq.lookup(text)
            if result.decision == "answer":
                events = send_answer(dispatcher, tracker, result.matches[0].id)
                dispatcher.utter_message(text=messages.text("plan_faq_resume", lang))
                return {field: None, **{e["name"]: e["value"] for e in events}}
        entity_choice = next(tracker.get_latest_entity_values("choice"), None)
        parsed = planning.parse_answer(field, text if entity_choice is None else "", entity_choice)
        if parsed.certain:  # it names one of the options: an answer, whatever the intent
            return self._save(field, parsed.value, dispatcher, tracker)
        if intent == "skip" or answers.is_skip_command(text):
            return self._save(field, planning.SKIPPED, dispatcher, tracker, note="plan_skipped")
        confident = (message.get("intent") or {}).get("confidence", 0) >= DIGRESSION_CONFIDENCE
        if intent in DIGRESSIONS and confident:
            dispatcher.utter_message(text=self._digression(intent, tracker, lang))
            return {field: None}
        if parsed.problem:
            return self._reject(field, parsed.problem, dispatcher, tracker)
        return self._save(field, parsed.value, dispatcher, tracker)

    @staticmethod
    def _digression(intent: str, tracker: Tracker, lang: str) -> str:
        identity = identify(tracker)
        if intent == "show_my_plans":
            with session_scope() as session:
                return planning.my_plans_text(session, identity, lang)
        if intent == "help":
            return messages.text(f"help_{identity.role or 'unknown'}", lang)
        return messages.text(intent, lang)

    def _reject(self, field: str, problem: str, dispatcher: CollectingDispatcher, tracker: Tracker) -> Dict[Text, Any]:
        lang = lang_of(tracker)
        failures = (int_slot(tracker, "invalid_answers") or 0) + 1
        if failures >= REPEATED_FAILURES:
            need = messages.text(f"need.{FIELDS_BY_NAME[field].kind}", lang)
            dispatcher.utter_message(text=messages.text("plan_invalid_again", lang, need=need),
                                     buttons=skip_and_pause_buttons(lang))
        else:
            dispatcher.utter_message(text=messages.text(problem, lang))
        return {field: None, "invalid_answers": failures}

    def _save(self, field: str, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
              note: Optional[str] = None) -> Dict[Text, Any]:
        lang = lang_of(tracker)
        identity = identify(tracker)
        plan_id = int_slot(tracker, "plan_draft_id")
        volunteered = {} if value == planning.SKIPPED else self._volunteered(field, tracker)
        try:
            with session_scope() as session:
                plan = planning.save_answer(
                    session, identity=identity, plan_id=plan_id, year=int_slot(tracker, "plan_year"),
                    lang=lang, field=field, value=value, expected_version=int_slot(tracker, "plan_draft_version"),
                    volunteered=volunteered,
                )
                saved = {"plan_draft_id": plan.id, "plan_draft_version": plan.version}
        except PlanConflict:
            with session_scope() as session:
                plan = get_plan(session, plan_id)
                dispatcher.utter_message(text=messages.text("plan_conflict", lang, version=plan.version))
                return {**planning.slot_values(plan), "plan_draft_version": plan.version, "invalid_answers": 0}
        if note:
            dispatcher.utter_message(text=messages.text(note, lang))
        if volunteered:
            dispatcher.utter_message(text=planning.also_noted_text(volunteered, lang))
        return {field: value, "invalid_answers": 0, **volunteered, **saved}

    @staticmethod
    def _volunteered(field: str, tracker: Tracker) -> Dict[str, Any]:
        """Other questions this reply answers in passing, where those are still open."""
        text = tracker.latest_message.get("text") or ""
        if text.startswith("/"):  # a button
            return {}
        return {name: value for name, value in answers.volunteered_answers(text, field).items()
                if tracker.get_slot(name) is None}


def _validator(field: str):
    def validate(self, slot_value: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
                 domain: DomainDict) -> Dict[Text, Any]:
        return self._validate(field, slot_value, dispatcher, tracker)

    validate.__name__ = f"validate_{field}"
    return validate


for _spec in ANSWER_FIELDS:
    setattr(ValidatePlanForm, f"validate_{_spec.name}", _validator(_spec.name))

