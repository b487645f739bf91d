"""jieba's dictionary, cached in `var/cache/` and read one first character at a time.

jieba loads its whole prefix dictionary (half a million words and prefixes) before it
cuts anything: about half a second from its own cache, far more than the lookup it
serves. But jieba only ever looks up words that start with a character of the text it
is cutting (the DAG, the route, the HMM fallback, `add_word` and `suggest_freq` all
look up substrings of one text, or the word being added). So the dictionary is stored
in shards by first character, and a shard is read the first time a word starting with
its character is looked up: cutting a short question reads a few hundred entries.
The entries and the total are exactly jieba's, so every cut is the same.

The cache entry is built from jieba's own dictionary (jieba's `initialize`) when it is
missing or was built for another jieba, and checked against its digest before use
(bot/cache.py); the shards are marshal data written by us, holding only strings and
integers.
"""

from __future__ import annotations

import marshal
import threading
from collections import defaultdict
from typing import Dict, Mapping, Tuple

CACHE_NAME = "jieba-dictionary.cache"


class ShardedFrequencies(dict):
    """A dict of jieba's word frequencies that fills itself one first character at a time.

    Every way jieba reads or writes `FREQ` (`in`, `[]`, `get`, `[]=`) first reads the
    shard of the key's first character; anything that needs the whole dictionary
    (iteration, `len`, `items`, comparison, ...) reads every shard first.
    """

    def __init__(self, shards: Mapping[str, Tuple[int, int]], blob: bytes):
        super().__init__()
        self._pending: Dict[str, Tuple[int, int]] = dict(shards)
        self._blob = blob
        self._lock = threading.Lock()

    def _read(self, first: str) -> None:
        with self._lock:
            span = self._pending.get(first)
            if span is None:
                return
            start, length = span
            dict.update(self, marshal.loads(self._blob[start : start + length]))
            del self._pending[first]  # only once its entries are in, so readers that skip the lock see them
            if not self._pending:
                self._blob = b""

    def _need(self, key) -> None:
        if self._pending and isinstance(key, str) and key[:1] in self._pending:
            self._read(key[:1])

    def read_all(self) -> None:
        for first in list(self._pending):
            self._read(first)

    def __contains__(self, key) -> bool:
        self._need(key)
        return dict.__contains__(self, key)

    def __getitem__(self, key):
        self._need(key)
        return dict.__getitem__(self, key)

    def get(self, key, default=None):
        self._need(key)
        return dict.get(self, key, default)

    def __setitem__(self, key, value) -> None:
        self._need(key)
        dict.__setitem__(self, key, value)

    def __delitem__(self, key) -> None:
        self._need(key)
        dict.__delitem__(self, key)

    def setdefault(self, key, default=None):
        self._need(key)
        return dict.setdefault(self, key, default)

    def pop(self, key, *default):
        self._need(key)
        return dict.pop(self, key, *default)


def _whole(name: str):
    method = getattr(dict, name)

    def whole(self, *args, **kwargs):
        self.read_all()
        return method(self, *args, **kwargs)

    whole.__name__ = name
    return whole


for _name in (
    "__iter__",
    "__len__",
    "__repr__",
    "__eq__",
    "__ne__",
    "__reversed__",
    "keys",
    "values",
    "items",
    "copy",
    "popitem",
    "update",
    "clear",
    "__or__",
    "__ror__",
    "__ior__",
    "__reduce__",
    "__reduce_ex__",
):
    setattr(ShardedFrequencies, _name, _whole(_name))


def _shard(freq: Mapping[str, int]) -> Tuple[Dict[str, Tuple[int, int]], bytes]:
    groups: Dict[str, Dict[str, int]] = defaultdict(dict)
    for word, count in freq.items():
        groups[word[:1]][word] = count
    index, chunks, offset = {}, [], 0
    for first, words in groups.items():
        data = marshal.dumps(words)
        index[first] = (offset, len(data))
        chunks.append(data)
        offset += len(data)
    return index, b"".join(chunks)


def install(jieba) -> None:
    """Give jieba's default tokenizer its dictionary from the cache (or build and cache it).

    Does nothing if the tokenizer is initialised already or uses another dictionary.
    """
    from bot import cache

    tokenizer = jieba.dt
    if tokenizer.initialized or tokenizer.dictionary != jieba.DEFAULT_DICT:
        return
    key = cache.digest(["jieba-dictionary/1", getattr(jieba, "__version__", "?"), cache.module_stamp("jieba")])
    stored = cache.read(CACHE_NAME, key)
    if stored is not None:
        try:
            total, shards, blob = stored["total"], stored["shards"], stored["blob"]
            if isinstance(total, int) and isinstance(shards, dict) and shards and isinstance(blob, bytes):
                freq = ShardedFrequencies({first: (int(a), int(b)) for first, (a, b) in shards.items()}, blob)
                with tokenizer.lock:
                    tokenizer.FREQ, tokenizer.total, tokenizer.initialized = freq, total, True
                return
        except Exception:  # noqa: BLE001 - a bad cache is rebuilt
            pass
    jieba.initialize()
    shards, blob = _shard(tokenizer.FREQ)
    cache.write(CACHE_NAME, key, {"total": tokenizer.total, "shards": shards, "blob": blob})
