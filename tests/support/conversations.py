"""Plays the conversation corpus (tests/conversations/) against the running servers.

A conversation is a list of steps; `answer` steps react to whatever the bot is asking,
read from the tracker (Rasa's HTTP API). Afterwards the plan store is checked field by
field. See tests/conversations/README.md for the format and the metrics.
"""

from __future__ import annotations

import contextlib
import json
import re
import statistics
import unicodedata
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Dict, Iterable, Iterator, List, Mapping, Optional, Sequence

import yaml
from sqlalchemy import delete, select

from bot import directory
from bot.assessment import assess
from bot.plan_schema import ANSWER_FIELD_NAMES, FIELDS_BY_NAME
from bot.store import plans as store
from bot.store.db import session_scope
from bot.store.models import AuditEntry, KnowledgeGap, Plan, PlanVersion, Review

CORPUS = Path(__file__).resolve().parents[1] / "conversations"
CONFIRMATIONS = ("start_confirm", "start_year", "submit_confirm", "withdraw_confirm", "review_confirm")
PENDING_NAMES = frozenset(
    {
        *ANSWER_FIELD_NAMES,
        *CONFIRMATIONS,
        "edit_field",
        "edit_value",
        "no_plan_reason",
        "review_decision",
        "review_note",
    }
)
STEP_KEYS = frozenset({"say", "answer", "until", "expect", "exit"})
MAX_MESSAGES = 90  # a conversation that needs more is going round in circles
ASKED_TOO_OFTEN = 3  # the same question asked this many times in a row after answers: stuck


class CorpusError(ValueError):
    """A conversation file that does not follow the format."""


@dataclass
class Conversation:
    id: str
    lang: str
    person: Dict[str, Any]
    about: str
    steps: List[Dict[str, Any]]
    expect: Dict[str, Any]
    fixtures: List[Dict[str, Any]] = field(default_factory=list)

    @property
    def files_a_plan(self) -> bool:
        return (self.expect.get("plan") or {}).get("status") == "submitted"


@dataclass
class Turn:
    user: str
    bot: List[str]
    pending_after: Optional[str]


@dataclass
class Outcome:
    conversation: Conversation
    turns: List[Turn] = field(default_factory=list)
    problems: List[str] = field(default_factory=list)
    stuck: bool = False
    trapped: bool = False

    @property
    def completed(self) -> bool:
        return not self.problems and not self.stuck and not self.trapped

    def transcript(self) -> str:
        lines = [f"== {self.conversation.id} ({self.conversation.about})"]
        for turn in self.turns:
            lines.append(f"  U: {turn.user}")
            for text in turn.bot:
                lines.append("  B: " + text.replace("\n", "\n     "))
            lines.append(f"     [pending: {turn.pending_after}]")
        lines += [f"  !! {p}" for p in self.problems]
        return "\n".join(lines)


# --- loading ---------------------------------------------------------------------------


def load(paths: Iterable[Path]) -> List[Conversation]:
    conversations: List[Conversation] = []
    for path in paths:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
        for raw in data.get("conversations") or []:
            conversations.append(_conversation(raw, path))
    ids = [c.id for c in conversations]
    duplicated = sorted({i for i in ids if ids.count(i) > 1})
    if duplicated:
        raise CorpusError(f"conversation ids used twice: {', '.join(duplicated)}")
    return conversations


def edition_files(edition: str, lang: Optional[str] = None) -> List[Path]:
    folder = CORPUS / edition
    if not folder.is_dir():
        raise CorpusError(f"no edition {edition!r} under {CORPUS}")
    return sorted(p for p in folder.glob("*.yml") if lang is None or p.name.startswith(lang))


def _conversation(raw: Mapping[str, Any], path: Path) -> Conversation:
    where = f"{path.name}: {raw.get('id', '?')}"
    for key in ("id", "lang", "person", "steps"):
        if key not in raw:
            raise CorpusError(f"{where}: missing {key!r}")
    if raw["lang"] not in ("zh", "en"):
        raise CorpusError(f"{where}: lang must be zh or en")
    for step in raw["steps"]:
        unknown = set(step) - STEP_KEYS
        if unknown or not ({"say", "answer"} & set(step)):
            raise CorpusError(f"{where}: a step needs `say` or `answer` (unknown keys: {sorted(unknown)})")
        names = set(step.get("answer") or {}) | ({step["until"]} if step.get("until") else set())
        if names - PENDING_NAMES:
            raise CorpusError(f"{where}: unknown question names {sorted(names - PENDING_NAMES)}")
    return Conversation(
        id=str(raw["id"]),
        lang=raw["lang"],
        person=dict(raw["person"]),
        about=raw.get("about", ""),
        steps=list(raw["steps"]),
        expect=dict(raw.get("expect") or {}),
        fixtures=list(raw.get("fixtures") or []),
    )


