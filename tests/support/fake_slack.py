"""A local stand-in for Slack's Web API that records what the bot posts."""

from __future__ import annotations

import json
import threading
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Dict, List


class FakeSlackAPI:
    def __init__(self) -> None:
        self.calls: List[Dict[str, Any]] = []
        self.refuse: Dict[str, str] = {}  # channel -> Slack error code to answer with (e.g. channel_not_found)
        self.changed = threading.Condition()
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802
                body = self.rfile.read(int(self.headers.get("Content-Length", 0))).decode()
                if self.headers.get("Content-Type", "").startswith("application/json"):
                    data = json.loads(body or "{}")
                else:
                    data = {k: v[0] for k, v in urllib.parse.parse_qs(body).items()}
                for key in ("blocks", "attachments"):
                    if isinstance(data.get(key), str):
                        data[key] = json.loads(data[key])
                with outer.changed:
                    outer.calls.append(
                        {"method": self.path.rsplit("/", 1)[-1], "auth": self.headers.get("Authorization"), **data}
                    )
                    outer.changed.notify_all()
                error = outer.refuse.get(data.get("channel"))
                reply = json.dumps(
                    {"ok": False, "error": error}
                    if error
                    else {"ok": True, "ts": "1700000000.000100", "channel": data.get("channel")}
                ).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(reply)))
                self.end_headers()
                self.wfile.write(reply)

            def log_message(self, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/api/"

    def start(self) -> FakeSlackAPI:
        self.thread.start()
        return self

    def wait_for(self, count: int, timeout: float = 30) -> List[Dict[str, Any]]:
        with self.changed:
            self.changed.wait_for(lambda: len(self.calls) >= count, timeout)
            return list(self.calls)

    def stop(self) -> None:
        self.server.shutdown()
