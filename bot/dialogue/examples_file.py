"""The large YAML files of answers (knowledge/answers/ and the conversation corpora that fill it),
parsed once per process for the models that learn from them and the tools that collect them;
a file that changes is parsed again."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any, Dict

import yaml

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's parser: these files are large


def read(path: Path) -> Dict[str, Any]:
    stat = Path(path).stat()
    return _parsed(str(path), stat.st_mtime_ns, stat.st_size)


@functools.lru_cache(maxsize=256)
def _parsed(path: str, mtime_ns: int, size: int) -> Dict[str, Any]:
    return yaml.load(Path(path).read_text(encoding="utf-8"), Loader=_LOADER) or {}
