"""A small on-disk cache for data derived from files: the knowledge-base index and
jieba's dictionary, so that `mlplan kb ask` and the servers do not rebuild them on
every start.

An entry is one file in `settings.cache_dir()` (`var/cache/` unless
`MLPLAN_CACHE_DIR` says otherwise): a JSON header line, then a body. The header holds
the key the data was built for (a hash of everything it was built from: the files,
the code, the libraries) and the SHA-256 of the body. A file that is missing, was
built for another key, does not match its digest, or cannot be read or parsed for
any reason is ignored as if it were not there; the caller rebuilds and writes it
again. Nothing is unpickled: the parts of an entry are JSON, raw bytes, or
little-endian float64 arrays. A write goes to a temporary file that then replaces
the entry, so a reader never sees half a file, and a cache that cannot be written
(a read-only folder) only costs time.

Deleting `var/cache/` is always safe.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import importlib.util
import json
import logging
import os
import tempfile
import threading
from pathlib import Path
from typing import Any, Callable, Dict, Generic, Iterable, Optional, TypeVar

from bot import settings

FORMAT = 1
_MAX_HEADER = 1 << 20
log = logging.getLogger(__name__)


@contextlib.contextmanager
def gc_paused():
    """Pause Python's cyclic garbage collector while loading many long-lived objects at once
    (an index, a dictionary): the collections it would run meanwhile free nothing and take a
    quarter of the time of the load. Harmless when nested or in threads: it is only a pause."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def digest(parts: Iterable[Any]) -> str:
    """A SHA-256 over `parts` (str, bytes or anything with a stable `repr`), each length-prefixed."""
    h = hashlib.sha256()
    for part in parts:
        data = part if isinstance(part, bytes) else (part if isinstance(part, str) else repr(part)).encode("utf-8")
        h.update(len(data).to_bytes(8, "little"))
        h.update(data)
    return h.hexdigest()


def files_digest(folder: Path) -> str:
    """A hash of every file under `folder`: its path relative to `folder` and its bytes."""
    folder = Path(folder)
    parts = []
    for file in sorted(p for p in folder.rglob("*") if p.is_file()):
        try:
            data = file.read_bytes()
        except OSError as error:  # the loader reports it; the key only has to differ
            data = f"(unreadable: {error})".encode()
        parts += [file.relative_to(folder).as_posix(), data]
    return digest(parts)


def module_stamp(name: str) -> str:
    """Where an installed module lives, with the size and time of its file, without importing it:
    changes when the library is upgraded or reinstalled."""
    try:
        spec = importlib.util.find_spec(name)
        origin = spec.origin if spec else None
        stat = os.stat(origin) if origin else None
    except (ImportError, ValueError, OSError):
        return f"{name}:missing"
    return f"{name}:{origin}:{stat.st_size}:{stat.st_mtime_ns}" if stat else f"{name}:{origin}"


def path(name: str) -> Path:
    return settings.cache_dir() / name


def read(name: str, key: str) -> Optional[Dict[str, Any]]:
    """The parts stored under `name` for `key`, or None (missing, stale, corrupt or unreadable)."""
    file = path(name)
    try:
        with open(file, "rb") as f:
            header = json.loads(f.readline(_MAX_HEADER))
            if not isinstance(header, dict) or header.get("format") != FORMAT or header.get("key") != key:
                return None
            body = f.read()
        if hashlib.sha256(body).hexdigest() != header["sha256"]:
            log.warning("ignoring the cache file %s: its contents do not match its digest", file)
            return None
        view, parts = memoryview(body), {}
        for part_name, kind, start, length, shape in header["parts"]:
            if start < 0 or length < 0 or start + length > len(body):
                raise ValueError(f"part {part_name!r} lies outside the file")
            chunk = view[start : start + length]
            if kind == "json":
                parts[part_name] = json.loads(chunk.tobytes().decode("utf-8", "surrogatepass"))
            elif kind == "bytes":
                parts[part_name] = chunk.tobytes()
            elif kind == "f8":
                import numpy as np

                parts[part_name] = np.frombuffer(chunk, dtype="<f8").reshape(shape)
            else:
                raise ValueError(f"unknown part kind {kind!r}")
        return parts
    except FileNotFoundError:
        return None
    except Exception as error:  # noqa: BLE001 - a bad cache file is rebuilt, never fatal
        log.warning("ignoring the cache file %s: %s", file, error)
        return None


def write(name: str, key: str, parts: Dict[str, Any]) -> bool:
    """Store `parts` (bytes, float64 numpy arrays, or JSON-able values) under `name` for `key`.

    Returns whether it was written; failing to write is logged, not raised.
    """
    try:
        header, body = _serialise(key, parts)
    except (TypeError, ValueError) as error:
        log.warning("could not write the cache file %s: %s", path(name), error)
        return False
    file = path(name)
    temporary = None
    try:
        file.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(
            "wb", dir=file.parent, prefix=f".{file.name}.", suffix=".tmp", delete=False
        ) as out:
            temporary = out.name
            out.write(header + b"\n")
            out.write(body)
        os.replace(temporary, file)
        return True
    except OSError as error:
        log.warning("could not write the cache file %s: %s", file, error)
        if temporary:
            try:
                os.unlink(temporary)
            except OSError:
                pass
        return False


def _serialise(key: str, parts: Dict[str, Any]):
    chunks, index, offset = [], [], 0
    for part_name, value in parts.items():
        shape = None
        if isinstance(value, bytes):
            kind, data = "bytes", value
        elif type(value).__module__ == "numpy" and hasattr(value, "dtype"):
            if value.dtype.kind != "f" or value.dtype.itemsize != 8:
                raise TypeError(f"part {part_name!r}: only float64 arrays are stored, not {value.dtype}")
            kind, data, shape = "f8", value.astype("<f8", copy=False).tobytes(order="C"), list(value.shape)
        else:
            text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
            kind, data = "json", text.encode("utf-8", "surrogatepass")
        index.append([part_name, kind, offset, len(data), shape])
        chunks.append(data)
        offset += len(data)
    body = b"".join(chunks)
    header = json.dumps({"format": FORMAT, "key": key, "sha256": hashlib.sha256(body).hexdigest(), "parts": index})
    return header.encode("ascii"), body


T = TypeVar("T")


def read_or_build(
    name: str,
    key: str,
    load: Callable[[Dict[str, Any]], T],
    build: Callable[[], T],
    parts: Callable[[T], Dict[str, Any]],
) -> T:
    """What `name` holds under `key`, loaded; or built and stored for the next process.
    A cache that cannot be loaded is rebuilt, never fatal."""
    found = read(name, key)
    if found is not None:
        try:
            return load(found)
        except Exception as error:  # noqa: BLE001 - a bad cache is rebuilt, never fatal
            log.warning("ignoring the cache %s: %s", name, error)
    built = build()
    write(name, key, parts(built))
    return built


class Once(Generic[T]):
    """A value built at most once per process: on first use, or ahead of it in a background thread."""

    def __init__(self, build: Callable[[], T], name: str) -> None:
        self._build = build
        self._name = name
        self._value: Optional[T] = None
        self._lock = threading.Lock()

    def get(self) -> T:
        with self._lock:
            if self._value is None:
                self._value = self._build()
            return self._value

    def reset(self) -> None:
        with self._lock:
            self._value = None

    def warm_up_in_background(self) -> None:
        """Build it now, off the request path, so that the first request does not wait for it."""
        threading.Thread(target=self.get, name=self._name, daemon=True).start()
