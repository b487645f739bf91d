"""Load on the REST channel: many users at once, mixed traffic, every reply checked.

    .venv/bin/python benchmarks/load.py                      # starts the assistant itself
    .venv/bin/python benchmarks/load.py --against http://127.0.0.1:5006 --against-pids 4242
    .venv/bin/python benchmarks/load.py --url http://127.0.0.1:5005 --pids 11,12 --database sqlite:///var/mlplan.sqlite3

Each simulated user sends a 10-message script (greet, an FAQ question in English and
one in Chinese, start a plan, confirm, two answers, pause, thanks, bye), one message
after the other; `--plans` more users file a whole plan (22 answers and the submission).
A reply is an error when the request fails, is not a JSON list, or is empty (no text,
buttons, image or custom payload); the exit status is 1 when the server under test (A)
had any error. The second server's errors are counted apart.

Without `--url`, the assistant is started on free ports with a throwaway SQLite
database (the sample directory plus the benchmark's leads). With `--url`, the senders
must be leads in that server's directory: `--database` adds them first, each with a
unit of their own (`bench-…`).

With `--against URL` (for example a stock `rasa init` bot), the same load runs on the
second server in the same run, in the order A B A, and the ratios A ÷ B are printed
(A's two rounds pooled). RSS is the resident memory of the given processes and their
children (Rasa and the action server for A), the highest seen while the load ran; CPU
ms/msg is the CPU time they used per message, which a busy machine disturbs less than
the wall-clock figures.
Requests go to loopback addresses only; every loop is bounded by the scripts' length
and `--timeout`.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import math
import os
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List, Optional, Sequence
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

SCRIPT_EN = [
    "hello",
    "what is a data lake?",
    "什么是数据湖",
    "I want to write next year's ML plan",
    "yes",
    "Predictive maintenance for the press line",
    "Unplanned press stoppages cost us two shifts a month",
    "pause",
    "thanks",
    "bye",
]
SCRIPT_ZH = [
    "你好",
    "数据湖是什么",
    "how do we measure results of ML?",
    "我要写明年的机器学习计划",
    "是的",
    "门店补货需求预测",
    "货架经常缺货，卖得慢的商品又订多了",
    "先暂停",
    "谢谢",
    "再见",
]
PLAN_EN = [
    "I want to write next year's ML plan",
    "yes",
    "Invoice fraud detection",
    "Manual checks miss duplicate and fraudulent invoices",
    "yes",
    "yes",
    "yes",
    "not sure",
    "no",
    "yes",
    "fraud losses down 30%",
    "two clerks check a sample by hand",
    "the ledger and the bank feeds",
    "siloed",
    "mixed",
    "two senior accountants",
    "one data scientist from IT",
    "no one knows anomaly detection",
    "yes",
    "the CFO",
    "budgeted",
    "centre of excellence",
    "time saved and revenue",
    "half a clerk's time, 1% of losses",
    "yes",
]
PLAN_ZH = [
    "我要写明年的机器学习计划",
    "是的",
    "门店补货需求预测",
    "货架经常缺货，卖得慢的商品又订多了",
    "是的",
    "是的",
    "是的",
    "是的",
    "不确定",
    "是的",
    "一年内缺货率下降 20%",
    "店长根据去年的销量手工订货",
    "POS 交易和库存系统",
    "跳过",
    "一般",
    "三位门店经理",
    "两名数据科学家",
    "没有",
    "不确定",
    "首席运营官王磊",
    "必须成功",
    "纳入年度规划",
    "收入",
    "收入提升 2%",
    "提交",
]


def is_loopback(url: str) -> bool:
    host = urlparse(url).hostname or ""
    return host in ("localhost", "::1") or host.startswith("127.")


# --- memory --------------------------------------------------------------------------


def _children(pid: int) -> List[int]:
    try:
        return [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def rss_bytes(pids: Sequence[int]) -> int:
    """Resident memory of the processes and their children (psutil when installed, else /proc)."""
    try:
        import psutil
    except ImportError:
        psutil = None
    total, seen, todo = 0, set(), list(pids)
    while todo:
        pid = todo.pop()
        if pid in seen:
            continue
        seen.add(pid)
        try:
            if psutil is not None:
                process = psutil.Process(pid)
                total += process.memory_info().rss
                todo.extend(c.pid for c in process.children())
                continue
            status = Path(f"/proc/{pid}/status").read_text()
            total += 1024 * int(next(line.split()[1] for line in status.splitlines() if line.startswith("VmRSS")))
        except Exception:  # a process that ended (psutil.NoSuchProcess, OSError, no VmRSS)
            continue
        todo.extend(_children(pid))
    return total


def cpu_seconds(pids: Sequence[int]) -> float:
    """User + system CPU time of the processes and their children so far (Linux /proc)."""
    total, seen, todo = 0.0, set(), list(pids)
    ticks = os.sysconf("SC_CLK_TCK")
    while todo:
        pid = todo.pop()
        if pid in seen:
            continue
        seen.add(pid)
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / ticks
        except (OSError, IndexError, ValueError):
            continue
        todo.extend(_children(pid))
    return total


class PeakRss:
    """Samples the RSS of `pids` in a thread while the load runs; keeps the highest."""

    def __init__(self, pids: Sequence[int], every: float = 0.25) -> None:
        self.pids, self.every, self.peak = list(pids), every, 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, rss_bytes(self.pids))
            self._stop.wait(self.every)

    def __enter__(self) -> PeakRss:
        if self.pids:
            self._thread.start()
        return self

    def __exit__(self, *_) -> None:
        if self.pids:
            self._stop.set()
            self._thread.join()
            self.peak = max(self.peak, rss_bytes(self.pids))


# --- load ----------------------------------------------------------------------------


@dataclass
class Result:
    label: str
    latencies: List[float] = field(default_factory=list)
    errors: List[str] = field(default_factory=list)
    wall: float = 0.0
    rss: int = 0
    cpu: float = 0.0  # CPU seconds the servers used for this load

    @property
    def messages(self) -> int:
        return len(self.latencies)

    def percentile(self, p: float) -> float:
        ordered = sorted(self.latencies)
        if not ordered:
            return float("nan")
        return ordered[max(0, math.ceil(p / 100 * len(ordered)) - 1)]  # nearest rank

    @property
    def throughput(self) -> float:
        return self.messages / self.wall if self.wall else 0.0

    def summary(self) -> Dict[str, float]:
        return {
            "messages": self.messages,
            "errors": len(self.errors),
            "p50_ms": 1000 * self.percentile(50),
            "p95_ms": 1000 * self.percentile(95),
            "p99_ms": 1000 * self.percentile(99),
            "messages_per_s": self.throughput,
            "rss_mb": self.rss / 2**20,
            "wall_s": self.wall,
            "cpu_ms_per_message": 1000 * self.cpu / self.messages if self.messages else float("nan"),
        }


def pooled(label: str, results: Sequence[Result]) -> Result:
    out = Result(label)
    for r in results:
        out.latencies += r.latencies
        out.errors += r.errors
        out.wall += r.wall
        out.rss = max(out.rss, r.rss)
        out.cpu += r.cpu
    return out


def reply_problem(status: int, body: bytes) -> Optional[str]:
    """Why a REST reply is not a good answer, or None."""
    if status != 200:
        return f"HTTP {status}"
    try:
        replies = json.loads(body)
    except ValueError:
        return "not JSON"
    if not isinstance(replies, list) or not replies:
        return "empty reply"
    if not any(
        isinstance(r, dict)
        and (str(r.get("text") or "").strip() or r.get("buttons") or r.get("image") or r.get("custom"))
        for r in replies
    ):
        return "reply without content"
    return None


async def run_user(session, url: str, sender: str, script: Sequence[str], result: Result, timeout: float) -> None:
    import aiohttp

    for text in script:
        started = time.perf_counter()
        try:
            async with session.post(
                f"{url}/webhooks/rest/webhook",
                json={"sender": sender, "message": text},
                timeout=aiohttp.ClientTimeout(total=timeout),
            ) as response:
                problem = reply_problem(response.status, await response.read())
        except (aiohttp.ClientError, asyncio.TimeoutError) as error:
            problem = f"{type(error).__name__}: {error}"
        result.latencies.append(time.perf_counter() - started)
        if problem:
            result.errors.append(f"{sender} {text!r}: {problem}")


def scripts(users: int, plans: int, tag: str) -> Dict[str, Sequence[str]]:
    """Sender id → messages; half the users speak English first, half Chinese."""
    out: Dict[str, Sequence[str]] = {}
    for i in range(users):
        out[f"bench.{tag}.u{i:02d}"] = SCRIPT_EN if i % 2 == 0 else SCRIPT_ZH
    for i in range(plans):
        out[f"bench.{tag}.p{i:02d}"] = PLAN_EN if i % 2 == 0 else PLAN_ZH
    return out


async def run_load(
    label: str, url: str, senders: Dict[str, Sequence[str]], pids: Sequence[int], timeout: float
) -> Result:
    import aiohttp

    result = Result(label)
    connector = aiohttp.TCPConnector(limit=len(senders) + 1)
    async with aiohttp.ClientSession(connector=connector) as session:
        with PeakRss(pids) as peak:
            started, cpu = time.perf_counter(), cpu_seconds(pids)
            await asyncio.gather(
                *(run_user(session, url, sender, script, result, timeout) for sender, script in senders.items())
            )
            result.wall = time.perf_counter() - started
            result.cpu = cpu_seconds(pids) - cpu
    result.rss = peak.peak
    return result


async def warm_up(url: str, tag: str) -> None:
    """Both scripts and a plan once, one message at a time: the first parse builds the
    model's graph, and first uses load dictionaries and compile patterns. Not measured."""
    import aiohttp

    result = Result("warm-up")
    async with aiohttp.ClientSession() as session:
        for sender, script in warm_up_scripts(tag).items():
            await run_user(session, url, sender, script, result, 300)


