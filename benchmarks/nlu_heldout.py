"""The trained NLU on sentences it has never seen: intent macro-F1, entity F1 and the
precision of the intents that act, per language.

    .venv/bin/python benchmarks/nlu_heldout.py                 # tests/nlu/heldout-2 (figures only)
    .venv/bin/python benchmarks/nlu_heldout.py --set dev -v    # the calibration set, with every miss
    .venv/bin/python benchmarks/nlu_heldout.py --set dev --part 4 -v   # one retired held-out set

Entities count as right when type and normalised value match (`unit: claims`,
`year: 2027`); units are those of tests/conversations/units.yml, which the sets use. Needs a trained
model (`make train`). Held-out sets print figures only (tests/conversations/README.md says why).
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
from typing import Dict, List, Set, Tuple

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
os.environ.setdefault("SQLALCHEMY_SILENCE_UBER_WARNING", "1")

ACTING = ("start_plan", "withdraw_plan", "declare_no_plan", "review_plan")
ENTITIES = ("unit", "year", "status", "challenge", "plan_id", "plan_field", "language")


def examples(folder: Path, lang: str, part: str = "") -> List[Tuple[str, str, Set[Tuple[str, str]]]]:
    from rasa.shared.nlu.training_data.loading import load_data

    rows = []
    messages = [
        m
        for path in sorted(folder.glob(f"{lang}-{part}.yml" if part else f"{lang}*.yml"))
        for m in load_data(str(path)).intent_examples
    ]
    for message in messages:
        gold = {(e["entity"], str(e["value"])) for e in message.get("entities") or [] if e["entity"] in ENTITIES}
        rows.append((message.get("text"), message.get("intent"), gold))
    return rows


def corpus_directory(workdir: str) -> str:
    """A database holding the units the sets name (tests/conversations/units.yml), for the unit extractor."""
    from bot import directory
    from bot.store import migrate
    from bot.store.db import session_scope

    url = f"sqlite:///{workdir}/units.sqlite3"
    migrate.upgrade(url)
    with session_scope(url) as session:
        directory.import_units(session, directory.read_rows(ROOT / "tests" / "conversations" / "units.yml"))
    return url


def f1(tp: int, fp: int, fn: int) -> float:
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--set", default="heldout-2", help="a folder of tests/nlu/ (heldout-2, dev)")
    parser.add_argument(
        "--part", default="", help="only the set's files LANG-PART.yml (e.g. 4: a retired held-out set)"
    )
    parser.add_argument("--model", default=str(ROOT / "models" / "mlplan.tar.gz"))
    parser.add_argument("-v", "--verbose", action="store_true", help="print every miss (not for held-out sets)")
    args = parser.parse_args()
    from rasa.core.agent import Agent
    from rasa.utils.log_utils import configure_structlog

    configure_structlog(logging.WARNING)
    workdir = tempfile.mkdtemp()
    os.environ["MLPLAN_DATABASE_URL"] = corpus_directory(workdir)
    agent = Agent.load(args.model)
    folder = ROOT / "tests" / "nlu" / args.set
    show = args.verbose and not args.set.startswith("heldout")
    for lang in ("zh", "en"):
        rows = examples(folder, lang, args.part)
        counts: Dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
        etp = efp = efn = 0
        for text, gold_intent, gold_entities in rows:
            parsed = await agent.parse_message(text)
            intent = parsed["intent"]["name"]
            found = {(e["entity"], str(e["value"])) for e in parsed.get("entities") or [] if e["entity"] in ENTITIES}
            if intent == gold_intent:
                counts[gold_intent]["tp"] += 1
            else:
                counts[gold_intent]["fn"] += 1
                counts[intent]["fp"] += 1
                if show:
                    print(f"  [{lang}] {text!r}: {gold_intent} read as {intent} ({parsed['intent']['confidence']:.2f})")
            etp += len(found & gold_entities)
            efp += len(found - gold_entities)
            efn += len(gold_entities - found)
            if show and found != gold_entities:
                print(f"  [{lang}] {text!r}: entities {sorted(found)} expected {sorted(gold_entities)}")
        intents = sorted({i for _, i, _ in rows})
        macro = sum(f1(counts[i]["tp"], counts[i]["fp"], counts[i]["fn"]) for i in intents) / len(intents)
        acting_tp = sum(counts[i]["tp"] for i in ACTING)
        acting_fp = sum(counts[i]["fp"] for i in ACTING)
        worst = sorted(intents, key=lambda i: f1(counts[i]["tp"], counts[i]["fp"], counts[i]["fn"]))[:4]
        print(
            f"{lang}: n={len(rows)}  intent macro-F1 {macro:.3f}  entity F1 {f1(etp, efp, efn):.3f} "
            f"(P {etp / max(etp + efp, 1):.3f} R {etp / max(etp + efn, 1):.3f})  "
            f"acting precision {acting_tp / max(acting_tp + acting_fp, 1):.3f} "
            + " ".join(f"{i} {counts[i]['tp'] / max(counts[i]['tp'] + counts[i]['fp'], 1):.2f}" for i in ACTING)
        )
        print(
            "    weakest intents: "
            + ", ".join(f"{i} {f1(counts[i]['tp'], counts[i]['fp'], counts[i]['fn']):.2f}" for i in worst)
        )


if __name__ == "__main__":
    asyncio.run(main())
