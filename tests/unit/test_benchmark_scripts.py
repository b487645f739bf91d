"""The benchmark scripts are run by hand, not by the suite: at least they must compile and show their help."""

import subprocess
import sys
from pathlib import Path

import pytest

BENCHMARKS = sorted((Path(__file__).resolve().parents[2] / "benchmarks").glob("*.py"))


def test_there_are_benchmarks():
    assert len(BENCHMARKS) >= 10


@pytest.mark.parametrize("script", BENCHMARKS, ids=lambda p: p.name)
def test_a_benchmark_compiles(script):
    compile(script.read_text(encoding="utf-8"), str(script), "exec")


@pytest.mark.parametrize("name", ["answers.py", "choice_reading.py", "conversations.py", "nlu_heldout.py", "load.py"])
def test_a_benchmark_shows_its_help(name):
    script = BENCHMARKS[0].parent / name
    done = subprocess.run([sys.executable, str(script), "--help"], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert "usage:" in done.stdout
