"""The people and unit directory: who someone is, which unit they lead, in
which language they prefer replies. Imports are all-or-nothing."""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Dict, Iterable, List, Literal, Mapping, Optional, Sequence, Set, overload

import yaml
from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.plan_schema import LANGUAGES, ROLES
from bot.store.models import AuditEntry, Person, Unit, UnitAlias

UNIT_KEY = re.compile(r"^[a-z][a-z0-9_-]{0,63}$")
SLACK_ID = re.compile(r"^[UW][A-Z0-9]{2,31}$")
PERSON_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.@:+-]{0,127}$")


class DirectoryError(ValueError):
    """Bad directory input; nothing was written."""


@dataclass(frozen=True)
class Identity:
    """Who is talking, as the directory knows them (never from message text)."""

    person_id: str
    name: Optional[str] = None
    unit: Optional[str] = None
    role: Optional[str] = None
    lang: Optional[str] = None
    lang_explicit: bool = False

    @property
    def known(self) -> bool:
        return self.role is not None


def _alias_key(alias: str) -> str:
    return " ".join(alias.casefold().split())


def _audit(session: Session, actor: str, action: str, kind: str, target: str, detail: Any) -> None:
    session.add(AuditEntry(actor=actor, action=action, target_type=kind, target_id=target, detail=detail))


# --- validation --------------------------------------------------------------------


@overload
def _text(row: Mapping[str, Any], key: str, where: str, required: Literal[True] = True) -> str: ...
@overload
def _text(row: Mapping[str, Any], key: str, where: str, required: bool) -> Optional[str]: ...


def _text(row: Mapping[str, Any], key: str, where: str, required: bool = True) -> Optional[str]:
    """The field's text, stripped; a required field is never empty."""
    value = row.get(key)
    text = "" if value is None else str(value).strip()
    if required and not text:
        raise DirectoryError(f"{where}: '{key}' is required")
    if len(text) > 200:
        raise DirectoryError(f"{where}: '{key}' is longer than 200 characters")
    return text or None


def _clean_unit(row: Mapping[str, Any], where: str) -> Dict[str, Any]:
    if not isinstance(row, Mapping):
        raise DirectoryError(f"{where}: expected a mapping of fields, got {type(row).__name__}")
    key = _text(row, "key", where)
    if not UNIT_KEY.match(key):
        raise DirectoryError(f"{where}: unit key {key!r} must be lower-case letters, digits, '-' or '_'")
    aliases = row.get("aliases") or row.get("alias") or []
    if isinstance(aliases, str):
        aliases = [a for a in re.split(r"[;|]", aliases)]
    if not isinstance(aliases, (list, tuple)):
        raise DirectoryError(f"{where}: aliases must be a list")
    clean_aliases = sorted({str(a).strip() for a in aliases if str(a).strip()})
    return {"key": key, "zh": _text(row, "zh", where), "en": _text(row, "en", where), "aliases": clean_aliases}


def _clean_person(row: Mapping[str, Any], where: str) -> Dict[str, Any]:
    if not isinstance(row, Mapping):
        raise DirectoryError(f"{where}: expected a mapping of fields, got {type(row).__name__}")
    person_id = _text(row, "id", where)
    if not PERSON_ID.match(person_id):
        raise DirectoryError(f"{where}: person id {person_id!r} has characters that are not allowed")
    role = _text(row, "role", where)
    if role not in ROLES:
        raise DirectoryError(f"{where}: role {role!r} is not one of {', '.join(ROLES)}")
    lang = _text(row, "lang", where, required=False)
    if lang is not None and lang not in LANGUAGES:
        raise DirectoryError(f"{where}: lang {lang!r} is not one of {', '.join(LANGUAGES)}")
    unit = _text(row, "unit", where, required=False)
    slack = _text(row, "slack", where, required=False)
    if slack is not None and not SLACK_ID.match(slack):
        raise DirectoryError(f"{where}: Slack member id {slack!r} should look like U0123ABCD")
    return {
        "id": person_id,
        "name": _text(row, "name", where),
        "unit": unit,
        "role": role,
        "lang": lang,
        "slack": slack,
    }