# --- the directory and the fixtures -------------------------------------------------------


def prepare_directory(url: str, conversations: Sequence[Conversation]) -> None:
    """The corpus's units, one synthetic owner per unit for fixtures, and each conversation's person."""
    units = directory.read_rows(CORPUS / "units.yml")
    with session_scope(url) as session:
        directory.import_units(session, units)
        people = [
            {"id": f"owner.{u['key']}", "name": f"Owner of {u['key']}", "unit": u["key"], "role": "lead"} for u in units
        ]
        for conversation in conversations:
            person = conversation.person
            people.append(
                {
                    "id": conversation.id,
                    "name": person.get("name") or conversation.id,
                    "unit": person.get("unit"),
                    "role": person.get("role", "lead"),
                }
            )
        directory.import_people(session, people)


def reset_plans(url: str) -> None:
    with session_scope(url) as session:
        for model in (Review, PlanVersion, AuditEntry, KnowledgeGap, Plan):
            session.execute(delete(model))


def create_fixtures(url: str, conversation: Conversation, default_year: int) -> Dict[str, int]:
    ids: Dict[str, int] = {}
    with session_scope(url) as session:
        for fixture in conversation.fixtures:
            answers = {k: _choice_value(k, v) for k, v in fixture.items() if k in FIELDS_BY_NAME}
            status = fixture.get("status", "submitted")
            plan = store.create_plan(
                session,
                unit=fixture["unit"],
                year=int(fixture.get("year", default_year)),
                owner=fixture.get("owner", f"owner.{fixture['unit']}"),
                language=fixture.get("language", conversation.lang),
                status=status,
                answers=answers,
                no_plan_reason=fixture.get("no_plan_reason"),
            )
            if status not in ("draft", "no_plan"):
                plan.assessment = assess({name: getattr(plan, name) for name in ANSWER_FIELD_NAMES})
            ids[str(fixture["key"])] = plan.id
    return ids


def _choice_value(name: str, value: Any) -> Any:
    if value is True:
        return "yes"
    if value is False:
        return "no"
    return value


# --- playing -------------------------------------------------------------------------------


class Client:
    """The REST channel and the tracker, over HTTP."""

    def __init__(self, base: str, http) -> None:
        self.base = base
        self.http = http

    def say(self, sender: str, text: str) -> List[str]:
        status, body = self.http("POST", f"{self.base}/webhooks/rest/webhook", {"sender": sender, "message": text})
        if status != 200:
            raise RuntimeError(f"REST channel answered {status}: {body[:300]!r}")
        return [m.get("text", "") for m in json.loads(body) if m.get("text")]

    def tracker(self, sender: str) -> Dict[str, Any]:
        status, body = self.http(
            "GET", f"{self.base}/conversations/{urllib.parse.quote(sender)}/tracker?include_events=NONE"
        )
        if status != 200:
            raise RuntimeError(f"tracker answered {status}: {body[:300]!r}")
        return json.loads(body)


def pending_question(tracker: Mapping[str, Any]) -> Optional[str]:
    """The name (README table) of the question the bot is waiting for, or None."""
    slots = tracker.get("slots") or {}
    loop = (tracker.get("active_loop") or {}).get("name")
    requested = slots.get("requested_slot")
    if loop == "confirm_form":
        return f"{slots.get('confirming')}_confirm" if slots.get("confirming") != "start_year" else "start_year"
    if loop == "plan_form" and requested:
        if requested != "edit_field" and slots.get("plan_editing") == requested:
            return "edit_value"
        return requested
    if loop in ("no_plan_form", "review_form") and requested:
        return requested
    return None


