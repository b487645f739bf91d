"""Wall-clock time of `mlplan` commands, each run as a fresh process, as a user runs them.

    .venv/bin/python benchmarks/cli_speed.py [--runs 7] [--only kb] [--json]

Every command runs `--runs` times against a throwaway SQLite database seeded with the
sample directory and 200 synthetic plans. The knowledge-base commands run twice over:

- cold: an empty cache folder (`MLPLAN_CACHE_DIR`) every run, so the lookup index and
  jieba's dictionary are built from `knowledge/` as on a first run or after an edit;
- warm: the cache folder a first run filled, as on every later run.

The other commands do not use that cache; they are timed once, as "warm". The page
cache of the operating system is warm throughout (each command runs once untimed
first). Prints the median and the slowest wall-clock time per command, and the median CPU
time (user + system; less sensitive to other jobs on a shared machine), in milliseconds.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Dict, List, Sequence, Tuple

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

MLPLAN = ROOT / ".venv" / "bin" / "mlplan"

# (label, arguments, uses the knowledge-base cache)
COMMANDS = [
    ("--help", ["--help"], False),
    ("kb ask (en)", ["kb", "ask", "what is a data lake"], True),
    ("kb ask (zh)", ["kb", "ask", "什么是数据湖", "--json"], True),
    ("kb ask (mixed, typo)", ["kb", "ask", "我想问一下 data lake 是什么, wht is a dtaa lake"], True),
    ("kb show", ["kb", "show", "data-lake", "--lang", "en"], True),
    ("kb check", ["kb", "check"], True),
    ("kb gaps", ["kb", "gaps", "--json"], False),
    ("units list", ["units", "list"], False),
    ("people list", ["people", "list", "--json"], False),
    ("plans list", ["plans", "list", "--year", "2027", "--unit", "unit-007"], False),
    ("plans show", ["plans", "show", "1", "--json"], False),
]


def seeded_database(folder: Path) -> str:
    from bot.store import migrate
    from tests.support.seed import seed
    from tests.support.store import seed_directory

    url = f"sqlite:///{folder / 'bench.sqlite3'}"
    migrate.upgrade(url)
    seed(url, units=20, plans=200)
    seed_directory(url)
    return url


def run_once(args: Sequence[str], env: Dict[str, str]) -> Tuple[float, float]:
    """Wall-clock and CPU (user + system) seconds of one run."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(
        [str(MLPLAN), *args], env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    )
    elapsed = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise SystemExit(f"mlplan {' '.join(args)} failed ({done.returncode}): {done.stderr.strip()}")
    return elapsed, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def measure(
    args: Sequence[str], env: Dict[str, str], runs: int, cold_cache: bool, scratch: Path
) -> List[Tuple[float, float]]:
    times = []
    for i in range(runs):
        if cold_cache:
            cache = scratch / f"cold-{i}"
            shutil.rmtree(cache, ignore_errors=True)
            env = {**env, "MLPLAN_CACHE_DIR": str(cache)}
        times.append(run_once(args, env))
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=7, help="runs per command and cache state (default 7)")
    parser.add_argument("--only", help="only the commands whose label contains this text")
    parser.add_argument("--no-cold", action="store_true", help="skip the cold-cache runs")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()
    if not MLPLAN.exists():
        raise SystemExit(f"{MLPLAN} is missing: run `make` first")
    commands = [c for c in COMMANDS if not args.only or args.only in c[0]]
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        scratch = Path(tmp)
        env = {
            **os.environ,
            "MLPLAN_DATABASE_URL": seeded_database(scratch),
            "MLPLAN_CACHE_DIR": str(scratch / "warm-cache"),
        }
        if not args.json:
            print(f"{'command':<24} {'warm: median / max (cpu) ms':>30} {'cold: median / max (cpu) ms':>30}")
        for label, cmd, cached in commands:
            run_once(cmd, env)  # fills the warm cache and the page cache
            row = {"command": label, "args": cmd}
            states = (("warm", False),) + ((("cold", True),) if cached and not args.no_cold else ())
            for state, cold in states:
                runs = measure(cmd, env, args.runs, cold, scratch)
                wall, cpu = [w for w, _ in runs], [c for _, c in runs]
                row[state] = {
                    "median_ms": round(statistics.median(wall) * 1000),
                    "max_ms": round(max(wall) * 1000),
                    "cpu_median_ms": round(statistics.median(cpu) * 1000),
                    "runs": len(runs),
                }
            results.append(row)
            if not args.json:
                print(_line(row), flush=True)
    if args.json:
        json.dump(
            {"runs": args.runs, "cpus": os.cpu_count(), "load": os.getloadavg(), "results": results},
            sys.stdout,
            ensure_ascii=False,
            indent=2,
        )
        print()
    else:
        print(f"({args.runs} runs each; {os.cpu_count()} CPUs; load average now {os.getloadavg()[0]:.1f})")


def _line(row: Dict) -> str:
    def cell(state: str) -> str:
        if state not in row:
            return "-"
        figures = row[state]
        return f"{figures['median_ms']:>6} / {figures['max_ms']:>6} ({figures['cpu_median_ms']:>5})"

    return f"{row['command']:<24} {cell('warm'):>30} {cell('cold'):>30}"


if __name__ == "__main__":
    main()
