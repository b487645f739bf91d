"""Single answers to single questions, read against the question: the answer sets of `tests/answers/`.

Each case says what one message, sent while one question is pending, means. The
reader is judged on them without servers: a choice value, `answer` (a free-text
answer to keep), `explain`, `skip` or `stop`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, List, Sequence, Tuple

import yaml

from bot.plan_schema import ANSWER_FIELD_NAMES, FIELDS_BY_NAME, VALUE_BRANCHES

ACTS = ("explain", "skip", "stop")
CONFIRMATIONS = {"start_confirm": ("yes", "no"), "submit_confirm": ("yes", "no")}
REVIEW = {"review_decision": ("approved", "needs_work")}
QUESTIONS = (*ANSWER_FIELD_NAMES, *CONFIRMATIONS, *REVIEW)
CHOICE_QUESTIONS = tuple(name for name in ANSWER_FIELD_NAMES if FIELDS_BY_NAME[name].kind != "text")


@dataclass(frozen=True)
class Case:
    lang: str
    question: str
    say: str
    means: str | Tuple[str, ...]
    source: str

    @property
    def id(self) -> str:
        return f"{self.source}:{self.question}:{self.say[:30]}"


def allowed(question: str) -> Sequence[str]:
    if question in CONFIRMATIONS:
        return (*CONFIRMATIONS[question], *ACTS)
    if question in REVIEW:
        return (*REVIEW[question], "stop")
    field = FIELDS_BY_NAME[question]
    if field.kind == "text":
        return ("answer", *ACTS)
    if field.kind == "multi":
        return ACTS
    return (*field.choices, *ACTS)


def _means(question: str, raw: Any, where: str) -> str | Tuple[str, ...]:
    if isinstance(raw, list) and question == "value_branches":
        unknown = [b for b in raw if b not in VALUE_BRANCHES]
        if unknown or not raw:
            raise ValueError(f"{where}: value_branches must be a non-empty list of {VALUE_BRANCHES}, not {raw!r}")
        return tuple(b for b in VALUE_BRANCHES if b in raw)
    if isinstance(raw, bool):
        raise ValueError(f"{where}: quote yes/no (YAML reads a bare yes/no as true/false)")
    if raw not in allowed(question):
        raise ValueError(f"{where}: means must be one of {allowed(question)}, not {raw!r}")
    return raw


def load(paths: Sequence[Path]) -> List[Case]:
    cases: List[Case] = []
    for path in paths:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
        lang = data.get("lang")
        if lang not in ("zh", "en"):
            raise ValueError(f"{path}: lang must be zh or en")
        for question, items in (data.get("questions") or {}).items():
            if question not in QUESTIONS:
                raise ValueError(f"{path}: unknown question {question!r}")
            for n, item in enumerate(items or []):
                where = f"{path}:{question}[{n}]"
                say = item.get("say") if isinstance(item, dict) else None
                if not isinstance(say, str) or not say.strip():
                    raise ValueError(f"{where}: needs a non-empty `say` string")
                cases.append(Case(lang, question, say, _means(question, item.get("means"), where), Path(path).stem))
    return cases


def reader_question(name: str):
    """The question the bot has pending when it asks `name`."""
    from bot.dialogue import reader

    if name in CONFIRMATIONS:
        return reader.question("confirmation", name)
    return reader.question(name)


def meaning(reading, question: str) -> str | Tuple[str, ...] | None:
    """What the reader made of a message, in the answer sets' terms (None: nothing it acts on)."""
    if reading.kind == "answer":
        if question == "value_branches":
            return tuple(reading.value)
        field = FIELDS_BY_NAME.get(question)
        return "answer" if field is not None and field.kind == "text" else reading.value
    if reading.kind == "skip":
        return "skip"
    if reading.kind == "question":
        return "explain"
    if reading.kind == "command" and reading.command is not None:
        kind = reading.command.kind
        if kind in ("pause", "leave"):
            return "stop"
        if kind in ("explain", "skip"):
            return kind
        if kind == "edit" and question == "submit_confirm":
            return "no"  # "先别提交，我还要改一下指标": not now, and which answer is already known
        return f"command:{kind}"
    return None
