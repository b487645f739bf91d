"""Single answers read against their question: the answer sets of tests/answers/.

    .venv/bin/python benchmarks/answers.py [--set dev|heldout-2] [--no-nlu] [-v]

Prints, per language, the share of messages the reader takes as meant, per
question and overall, and which meanings are confused. `-v` lists every miss
(refused for held-out sets). With the trained model (default), the intent model's
reading is passed to the reader as the form actions pass it.
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import logging
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
os.environ.setdefault("SQLALCHEMY_SILENCE_UBER_WARNING", "1")


def _means(value) -> str:
    return "+".join(value) if isinstance(value, tuple) else str(value)


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--set", default="dev", help="a folder of tests/answers/ (dev, heldout-2)")
    parser.add_argument("--model", default=str(ROOT / "models" / "mlplan.tar.gz"))
    parser.add_argument("--no-nlu", action="store_true", help="read without the intent model")
    parser.add_argument("--lang", choices=("zh", "en"))
    parser.add_argument("-v", "--verbose", action="store_true", help="print every miss (not for held-out sets)")
    args = parser.parse_args()
    from bot.dialogue import reader
    from bot.kb import faq
    from bot.plan_schema import ANSWER_FIELD_NAMES
    from tests.support import answer_sets

    parse = None
    if not args.no_nlu:
        from rasa.core.agent import Agent
        from rasa.utils.log_utils import configure_structlog

        from benchmarks.nlu_heldout import corpus_directory

        configure_structlog(logging.WARNING)
        os.environ["MLPLAN_DATABASE_URL"] = corpus_directory(tempfile.mkdtemp())
        agent = Agent.load(args.model)
        parse = agent.parse_message
    show = args.verbose and not args.set.startswith("heldout")
    folder = ROOT / "tests" / "answers" / args.set
    for lang in [args.lang] if args.lang else ["zh", "en"]:
        paths = sorted(folder.glob(f"{lang}*.yml"))
        if not paths:
            continue
        right = collections.Counter()
        total = collections.Counter()
        confused = collections.Counter()
        for case in answer_sets.load(paths):
            heard = reader.Heard(case.say)
            if parse is not None:
                parsed = await parse(case.say)
                entities = collections.defaultdict(list)
                for entity in parsed.get("entities") or []:
                    entities[entity["entity"]].append(entity["value"])
                heard = reader.Heard(case.say, parsed["intent"]["name"], parsed["intent"]["confidence"], dict(entities))
            reading = reader.read(
                heard, answer_sets.reader_question(case.question), lookup=faq.lookup, editable=ANSWER_FIELD_NAMES
            )  # as the forms read them
            got = answer_sets.meaning(reading, case.question)
            total[case.question] += 1
            if got == case.means:
                right[case.question] += 1
                continue
            confused[(_means(case.means), _means(got) if got is not None else f"unclear:{reading.problem}")] += 1
            if show:
                print(
                    f"  [{lang}] {case.question}: {case.say!r} means {_means(case.means)}, read as "
                    f"{_means(got) if got is not None else 'nothing'} ({reading.kind})"
                )
        n, ok = sum(total.values()), sum(right.values())
        print(f"{lang}: {ok}/{n} read as meant ({ok / max(n, 1):.1%})")
        print(
            "    per question: "
            + ", ".join(f"{q} {right[q]}/{total[q]}" for q in sorted(total, key=lambda q: right[q] / total[q]))
        )
        print(
            "    most confused (meant -> read): "
            + ", ".join(f"{meant}->{got} {count}" for (meant, got), count in confused.most_common(8))
        )


if __name__ == "__main__":
    asyncio.run(main())
