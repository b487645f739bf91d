"""How a pending question is put to the user: its text and buttons, in full the first
time, shorter when it is asked again after a digression or a failed try."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Dict, List, Optional

from bot import messages
from bot.flow import Reask
from bot.plan_schema import ANSWER_FIELD_NAMES, ANSWER_FIELDS, FIELDS_BY_NAME

Button = Dict[str, str]


@dataclass(frozen=True)
class Prompt:
    text: str
    buttons: List[Button]


def button(title: str, payload: str) -> Button:
    return {"title": title, "payload": payload}


def choice_payload(value: str) -> str:
    return '/inform{"choice": "%s"}' % value


def skip_button(lang: str) -> Button:
    return button(messages.text("button_skip", lang), "/skip")


def pause_button(lang: str) -> Button:
    return button(messages.text("button_pause", lang), "/cancel")


def field_buttons(lang: str) -> List[Button]:
    return [
        button(messages.text(f"field.{name}", lang), '/edit_plan{"plan_field": "%s"}' % name)
        for name in ANSWER_FIELD_NAMES
    ]


def plan_question(field: str, lang: str, mode: Optional[str] = None) -> Optional[Prompt]:
    """One of the plan's questions: progress, question, the guide's reason, and buttons for the options;
    asked again as `mode` (bot.flow.Reask) says."""
    if mode == Reask.SILENT:
        return None
    spec = FIELDS_BY_NAME[field]
    question = messages.text(f"ask.{field}", lang)
    buttons = [button(messages.choice_label(field, c, lang), choice_payload(c)) for c in spec.choices]
    if spec.kind == "multi":  # typed, so the branch parser reads it as "all"
        everything = messages.text("choice.all_branches", lang)
        buttons.append(button(everything, everything))
    if mode == Reask.AGAIN:
        return Prompt(
            messages.text("form_again", lang, question=question), buttons + [skip_button(lang), pause_button(lang)]
        )
    if mode == Reask.BACK:
        return Prompt(messages.text("form_back", lang, question=question), buttons + [skip_button(lang)])
    if mode == Reask.SHORT:
        return Prompt(question, buttons + [skip_button(lang)])
    number = ANSWER_FIELD_NAMES.index(field) + 1
    progress = messages.text("plan_progress", lang, step=spec.step, number=number, total=len(ANSWER_FIELDS))
    text = "\n".join(
        [f"{progress} {question}", messages.text("why." + field, lang), messages.text("plan_skip_hint", lang)]
    )
    return Prompt(text, buttons + [skip_button(lang)])


def other_question(text: str, buttons: List[Button], lang: str, mode: Optional[str] = None) -> Optional[Prompt]:
    """A question outside the plan's 22 (a confirmation, a reason, a review)."""
    if mode == Reask.SILENT:
        return None
    if mode == Reask.AGAIN:
        return Prompt(messages.text("form_again", lang, question=text), buttons + [pause_button(lang)])
    if mode == Reask.BACK:
        return Prompt(messages.text("form_back", lang, question=text), buttons)
    return Prompt(text, buttons)


def explanation(name: str, lang: str) -> str:
    """What a pending question means, with an example ("what do you mean?")."""
    key = f"explain.{name}"
    text = messages.text(key, lang)
    if name in FIELDS_BY_NAME:
        text += "\n" + messages.text("why." + name, lang)
    return text
