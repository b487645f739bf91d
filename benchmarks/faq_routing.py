"""How many knowledge-base questions the trained NLU sends to the knowledge base.

    .venv/bin/python benchmarks/faq_routing.py            # the held-out set
    .venv/bin/python benchmarks/faq_routing.py --set dev -v  # and each question that goes elsewhere

Outside a form, a question reaches the lookup when the NLU reads it as
`ask_faq`, `nlu_fallback`, `out_of_scope` (answered when the lookup is sure) or
`inform` (an answer with nothing asked), or as `faq_more` when it names a topic
the lookup is sure of ("晨星的例子"). So the lookup's accuracy in
benchmarks/kb_quality.py is only part of the story. Also prints how many
out-of-scope questions the NLU reads as `out_of_scope`.
Needs a trained model (`make train`).
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import logging
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
os.environ.setdefault("SQLALCHEMY_SILENCE_UBER_WARNING", "1")

TO_THE_KNOWLEDGE_BASE = ("ask_faq", "nlu_fallback", "out_of_scope", "inform")


def reaches_the_knowledge_base(intent: str, question: str) -> bool:
    from bot.kb import faq

    if intent == "faq_more":
        return faq.lookup(question).decision == "answer"
    return intent in TO_THE_KNOWLEDGE_BASE


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--set", default="heldout", choices=("heldout", "dev"))
    parser.add_argument("--model", default=str(ROOT / "models" / "mlplan.tar.gz"))
    parser.add_argument("-v", "--verbose", action="store_true", help="print each question that goes elsewhere")
    args = parser.parse_args()
    from rasa.core.agent import Agent
    from rasa.utils.log_utils import configure_structlog

    configure_structlog(logging.WARNING)

    from benchmarks.kb_quality import LANGS, questions

    agent = Agent.load(args.model)
    rows, out_of_scope = questions(args.set)
    for lang in LANGS:
        mine = [question for row_lang, _, question in rows if row_lang == lang]
        read = [(q, (await agent.parse_message(q))["intent"]["name"]) for q in mine]
        elsewhere = [(q, intent) for q, intent in read if not reaches_the_knowledge_base(intent, q)]
        if args.verbose:
            for q, intent in elsewhere:
                print(f"  [{lang}] {q!r} -> {intent}")
        reached = 1 - len(elsewhere) / len(mine)
        others = dict(collections.Counter(intent for _, intent in elsewhere).most_common())
        print(f"{lang}: n={len(mine)}  reach the knowledge base {reached:.3f}  elsewhere {others}")
    read = [(q, (await agent.parse_message(q))["intent"]["name"]) for q in out_of_scope]
    if args.verbose:
        for q, intent in read:
            if intent not in TO_THE_KNOWLEDGE_BASE:
                print(f"  [out of scope] {q!r} -> {intent}")
    out = collections.Counter(intent for _, intent in read)
    print(
        f"out of scope: n={len(out_of_scope)}  read as out_of_scope {out['out_of_scope'] / sum(out.values()):.3f}"
        f"  {dict(out.most_common())}"
    )


if __name__ == "__main__":
    asyncio.run(main())
