"""Whole conversations on unseen wordings: task completion, turns, stuck and trapped, per language.

    .venv/bin/python benchmarks/conversations.py                    # every edition
    .venv/bin/python benchmarks/conversations.py --edition dev -v   # transcripts of the failures
    .venv/bin/python benchmarks/conversations.py --edition dev --only zh-d03 -v
    .venv/bin/python benchmarks/conversations.py --edition dev --part heldout3 -v   # one retired edition

Starts its own Rasa and action servers on a fresh SQLite database. Held-out
editions print figures only: their conversations are not for reading while tuning
(tests/conversations/README.md).
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.support import conversations as corpus  # noqa: E402


def editions() -> list:
    return sorted(p.name for p in corpus.CORPUS.iterdir() if p.is_dir())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--edition", action="append", help="dev, heldout-1, ... (default: all)")
    parser.add_argument("--lang", choices=("zh", "en"))
    parser.add_argument("--only", action="append", help="conversation ids to play")
    parser.add_argument("--part", help="only the edition's files whose name starts with this (e.g. heldout3)")
    parser.add_argument("-v", "--verbose", action="store_true", help="print the transcripts of failures (dev only)")
    args = parser.parse_args()

    chosen = args.edition or editions()
    plays = {
        name: corpus.load(
            [path for path in corpus.edition_files(name, args.lang) if path.name.startswith(args.part or "")]
        )
        for name in chosen
    }
    if args.only:
        plays = {name: [c for c in convs if c.id in args.only] for name, convs in plays.items()}
    everyone = [c for convs in plays.values() for c in convs]
    with tempfile.TemporaryDirectory() as tmp, corpus.playing(everyone, Path(tmp)) as player:
        for name, convs in plays.items():
            started = time.monotonic()
            outcomes = []
            for conversation in convs:
                outcome = player.play(conversation)
                outcomes.append(outcome)
                if args.verbose and not outcome.completed and not name.startswith("heldout"):
                    print(outcome.transcript(), flush=True)
            seconds = time.monotonic() - started
            turns = sum(len(o.turns) for o in outcomes)
            print(
                f"\n# {name} ({dt.date.today()}, {len(outcomes)} conversations, {turns} messages, "
                f"{seconds:.0f} s, {seconds / max(turns, 1):.2f} s per message)"
            )
            for line in corpus.figures(outcomes):
                print(line.line())
            for lang, kinds in corpus.failure_kinds(outcomes).items():
                ranked = sorted(kinds.items(), key=lambda item: (-item[1], item[0]))
                print(f"  {lang} problems: " + ", ".join(f"{kind} {count}" for kind, count in ranked))
            if not name.startswith("heldout"):
                failed = [o.conversation.id for o in outcomes if not o.completed]
                print("failed:", ", ".join(failed) or "none")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
