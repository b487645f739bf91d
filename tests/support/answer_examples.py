"""How people answered the plan's questions in the calibration corpora (tests/answers/dev,
tests/conversations/dev), each answer with what it means and the edition it comes from, and
messages of the NLU training data that answer no question (greetings, FAQ questions, queries).

scripts/collect-answer-examples writes them to knowledge/answers/ for the choice model;
benchmarks/choice_reading.py holds out one edition at a time. Held-out editions are never read."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Dict, List

from bot.dialogue import examples_file
from bot.plan_schema import FIELDS_BY_NAME

ROOT = Path(__file__).resolve().parents[2]
CHOICE_FIELDS = tuple(name for name, field in FIELDS_BY_NAME.items() if field.kind == "choice")
# Free-text answers that describe something: at a choice question they are not an answer.
# (Skill gaps, experts and sponsors are left out: "none" and "nobody" there read as "no".)
DESCRIBING_FIELDS = ("title", "problem", "metric", "baseline", "data_sources", "value_notes")
SHORTEST_NOT_ANSWER = 5  # characters
# Intents whose examples answer no plan question. Left out: yes, no, "I don't know" (skip),
# "we have no plan", and the commands a form handles itself.
NOT_ANSWER_INTENTS = (
    "ask_faq",
    "out_of_scope",
    "greet",
    "goodbye",
    "thank",
    "bot_challenge",
    "help",
    "change_language",
    "start_plan",
    "show_my_plans",
    "show_plan",
    "query_plans",
    "review_plan",
    "withdraw_plan",
    "ask_deadline",
    "set_deadline",
    "remind_units",
)
_ANNOTATION = re.compile(r"\[([^\]]+)\]\s*(?:\([^)]*\)|\{[^}]*\})")


@dataclass(frozen=True)
class Example:
    edition: str  # "heldout7", "conversations-en-2", "answers-zh"
    lang: str
    field: str
    text: str
    value: str  # the option meant; "" for a free-text answer


def _yaml(path: Path) -> Any:
    return examples_file.read(path)  # parsed once per process, as the models read knowledge/answers/


def edition_of(path: Path) -> str:
    numbered = re.match(r"(heldout\d+)-", path.stem)
    if numbered:
        return numbered.group(1)
    return f"{path.parent.parent.name}-{path.stem}"


def _from_answer_sets(root: Path) -> List[Example]:
    found = []
    for path in sorted((root / "tests/answers/dev").glob("*.yml")):
        data = _yaml(path)
        for field, items in (data.get("questions") or {}).items():
            for item in items if field in CHOICE_FIELDS else ():
                if item.get("means") in FIELDS_BY_NAME[field].choices:
                    found.append(
                        Example(edition_of(path), data["lang"], field, str(item["say"]).strip(), item["means"])
                    )
    return found


def _from_conversations(root: Path) -> List[Example]:
    found = []
    for path in sorted((root / "tests/conversations/dev").glob("*.yml")):
        for conversation in _yaml(path)["conversations"]:
            expected = ((conversation.get("expect") or {}).get("plan") or {}).get("fields") or {}
            given: Dict[str, List[object]] = defaultdict(list)
            for step in conversation["steps"]:
                for name, text in (step.get("answer") or {}).items():
                    given[name].append(text)
            if "edit_value" in given:
                continue  # an answer changed later: what it meant is not the stored value
            edition, lang = edition_of(path), conversation["lang"]
            for field, texts in given.items():
                if field in DESCRIBING_FIELDS:
                    found += [
                        Example(edition, lang, field, text.strip(), "")
                        for text in texts
                        if isinstance(text, str) and len(text.strip()) >= SHORTEST_NOT_ANSWER
                    ]
                value = expected.get(field)
                value = ("yes" if value else "no") if isinstance(value, bool) else value
                if (
                    field in CHOICE_FIELDS
                    and len(texts) == 1
                    and isinstance(texts[0], str)
                    and value in FIELDS_BY_NAME[field].choices
                ):
                    found.append(Example(edition, lang, field, texts[0].strip(), value))
    return found


def _from_intents(root: Path) -> List[Example]:
    found = []
    for lang in ("zh", "en"):
        for path in sorted((root / "data/nlu" / lang).glob("*.yml")):
            for item in (_yaml(path) or {}).get("nlu") or ():
                if item.get("intent") not in NOT_ANSWER_INTENTS:
                    continue
                for line in str(item.get("examples") or "").splitlines():
                    text = _ANNOTATION.sub(r"\1", line.strip()[2:]).strip() if line.strip().startswith("- ") else ""
                    if len(text) >= SHORTEST_NOT_ANSWER:
                        found.append(Example(f"nlu-{lang}", lang, item["intent"], text, ""))
    return found


def calibration_examples(root: Path = ROOT) -> List[Example]:
    return _from_answer_sets(root) + _from_conversations(root) + _from_intents(root)


# --- value-tree branches: the answers to the one question that takes several options -------------


@dataclass(frozen=True)
class BranchExample:
    edition: str
    lang: str
    text: str
    branches: tuple  # the branches meant, in the question's order


def _in_branch_order(branches: object) -> tuple:
    from bot.plan_schema import VALUE_BRANCHES

    named = set(branches) if isinstance(branches, (list, tuple)) else set()
    return tuple(b for b in VALUE_BRANCHES if b in named) if named <= set(VALUE_BRANCHES) else ()


def branch_examples(root: Path = ROOT) -> List[BranchExample]:
    """Every answer to the value-tree question in the calibration corpora, with the branches it means
    (conversations whose answer was changed later are left out: the stored branches are the change's)."""
    found = []
    for path in sorted((root / "tests/answers/dev").glob("*.yml")):
        data = _yaml(path)
        for item in (data.get("questions") or {}).get("value_branches") or ():
            branches = _in_branch_order(item.get("means"))
            if branches:
                found.append(BranchExample(edition_of(path), data["lang"], str(item["say"]).strip(), branches))
    for path in sorted((root / "tests/conversations/dev").glob("*.yml")):
        for conversation in _yaml(path)["conversations"]:
            expected = ((conversation.get("expect") or {}).get("plan") or {}).get("fields") or {}
            answers = [step.get("answer") or {} for step in conversation["steps"]]
            texts = [given["value_branches"] for given in answers if "value_branches" in given]
            branches = _in_branch_order(expected.get("value_branches"))
            changed = any("edit_value" in given for given in answers)
            if len(texts) == 1 and isinstance(texts[0], str) and branches and not changed:
                found.append(BranchExample(edition_of(path), conversation["lang"], texts[0].strip(), branches))
    return found


# --- asides: what people said at a pending question instead of answering it ---------------------

WAY_OUT, ASKS_BACK, ANSWER = "way_out", "asks_back", "answer"
# Not plan answers: where the corpus steers the conversation, not what a question was answered with.
_NOT_PLAN_ANSWERS = frozenset({"edit_field", "edit_value"})


@dataclass(frozen=True)
class Aside:
    edition: str
    lang: str
    kind: str  # WAY_OUT, ASKS_BACK or ANSWER
    text: str
    question: str  # the pending question ("" when the corpus does not say)


def asides(root: Path = ROOT) -> List[Aside]:
    """From the calibration conversations: messages that asked to stop or leave at a question
    (`exit: true`), messages after which the same question had to be asked again (`expect: asks`,
    a question back), and every answer of the answer maps."""
    found: List[Aside] = []
    for path in sorted((root / "tests/conversations/dev").glob("*.yml")):
        edition = edition_of(path)
        for conversation in _yaml(path)["conversations"]:
            lang, pending = conversation["lang"], ""
            for step in conversation["steps"]:
                if "say" in step:
                    expected = (step.get("expect") or {}).get("asks") or ""
                    if step.get("exit") and pending:
                        found.append(Aside(edition, lang, WAY_OUT, str(step["say"]).strip(), pending))
                    elif pending and expected == pending:
                        found.append(Aside(edition, lang, ASKS_BACK, str(step["say"]).strip(), pending))
                    pending = expected
                    continue
                for name, given in (step.get("answer") or {}).items():
                    if name in _NOT_PLAN_ANSWERS:
                        continue
                    for text in given if isinstance(given, list) else [given]:
                        if isinstance(text, str) and text.strip():
                            found.append(Aside(edition, lang, ANSWER, text.strip(), name))
                pending = step.get("until") or ""
    said_aside = {a.text for a in found if a.kind != ANSWER}
    return [a for a in found if a.kind != ANSWER or a.text not in said_aside]
