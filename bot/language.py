"""Which language to reply in (SPEC §2)."""
from __future__ import annotations

import functools
import logging
import marshal
import re
import sys
from typing import Optional

from bot import settings

DEFAULT_LANGUAGE = "zh"
_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3000-\u303f\uff01-\uff60]")
_LATIN_WORD = re.compile(r"[A-Za-z]{2,}")


def detect(text: Optional[str]) -> Optional[str]:
    """`zh` if the text has any Chinese, `en` if it has English words, else None.

    Mixed messages count as Chinese. Button payloads (`/intent{...}`), emoji and
    numbers carry no language.
    """
    if not text or text.lstrip().startswith("/"):
        return None
    if _CJK.search(text):
        return "zh"
    if _LATIN_WORD.search(text):
        return "en"
    return None


def other(lang: str) -> str:
    return "en" if lang == "zh" else "zh"


def reply_language(
    text: Optional[str],
    *,
    previous: Optional[str] = None,
    explicit: Optional[str] = None,
    preferred: Optional[str] = None,
    switch_to: Optional[str] = None,
    switch_requested: bool = False,
) -> str:
    """The language of the next reply.

    A switch asked for in this message wins (to the named language, or else to the
    other one); then a choice the user made earlier (`explicit`); then the message's
    own language; then the language used before; then the directory's preference.
    """
    if switch_requested:
        return switch_to or other(previous or detect(text) or preferred or DEFAULT_LANGUAGE)
    return explicit or detect(text) or previous or preferred or DEFAULT_LANGUAGE


@functools.lru_cache(maxsize=1)
def _jieba():
    jieba = _import_jieba()
    jieba.setLogLevel(logging.WARNING)
    _load_dictionary(jieba)
    terms = settings.KNOWLEDGE_DIR / "terms.zh.txt"
    if terms.is_file():
        jieba.load_userdict(str(terms))
    jieba.initialize()
    return jieba


def _import_jieba():
    """`import jieba`, without the half second jieba spends importing `pkg_resources` only to
    find its own dictionary file; without it, jieba opens the file by its path (its own fallback)."""
    if "jieba" in sys.modules or "pkg_resources" in sys.modules:
        import jieba

        return jieba
    sys.modules["pkg_resources"] = None  # type: ignore[assignment]  # `import pkg_resources` fails fast
    try:
        import jieba
    finally:
        if sys.modules.get("pkg_resources", 0) is None:
            del sys.modules["pkg_resources"]
    return jieba


_DICTIONARY_CACHE = "jieba-dictionary.cache"


def _load_dictionary(jieba) -> None:
    """Load jieba's default dictionary from our cache in `var/cache/`, else as jieba does and cache it.

    jieba keeps its own cache in the system's temporary folder, but reads it with
    `marshal.load` on a file, which takes three times as long as reading the bytes
    first; this is the same data (the prefix dictionary and its total), checked
    against its digest and its type before use. The user dictionary is added after.
    """
    from bot import cache

    tokenizer = jieba.dt
    if tokenizer.initialized or tokenizer.dictionary != jieba.DEFAULT_DICT:
        return
    key = cache.digest(["jieba-dictionary", getattr(jieba, "__version__", "?"), cache.module_stamp("jieba")])
    stored = cache.read(_DICTIONARY_CACHE, key)
    if stored is not None:
        try:
            freq, total = marshal.loads(stored["dictionary"])
            if isinstance(freq, dict) and isinstance(total, int) and freq:
                with tokenizer.lock:
                    tokenizer.FREQ, tokenizer.total, tokenizer.initialized = freq, total, True
                return
        except Exception:  # noqa: BLE001 - a bad cache is rebuilt
            pass
    jieba.initialize()
    cache.write(_DICTIONARY_CACHE, key, {"dictionary": marshal.dumps((tokenizer.FREQ, tokenizer.total))})


def words(text: str) -> list:
    """Words of a Chinese, English or mixed text: jieba for Chinese, whole Latin words."""
    return [w for w in _jieba().lcut(text) if w.strip()]


def jieba_frequency(word: str) -> int:
    """How common a word is in jieba's dictionary (0 when it is not a word there)."""
    return _jieba().get_FREQ(word) or 0