class Player:
    def __init__(self, client: Client, url: str, default_year: int) -> None:
        self.client = client
        self.url = url
        self.default_year = default_year

    def play(self, conversation: Conversation) -> Outcome:
        reset_plans(self.url)
        fixture_ids = create_fixtures(self.url, conversation, self.default_year)
        outcome = Outcome(conversation)
        sender = conversation.id
        try:
            for step in conversation.steps:
                if outcome.stuck or len(outcome.turns) >= MAX_MESSAGES:
                    break
                if "answer" in step:
                    self._answer(step, outcome, sender, fixture_ids)
                else:
                    self._say(step, outcome, sender, fixture_ids)
        except RuntimeError as error:
            outcome.problems.append(f"server error: {error}")
        if len(outcome.turns) >= MAX_MESSAGES:
            outcome.problems.append(f"more than {MAX_MESSAGES} messages")
        if not outcome.stuck:
            outcome.problems += check_store(self.url, conversation, fixture_ids, self.default_year)
        return outcome

    def _send(self, outcome: Outcome, sender: str, text: str) -> Turn:
        replies = self.client.say(sender, text)
        turn = Turn(text, replies, pending_question(self.client.tracker(sender)))
        outcome.turns.append(turn)
        return turn

    def _say(self, step: Mapping[str, Any], outcome: Outcome, sender: str, ids: Mapping[str, int]) -> None:
        turn = self._send(outcome, sender, substitute(str(step["say"]), ids))
        number = len(outcome.turns)
        expect = dict(step.get("expect") or {})
        if step.get("exit") and turn.pending_after is not None:
            outcome.trapped = True
            outcome.problems.append(f"turn {number}: asked to leave, still asking {turn.pending_after}")
        outcome.problems += [f"turn {number}: {p}" for p in check_turn(turn, expect, ids)]

    def _answer(self, step: Mapping[str, Any], outcome: Outcome, sender: str, ids: Mapping[str, int]) -> None:
        answers = dict(step["answer"])
        until = step.get("until")
        sent: Dict[str, int] = {}
        refused = 0  # answers in a row after which the same question came back
        while len(outcome.turns) < MAX_MESSAGES:
            pending = outcome.turns[-1].pending_after if outcome.turns else None
            if pending is None or pending == until:
                return
            name = pending if pending in answers else None
            if pending == "edit_value":
                editing = self._editing(sender)
                name = "edit_value" if "edit_value" in answers else (editing if editing in answers else None)
            if name is None:
                return
            attempts = answers[name] if isinstance(answers[name], list) else [answers[name]]
            text = str(_choice_value(name, attempts[min(sent.get(name, 0), len(attempts) - 1)]))
            sent[name] = sent.get(name, 0) + 1
            turn = self._send(outcome, sender, substitute(text, ids))
            refused = refused + 1 if turn.pending_after == pending else 0
            if refused + 1 >= ASKED_TOO_OFTEN:
                outcome.stuck = True
                outcome.problems.append(f"stuck: {pending} asked {ASKED_TOO_OFTEN} times in a row")
                return

    def _editing(self, sender: str) -> Optional[str]:
        return (self.client.tracker(sender).get("slots") or {}).get("plan_editing")


def substitute(text: str, ids: Mapping[str, int]) -> str:
    return re.sub(r"\{plan:([^}]+)\}", lambda m: str(ids.get(m.group(1).strip(), m.group(0))), text)


# --- checking ------------------------------------------------------------------------------


def fold(text: Any) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", str(text or "")).casefold()).strip()


def reply_language(texts: Sequence[str]) -> Optional[str]:
    joined = "".join(texts)
    cjk = len(re.findall(r"[\u4e00-\u9fff]", joined))
    latin = len(re.findall(r"[A-Za-z]", joined))
    if not cjk and not latin:
        return None
    return "zh" if cjk * 3 >= latin else "en"


def check_turn(turn: Turn, expect: Mapping[str, Any], ids: Mapping[str, int]) -> List[str]:
    problems = []
    if "asks" in expect and turn.pending_after != expect["asks"]:
        problems.append(f"expected the bot to ask {expect['asks']}, it asks {turn.pending_after}")
    if expect.get("form") in ("off", False) and turn.pending_after is not None:
        problems.append(f"expected nothing pending, the bot asks {turn.pending_after}")
    reply = fold("\n".join(turn.bot))
    for wanted in expect.get("reply_has") or []:
        wanted = substitute(str(wanted), ids)
        number = re.fullmatch(r"#?\s*(\d+)", wanted.strip())
        found = re.search(rf"(?<!\d){number.group(1)}(?!\d)", reply) if number else fold(wanted) in reply
        if not found:
            problems.append(f"reply lacks {wanted!r}")
    if "reply_lang" in expect and reply_language(turn.bot) != expect["reply_lang"]:
        problems.append(f"expected a reply in {expect['reply_lang']}")
    return problems


