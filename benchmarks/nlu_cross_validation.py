"""Intent F1 per language from k-fold cross-validation of the NLU pipeline.

    .venv/bin/python benchmarks/nlu_cross_validation.py [--folds 3]

Each language's training data (with the shared lookup tables) is cross-validated
on its own with config.yml, and the weighted intent F1 and accuracy are printed.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def cross_validate(lang: str, folds: int) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "nlu"
        data.mkdir()
        for path in (ROOT / "data" / "nlu" / lang).glob("*.yml"):
            shutil.copy(path, data / path.name)
        shutil.copy(ROOT / "data" / "nlu" / "lookups.yml", data / "lookups.yml")
        out = Path(tmp) / "results"
        subprocess.run(
            [
                str(Path(sys.executable).with_name("rasa")),
                "test",
                "nlu",
                "--nlu",
                str(data),
                "--config",
                str(ROOT / "config.yml"),
                "--cross-validation",
                "--folds",
                str(folds),
                "--out",
                str(out),
            ],
            cwd=ROOT,
            check=True,
            capture_output=True,
        )
        report = json.loads((out / "intent_report.json").read_text())
        return {
            "f1": report["weighted avg"]["f1-score"],
            "accuracy": report["accuracy"],
            "worst": sorted(
                (v["f1-score"], k)
                for k, v in report.items()
                if isinstance(v, dict) and "support" in v and k not in ("micro avg", "macro avg", "weighted avg")
            )[:3],
        }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--folds", type=int, default=3)
    args = parser.parse_args()
    for lang in ("zh", "en"):
        result = cross_validate(lang, args.folds)
        worst = ", ".join(f"{name} {f1:.2f}" for f1, name in result["worst"])
        scores = f"intent F1 {result['f1']:.3f}, accuracy {result['accuracy']:.3f} ({args.folds}-fold)"
        print(f"{lang}: {scores}; weakest: {worst}")


if __name__ == "__main__":
    main()
