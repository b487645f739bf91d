"""`mlplan`: directory, plans, exit codes."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from bot.cli import main
from bot.store import plans as store
from bot.store.db import session_scope
from tests.support.cli import run


def test_directory_commands(sqlite_url, capsys):
    assert run(capsys, "units", "add", "retail", "--zh", "零售部", "--en", "Retail", "--alias", "stores")[0] == 0
    assert run(capsys, "people", "add", "li.wei", "--name", "李伟", "--unit", "零售部", "--role", "lead")[0] == 2
    assert (
        run(capsys, "people", "add", "li.wei", "--name", "李伟", "--unit", "retail", "--role", "lead", "--lang", "zh")[
            0
        ]
        == 0
    )
    code, out, _ = run(capsys, "people", "list", "--json")
    assert code == 0 and json.loads(out) == [
        {"id": "li.wei", "name": "李伟", "unit": "retail", "role": "lead", "lang": "zh", "slack": None}
    ]
    code, out, _ = run(capsys, "units", "list")
    assert "零售部" in out and "stores" in out


@pytest.mark.parametrize(
    "argv, message",
    [
        (["people", "add", "x", "--name", "X", "--unit", "atlantis", "--role", "lead"], "unknown unit 'atlantis'"),
        (["units", "add", "Not A Key", "--zh", "甲", "--en", "A"], "must be lower-case"),
        (["plans", "list", "--unit", "atlantis"], "unknown unit 'atlantis'"),
        (["plans", "show", "42"], "no plan with id 42"),
    ],
)
def test_bad_input_exits_non_zero_with_a_clear_error(sqlite_url, capsys, argv, message):
    code, _, err = run(capsys, *argv)
    assert code == 2 and message in err and "Traceback" not in err


def test_bad_role_is_rejected_by_the_parser(sqlite_url, capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["people", "add", "x", "--name", "X", "--role", "boss"])
    assert exit_.value.code == 2
    assert "invalid choice: 'boss'" in capsys.readouterr().err


def test_failed_import_writes_nothing(sqlite_url, capsys, tmp_path):
    run(capsys, "units", "import", "samples/units.yml")
    bad = tmp_path / "people.csv"
    bad.write_text("id,name,unit,role\nok.one,One,retail,lead\nbad.two,Two,retail,emperor\n", encoding="utf-8")
    code, _, err = run(capsys, "people", "import", str(bad))
    assert code == 2 and "row 2" in err and "emperor" in err
    assert json.loads(run(capsys, "people", "list", "--json")[1]) == []


def test_plan_listing_show_and_export(directory_db, capsys, tmp_path):
    with session_scope() as session:
        first = store.create_plan(
            session,
            unit="retail",
            year=2027,
            owner="li.wei",
            language="zh",
            answers={"title": '=HYPERLINK("http://evil")', "value_branches": ["revenue"]},
        ).id
        second = store.create_plan(
            session,
            unit="manufacturing",
            year=2027,
            owner="anna.smith",
            language="en",
            answers={"title": "Defect detection"},
        ).id
        store.create_plan(session, unit="retail", year=2026, owner="li.wei", language="zh", answers={"title": "旧计划"})
    code, out, _ = run(capsys, "plans", "list", "--year", "2027", "--json")
    assert code == 0 and [p["id"] for p in json.loads(out)] == [second, first]
    code, out, _ = run(capsys, "plans", "list", "--unit", "零售部", "--year", "2027", "--json")
    assert [p["id"] for p in json.loads(out)] == [first]
    code, out, _ = run(capsys, "plans", "show", str(second), "--json")
    assert json.loads(out)["title"] == "Defect detection"
    code, out, _ = run(capsys, "plans", "show", str(second))
    assert "value_branches" in out and "Defect detection" in out

    target = tmp_path / "plans.csv"
    assert run(capsys, "plans", "export", "--year", "2027", "--format", "csv", "--out", str(target))[0] == 0
    rows = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8"))))
    assert [r["id"] for r in rows] == [str(first), str(second)]
    assert rows[0]["title"].startswith("'=")  # neutralised against formula injection
    assert json.loads(rows[0]["value_branches"]) == ["revenue"]
    code, out, _ = run(capsys, "plans", "export", "--year", "2027", "--format", "json")
    assert [p["unit"] for p in json.loads(out)] == ["retail", "manufacturing"]


def test_the_installed_command_runs(sqlite_url):
    done = subprocess.run(
        [str(Path(sys.executable).with_name("mlplan")), "plans", "list", "--json"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == []


def test_a_missing_schema_is_explained(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("MLPLAN_DATABASE_URL", f"sqlite:///{tmp_path / 'empty.sqlite3'}")
    code, _, err = run(capsys, "plans", "list")
    assert code == 3 and "mlplan db upgrade" in err