# --- writing -----------------------------------------------------------------------


def _write_unit(session: Session, data: Dict[str, Any], actor: str) -> Unit:
    unit = session.get(Unit, data["key"])
    action = "update" if unit else "create"
    if unit is None:
        unit = Unit(key=data["key"], name_zh=data["zh"], name_en=data["en"])
        session.add(unit)
    unit.name_zh, unit.name_en = data["zh"], data["en"]
    wanted = {_alias_key(a): a for a in [*data["aliases"], data["zh"], data["en"]]}
    taken = (
        session.execute(
            select(UnitAlias).where(UnitAlias.alias_key.in_(list(wanted)), UnitAlias.unit_key != data["key"])
        )
        .scalars()
        .first()
    )
    if taken is not None:
        raise DirectoryError(
            f"unit {data['key']}: the name or alias {taken.alias!r} already belongs to unit {taken.unit_key!r}"
        )
    unit.aliases[:] = [a for a in unit.aliases if a.alias_key in wanted]
    have = {a.alias_key for a in unit.aliases}
    unit.aliases.extend(UnitAlias(alias=alias, alias_key=key) for key, alias in wanted.items() if key not in have)
    session.flush()
    _audit(
        session, actor, action, "unit", unit.key, {"zh": unit.name_zh, "en": unit.name_en, "aliases": data["aliases"]}
    )
    return unit


def _write_person(session: Session, data: Dict[str, Any], actor: str, where: str) -> Person:
    if data["unit"] is not None and session.get(Unit, data["unit"]) is None:
        raise DirectoryError(f"{where}: unknown unit {data['unit']!r}; add it first with `mlplan units add`")
    person = session.get(Person, data["id"])
    action = "update" if person else "create"
    if person is None:
        person = Person(id=data["id"], name=data["name"], role=data["role"])
        session.add(person)
    person.name, person.unit_key, person.role = data["name"], data["unit"], data["role"]
    if data["lang"] is not None:
        person.lang = data["lang"]
    if data.get("slack") is not None:
        owner = (
            session.execute(select(Person).where(Person.slack_id == data["slack"], Person.id != person.id))
            .scalars()
            .first()
        )
        if owner is not None:
            raise DirectoryError(f"{where}: Slack member {data['slack']} is already {owner.id}")
        person.slack_id = data["slack"]
    session.flush()
    _audit(
        session, actor, action, "person", person.id, {k: data.get(k) for k in ("name", "unit", "role", "lang", "slack")}
    )
    return person


def add_unit(session: Session, key: str, zh: str, en: str, aliases: Sequence[str] = (), *, actor: str = "cli") -> Unit:
    return _write_unit(session, _clean_unit({"key": key, "zh": zh, "en": en, "aliases": list(aliases)}, "unit"), actor)


def add_person(
    session: Session,
    person_id: str,
    *,
    name: str,
    unit: Optional[str],
    role: str,
    lang: Optional[str] = None,
    slack: Optional[str] = None,
    actor: str = "cli",
) -> Person:
    data = _clean_person(
        {"id": person_id, "name": name, "unit": unit, "role": role, "lang": lang, "slack": slack}, "person"
    )
    return _write_person(session, data, actor, "person")


def import_units(session: Session, rows: Sequence[Mapping[str, Any]], *, actor: str = "cli") -> int:
    """Validate every row, then write them; any error aborts the whole import."""
    cleaned = [_clean_unit(row, f"row {i}") for i, row in enumerate(rows, 1)]
    _no_duplicates([c["key"] for c in cleaned], "unit key")
    with session.begin_nested():
        for data in cleaned:
            _write_unit(session, data, actor)
    return len(cleaned)


