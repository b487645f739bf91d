"""How many knowledge-base questions the trained NLU sends to the knowledge base.

    .venv/bin/python benchmarks/faq_routing.py            # the held-out set
    .venv/bin/python benchmarks/faq_routing.py --set dev

A question reaches the lookup when the NLU reads it as `ask_faq`, as
`nlu_fallback`, or as `out_of_scope` (answered when the lookup is sure), so the
lookup's accuracy in benchmarks/kb_quality.py is only part of the story. Also
prints how many out-of-scope questions the NLU reads as `out_of_scope`.
Needs a trained model (`make train`).
"""
from __future__ import annotations

import argparse
import asyncio
import collections
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
os.environ.setdefault("SQLALCHEMY_SILENCE_UBER_WARNING", "1")

TO_THE_KNOWLEDGE_BASE = ("ask_faq", "nlu_fallback", "out_of_scope")


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--set", default="heldout", choices=("heldout", "dev"))
    parser.add_argument("--model", default=str(ROOT / "models" / "mlplan.tar.gz"))
    args = parser.parse_args()
    from rasa.core.agent import Agent

    from benchmarks.kb_quality import LANGS, questions

    agent = Agent.load(args.model)
    rows, out_of_scope = questions(args.set)
    for lang in LANGS:
        mine = [question for row_lang, _, question in rows if row_lang == lang]
        intents = collections.Counter([(await agent.parse_message(q))["intent"]["name"] for q in mine])
        reached = sum(intents[i] for i in TO_THE_KNOWLEDGE_BASE) / len(mine)
        others = {k: v for k, v in intents.most_common() if k not in TO_THE_KNOWLEDGE_BASE}
        print(f"{lang}: n={len(mine)}  reach the knowledge base {reached:.3f}  elsewhere {others}")
    out = collections.Counter([(await agent.parse_message(q))["intent"]["name"] for q in out_of_scope])
    print(f"out of scope: n={len(out_of_scope)}  read as out_of_scope {out['out_of_scope'] / sum(out.values()):.3f}"
          f"  {dict(out.most_common())}")

if __name__ == "__main__":
    asyncio.run(main())
