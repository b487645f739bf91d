"""How well choice answers are read by writers the reader never saw: leave one edition out.

    .venv/bin/python benchmarks/choice_reading.py [--edition heldout10 ...] [-v]

For each calibration edition (tests/support/answer_examples.py), the choice model is trained
on every other edition and the edition's answers are read three ways: by the rules alone
(answers.read_choice), by the model alone, and as the product reads them (answers.parse_choice
with that model). It also counts "false readings": the edition's free-text answers (titles,
problems, metrics) read as an option of a random choice question. The rules were tuned on
these editions' failures, so their figures here flatter them; the model's are fair.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--edition", action="append", help="hold out only these (default: every heldoutN)")
    parser.add_argument(
        "-v", "--verbose", action="store_true", help="print every answer read wrong as the product reads it"
    )
    args = parser.parse_args()
    from bot.dialogue import answers
    from bot.dialogue.choice_model import CHOICE_FIELDS, ChoiceModel
    from tests.support.answer_examples import calibration_examples

    examples = calibration_examples()
    editions = args.edition or sorted({e.edition for e in examples if e.edition.startswith("heldout")})
    pick = random.Random(7)
    total: Counter = Counter()
    for edition in editions:
        kept = [e for e in examples if e.edition != edition]
        model = ChoiceModel.train(
            [(e.field, e.text, e.value) for e in kept if e.value], [e.text for e in kept if not e.value]
        )
        counts: Counter = Counter()
        for e in (e for e in examples if e.edition == edition):
            if not e.value:
                field = pick.choice(CHOICE_FIELDS)
                counts[e.lang, "free text"] += 1
                counts[e.lang, "false readings"] += answers.parse_choice(field, e.text, guess=model.guess) is not None
                continue
            rules, guessed = answers.read_choice(e.field, e.text), model.guess(e.field, e.text)
            read = answers.parse_choice(e.field, e.text, guess=model.guess)
            counts[e.lang, "answers"] += 1
            counts[e.lang, "rules"] += rules is not None and rules.value == e.value
            counts[e.lang, "model"] += guessed is not None and guessed.value == e.value
            counts[e.lang, "product"] += read == e.value
            if read is None:  # said again after "I couldn't read that": the option it leans to
                leaning = model.leaning(e.field, e.text)
                counts[e.lang, "unread"] += 1
                counts[e.lang, "leaning right"] += leaning == e.value
                counts[e.lang, "leaning wrong"] += leaning is not None and leaning != e.value
            if args.verbose and read != e.value:
                print(
                    f"  {edition} {e.field}: {e.text!r} means {e.value}, read {read} (rules {rules}, model {guessed})"
                )
        total.update(counts)
        print(edition, _line(counts), flush=True)
    print("all", _line(total))


def _line(counts: Counter) -> str:
    parts = []
    for lang in ("zh", "en"):
        n, free = counts[lang, "answers"], counts[lang, "free text"]
        if n:
            parts.append(
                f"{lang}: {n} answers, rules {counts[lang, 'rules'] / n:.1%}, model {counts[lang, 'model'] / n:.1%}, "
                f"product {counts[lang, 'product'] / n:.1%}; "
                f"free text read as an option {counts[lang, 'false readings']}/{free}; "
                f"unread {counts[lang, 'unread']}, leaning right {counts[lang, 'leaning right']} "
                f"wrong {counts[lang, 'leaning wrong']}"
            )
    return " | ".join(parts)


if __name__ == "__main__":
    main()
