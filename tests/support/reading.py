"""Reading one message against a pending question (bot/dialogue/reader.py) the way the forms
do, with a stand-in for the knowledge-base lookup."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, List, Optional

from bot.dialogue import reader
from bot.dialogue.reader import Heard, Reading
from bot.plan_schema import ANSWER_FIELD_NAMES


@dataclass
class Found:
    """A knowledge-base lookup's result, as bot.kb.faq.lookup returns it."""

    decision: str
    matches: List = field(default_factory=list)


def knows_nothing(text: str) -> Found:
    return Found("none")


def knows_data_lakes(text: str) -> Found:
    return Found("answer", ["data-lake"]) if "data lake" in text.lower() or "数据湖" in text else Found("none")


def read(
    question_name: str,
    text: str,
    confirming: Optional[str] = None,
    *,
    intent: str = "inform",
    confidence: float = 0.9,
    lookup: Callable[[str], Any] = knows_nothing,
) -> Reading:
    """What `text` is, said at question `question_name` (at confirm_form: about `confirming`),
    where every plan answer may be changed."""
    return reader.read(
        Heard(text, intent, confidence),
        reader.question(question_name, confirming),
        lookup=lookup,
        editable=ANSWER_FIELD_NAMES,
    )
