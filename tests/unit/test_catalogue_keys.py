"""Every message key the code uses is in bot/messages.yml, and every key there is used.

The code names a key in two ways, and the test reads bot/ and actions/ with `ast` for both:

- literally: "plan_paused", also through a variable or a helper ("key = 'a' if x else 'b'",
  `turn.say("form_help")`, `yes_no_buttons(lang, "button_submit", ...)`);
- built at run time: f"field.{name}", "rating." + value, `turn.say(intent)`. These families
  are declared in FAMILIES below with the values the code builds them from, taken from the
  plan schema where it has them. A new f-string in the code that builds a catalogue key fails
  `test_every_key_built_at_run_time_is_a_declared_family` until its family is declared here.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path
from typing import Dict, Iterator, Set, Tuple

from bot import messages
from bot.dialogue.reader import SOCIAL
from bot.plan_schema import ANSWER_FIELD_NAMES, ANSWER_FIELDS, REVIEW_DECISIONS, ROLES, STATUSES

ROOT = Path(__file__).resolve().parents[2]
SOURCES = sorted(p for folder in ("bot", "actions") for p in (ROOT / folder).rglob("*.py"))
KEY_SHAPE = re.compile(r"[a-z][a-z0-9_]*(?:\.[a-z0-9_-]+)*")  # what a catalogue key looks like
RATINGS = ("ready", "at_risk", "blocked")  # SPEC §5
CHANNELS = ("slack", "web")
CHOICES = tuple(dict.fromkeys(c for f in ANSWER_FIELDS for c in f.choices))
FORM_QUESTIONS = (
    *ANSWER_FIELD_NAMES,
    "edit_field",
    "no_plan_reason",
    "review_decision",
    "review_note",
    "confirmation",
    "start_year",
)

# key family (the f-string's shape, "{}" for each value) -> the values the code fills in
FAMILIES: Dict[str, Tuple[str, ...]] = {
    "field.{}": ANSWER_FIELD_NAMES,  # a field named in a reply
    "ask.{}": ANSWER_FIELD_NAMES,  # bot.dialogue.prompts.plan_question
    "why.{}": ANSWER_FIELD_NAMES,  # the guide's reason for a question
    "explain.{}": FORM_QUESTIONS,  # "what do you mean?" at any form's question
    "choice.{}": CHOICES,  # an option's label (bot.messages.choice_label, bot.plan_text.display_value)
    "choice.{}.{}": ("data_location.mixed", "data_quality.mixed"),  # a label worded for its question
    "status.{}": STATUSES,
    "rating.{}": RATINGS,
    "report.rating.{}": RATINGS,
    "step.{}": tuple(dict.fromkeys(str(f.step) for f in ANSWER_FIELDS)),
    "role.{}": ROLES,
    "help_{}": (*ROLES, "unknown"),  # actions.replies.ActionHelp: by role, "unknown" when not in the directory
    "decision.{}": REVIEW_DECISIONS,
    "decided.{}": REVIEW_DECISIONS,  # bot.plan_text.reviewed: the decision just recorded
    "remind_reason.{}": ("nothing_filed", "draft"),  # bot.reminders: why a lead is reminded
    "report.reason.{}": ("nothing_filed", "draft"),
    "review_told_{}": CHANNELS,
    "review_told_{}_many": CHANNELS,  # several leads told the same way
    "report.channel.{}": CHANNELS,
    "report.sent.{}": ("sent", "failed", "pending-web", "obsolete", "superseded"),  # bot.reminders' statuses
    "report.late_{}": ("draft", "submitted", "unit"),  # bot.review.data: what is late
    "{}": tuple(i for i in SOCIAL if i not in ("greet", "help")),  # actions.forms: small talk answered by intent
}


def _pattern(family: str) -> re.Pattern:
    return re.compile(
        "".join(".+" if part == "{}" else re.escape(part) for part in re.split(r"(\{\})", family) if part)
    )


def _family_keys() -> Dict[str, Set[str]]:
    keys: Dict[str, Set[str]] = {}
    for family, values in FAMILIES.items():
        keys[family] = {family.replace("{}.{}", v) if "{}.{}" in family else family.format(v) for v in values}
    return keys


def _literals() -> Iterator[Tuple[Path, int, str]]:
    for path in SOURCES:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                yield path, node.lineno, node.value


def _built_keys() -> Iterator[Tuple[Path, int, str]]:
    """The shape of every string built from a literal start:
    f"field.{name}" -> "field.{}", "rating." + x -> "rating.{}"."""
    for path in SOURCES:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.JoinedStr) and node.values and isinstance(node.values[0], ast.Constant):
                yield path, node.lineno, "".join(v.value if isinstance(v, ast.Constant) else "{}" for v in node.values)
            elif (
                isinstance(node, ast.BinOp)
                and isinstance(node.op, ast.Add)
                and isinstance(node.left, ast.Constant)
                and isinstance(node.left.value, str)
            ):
                yield path, node.lineno, node.left.value + "{}"


def _said_keys() -> Iterator[Tuple[Path, int, str]]:
    """Literal keys handed to the catalogue: messages.text("k", ...), say(..., "k"), turn.say("k"), _t("k", ...),
    button("k", ...), and key = "k" (or "a" if ... else "b") before one of them."""
    speakers = {"text", "say", "_t", "button"}
    for path in SOURCES:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call):
                name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", None)
                if name in speakers:
                    for value in (v for arg in node.args for v in _alternatives(arg)):
                        if KEY_SHAPE.fullmatch(value) and value not in ("zh", "en"):
                            yield path, node.lineno, value
            elif isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "key" for t in node.targets):
                for value in _alternatives(node.value):
                    yield path, node.lineno, value


def _alternatives(node: ast.AST) -> Iterator[str]:
    """The literal strings an expression can be: "a", or "a" if ... else "b"."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        yield node.value
    elif isinstance(node, ast.IfExp):
        yield from _alternatives(node.body)
        yield from _alternatives(node.orelse)


def test_the_scan_finds_what_it_looks_for():
    said = {key for _, _, key in _said_keys()}
    assert {"plan_paused", "form_help", "report.title", "plan_paused_bye", "not_sure_what_next"} <= said
    built = {shape for _, _, shape in _built_keys()}
    assert {"field.{}", "help_{}", "rating.{}", "report.late_{}"} <= built


def test_every_key_said_literally_is_in_the_catalogue():
    catalogue = messages.catalogue()
    missing = [f"{path.relative_to(ROOT)}:{line}: {key}" for path, line, key in _said_keys() if key not in catalogue]
    assert not missing, missing


def test_every_declared_family_key_is_in_the_catalogue():
    catalogue = messages.catalogue()
    missing = {
        family: sorted(keys - set(catalogue)) for family, keys in _family_keys().items() if keys - set(catalogue)
    }
    assert not missing, missing


def test_every_key_built_at_run_time_is_a_declared_family():
    catalogue = set(messages.catalogue())
    undeclared = []
    for path, line, shape in _built_keys():
        if shape in FAMILIES or shape.replace("{}", "") in catalogue:
            continue
        if any(_pattern(shape).fullmatch(key) for key in catalogue) and not shape.startswith("{}"):
            undeclared.append(f"{path.relative_to(ROOT)}:{line}: {shape}")
    assert not undeclared, f"declare these key families in FAMILIES: {undeclared}"


def test_every_key_in_the_catalogue_is_used():
    used = {value for _, _, value in _literals()} | set().union(*_family_keys().values())
    unused = sorted(set(messages.catalogue()) - used)
    assert not unused, f"not used anywhere in bot/ or actions/: {unused}"
