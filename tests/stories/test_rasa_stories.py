"""Runs `rasa test` on the bilingual test stories with the trained model."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import yaml

from tests.support.servers import MODEL, ROOT

STORIES = ROOT / "tests" / "stories"


def _story_count() -> int:
    return sum(len(yaml.safe_load(p.read_text(encoding="utf-8"))["stories"]) for p in STORIES.glob("*.yml"))


def test_there_are_test_stories_in_both_languages():
    for lang in ("en", "zh"):
        assert list(STORIES.glob(f"*.{lang}.yml")), lang


def test_test_stories_pass_in_both_languages(tmp_path: Path):
    assert MODEL.exists(), "train first: make train"
    out = tmp_path / "results"
    done = subprocess.run(
        [
            str(Path(sys.executable).with_name("rasa")),
            "test",
            "core",
            "--model",
            str(MODEL),
            "--stories",
            str(STORIES),
            "--fail-on-prediction-errors",
            "--out",
            str(out),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "TF_CPP_MIN_LOG_LEVEL": "2"},
    )
    failed = out / "failed_test_stories.yml"
    assert done.returncode == 0, failed.read_text(encoding="utf-8") if failed.exists() else done.stderr[-3000:]
    report = json.loads((out / "story_report.json").read_text(encoding="utf-8"))["conversation_accuracy"]
    assert report["total"] == _story_count() and report["correct"] == report["total"]
