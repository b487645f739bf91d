"""Free TCP ports for the servers that tests, benchmarks and `make cluster` start.

A port from the kernel's ephemeral range (`bind(0)`) can be taken again by any
outgoing connection before the server binds it; on a busy run (a cluster's
database and HTTP clients) that happens. So ports come from below the ephemeral
range, chosen at random, checked on every interface, and never handed out twice
by one process.
"""

from __future__ import annotations

import random
import socket
from contextlib import ExitStack
from pathlib import Path
from typing import List, Set

_LOWEST = 20000
_handed_out: Set[int] = set()


def _ephemeral_floor() -> int:
    try:
        return int(Path("/proc/sys/net/ipv4/ip_local_port_range").read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return 32768


def _bindable(port: int, stack: ExitStack) -> bool:
    """Binds the port on all interfaces and keeps it bound until the stack closes."""
    sock = stack.enter_context(socket.socket(socket.AF_INET, socket.SOCK_STREAM))
    try:
        sock.bind(("0.0.0.0", port))
    except OSError:
        return False
    return True


def free_ports(count: int) -> List[int]:
    """`count` distinct ports that nothing listens on now and this process has not handed out."""
    highest = max(_LOWEST + 1000, _ephemeral_floor() - 1)
    chosen: List[int] = []
    with ExitStack() as stack:
        attempts = 0
        while len(chosen) < count:
            attempts += 1
            if attempts > 2000:
                raise RuntimeError(f"no {count} free ports between {_LOWEST} and {highest}")
            port = random.randint(_LOWEST, highest)
            if port not in _handed_out and port not in chosen and _bindable(port, stack):
                chosen.append(port)
    _handed_out.update(chosen)
    return chosen


def free_port() -> int:
    return free_ports(1)[0]
