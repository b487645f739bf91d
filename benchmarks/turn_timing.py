"""Where a turn's time goes: runs `rasa` (the Rasa server or the action server) with
timers around the steps of a turn, and optionally under cProfile.

    TURN_TIMING_DIR=var/perf python benchmarks/turn_timing.py run --enable-api ...
    TURN_TIMING_DIR=var/perf python benchmarks/turn_timing.py run actions --actions actions

`TURN_TIMING_CPROFILE=1` also profiles the process. The figures (count and seconds per
step) are written to `rasa.json` / `actions.json` (and `.prof`) on SIGUSR1 and at exit;
SIGUSR2 forgets what was measured so far. `benchmarks/profile_turn.py` drives it.
Wall-clock times: for a clean per-turn breakdown, send one message at a time.
"""

from __future__ import annotations

import atexit
import contextlib
import cProfile
import functools
import json
import os
import signal
import sys
import time
from collections import defaultdict
from typing import Any, Callable, Dict, List

TIMES: Dict[str, List[float]] = defaultdict(lambda: [0, 0.0])
SIZES: Dict[str, List[int]] = defaultdict(lambda: [0, 0])
ROLE = "actions" if sys.argv[1:3] == ["run", "actions"] else "rasa"
OUT_DIR = os.environ.get("TURN_TIMING_DIR")
_profile = cProfile.Profile() if os.environ.get("TURN_TIMING_CPROFILE") else None


def _add(name: str, seconds: float) -> None:
    entry = TIMES[name]
    entry[0] += 1
    entry[1] += seconds


def timed(name: Callable[..., str]):
    """Wrap a sync or async function; `name(*args)` names the step."""

    def wrap(fn):
        if _is_coroutine(fn):

            @functools.wraps(fn)
            async def async_wrapper(*args, **kwargs):
                started = time.perf_counter()
                try:
                    return await fn(*args, **kwargs)
                finally:
                    _add(name(*args), time.perf_counter() - started)

            return async_wrapper

        @functools.wraps(fn)
        def wrapper(*args, **kwargs):
            started = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                _add(name(*args), time.perf_counter() - started)

        return wrapper

    return wrap


def _is_coroutine(fn) -> bool:
    import inspect

    return inspect.iscoroutinefunction(fn)


def _patch(owner: Any, attribute: str, name: Callable[..., str]) -> None:
    setattr(owner, attribute, timed(name)(getattr(owner, attribute)))


def install_rasa() -> None:
    from rasa.core.actions import action
    from rasa.core.processor import MessageProcessor
    from rasa.engine.graph import GraphNode

    _patch(MessageProcessor, "handle_message", lambda *a: "turn (handle_message)")
    _patch(MessageProcessor, "parse_message", lambda *a: "NLU (parse_message)")
    _patch(MessageProcessor, "get_tracker", lambda *a: "tracker store: get")
    _patch(MessageProcessor, "save_tracker", lambda *a: "tracker store: save")
    _patch(MessageProcessor, "run_action_extract_slots", lambda *a: "action_extract_slots")
    _patch(MessageProcessor, "predict_next_with_tracker", lambda *a: "policies (predict_next_with_tracker)")
    _patch(action.RemoteAction, "run", lambda self, *a: f"action server call: {self.name()}")
    _patch(GraphNode, "__call__", lambda self, *a: f"graph node: {self._component_class.__name__}")

    original = action.RemoteAction._action_call_format

    def call_format(self, tracker, domain):
        body = original(self, tracker, domain)
        size = SIZES["action server request (JSON bytes)"]
        size[0] += 1
        size[1] += len(json.dumps(body))
        return body

    action.RemoteAction._action_call_format = call_format


def install_sdk() -> None:
    from rasa_sdk import executor, interfaces

    _patch(executor.ActionExecutor, "run", lambda self, call: f"action: {call.get('next_action')}")
    interfaces.Tracker.from_dict = staticmethod(timed(lambda *a: "Tracker.from_dict")(interfaces.Tracker.from_dict))
    from bot.store import db

    scope = db.session_scope

    @contextlib.contextmanager
    def session_scope(*args, **kwargs):
        started = time.perf_counter()
        try:
            with scope(*args, **kwargs) as session:
                yield session
        finally:
            _add("database session (open to close)", time.perf_counter() - started)

    db.session_scope = session_scope
    from bot import directory

    _patch(directory, "lookup", lambda *a: "directory lookup (query)")


def dump(*_: Any) -> None:
    """Write `ROLE.json` (and `ROLE.prof`) into TURN_TIMING_DIR."""
    if not OUT_DIR:
        return
    data = {
        "times": {k: {"count": v[0], "seconds": v[1]} for k, v in TIMES.items()},
        "sizes": {k: {"count": v[0], "bytes": v[1]} for k, v in SIZES.items()},
    }
    with open(os.path.join(OUT_DIR, f"{ROLE}.json"), "w", encoding="utf-8") as f:
        json.dump(data, f, indent=1)
    if _profile is not None:
        _profile.create_stats()
        _profile.dump_stats(os.path.join(OUT_DIR, f"{ROLE}.prof"))
        _profile.enable()


def reset(*_: Any) -> None:
    """Forget what was measured so far (the warm-up)."""
    global _profile
    TIMES.clear()
    SIZES.clear()
    if _profile is not None:
        _profile.disable()
        _profile = cProfile.Profile()
        _profile.enable()


def main() -> None:
    sys.argv = ["rasa", *sys.argv[1:]]
    if ROLE == "actions":
        install_sdk()
    else:
        install_rasa()
    atexit.register(dump)
    signal.signal(signal.SIGUSR1, dump)
    signal.signal(signal.SIGUSR2, reset)
    from rasa.__main__ import main as rasa_main

    if _profile is not None:
        _profile.enable()
    rasa_main()


if __name__ == "__main__":
    main()
