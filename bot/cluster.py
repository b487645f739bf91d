"""The production topology on one machine (`make cluster`, the fault tests, the load
benchmark): PostgreSQL, Redis, N Rasa servers and M action servers, each on its own
port, behind HAProxy. `docs/deployment.md` draws it.

    python -m bot.cluster [--rasa 2] [--actions 2]      # Ctrl-C stops everything it started

- PostgreSQL: `MLPLAN_DATABASE_URL` when set (an existing server; nothing is started), else
  a data directory under `var/cluster/postgres` (initdb on first start, kept after).
  It holds the plan store and the conversation trackers (`endpoints.prod.yml`).
- Redis: `MLPLAN_REDIS_HOST` (and `MLPLAN_REDIS_PORT`) when set, else `redis-server`
  started here (the lock store only; nothing to persist).
- HAProxy on the public port (`RASA_PORT`, 5005): Rasa's REST, Slack and web-chat
  routes, round robin, health-checked on `/`; socket.io long-polling sticks to one
  replica by a cookie. A second frontend (`ACTIONS_PORT`, 5055) spreads the Rasa
  servers' action calls over the action servers, health-checked on `/health`. A dead
  replica leaves the pool after three failed checks two seconds apart (a busy one, slow
  to answer its check, stays), and a request that cannot connect is sent to another replica.

Every address is loopback. Every wait is bounded.
"""

from __future__ import annotations

import argparse
import glob
import os
import pwd
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List, Optional

from bot.ports import free_port
from bot.settings import PROJECT_ROOT, VAR_DIR

BIN = Path(sys.executable).parent
MODEL = PROJECT_ROOT / "models" / "mlplan.tar.gz"
ENDPOINTS = PROJECT_ROOT / "endpoints.prod.yml"
HOST = "127.0.0.1"


def postgres_binary(name: str) -> Optional[str]:
    found = shutil.which(name)
    if found:
        return found
    candidates = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    return candidates[-1] if candidates else None


def missing_programs(local_postgres: bool = True, local_redis: bool = True) -> List[str]:
    """The programs the cluster needs that this machine lacks."""
    needed = ["haproxy"] + (["redis-server"] if local_redis else [])
    missing = [name for name in needed if not shutil.which(name)]
    if local_postgres:
        missing += [name for name in ("initdb", "pg_ctl", "postgres") if not postgres_binary(name)]
    return missing


def get(url: str, timeout: float = 2) -> int:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code
    except OSError:
        return 0


