"""Load on the production topology: 1 Rasa replica against 2, behind the proxy, in one run.

    .venv/bin/python benchmarks/cluster_load.py [--users 20,40] [--json results/cluster-load.json]

Starts the cluster of `make cluster` on free loopback ports (bot/cluster.py: PostgreSQL,
Redis, 2 Rasa servers, 2 action servers, HAProxy) with a throwaway PostgreSQL, and sends
mixed traffic through the proxy. Out of every 10 users, 2 leads file a whole plan with an FAQ
question in the middle (26 messages), 2 planners query the plans (2 × 10 messages) and 6 people
run `benchmarks/load.py`'s 10-message script twice as two people (greet, FAQ in both
languages, a plan started and paused, thanks, bye), so every user sends about as many messages
and the end of a round is not one long conversation's tail. Each user sends one message at a
time. For each number of users: first with the second Rasa replica taken out of HAProxy's pool
(`disable server`, so 1 replica serves), then with both. Every reply is checked (an empty one
is an error). Prints throughput, p50/p95/p99 latency, errors, the servers' CPU per message, and
the ratios 2 replicas ÷ 1. The stores, the proxy and this load generator share the machine's
cores with the servers.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks import load  # noqa: E402
from bot.cluster import Cluster  # noqa: E402

PLANNER_EN = [
    "which 2027 plans does Retail have?",
    "how many units have not filed yet?",
    "which plans are blocked on data?",
    "show plan 1",
    "what is a data lake?",
    "hello",
    "which plans are submitted?",
    "how do we measure results of ML?",
    "thanks",
    "bye",
]
PLANNER_ZH = [
    "2027年零售部有哪些计划？",
    "还有多少部门没有提交？",
    "哪些计划卡在数据上？",
    "显示计划 1",
    "什么是数据湖",
    "你好",
    "有哪些已提交的计划？",
    "机器学习的效果怎么衡量？",
    "谢谢",
    "再见",
]


def with_detour(plan):
    """A whole plan with an FAQ question after the first yes/no answer (then the same question again)."""
    at = 5
    question = "what is a data lake?" if plan is load.PLAN_EN else "什么是数据湖"
    return [*plan[:at], question, *plan[at:]]


def users(count: int, tag: str):
    """User → [(sender, script), ...] run one after the other; see the module docstring."""
    out = {}
    for i in range(count):
        kind, en = i % 10, i % 2 == 0
        if kind < 2:
            out[i] = [(f"bench.{tag}.p{i:02d}", with_detour(load.PLAN_EN if en else load.PLAN_ZH))]
        elif kind < 4:
            out[i] = [(f"bench.{tag}.q{i:02d}{n}", PLANNER_EN if en else PLANNER_ZH) for n in "ab"]
        else:
            out[i] = [(f"bench.{tag}.u{i:02d}{n}", load.SCRIPT_EN if en else load.SCRIPT_ZH) for n in "ab"]
    return out


def planners(all_users):
    return [sender for user in all_users.values() for sender, _ in user if ".q" in sender]


async def run_round(label, url, round_users, pids, timeout) -> load.Result:
    import aiohttp

    async def one_user(session, plan):
        for sender, script in plan:
            await load.run_user(session, url, sender, script, result, timeout)

    result = load.Result(label)
    async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=len(round_users) + 1)) as session:
        with load.PeakRss(pids) as peak:
            started, cpu = time.perf_counter(), load.cpu_seconds(pids)
            await asyncio.gather(*(one_user(session, plan) for plan in round_users.values()))
            result.wall = time.perf_counter() - started
            result.cpu = load.cpu_seconds(pids) - cpu
    result.rss = peak.peak
    return result


async def rounds(cluster: Cluster, users_list, timeout: float, tag: str):
    pids = [p.process.pid for p in [*cluster.rasa, *cluster.actions]]
    for part in cluster.rasa:  # each replica builds its model graph and caches before the measurement
        await load.warm_up(part.url, f"{tag}{part.name}")
    results = {}
    for count in users_list:
        for replicas in (1, 2):
            for part in cluster.rasa[replicas:]:
                cluster.proxy_command(f"disable server rasa/{part.name}")
            for part in cluster.rasa[:replicas]:
                cluster.proxy_command(f"enable server rasa/{part.name}")
            time.sleep(2)
            result = await run_round(
                f"{count} users, {replicas} rasa", cluster.url, users(count, f"{tag}u{count}r{replicas}"), pids, timeout
            )
            results[(count, replicas)] = result
            print(load.table([result]).splitlines()[-1], flush=True)
    return results


def add_planners(database_url, senders) -> None:
    from bot import directory
    from bot.store.db import session_scope

    with session_scope(database_url) as session:
        for sender in senders:
            directory.add_person(session, sender, name=sender, unit=None, role="planning", actor="bench")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--users", default="20,40", help="numbers of concurrent users, comma-separated")
    parser.add_argument("--timeout", type=float, default=300, help="seconds per request")
    parser.add_argument("--json", help="also write the figures to this file")
    args = parser.parse_args(argv)
    users_list = [int(u) for u in args.users.split(",") if u.strip()]
    tag = time.strftime("%H%M%S")
    workdir = Path(tempfile.mkdtemp(prefix="mlplan-cluster-load-"))
    workdir.chmod(0o755)  # PostgreSQL runs as its own user under root
    cluster = Cluster(workdir, rasa=2, actions=2)
    try:
        cluster.start(samples=True)
        everyone = {
            f"{c}.{r}.{i}": plan for c in users_list for r in (1, 2) for i, plan in users(c, f"{tag}u{c}r{r}").items()
        }
        senders = [sender for plan in everyone.values() for sender, _ in plan if ".q" not in sender]
        senders += [s for part in cluster.rasa for s in load.warm_up_scripts(f"{tag}{part.name}")]
        load.add_leads(cluster.database_url, senders)
        add_planners(cluster.database_url, planners(everyone))
        results = asyncio.run(rounds(cluster, users_list, args.timeout, tag))
    finally:
        cluster.stop()
        shutil.rmtree(workdir, ignore_errors=True)
    print()
    print(load.table(list(results.values())))
    report = {"rounds": [dict(users=u, replicas=r, **res.summary()) for (u, r), res in results.items()], "ratios": {}}
    for count in users_list:
        one, two = results[(count, 1)], results[(count, 2)]
        ratio = {
            "throughput": two.throughput / one.throughput if one.throughput else float("nan"),
            "p95": two.percentile(95) / one.percentile(95) if one.latencies else float("nan"),
        }
        report["ratios"][count] = ratio
        print(f"{count} users: 2 replicas ÷ 1: throughput {ratio['throughput']:.2f}, p95 latency {ratio['p95']:.2f}")
    errors = [e for res in results.values() for e in res.errors]
    for error in errors[:20]:
        print("error:", error)
    print(f"errors and empty replies: {len(errors)}")
    report["errors"] = len(errors)
    if args.json:
        Path(args.json).parent.mkdir(parents=True, exist_ok=True)
        Path(args.json).write_text(json.dumps(report, indent=2), encoding="utf-8")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
