"""Start the action server and the Rasa server for end-to-end tests."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any, Dict, List, Optional

from bot.ports import free_ports

ROOT = Path(__file__).resolve().parents[2]
# MLPLAN_TEST_MODEL plays the tests and benchmarks on another trained model (e.g. a config under trial)
MODEL = Path(os.environ.get("MLPLAN_TEST_MODEL") or ROOT / "models" / "mlplan.tar.gz")
BIN = Path(sys.executable).parent
TEST_JWT_SECRET = "test-secret-for-the-web-chat-0123456789abcdef"
TRACKERS = "sqlite:///var/conversations.sqlite3"  # endpoints.yml's tracker store; each test run has its own


def http(method: str, url: str, body: Any = None, raw: Optional[bytes] = None, timeout: float = 60) -> tuple:
    data = raw if raw is not None else (json.dumps(body).encode() if body is not None else None)
    request = urllib.request.Request(url, data=data, method=method, headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


class RunningAssistant:
    def __init__(
        self,
        workdir: Path,
        database_url: str,
        credentials: Path = ROOT / "credentials.yml",
        env: Optional[Dict[str, str]] = None,
        rasa_command: Optional[List[str]] = None,
    ) -> None:
        self.workdir = workdir
        self.rasa_command = rasa_command or [str(BIN / "rasa")]
        self.database_url = database_url
        self.credentials = credentials
        self.extra_env = env or {}
        self.rasa_port, self.actions_port = free_ports(2)
        self.processes: List[subprocess.Popen] = []

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.rasa_port}"

    def start(self, timeout: float = 300) -> RunningAssistant:
        if not MODEL.exists():
            raise RuntimeError(f"{MODEL} is missing: run `make train` first")
        endpoints = self.workdir / "endpoints.yml"  # the project's, pointed at this action server
        project = (ROOT / "endpoints.yml").read_text(encoding="utf-8")
        if "http://localhost:5055/" not in project:
            raise RuntimeError("endpoints.yml no longer names http://localhost:5055/: update tests/support/servers.py")
        if TRACKERS not in project:
            raise RuntimeError(f"endpoints.yml no longer names {TRACKERS}: update tests/support/servers.py")
        project = project.replace(TRACKERS, f"sqlite:///{self.workdir / 'conversations.sqlite3'}")
        endpoints.write_text(
            project.replace("http://localhost:5055/", f"http://127.0.0.1:{self.actions_port}/"), encoding="utf-8"
        )
        env = {
            **os.environ,
            "MLPLAN_DATABASE_URL": self.database_url,
            "TF_CPP_MIN_LOG_LEVEL": "2",
            "MLPLAN_JWT_SECRET": TEST_JWT_SECRET,
            **self.extra_env,
            "SQLALCHEMY_SILENCE_UBER_WARNING": "1",
            "PYTHONWARNINGS": "ignore",
        }
        logs = self.workdir / "logs"
        logs.mkdir(exist_ok=True)
        self._spawn(
            [*self.rasa_command, "run", "actions", "--actions", "actions", "--port", str(self.actions_port)],
            env,
            logs / "actions.log",
        )
        self._spawn(
            [
                *self.rasa_command,
                "run",
                "--enable-api",
                "--port",
                str(self.rasa_port),
                "--model",
                str(MODEL),
                "--credentials",
                str(self.credentials),
                "--endpoints",
                str(endpoints),
            ],
            env,
            logs / "rasa.log",
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self._ready():
                return self
            for process in self.processes:
                if process.poll() is not None:
                    self.stop()
                    raise RuntimeError(f"a server exited; see {logs}:\n" + self.tail(logs))
            time.sleep(1)
        self.stop()
        raise RuntimeError(f"servers not ready after {timeout}s; see {logs}:\n" + self.tail(logs))

    @staticmethod
    def tail(logs: Path) -> str:
        return "\n".join(f"--- {p.name}\n" + p.read_text(errors="replace")[-3000:] for p in logs.glob("*.log"))

    def _spawn(self, argv: List[str], env: Dict[str, str], log: Path) -> None:
        self.processes.append(
            subprocess.Popen(
                argv, cwd=ROOT, env=env, stdout=log.open("wb"), stderr=subprocess.STDOUT, start_new_session=True
            )
        )

    def _ready(self) -> bool:
        try:
            status, body = http("GET", f"{self.base}/status", timeout=2)
            actions, _ = http("GET", f"http://127.0.0.1:{self.actions_port}/health", timeout=2)
            return status == 200 and actions == 200 and json.loads(body).get("model_id")
        except (OSError, ValueError):
            return False

    def say(self, sender: str, message: str) -> List[Dict[str, Any]]:
        status, body = http("POST", f"{self.base}/webhooks/rest/webhook", {"sender": sender, "message": message})
        assert status == 200, body
        return json.loads(body)

    def texts(self, sender: str, message: str) -> List[str]:
        return [m.get("text", "") for m in self.say(sender, message)]

    def stop(self) -> None:
        for process in self.processes:
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
        for process in self.processes:
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
        self.processes.clear()


def seeded_database(workdir: Path, name: str = "mlplan.sqlite3") -> str:
    """A migrated SQLite database with the sample directory, for a running assistant."""
    from bot.store import migrate
    from tests.support.store import seed_directory

    url = f"sqlite:///{workdir / name}"
    migrate.upgrade(url)
    seed_directory(url)
    return url