def _fragments(expected: Any) -> List[str]:
    if isinstance(expected, dict):
        expected = expected.get("contains", [])
    return [str(x) for x in (expected if isinstance(expected, list) else [expected])]


def check_value(name: str, stored: Any, expected: Any) -> Optional[str]:
    """Why a stored value does not match the expectation, or None."""
    spec = FIELDS_BY_NAME.get(name)
    if expected == "skipped":
        return None if stored in (None, "", [], "unknown") else f"{name}: expected skipped, stored {stored!r}"
    if spec is not None and spec.kind == "choice":
        expected = _choice_value(name, expected)
        return None if stored == expected else f"{name}: expected {expected!r}, stored {stored!r}"
    if spec is not None and spec.kind == "multi":
        wanted = sorted(expected if isinstance(expected, list) else [expected])
        return None if sorted(stored or []) == wanted else f"{name}: expected {wanted}, stored {stored}"
    missing = [f for f in _fragments(expected) if fold(f) not in fold(stored)]
    return f"{name}: stored {stored!r} lacks {missing}" if missing else None


def check_store(url: str, conversation: Conversation, ids: Mapping[str, int], default_year: int) -> List[str]:
    expect = conversation.expect
    problems: List[str] = []
    with session_scope(url) as session:
        mine = list(
            session.execute(select(Plan).where(Plan.owner_id == conversation.id).order_by(Plan.id.desc())).scalars()
        )
        if expect.get("nothing_stored") and mine:
            problems.append(f"expected nothing stored, found plans {[p.id for p in mine]}")
        if "plan" in expect:
            wanted = expect["plan"] or {}
            filed = [p for p in mine if p.status != "no_plan"] or _unit_fixtures(session, conversation, ids)
            if not filed:
                problems.append("expected a plan, none stored")
            else:
                plan = filed[0]
                if "status" in wanted and plan.status != wanted["status"]:
                    problems.append(f"status: expected {wanted['status']}, stored {plan.status}")
                year = int(wanted.get("year", expect.get("year", default_year)))
                if plan.year != year:
                    problems.append(f"year: expected {year}, stored {plan.year}")
                for name, value in (wanted.get("fields") or {}).items():
                    problem = check_value(name, getattr(plan, name), value)
                    if problem:
                        problems.append(problem)
        if "no_plan" in expect:
            unit = conversation.person.get("unit")
            record = (
                session.execute(
                    select(Plan).where(Plan.unit_key == unit, Plan.status == "no_plan").order_by(Plan.id.desc())
                )
                .scalars()
                .first()
            )
            if record is None:
                problems.append("expected a no-plan record, none stored")
            else:
                problem = check_value(
                    "no_plan_reason", record.no_plan_reason, (expect["no_plan"] or {}).get("reason", [])
                )
                if problem:
                    problems.append(problem)
                year = int((expect["no_plan"] or {}).get("year", expect.get("year", default_year)))
                if record.year != year:
                    problems.append(f"no-plan year: expected {year}, stored {record.year}")
        for key, wanted in (expect.get("fixtures") or {}).items():
            plan = session.get(Plan, ids.get(str(key), -1))
            if plan is None:
                problems.append(f"fixture {key} is unknown")
                continue
            if "status" in wanted and plan.status != wanted["status"]:
                problems.append(f"fixture {key}: expected status {wanted['status']}, stored {plan.status}")
            if "review" in wanted:
                review = plan.reviews[-1] if plan.reviews else None
                if review is None:
                    problems.append(f"fixture {key}: no review recorded")
                    continue
                if review.decision != wanted["review"].get("decision", review.decision):
                    problems.append(f"fixture {key}: review {review.decision}, expected {wanted['review']['decision']}")
                if "note" in wanted["review"]:
                    problem = check_value("note", review.note, wanted["review"]["note"])
                    if problem:
                        problems.append(f"fixture {key}: review {problem}")
    return problems


def _unit_fixtures(session: Any, conversation: Conversation, ids: Mapping[str, int]) -> List[Plan]:
    """The fixture plans of the person's unit, newest first: what `plan:` checks when the person filed none."""
    unit = conversation.person.get("unit")
    plans = [session.get(Plan, plan_id) for plan_id in ids.values()]
    return sorted(
        (p for p in plans if p is not None and p.unit_key == unit and p.status != "no_plan"),
        key=lambda p: p.id,
        reverse=True,
    )