def warm_up_scripts(tag: str) -> Dict[str, Sequence[str]]:
    return {f"bench.warm.{tag}.en": SCRIPT_EN, f"bench.warm.{tag}.zh": SCRIPT_ZH, f"bench.warm.{tag}.plan": PLAN_EN}


def add_leads(database_url: str, senders: Sequence[str]) -> None:
    """Make the senders leads in the directory, each of a unit of their own, so that no
    plan or draft of a real unit changes what the bot asks them (idempotent)."""
    import re

    from bot import directory
    from bot.store.db import session_scope

    with session_scope(database_url) as session:
        for sender in senders:
            key = "bench-" + re.sub(r"[^a-z0-9_-]", "-", sender.lower())[:58]
            directory.add_unit(session, key, f"测试 {sender}", f"Bench {sender}", actor="bench")
            directory.add_person(session, sender, name=sender, unit=key, role="lead", actor="bench")


def parse_pids(text: str) -> List[int]:
    return [int(p) for p in text.split(",") if p.strip()]


def pid_on_port(port: int) -> Optional[int]:
    """The process listening on a local TCP port, from /proc (Linux)."""
    inodes = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            lines = Path(table).read_text().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            parts = line.split()
            if parts[3] == "0A" and int(parts[1].rsplit(":", 1)[1], 16) == port:
                inodes.add(parts[9])
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            for fd in (proc / "fd").iterdir():
                target = os.readlink(fd)
                if target.startswith("socket:[") and target[8:-1] in inodes:
                    return int(proc.name)
        except OSError:
            continue
    return None


