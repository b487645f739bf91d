"""`make seed` (run by `make run`): samples go only into an empty directory, and never stop the start."""

import os
import subprocess
from pathlib import Path

import pytest

from bot import directory
from bot.store import migrate
from bot.store.db import session_scope

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.skipif(not (ROOT / ".venv" / "bin" / "mlplan").exists(), reason="needs the project's .venv")


def make_seed(url: str, marker: Path, *settings: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "MLPLAN_DATABASE_URL": url}
    return subprocess.run(
        ["make", "--no-print-directory", "seed", f"SEEDED={marker}", *settings],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_samples_fill_an_empty_directory(tmp_path):
    url = f"sqlite:///{tmp_path / 'fresh.sqlite3'}"
    done = make_seed(url, tmp_path / "seeded")
    assert done.returncode == 0, done.stdout + done.stderr
    with session_scope(url) as session:
        assert directory.lookup(session, "li.wei").known
    assert (tmp_path / "seeded").exists()


def test_a_directory_of_ones_own_is_left_alone_and_the_start_goes_on(tmp_path):
    url = f"sqlite:///{tmp_path / 'own.sqlite3'}"
    migrate.upgrade(url)
    with session_scope(url) as session:  # a real unit with the samples' English name, under another key
        directory.add_unit(session, "stores-emea", "零售门店", "Retail", [])
    done = make_seed(url, tmp_path / "seeded")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "not imported" in done.stdout
    with session_scope(url) as session:
        assert [u.key for u in directory.list_units(session)] == ["stores-emea"]
        assert not directory.lookup(session, "li.wei").known


def test_a_broken_sample_file_is_reported_and_does_not_stop_the_start(tmp_path):
    broken = tmp_path / "people.yml"
    broken.write_text("people:\n  - id: x\n    role: emperor\n")
    done = make_seed(f"sqlite:///{tmp_path / 'broken.sqlite3'}", tmp_path / "seeded", f"SAMPLE_PEOPLE={broken}")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "could not be imported" in done.stdout
    assert not (tmp_path / "seeded").exists()  # tried again on the next start