def import_people(session: Session, rows: Sequence[Mapping[str, Any]], *, actor: str = "cli") -> int:
    cleaned = [_clean_person(row, f"row {i}") for i, row in enumerate(rows, 1)]
    _no_duplicates([c["id"] for c in cleaned], "person id")
    with session.begin_nested():
        for i, data in enumerate(cleaned, 1):
            _write_person(session, data, actor, f"row {i}")
    return len(cleaned)


def _no_duplicates(keys: Iterable[str], what: str) -> None:
    seen: Set[str] = set()
    dupes: Set[str] = set()
    for key in keys:
        (dupes if key in seen else seen).add(key)
    if dupes:
        raise DirectoryError(f"the file lists the same {what} twice: {', '.join(sorted(dupes))}")


def read_rows(path: Path) -> List[Dict[str, Any]]:
    """Rows of a YAML (a list, or a mapping with one list) or CSV directory file."""
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise DirectoryError(f"cannot read {path}: {error}") from error
    if Path(path).suffix.lower() == ".csv":
        rows = list(csv.DictReader(io.StringIO(text)))
        if not rows:
            raise DirectoryError(f"{path}: no rows under the header")
        return [{k.strip(): v for k, v in row.items() if k} for row in rows]
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as error:
        raise DirectoryError(f"{path}: not valid YAML: {error}") from error
    if isinstance(data, dict) and len(data) == 1:
        data = next(iter(data.values()))
    if not isinstance(data, list) or not data:
        raise DirectoryError(f"{path}: expected a non-empty list of entries")
    return data


# --- reading -----------------------------------------------------------------------


def lookup(session: Session, person_id: Optional[str]) -> Identity:
    """The directory's view of a sender id; unknown senders get an empty identity."""
    person = session.get(Person, person_id) if person_id else None
    if person is None:
        return Identity(person_id=person_id or "")
    return Identity(person.id, person.name, person.unit_key, person.role, person.lang, person.lang_explicit)


def person_for_slack(session: Session, slack_id: str) -> Optional[str]:
    """The person id of a Slack member, when the directory knows them."""
    return session.execute(select(Person.id).where(Person.slack_id == slack_id)).scalars().first()


def remember_language(session: Session, person_id: str, lang: str) -> bool:
    """Store an explicit language choice; False when the person is not in the directory."""
    if lang not in LANGUAGES:
        raise DirectoryError(f"lang must be one of {', '.join(LANGUAGES)}")
    person = session.get(Person, person_id)
    if person is None:
        return False
    person.lang, person.lang_explicit = lang, True
    _audit(session, person_id, "language", "person", person_id, {"lang": lang})
    return True


def resolve_unit(session: Session, text: str) -> Optional[str]:
    """The unit key named by a key, a name or an alias, in either language."""
    key = _alias_key(text or "")
    if not key:
        return None
    if session.get(Unit, key) is not None:
        return key
    alias = session.execute(select(UnitAlias).where(UnitAlias.alias_key == key)).scalars().first()
    return alias.unit_key if alias else None


def list_units(session: Session) -> List[Unit]:
    return list(session.execute(select(Unit).order_by(Unit.key)).scalars())


def list_people(session: Session, unit: Optional[str] = None, role: Optional[str] = None) -> List[Person]:
    query = select(Person).order_by(Person.id)
    if unit:
        query = query.where(Person.unit_key == unit)
    if role:
        query = query.where(Person.role == role)
    return list(session.execute(query).scalars())


def unit_to_dict(unit: Unit) -> Dict[str, Any]:
    names = {_alias_key(unit.name_zh), _alias_key(unit.name_en)}
    return {
        "key": unit.key,
        "zh": unit.name_zh,
        "en": unit.name_en,
        "aliases": [a.alias for a in unit.aliases if a.alias_key not in names],
    }


def person_to_dict(person: Person) -> Dict[str, Any]:
    return {
        "id": person.id,
        "name": person.name,
        "unit": person.unit_key,
        "role": person.role,
        "lang": person.lang,
        "slack": person.slack_id,
    }
