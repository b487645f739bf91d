"""Runtime configuration, read from the environment."""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
KNOWLEDGE_DIR = PROJECT_ROOT / "knowledge"
VAR_DIR = PROJECT_ROOT / "var"


def database_url() -> str:
    """`MLPLAN_DATABASE_URL`, or an SQLite file under `var/`."""
    url = os.environ.get("MLPLAN_DATABASE_URL", "").strip()
    if url:
        return url
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{VAR_DIR / 'mlplan.sqlite3'}"


def cache_dir() -> Path:
    """`MLPLAN_CACHE_DIR`, or `var/cache/`: derived data that can be deleted at any time
    (the knowledge-base index, jieba's dictionary), rebuilt when missing or out of date."""
    path = os.environ.get("MLPLAN_CACHE_DIR", "").strip()
    return Path(path) if path else VAR_DIR / "cache"
