"""How well value-tree answers are read by writers the reader never saw: leave one edition out.

    .venv/bin/python benchmarks/branch_reading.py [--edition heldout23 ...] [--grid] [-v]

For each calibration edition (tests/support/answer_examples.py), the branch model is trained on
every other edition, and each of the edition's value-tree answers is read by the rules alone
(answers.parse_branches), by the model alone (every branch at 0.5 or more) and as the product
reads it (answers.read_branches with that model); a reading is right when it gives exactly the
branches meant. "Free text read as branches" counts the edition's titles, problems and metrics
that the product would take for a value-tree answer. The rules were tuned on these editions'
failures, so their figures flatter them; the model's are fair. `--grid` tries other thresholds
for answers.BRANCH_ADDED and BRANCH_ALONE.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--edition", action="append", help="hold out only these (default: every heldoutN)")
    parser.add_argument("--grid", action="store_true", help="also try other thresholds")
    parser.add_argument("-v", "--verbose", action="store_true", help="print every answer the product reads wrong")
    args = parser.parse_args()
    from bot.dialogue import answers
    from bot.dialogue.branch_model import BranchModel
    from tests.support.answer_examples import branch_examples, calibration_examples

    examples = branch_examples()
    free_texts = [e for e in calibration_examples() if not e.value and e.field in ("title", "problem", "metric")]
    editions = args.edition or sorted({e.edition for e in examples if e.edition.startswith("heldout")})
    grid = [(a, b) for a in (0.4, 0.5, 0.6, 0.7, 0.8) for b in (0.5, 0.6, 0.7, 0.8, 0.9)] if args.grid else []
    total: Counter = Counter()
    for edition in editions:
        model = BranchModel.train([(e.text, e.branches) for e in examples if e.edition != edition])
        counts: Counter = Counter()
        for e in (e for e in examples if e.edition == edition):
            meant = list(e.branches)
            rules = answers.parse_branches(e.text)
            likely = model.probabilities(e.text)
            alone = [b for b, p in likely.items() if p >= 0.5]
            read = answers.read_branches(e.text, probabilities=model.probabilities)
            counts[e.lang, "answers"] += 1
            counts[e.lang, "rules"] += rules == meant
            counts[e.lang, "model"] += alone == meant
            counts[e.lang, "product"] += read == meant
            for added, on_its_own in grid:
                counts[e.lang, f"grid {added} {on_its_own}"] += (
                    _read_with(answers, e.text, model, added, on_its_own) == meant
                )
            if args.verbose and read != meant:
                print(f"  {edition} {e.text!r} means {meant}, read {read} (rules {rules}, model {_rounded(likely)})")
        for e in (e for e in free_texts if e.edition == edition):
            counts[e.lang, "free text"] += 1
            counts[e.lang, "false readings"] += bool(answers.read_branches(e.text, probabilities=model.probabilities))
        total.update(counts)
        print(edition, _line(counts), flush=True)
    print("all", _line(total))
    for lang in ("zh", "en") if grid else ():
        ranked = sorted(grid, key=lambda g: -total[lang, f"grid {g[0]} {g[1]}"])
        print(
            lang,
            "best thresholds (added, alone):",
            ", ".join(
                f"{a}/{b} {total[lang, f'grid {a} {b}'] / max(total[lang, 'answers'], 1):.1%}" for a, b in ranked[:6]
            ),
        )


def _read_with(answers, text: str, model, added: float, on_its_own: float):
    kept = answers.BRANCH_ADDED, answers.BRANCH_ALONE
    answers.BRANCH_ADDED, answers.BRANCH_ALONE = added, on_its_own
    try:
        return answers.read_branches(text, probabilities=model.probabilities)
    finally:
        answers.BRANCH_ADDED, answers.BRANCH_ALONE = kept


def _rounded(likely: dict) -> dict:
    return {b: round(p, 2) for b, p in likely.items() if p >= 0.2}


def _line(counts: Counter) -> str:
    parts = []
    for lang in ("zh", "en"):
        n = counts[lang, "answers"]
        if n:
            parts.append(
                f"{lang}: {n} answers, rules {counts[lang, 'rules'] / n:.1%}, model {counts[lang, 'model'] / n:.1%}, "
                f"product {counts[lang, 'product'] / n:.1%}; free text read as branches "
                f"{counts[lang, 'false readings']}/{counts[lang, 'free text']}"
            )
    return " | ".join(parts)


if __name__ == "__main__":
    main()