@dataclass
class Part:
    """One process of the cluster."""

    name: str
    argv: List[str]
    port: int
    health: str  # path that answers 200 when the part serves
    env: Dict[str, str] = field(default_factory=dict)
    process: Optional[subprocess.Popen] = None
    reported: bool = False  # its death was reported (python -m bot.cluster)

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.port}"

    def running(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def live(self) -> Optional[subprocess.Popen]:
        """The process, while it runs."""
        return self.process if self.running() else None


class Postgres:
    """A PostgreSQL data directory of our own (as the `postgres` user when run as root)."""

    def __init__(self, root: Path, port: int) -> None:
        self.root, self.port = root, port
        self.data = root / "data"
        self.user = None
        if os.geteuid() == 0:
            for name in ("postgres", "nobody"):
                try:
                    pwd.getpwnam(name)
                    self.user = name
                    break
                except KeyError:
                    continue

    def _cmd(self, *args: str) -> List[str]:
        argv = [postgres_binary(args[0]) or args[0], *args[1:]]
        return ["runuser", "-u", self.user, "--", *argv] if self.user else argv

    @property
    def url(self) -> str:
        return f"postgresql+psycopg2://mlplan@{HOST}:{self.port}/mlplan"

    def start(self) -> None:
        self.root.mkdir(parents=True, exist_ok=True)
        if self.user:
            entry = pwd.getpwnam(self.user)
            os.chown(self.root, entry.pw_uid, entry.pw_gid)
        fresh = not (self.data / "PG_VERSION").exists()
        if fresh:
            subprocess.run(
                self._cmd("initdb", "-D", str(self.data), "-U", "mlplan", "--auth=trust", "-E", "UTF8", "--locale=C"),
                check=True,
                capture_output=True,
            )
        self.start_server()
        if fresh:
            subprocess.run(
                self._cmd("createdb", "-h", HOST, "-p", str(self.port), "-U", "mlplan", "mlplan"),
                check=True,
                capture_output=True,
            )

    def start_server(self) -> None:
        options = f"-p {self.port} -k {self.root} -c listen_addresses={HOST} -c max_connections=100"
        subprocess.run(
            self._cmd(
                "pg_ctl", "-D", str(self.data), "-o", options, "-l", str(self.root / "log"), "-w", "-t", "60", "start"
            ),
            check=True,
            capture_output=True,
        )

    def stop_server(self, mode: str = "fast") -> None:
        subprocess.run(
            self._cmd("pg_ctl", "-D", str(self.data), "-m", mode, "-w", "-t", "60", "stop"), capture_output=True
        )

    def connections(self) -> int:
        from sqlalchemy import create_engine, text
        from sqlalchemy.pool import NullPool

        engine = create_engine(self.url, poolclass=NullPool, future=True)
        with engine.connect() as connection:
            return connection.execute(
                text("SELECT count(*) FROM pg_stat_activity WHERE datname = 'mlplan'")
            ).scalar_one()


class Cluster:
    def __init__(
        self,
        workdir: Path = VAR_DIR / "cluster",
        rasa: int = 2,
        actions: int = 2,
        public_port: Optional[int] = None,
        actions_port: Optional[int] = None,
        rasa_ports: Optional[List[int]] = None,
        action_ports: Optional[List[int]] = None,
        postgres_port: Optional[int] = None,
        redis_port: Optional[int] = None,
        credentials: Path = PROJECT_ROOT / "credentials.yml",
        env: Optional[Dict[str, str]] = None,
        log=print,
    ) -> None:
        self.workdir = workdir
        self.logs = workdir / "logs"
        self.log = log
        self.extra_env = env or {}
        self.credentials = credentials
        self.public_port = public_port or free_port()
        self.actions_port = actions_port or free_port()
        self.rasa_ports = rasa_ports or [free_port() for _ in range(rasa)]
        self.action_ports = action_ports or [free_port() for _ in range(actions)]
        external_db = (
            os.environ.get("MLPLAN_DATABASE_URL", "").strip()
            if "MLPLAN_DATABASE_URL" not in self.extra_env
            else self.extra_env["MLPLAN_DATABASE_URL"]
        )
        self.postgres: Optional[Postgres] = None
        if external_db:
            self.database_url = external_db
        else:
            self.postgres = Postgres(workdir / "postgres", postgres_port or free_port())
            self.database_url = self.postgres.url
        self.redis_host = os.environ.get("MLPLAN_REDIS_HOST", "").strip()
        self.redis_port = (
            int(os.environ.get("MLPLAN_REDIS_PORT", "0") or 0) if self.redis_host else (redis_port or free_port())
        )
        self.redis: Optional[Part] = None
        self.haproxy: Optional[Part] = None
        self.rasa: List[Part] = []
        self.actions: List[Part] = []

    # --- configuration -------------------------------------------------------------

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.public_port}"

    def environment(self) -> Dict[str, str]:
        secret_file = self.workdir / "jwt-secret"
        if not secret_file.exists():
            secret_file.write_text(secrets.token_urlsafe(48), encoding="utf-8")
        token_file = self.workdir / "api-token"
        if not token_file.exists():
            token_file.write_text(secrets.token_urlsafe(32), encoding="utf-8")
        return {
            **os.environ,
            "MLPLAN_DATABASE_URL": self.database_url,
            "MLPLAN_ACTIONS_URL": f"http://{HOST}:{self.actions_port}/webhook",
            "MLPLAN_REDIS_HOST": self.redis_host or HOST,
            "MLPLAN_REDIS_PORT": str(self.redis_port),
            "MLPLAN_REDIS_PASSWORD": os.environ.get("MLPLAN_REDIS_PASSWORD", ""),
            "MLPLAN_JWT_SECRET": os.environ.get("MLPLAN_JWT_SECRET") or secret_file.read_text().strip(),
            "RASA_API_TOKEN": os.environ.get("RASA_API_TOKEN") or token_file.read_text().strip(),
            "SQL_POOL_SIZE": os.environ.get("SQL_POOL_SIZE", "2"),
            "SQL_MAX_OVERFLOW": os.environ.get("SQL_MAX_OVERFLOW", "3"),
            "SQLALCHEMY_SILENCE_UBER_WARNING": "1",
            "TF_CPP_MIN_LOG_LEVEL": "2",
            "PYTHONWARNINGS": "ignore",
            **self.extra_env,
        }

    def haproxy_config(self) -> str:
        rasa = "\n".join(f"    server {p.name} {HOST}:{p.port} check" for p in self.rasa)
        sticky = "\n".join(f"    server {p.name} {HOST}:{p.port} check cookie {p.name}" for p in self.rasa)
        actions = "\n".join(f"    server {p.name} {HOST}:{p.port} check" for p in self.actions)
        return f"""# written by bot/cluster.py: the Rasa servers and the action servers behind one proxy
global
    maxconn 2000
    stats socket {self.workdir / "haproxy.sock"} mode 600 level admin

defaults
    mode http
    timeout connect 2s
    timeout client 300s
    timeout server 300s
    timeout tunnel 1h
    timeout queue 60s
    # a busy replica answers its check late (one event loop, CPU-bound turns): it stays in the
    # pool for 20 s; a dead one refuses the connection at once and is out after 3 checks (~6 s)
    timeout check 20s
    retries 3
    option redispatch 1
    default-server inter 2s fall 3 rise 2

frontend public
    bind {HOST}:{self.public_port}
    acl socketio path_beg /socket.io/
    use_backend rasa_socketio if socketio
    default_backend rasa

backend rasa
    balance roundrobin
    option httpchk GET /
    http-check expect status 200
    http-response set-header X-Served-By %[srv_name]
{rasa}

# socket.io long-polling: every request of a session to the replica that opened it
backend rasa_socketio
    balance roundrobin
    cookie MLPLAN_RASA insert indirect nocache httponly
    option httpchk GET /
    http-check expect status 200
{sticky}

frontend actions
    bind {HOST}:{self.actions_port}
    default_backend actions

backend actions
    balance roundrobin
    option httpchk GET /health
    http-check expect status 200
    http-response set-header X-Served-By %[srv_name]
{actions}
"""

    # --- processes -----------------------------------------------------------------

    def _spawn(self, part: Part) -> None:
        self.logs.mkdir(parents=True, exist_ok=True)
        log = (self.logs / f"{part.name}.log").open("ab")
        part.process = subprocess.Popen(
            part.argv,
            cwd=PROJECT_ROOT,
            env={**self.environment(), **part.env},
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        log.close()

    def _parts(self) -> List[Part]:
        return [p for p in [self.redis, *self.actions, *self.rasa, self.haproxy] if p is not None]

    def part(self, name: str) -> Part:
        return next(p for p in self._parts() if p.name == name)

    def start(self, timeout: float = 600, samples: bool = False) -> Cluster:
        missing = missing_programs(self.postgres is not None, not self.redis_host)
        if missing:
            raise RuntimeError("the cluster needs " + ", ".join(missing) + " (make cluster-deps)")
        if not MODEL.exists():
            raise RuntimeError(f"{MODEL} is missing: run `make train` first")
        self.workdir.mkdir(parents=True, exist_ok=True)
        try:
            if self.postgres:
                self.log(f"PostgreSQL on {HOST}:{self.postgres.port} (data in {self.postgres.data})")
                self.postgres.start()
            from bot.store import migrate

            migrate.upgrade(self.database_url)
            if samples:
                self._import_samples()
            if not self.redis_host:
                self.redis = Part(
                    "redis",
                    [
                        "redis-server",
                        "--bind",
                        HOST,
                        "--port",
                        str(self.redis_port),
                        "--save",
                        "",
                        "--appendonly",
                        "no",
                        "--dir",
                        str(self.workdir),
                    ],
                    self.redis_port,
                    "",
                )
                self._spawn(self.redis)
            token = self.environment()["RASA_API_TOKEN"]
            self.actions = [
                Part(
                    f"actions{i + 1}",
                    [str(BIN / "rasa"), "run", "actions", "--actions", "actions", "--port", str(port)],
                    port,
                    "/health",
                )
                for i, port in enumerate(self.action_ports)
            ]
            self.rasa = [
                Part(f"rasa{i + 1}", self.rasa_argv(port, token), port, "/") for i, port in enumerate(self.rasa_ports)
            ]
            for part in [*self.actions, *self.rasa]:
                self._spawn(part)
            config = self.workdir / "haproxy.cfg"
            config.write_text(self.haproxy_config(), encoding="utf-8")
            self.haproxy = Part("haproxy", ["haproxy", "-f", str(config), "-db"], self.public_port, "")
            self._spawn(self.haproxy)
            self.log(
                f"Redis on {HOST}:{self.redis_port}; action servers on "
                f"{', '.join(str(p) for p in self.action_ports)} behind {HOST}:{self.actions_port}; Rasa servers on "
                f"{', '.join(str(p) for p in self.rasa_ports)} behind {HOST}:{self.public_port}"
            )
            self.wait_ready([*self.actions, *self.rasa], timeout)
        except BaseException:
            self.stop()
            raise
        return self

    def _import_samples(self) -> None:
        from bot import directory
        from bot.store.db import session_scope

        with session_scope(self.database_url) as session:
            if directory.list_units(session) or directory.list_people(session):
                return
            directory.import_units(session, directory.read_rows(PROJECT_ROOT / "samples" / "units.yml"))
            directory.import_people(session, directory.read_rows(PROJECT_ROOT / "samples" / "people.yml"))
            directory.import_people(session, directory.read_rows(PROJECT_ROOT / "samples" / "people.csv"))

    def serving(self, part: Part) -> bool:
        return part.running() and get(part.url + part.health) == 200

    def rasa_argv(self, port: int, token: str) -> List[str]:
        """One Rasa replica's command line; the token is joined to its flag, since a token may start with "-"."""
        return [
            str(BIN / "rasa"),
            "run",
            "--enable-api",
            f"--auth-token={token}",
            "--port",
            str(port),
            "--model",
            str(MODEL),
            "--credentials",
            str(self.credentials),
            "--endpoints",
            str(ENDPOINTS),
        ]

    def wait_ready(self, parts: List[Part], timeout: float = 600) -> None:
        """Until every part answers its health check and HAProxy sees it up."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for part in [*parts, self.redis, self.haproxy]:
                if part is not None and part.process is not None and part.process.poll() is not None:
                    raise RuntimeError(
                        f"{part.name} exited during start-up; see {self.logs / (part.name + '.log')}:\n"
                        + self.tail(part.name)
                    )
            if all(self.serving(p) for p in parts) and get(self.url + "/") == 200 and self.proxy_sees_up(parts):
                return
            time.sleep(1)
        raise RuntimeError(f"not ready after {timeout:.0f}s; logs in {self.logs}")

    def proxy_command(self, command: str) -> str:
        """One command to HAProxy's runtime API (its stats socket), e.g. `disable server rasa/rasa2`."""
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as s:
            s.settimeout(2)
            s.connect(str(self.workdir / "haproxy.sock"))
            s.sendall(command.encode() + b"\n")
            data = b""
            while chunk := s.recv(65536):
                data += chunk
        return data.decode(errors="replace")

    def proxy_status(self) -> Dict[str, str]:
        """Server name → HAProxy's view of it (UP, DOWN, MAINT, ...), from its stats socket."""
        out: Dict[str, str] = {}
        try:
            data = self.proxy_command("show stat")
        except OSError:
            return out
        for line in data.splitlines():
            cells = line.split(",")
            if len(cells) > 17 and not line.startswith("#") and cells[1] not in ("FRONTEND", "BACKEND"):
                if cells[0] in ("rasa", "actions"):
                    out[cells[1]] = cells[17].split()[0]
        return out

    def proxy_sees_up(self, parts: List[Part]) -> bool:
        status = self.proxy_status()
        return all(status.get(p.name) == "UP" for p in parts)

    def wait_proxy(self, name: str, state: str, timeout: float = 30) -> None:
        """Until HAProxy has `name` in `state` (UP or DOWN)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proxy_status().get(name) == state:
                return
            time.sleep(0.2)
        raise RuntimeError(f"HAProxy did not see {name} {state} within {timeout:.0f}s")

    def tail(self, name: str, chars: int = 3000) -> str:
        path = self.logs / f"{name}.log"
        return path.read_text(errors="replace")[-chars:] if path.exists() else ""

    def kill(self, name: str, sig: int = signal.SIGKILL) -> None:
        process = self.part(name).live()
        if process is not None:
            os.killpg(process.pid, sig)
            process.wait(timeout=60)

    def restart(self, name: str, timeout: float = 600) -> None:
        part = self.part(name)
        self.kill(name, signal.SIGTERM)
        self._spawn(part)
        if part.health:
            self.wait_ready([part], timeout)
        else:
            self._settle_redis(part, timeout)

    def _settle_redis(self, part: Part, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                with socket.create_connection((HOST, part.port), timeout=1):
                    return
            except OSError:
                time.sleep(0.2)
        raise RuntimeError(f"{part.name} did not come back")

    def stop(self) -> None:
        for part in reversed(self._parts()):
            process = part.live()
            if process is not None:
                try:
                    os.killpg(process.pid, signal.SIGTERM)
                except ProcessLookupError:
                    pass
        for part in self._parts():
            if part.process is not None:
                try:
                    part.process.wait(timeout=30)
                except subprocess.TimeoutExpired:
                    os.killpg(part.process.pid, signal.SIGKILL)
                    part.process.wait(timeout=30)
        if self.postgres:
            self.postgres.stop_server()


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(description="Start the production topology on this machine (Ctrl-C stops it).")
    parser.add_argument("--rasa", type=int, default=int(os.environ.get("RASA_REPLICAS", 2)))
    parser.add_argument("--actions", type=int, default=int(os.environ.get("ACTION_REPLICAS", 2)))
    parser.add_argument("--port", type=int, default=int(os.environ.get("RASA_PORT", 5005)))
    parser.add_argument("--actions-port", type=int, default=int(os.environ.get("ACTIONS_PORT", 5055)))
    parser.add_argument("--credentials", default=os.environ.get("CREDENTIALS", "credentials.yml"))
    args = parser.parse_args(argv)
    first_rasa, first_action = args.port + 100, args.actions_port + 100
    cluster = Cluster(
        rasa=args.rasa,
        actions=args.actions,
        public_port=args.port,
        actions_port=args.actions_port,
        rasa_ports=[first_rasa + i for i in range(args.rasa)],
        action_ports=[first_action + i for i in range(args.actions)],
        postgres_port=int(os.environ.get("PGPORT_CLUSTER", 5433)),
        redis_port=int(os.environ.get("REDIS_PORT_CLUSTER", 6380)),
        credentials=PROJECT_ROOT / args.credentials,
    )
    stopping = []

    def on_signal(signum, _frame):
        stopping.append(signum)
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)  # also when started from a shell that ignores SIGINT
    try:
        cluster.start(samples=True)
        token = f"$(MLPLAN_JWT_SECRET=$(cat {cluster.workdir}/jwt-secret) .venv/bin/mlplan token li.wei)"
        print(
            f"""
The cluster is ready.
  REST:      curl -s {cluster.url}/webhooks/rest/webhook -d '{{"sender": "li.wei", "message": "你好"}}'
  Web chat:  {cluster.url}/chat#token={token}
  Plan store and trackers: {cluster.database_url}
  Logs: {cluster.logs}/
  Press Ctrl-C to stop everything.""",
            flush=True,
        )
        while True:  # until Ctrl-C; report a part that died (HAProxy keeps serving with the others)
            for part in cluster._parts():
                if part.process is not None and part.process.poll() is not None and not part.reported:
                    part.reported = True
                    print(
                        f"{part.name} exited (code {part.process.returncode}); see {cluster.logs}/{part.name}.log",
                        flush=True,
                    )
            time.sleep(2)
    except KeyboardInterrupt:
        print("Stopping the cluster...", flush=True)
    finally:
        cluster.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
