"""Where a turn's time goes, step by step, in the Rasa server and the action server.

    .venv/bin/python benchmarks/profile_turn.py [--users 4] [--plans 1] [--cprofile] [--concurrent]

Starts both servers under `benchmarks/turn_timing.py` with a throwaway SQLite database,
warms them up, then plays the load scripts of `benchmarks/load.py` one message at a
time (so the wall-clock times do not include waiting for other users; `--concurrent`
plays them all at once instead, for a CPU profile under load). Prints the milliseconds
per user turn of each step, and with `--cprofile` the functions that took the most CPU.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import pstats
import signal
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks import load  # noqa: E402
from tests.support.servers import RunningAssistant, seeded_database  # noqa: E402


def report(folder: Path, turns: int) -> str:
    lines = []
    for role in ("rasa", "actions"):
        path = folder / f"{role}.json"
        if not path.exists():
            lines.append(f"({role}: no figures)")
            continue
        data = json.loads(path.read_text(encoding="utf-8"))
        lines.append(f"\n{role} server, per user turn ({turns} turns):")
        lines.append(f"  {'step':60} {'calls':>6} {'ms':>8}")
        for name, v in sorted(data["times"].items(), key=lambda kv: -kv[1]["seconds"]):
            lines.append(f"  {name[:60]:60} {v['count'] / turns:6.2f} {1000 * v['seconds'] / turns:8.1f}")
        for name, v in data["sizes"].items():
            lines.append(f"  {name}: {v['bytes'] / max(1, v['count']):.0f} on average over {v['count']} calls")
        prof = folder / f"{role}.prof"
        if prof.exists():
            lines.append(f"\n{role} server, cProfile, top functions by own time:")
            stats = pstats.Stats(str(prof))
            stats.sort_stats("tottime")
            width = stats.total_tt or 1
            rows = sorted(stats.stats.items(), key=lambda kv: -kv[1][2])[:25]
            for (file, line, fn), (_cc, _nc, tt, ct, _) in rows:
                lines.append(
                    f"  {100 * tt / width:5.1f}% {tt:7.2f}s own {ct:7.2f}s cum  {fn} "
                    f"({'/'.join(Path(file).parts[-3:])}:{line})"
                )
    return "\n".join(lines)


async def play(url: str, senders, concurrent: bool) -> int:
    import aiohttp

    result = load.Result("profile")
    async with aiohttp.ClientSession() as session:
        if concurrent:
            await asyncio.gather(
                *(load.run_user(session, url, s, script, result, 120) for s, script in senders.items())
            )
        else:
            for sender, script in senders.items():
                await load.run_user(session, url, sender, script, result, 120)
    for error in result.errors[:10]:
        print("error:", error)
    return result.messages


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--users", type=int, default=4)
    parser.add_argument("--plans", type=int, default=1)
    parser.add_argument("--cprofile", action="store_true")
    parser.add_argument("--concurrent", action="store_true")
    parser.add_argument("--out", help="keep the figures in this folder")
    args = parser.parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="mlplan-profile-"))
    folder = Path(args.out) if args.out else workdir / "timing"
    folder.mkdir(parents=True, exist_ok=True)
    senders = load.scripts(args.users, args.plans, "prof")
    database = seeded_database(workdir)
    load.add_leads(database, [*senders, *load.warm_up_scripts("profile")])
    env = {"TURN_TIMING_DIR": str(folder.resolve()), **({"TURN_TIMING_CPROFILE": "1"} if args.cprofile else {})}
    assistant = RunningAssistant(
        workdir, database, env=env, rasa_command=[sys.executable, str(ROOT / "benchmarks" / "turn_timing.py")]
    ).start()
    try:
        asyncio.run(load.warm_up(assistant.base, "profile"))
        for process in assistant.processes:
            os.kill(process.pid, signal.SIGUSR2)
        time.sleep(0.5)
        started = time.perf_counter()
        turns = asyncio.run(play(assistant.base, senders, args.concurrent))
        wall = time.perf_counter() - started
        for process in assistant.processes:
            os.kill(process.pid, signal.SIGUSR1)
        time.sleep(3)
    finally:
        assistant.stop()
    print(f"{turns} user turns in {wall:.1f} s ({1000 * wall / max(1, turns):.0f} ms a turn, wall clock)")
    print(report(folder, turns))


if __name__ == "__main__":
    main()
