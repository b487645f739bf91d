"""The people and unit directory, on SQLite and on PostgreSQL."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from bot import directory
from bot.store.db import session_scope
from bot.store.models import AuditEntry, Person, Unit


def _count(url, model) -> int:
    with session_scope(url) as session:
        return session.execute(select(func.count()).select_from(model)).scalar_one()


def test_sample_directory_imports_and_resolves_units_in_both_languages(db_url):
    with session_scope(db_url) as session:
        assert directory.import_units(session, directory.read_rows(Path("samples/units.yml"))) == 8
        assert directory.import_people(session, directory.read_rows(Path("samples/people.yml"))) == 10
        assert directory.import_people(session, directory.read_rows(Path("samples/people.csv"))) == 2
    with session_scope(db_url) as session:
        for text in ("retail", "零售部", "零售", "Retail", "RETAIL DIVISION", " 零售事业部 "):
            assert directory.resolve_unit(session, text) == "retail", text
        assert directory.resolve_unit(session, "客服") == "customer-service"
        assert directory.resolve_unit(session, "space program") is None
        assert directory.resolve_unit(session, "") is None
        who = directory.lookup(session, "li.wei")
        assert (who.name, who.unit, who.role, who.known) == ("李伟", "retail", "lead", True)
        stranger = directory.lookup(session, "nobody-here")
        assert not stranger.known and stranger.unit is None
        assert directory.lookup(session, "liu.yang").lang == "zh"


def test_importing_again_updates_instead_of_duplicating(db_url):
    rows = [{"key": "retail", "zh": "零售部", "en": "Retail", "aliases": ["stores"]}]
    with session_scope(db_url) as session:
        directory.import_units(session, rows)
        directory.import_units(session, [{**rows[0], "en": "Retail & E-commerce", "aliases": ["shops"]}])
    with session_scope(db_url) as session:
        unit = directory.unit_to_dict(session.get(Unit, "retail"))
        assert unit["en"] == "Retail & E-commerce" and unit["aliases"] == ["shops"]
        assert directory.resolve_unit(session, "stores") is None
        assert directory.resolve_unit(session, "Retail & E-commerce") == "retail"


@pytest.mark.parametrize(
    "rows, message",
    [
        ([{"key": "ok", "zh": "好", "en": "OK"}, {"key": "Bad Key", "zh": "坏", "en": "Bad"}], "row 2"),
        ([{"key": "a", "zh": "甲", "en": "A"}, {"key": "a", "zh": "乙", "en": "B"}], "twice"),
        ([{"key": "a", "zh": "甲", "en": "A"}, {"key": "b", "zh": "", "en": "B"}], "'zh' is required"),
        (
            [
                {"key": "a", "zh": "甲", "en": "A", "aliases": ["x"]},
                {"key": "b", "zh": "乙", "en": "B", "aliases": ["X"]},
            ],
            "already belongs",
        ),
        ([{"key": "a", "zh": "甲", "en": "A"}, "not a mapping"], "expected a mapping"),
    ],
)
def test_a_bad_unit_file_writes_nothing(db_url, rows, message):
    with pytest.raises(directory.DirectoryError, match=message):
        with session_scope(db_url) as session:
            directory.import_units(session, rows)
    assert _count(db_url, Unit) == 0 and _count(db_url, AuditEntry) == 0


@pytest.mark.parametrize(
    "row, message",
    [
        ({"id": "p2", "name": "Two", "unit": "nowhere", "role": "lead"}, "unknown unit 'nowhere'"),
        ({"id": "p2", "name": "Two", "unit": "retail", "role": "boss"}, "role 'boss'"),
        ({"id": "p2", "name": "Two", "unit": "retail", "role": "lead", "lang": "fr"}, "lang 'fr'"),
        ({"id": "p 2; drop", "name": "Two", "role": "lead"}, "not allowed"),
        ({"id": "p2", "name": "", "role": "lead"}, "'name' is required"),
    ],
)
def test_a_bad_people_file_writes_nothing(db_url, row, message):
    with session_scope(db_url) as session:
        directory.add_unit(session, "retail", "零售部", "Retail")
    good = {"id": "p1", "name": "One", "unit": "retail", "role": "lead"}
    with pytest.raises(directory.DirectoryError, match=message):
        with session_scope(db_url) as session:
            directory.import_people(session, [good, row])
    assert _count(db_url, Person) == 0


def test_language_choice_is_remembered(db_url):
    with session_scope(db_url) as session:
        directory.add_person(session, "p1", name="One", unit=None, role="lead")
    with session_scope(db_url) as session:
        assert directory.remember_language(session, "p1", "en") is True
        assert directory.remember_language(session, "ghost", "en") is False
    with session_scope(db_url) as session:
        who = directory.lookup(session, "p1")
        assert (who.lang, who.lang_explicit) == ("en", True)


@pytest.mark.parametrize(
    "content, suffix, message",
    [
        ("key: [unclosed", ".yml", "not valid YAML"),
        ("{}", ".yml", "non-empty list"),
        ("id,name,unit,role\n", ".csv", "no rows"),
        (b"\xff\xfe\x00bad", ".yml", "cannot read"),
    ],
)
def test_malformed_files_are_refused_clearly(tmp_path, content, suffix, message):
    path = tmp_path / f"file{suffix}"
    path.write_bytes(content if isinstance(content, bytes) else content.encode())
    with pytest.raises(directory.DirectoryError, match=message):
        directory.read_rows(path)
