"""Which language to reply in (SPEC §2)."""
from __future__ import annotations

import re
from typing import Optional

from bot.directory import Identity

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


def reply_language(text: Optional[str], identity: Identity, previous: Optional[str] = None) -> str:
    """An explicit choice wins; then the message's own language; then what we used before."""
    if identity.lang_explicit and identity.lang:
        return identity.lang
    return detect(text) or previous or identity.lang or DEFAULT_LANGUAGE
