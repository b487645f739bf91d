"""A throwaway PostgreSQL server built from the machine's initdb/pg_ctl."""

from __future__ import annotations

import os
import pwd
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import List, Optional

from bot.ports import free_port


def binaries_available() -> bool:
    return all(shutil.which(b) for b in ("initdb", "pg_ctl", "postgres"))


class TemporaryPostgres:
    """initdb into a temporary folder, start on a free port, drop it all on stop.

    PostgreSQL refuses to run as root, so under root the server runs as the
    `postgres` (or `nobody`) user.
    """

    def __init__(self) -> None:
        self.root = Path(tempfile.mkdtemp(prefix="mlplan-pg-"))
        self.data = self.root / "data"
        self.port = free_port()
        self.user = self._run_as_user()

    @staticmethod
    def _run_as_user() -> Optional[str]:
        if os.geteuid() != 0:
            return None
        for name in ("postgres", "nobody"):
            try:
                pwd.getpwnam(name)
                return name
            except KeyError:
                continue
        raise RuntimeError("running as root and no unprivileged user to run PostgreSQL")

    def _cmd(self, *args: str) -> List[str]:
        return ["runuser", "-u", self.user, "--", *args] if self.user else list(args)

    def start(self) -> str:
        if self.user:
            entry = pwd.getpwnam(self.user)
            os.chown(self.root, entry.pw_uid, entry.pw_gid)
        subprocess.run(
            self._cmd("initdb", "-D", str(self.data), "-U", "mlplan", "--auth=trust", "-E", "UTF8", "--locale=C"),
            check=True,
            capture_output=True,
        )
        self.start_server()
        subprocess.run(
            self._cmd("createdb", "-h", "127.0.0.1", "-p", str(self.port), "-U", "mlplan", "mlplan"),
            check=True,
            capture_output=True,
        )
        return self.url

    def start_server(self) -> None:
        """Start (again) the server of this data directory."""
        options = f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1 -c fsync=off"
        subprocess.run(
            self._cmd("pg_ctl", "-D", str(self.data), "-o", options, "-l", str(self.root / "log"), "-w", "start"),
            check=True,
            capture_output=True,
        )

    def stop_server(self, mode: str = "fast") -> None:
        """Stop the server and keep its data (`start_server` brings it back)."""
        subprocess.run(
            self._cmd("pg_ctl", "-D", str(self.data), "-m", mode, "-w", "stop"), check=True, capture_output=True
        )

    @property
    def url(self) -> str:
        return f"postgresql+psycopg2://mlplan@127.0.0.1:{self.port}/mlplan"

    def stop(self) -> None:
        subprocess.run(self._cmd("pg_ctl", "-D", str(self.data), "-m", "immediate", "stop"), capture_output=True)
        shutil.rmtree(self.root, ignore_errors=True)