def table(results: Sequence[Result]) -> str:
    lines = [
        f"{'':14} {'msgs':>5} {'errors':>6} {'p50 ms':>7} {'p95 ms':>7} {'p99 ms':>7} {'msg/s':>6} {'RSS MB':>7} "
        f"{'CPU ms/msg':>10}"
    ]
    for r in results:
        s = r.summary()
        lines.append(
            f"{r.label:14} {s['messages']:5d} {s['errors']:6d} {s['p50_ms']:7.0f} {s['p95_ms']:7.0f} "
            f"{s['p99_ms']:7.0f} {s['messages_per_s']:6.1f} {s['rss_mb']:7.0f} {s['cpu_ms_per_message']:10.1f}"
        )
    return "\n".join(lines)


def ratios(a: Result, b: Result) -> Dict[str, float]:
    """A ÷ B for p95 latency, throughput and RSS."""

    def div(x: float, y: float) -> float:
        return x / y if y else float("nan")

    return {
        "p95": div(a.percentile(95), b.percentile(95)),
        "throughput": div(a.throughput, b.throughput),
        "rss": div(a.rss, b.rss),
        "cpu_per_message": div(a.cpu / max(1, a.messages), b.cpu / max(1, b.messages)),
    }


async def main_async(args, url: str, pids: List[int]) -> Dict[str, object]:
    rounds = [("A", url, pids)]
    if args.against:
        against_pids = (
            parse_pids(args.against_pids)
            if args.against_pids
            else [p for p in [pid_on_port(urlparse(args.against).port or 80)] if p]
        )
        rounds = [("A", url, pids), ("B", args.against, against_pids), ("A", url, pids)]
    for label, target, _ in rounds[:2]:
        await warm_up(target, label)
    results: List[Result] = []
    for n, (label, target, target_pids) in enumerate(rounds, 1):
        tag = f"{args.tag}{n}"
        result = await run_load(
            f"{label} (round {n})", target, scripts(args.users, args.plans, tag), target_pids, args.timeout
        )
        results.append(result)
    report: Dict[str, object] = {"rounds": [dict(label=r.label, **r.summary()) for r in results]}
    print(table(results))
    if args.against:
        a, b = pooled("A (pooled)", [results[0], results[2]]), results[1]
        print(table([a, b]))
        r = ratios(a, b)
        report["ratios"] = r
        print(
            f"A ÷ B: p95 latency {r['p95']:.2f}, throughput {r['throughput']:.2f}, RSS {r['rss']:.2f}, "
            f"CPU per message {r['cpu_per_message']:.2f}"
        )
    errors = [e for r in results if r.label.startswith("A") for e in r.errors]
    for error in errors[:20]:
        print("error:", error)
    report["errors"] = len(errors)
    if args.against:  # the other server's own gaps (a stock bot has no reply to most of the script)
        report["errors_against"] = len(results[1].errors)
        print(f"B: {len(results[1].errors)} of {results[1].messages} replies empty or failed")
    return report


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--url", help="a running Rasa server (default: start the assistant)")
    parser.add_argument("--pids", default="", help="process ids whose RSS counts for --url (default: the port's)")
    parser.add_argument("--database", help="add the benchmark's senders as leads to this directory first")
    parser.add_argument("--against", help="a second Rasa server, loaded in the same run (A B A)")
    parser.add_argument("--against-pids", default="", help="process ids whose RSS counts for --against")
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--plans", type=int, default=2, help="users who file a whole plan")
    parser.add_argument("--timeout", type=float, default=120, help="seconds per request")
    parser.add_argument("--tag", default=time.strftime("%H%M%S"), help="makes the sender ids of this run unique")
    parser.add_argument("--json", help="also write the figures to this file")
    args = parser.parse_args(argv)
    for target in filter(None, (args.url, args.against)):
        if not is_loopback(target):
            parser.error(f"{target}: only loopback addresses are load-tested")
    rounds = 3 if args.against else 1
    senders = [s for n in range(1, rounds + 1) for s in scripts(args.users, args.plans, f"{args.tag}{n}")]
    senders += list(warm_up_scripts("A"))
    assistant = None
    try:
        if args.url:
            url = args.url.rstrip("/")
            pids = parse_pids(args.pids) or [p for p in [pid_on_port(urlparse(url).port or 80)] if p]
            if args.database:
                add_leads(args.database, senders)
        else:
            from tests.support.servers import RunningAssistant, seeded_database

            workdir = Path(tempfile.mkdtemp(prefix="mlplan-load-"))
            database = seeded_database(workdir)
            add_leads(database, senders)
            assistant = RunningAssistant(workdir, database).start()
            url, pids = assistant.base, [p.pid for p in assistant.processes]
        report = asyncio.run(main_async(args, url, pids))
    finally:
        if assistant is not None:
            assistant.stop()
    if args.json:
        Path(args.json).write_text(json.dumps(report, indent=2), encoding="utf-8")
    return 1 if report["errors"] else 0


if __name__ == "__main__":
    sys.exit(main())