@contextlib.contextmanager
def playing(conversations: Sequence[Conversation], workdir: Path) -> Iterator[Player]:
    """Servers of their own, on a fresh SQLite database holding the corpus's directory."""
    from bot.planning import default_year
    from bot.store import migrate
    from tests.support.servers import RunningAssistant, http

    url = f"sqlite:///{workdir / 'mlplan.sqlite3'}"
    migrate.upgrade(url)
    prepare_directory(url, conversations)
    assistant = RunningAssistant(workdir, url).start()
    try:
        yield Player(Client(assistant.base, http), url, default_year())
    finally:
        assistant.stop()


# --- figures --------------------------------------------------------------------------------


@dataclass
class Figures:
    lang: str
    conversations: int
    completed: int
    stuck: int
    trapped: int
    plan_turns: List[int]
    fields_checked: int = 0
    fields_wrong: int = 0

    @property
    def completion(self) -> float:
        return self.completed / self.conversations if self.conversations else 0.0

    @property
    def field_accuracy(self) -> float:
        return 1 - self.fields_wrong / self.fields_checked if self.fields_checked else 0.0

    def line(self) -> str:
        turns = f"{statistics.mean(self.plan_turns):.1f} mean, {max(self.plan_turns)} max" if self.plan_turns else "-"
        return (
            f"{self.lang}: {self.completed}/{self.conversations} completed ({self.completion:.0%}), "
            f"stuck {self.stuck} ({self.stuck / max(self.conversations, 1):.0%}), trapped {self.trapped}, "
            f"turns per completed plan {turns}, fields right in stored plans "
            f"{self.field_accuracy:.1%} of {self.fields_checked}"
        )


def figures(outcomes: Sequence[Outcome]) -> List[Figures]:
    result = []
    for lang in ("zh", "en"):
        mine = [o for o in outcomes if o.conversation.lang == lang]
        if not mine:
            continue
        result.append(
            Figures(
                lang=lang,
                conversations=len(mine),
                completed=sum(o.completed for o in mine),
                stuck=sum(o.stuck for o in mine),
                trapped=sum(o.trapped for o in mine),
                plan_turns=[len(o.turns) for o in mine if o.completed and o.conversation.files_a_plan],
                fields_checked=sum(_fields_checked(o) for o in mine),
                fields_wrong=sum(_fields_wrong(o) for o in mine),
            )
        )
    return result


def _expected_fields(outcome: Outcome) -> Sequence[str]:
    if "expected a plan, none stored" in outcome.problems:
        return ()
    return list((outcome.conversation.expect.get("plan") or {}).get("fields") or {})


def _fields_checked(outcome: Outcome) -> int:
    """Field values checked in a plan that was stored (a plan never stored counts under completion)."""
    return len(_expected_fields(outcome))


def _fields_wrong(outcome: Outcome) -> int:
    names = set(_expected_fields(outcome))
    return sum(1 for problem in outcome.problems if problem.split(":", 1)[0] in names)


def failure_kinds(outcomes: Sequence[Outcome]) -> Dict[str, Dict[str, int]]:
    """What went wrong, counted per language and kind, without naming conversations: the
    aggregate that a held-out edition may show ("data_location 5", "trapped at metric 1")."""
    counts: Dict[str, Dict[str, int]] = {}
    for outcome in outcomes:
        mine = counts.setdefault(outcome.conversation.lang, {})
        for problem in outcome.problems:
            kind = _problem_kind(problem)
            mine[kind] = mine.get(kind, 0) + 1
    return counts


def _problem_kind(problem: str) -> str:
    for pattern, kind in (
        (r"^stuck: (\w+)", r"stuck at \1"),
        (r"asked to leave, still asking (\w+)", r"trapped at \1"),
        (r"expected the bot to ask (\w+)", r"not asked as expected: \1"),
        (r"reply lacks", "reply lacks a fact"),
        (r"expected a plan, none stored", "no plan stored"),
        (r"expected a no-plan record", "no 'no plan' stored"),
        (r"^fixture \S+: review", "review not as meant"),
        (r"^fixture \S+: expected status", "fixture status"),
        (r"^(\w+): ", r"field \1"),
    ):
        found = re.search(pattern, problem)
        if found:
            return found.expand(kind)
    return "other"
