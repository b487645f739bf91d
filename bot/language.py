"""Which language to reply in (SPEC §2)."""

from __future__ import annotations

import functools
import logging
import re
import sys
from typing import Optional

from bot import jieba_dictionary, settings

DEFAULT_LANGUAGE = "zh"
_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3000-\u303f\uff01-\uff60]")
_LATIN_WORD = re.compile(r"[A-Za-z]{2,}")
# words Chinese speakers type as often as English speakers: "ok", laughter, fillers, pinyin initialisms
# (yyds, dd); a message of nothing else keeps the language
_NEUTRAL_WORD = re.compile(
    r"\b(?:ok(?:ay|ey|ie|k+)?|(?:ok){2,}|kk|k|h{2,}|(?:ha){2,}|lol|e?m{2,}|hm+|yyds|dd|xswl|bhys|nsdd|yysy|awsl)\b",
    re.IGNORECASE,
)


def detect(text: Optional[str]) -> Optional[str]:
    """`zh` if the text has any Chinese, `en` if it has English words, else None.

    Mixed messages count as Chinese. Button payloads (`/intent{...}`), emoji and
    numbers carry no language.
    """
    if not text or text.lstrip().startswith("/"):
        return None
    if _CJK.search(text):
        return "zh"
    if _LATIN_WORD.search(_NEUTRAL_WORD.sub(" ", text)):
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
    from bot import cache

    with cache.gc_paused():
        jieba = _import_jieba()
        jieba.setLogLevel(logging.WARNING)
        jieba_dictionary.install(jieba)  # from var/cache/, read as needed (bot/jieba_dictionary.py)
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


def words(text: str) -> list:
    """Words of a Chinese, English or mixed text: jieba for Chinese, whole Latin words."""
    return [w for w in _jieba().lcut(text) if w.strip()]


def jieba_frequency(word: str) -> int:
    """How common a word is in jieba's dictionary (0 when it is not a word there)."""
    return _jieba().get_FREQ(word) or 0
