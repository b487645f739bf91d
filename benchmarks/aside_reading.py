"""How well the plan's questions tell answers from asides (a way out, a question back) said by
writers the reader never saw: leave one edition out.

    .venv/bin/python benchmarks/aside_reading.py [--edition heldout10 ...] [-v]

For each calibration edition (tests/support/answer_examples.asides), the aside model is trained
on every other edition, and each message of the edition said at a pending question is read as the
product reads it (reader.read, no intent model, no knowledge base), once with the rules alone and
once with the model after them. It prints, per language, how many ways out let the user go, how
many questions back were treated as questions, and how many answers were taken for an aside.
The rules were tuned on these editions, so their figures here flatter them; the model's are fair.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections import Counter
from pathlib import Path
from types import SimpleNamespace

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--edition", action="append", help="hold out only these (default: every heldoutN)")
    parser.add_argument("-v", "--verbose", action="store_true", help="print every message the product misreads")
    args = parser.parse_args()
    from bot.dialogue import aside_model, reader
    from bot.plan_schema import FIELDS_BY_NAME
    from tests.support.answer_examples import ANSWER, ASKS_BACK, WAY_OUT, asides

    said = asides()
    editions = args.edition or sorted({a.edition for a in said if a.edition.startswith("heldout")})
    no_answer = SimpleNamespace(decision="none")
    plan_fields = [name for name in FIELDS_BY_NAME if name != "title"]

    def read_as(text: str, question: str) -> str:
        name = question if question in FIELDS_BY_NAME or question in ("no_plan_reason", "review_note") else None
        asked = reader.question(name) if name else reader.question("confirmation")
        reading = reader.read(reader.Heard(text), asked, lookup=lambda _: no_answer, editable=plan_fields)
        if reading.kind == "command" and reading.command.kind in ("pause", "leave", "cancel"):
            return WAY_OUT
        if reading.kind == "question" or (reading.kind == "command" and reading.command.kind == "explain"):
            return ASKS_BACK
        return ANSWER

    total: Counter = Counter()
    for edition in editions:
        kept = [(a.text, a.kind) for a in said if a.edition != edition]
        trained = aside_model.AsideModel.train(kept)  # its own n-grams: none from the held-out edition
        counts: Counter = Counter()
        for a in (a for a in said if a.edition == edition):
            aside_model.read = lambda text: None  # the rules alone
            by_rules = read_as(a.text, a.question)
            aside_model.read = trained.read
            by_product = read_as(a.text, a.question)
            counts[a.lang, a.kind] += 1
            counts[a.lang, a.kind, "rules"] += by_rules == a.kind
            counts[a.lang, a.kind, "product"] += by_product == a.kind
            if args.verbose and by_product != a.kind and (a.kind != ANSWER or by_rules == ANSWER):
                print(f"  {edition} {a.question}: {a.text!r} is {a.kind}, read {by_product} (rules {by_rules})")
        total.update(counts)
        print(edition, _line(counts), flush=True)
    print("all", _line(total))


def _line(counts: Counter) -> str:
    parts = []
    for lang in ("zh", "en"):
        found = []
        for kind, label in (("way_out", "ways out let go"), ("asks_back", "questions back"), ("answer", "answers")):
            n = counts[lang, kind]
            if n:
                found.append(f"{label} {counts[lang, kind, 'rules']}→{counts[lang, kind, 'product']}/{n}")
        parts.append(f"{lang}: " + ", ".join(found))
    return " | ".join(parts)


if __name__ == "__main__":
    main()
