"""Measure the running assistant: start-up time, first-reply latency, reply
latency over a short conversation, and the memory of both servers.

    .venv/bin/python benchmarks/servers.py
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.support.servers import RunningAssistant, seeded_database  # noqa: E402

MESSAGES = ["你好", "hello", "你能做什么", "what can you do?", "are you a bot?", "谢谢", "tell me a joke", "再见"]


def rss_mb(pid: int) -> float:
    """Resident memory of a process and its children, in MB."""
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        try:
            status = Path(f"/proc/{current}/status").read_text()
            total += int(next(line.split()[1] for line in status.splitlines() if line.startswith("VmRSS")))
            children = Path(f"/proc/{current}/task/{current}/children").read_text().split()
            todo.extend(int(c) for c in children)
        except (OSError, StopIteration):
            continue
    return total / 1024


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        url = seeded_database(Path(tmp))
        started = time.perf_counter()
        assistant = RunningAssistant(Path(tmp), url).start()
        ready = time.perf_counter() - started
        try:
            t0 = time.perf_counter()
            assistant.texts("li.wei", "你好")
            cold = time.perf_counter() - t0
            t0 = time.perf_counter()
            assistant.texts("anna.smith", "hello")
            first = time.perf_counter() - t0
            latencies = []
            for round_ in range(5):
                for text in MESSAGES:
                    t0 = time.perf_counter()
                    assistant.texts(f"bench-{round_}", text)
                    latencies.append(time.perf_counter() - t0)
            actions_pid, rasa_pid = (p.pid for p in assistant.processes)
            print(f"servers ready after        {ready:6.1f} s")
            print(f"first reply, cold model    {cold * 1000:6.0f} ms   (make run warms the model before it says ready)")
            print(f"first reply of a new user  {first * 1000:6.0f} ms")
            print(
                f"replies (n={len(latencies)}) median    {statistics.median(latencies) * 1000:6.0f} ms, "
                f"p95 {sorted(latencies)[int(len(latencies) * 0.95) - 1] * 1000:.0f} ms"
            )
            print(f"memory: rasa server        {rss_mb(rasa_pid):6.0f} MB")
            print(f"memory: action server      {rss_mb(actions_pid):6.0f} MB")
        finally:
            assistant.stop()


if __name__ == "__main__":
    main()
