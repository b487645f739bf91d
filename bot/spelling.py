"""Correcting typos towards a known vocabulary: English slips ("excelence" ->
"excellence") and Chinese homophones (pinyin typed right, character picked wrong:
"数剧" -> "数据").

An English word is only corrected when it is not itself common English ("lunch" stays
"lunch", not "launch"), and only to a vocabulary word with the same first letter
and at most one slip (a wrong, missing, extra or swapped letter) in five letters or
more; four-letter words only when their letters are swapped ("dtaa").
"""

from __future__ import annotations

import functools
import re
from typing import Dict, FrozenSet, Iterable, List, Optional, Sequence, Tuple

from rapidfuzz import process
from rapidfuzz.distance import OSA

_LATIN_RUN = re.compile(r"[a-z]{4,}")
COMMON_WORD_COUNT = 100  # an English word seen this often in pyspellchecker's corpus is not a typo


@functools.lru_cache(maxsize=1)
def english_frequency():
    from spellchecker import SpellChecker  # loads its word list: only when a word is not known

    from bot import cache

    with cache.gc_paused():
        return SpellChecker(language="en", distance=1).word_frequency


def common_english_words() -> FrozenSet[str]:
    """The words with `english_frequency()[word] >= COMMON_WORD_COUNT`, as a set that can be
    stored (bot/kb/normalise.py caches it: loading pyspellchecker's list takes a tenth of a second)."""
    return frozenset(w for w, count in english_frequency().dictionary.items() if count >= COMMON_WORD_COUNT)


class LatinSpeller:
    def __init__(self, vocabulary: Iterable[str], keep: Iterable[str] = (), common: Optional[Iterable[str]] = None):
        """`common`: `common_english_words()`, if at hand; otherwise pyspellchecker is asked when needed."""
        self.vocabulary = frozenset(w for w in vocabulary if _LATIN_RUN.fullmatch(w))
        self.keep = frozenset(keep)
        self.targets = self.vocabulary | {w for w in self.keep if w.isascii()}
        self.common = frozenset(common) if common is not None else None

    def is_common(self, word: str) -> bool:
        if self.common is not None:
            return word.lower() in self.common
        return english_frequency()[word] >= COMMON_WORD_COUNT

    def fix(self, text: str) -> str:
        """`text` (folded) with each unknown English word replaced by its closest vocabulary word."""
        return _LATIN_RUN.sub(lambda match: self.fix_word(match.group(0)), text)

    def fix_word(self, word: str) -> str:
        if word in self.vocabulary or word in self.keep or self.is_common(word):
            return word
        best = process.extractOne(word, self.targets, scorer=OSA.normalized_similarity, score_cutoff=0.8)
        if best is None and len(word) == 4:
            best = next(((w, 1.0, 0) for w in self.targets if len(w) == 4 and sorted(w) == sorted(word)), None)
        return best[0] if best and best[0][0] == word[0] else word


_CJK_RUN = re.compile(r"[\u4e00-\u9fff]{2,}")
_NEGATORS = frozenset("不没无未非别")  # a slip is never corrected into or out of a negation (部集中 is not 不集中)
# Characters too common to be a slip of another word: 一个系统 is not 一各系统, 试错 is not 是错, 现在 is not 现再.
_COMMON = frozenset("个各是试事适室市在再的地得做作自字对队之支系戏有又以已时合和待带到道现线意义一了目木")


@functools.lru_cache(maxsize=1)
def _pypinyin():
    from bot import cache

    with cache.gc_paused():  # its dictionaries are half a million objects
        from pypinyin import Style, lazy_pinyin, pinyin  # a fifth of a second to import: only for Chinese text

    return lazy_pinyin, pinyin, Style.TONE3


class HomophoneFixer:
    """Replaces windows of Chinese characters that sound like a known term but differ from it
    in at most half their characters. Windows of `toned` lengths must match tones too
    (two-character words are too often other real words: 几种 is not 集中)."""

    def __init__(
        self,
        terms: Iterable[str],
        lengths: Sequence[int] = (4, 3),
        toned: Sequence[int] = (),
        is_word=None,
        *,
        table: Optional[Iterable[Tuple[Sequence[str], str]]] = None,
        known=None,
    ):
        """`table`, when given, is a `table_items()` saved earlier for the same terms and settings:
        the terms are not read again, and pypinyin is only imported when a text needs it."""
        self.lengths = tuple(sorted(set(lengths) | set(toned), reverse=True))
        self.toned = frozenset(toned)
        self.is_word = is_word or (lambda window: False)  # a real word of its own is not a slip
        self.known = known or self.is_word  # a word the window's first character closes ("原则上") is kept whole
        self.table: Dict[Tuple[str, ...], str] = {}
        if table is not None:
            self.table.update((tuple(sounds), term) for sounds, term in table)
            return
        for term in terms:
            if len(term) in self.lengths and all("\u4e00" <= ch <= "\u9fff" for ch in term):
                self.table.setdefault(self._sounds(term, len(term) in self.toned), term)

    def table_items(self) -> List[Tuple[List[str], str]]:
        """The sound table as plain data, in order: `HomophoneFixer(..., table=...)` rebuilds it."""
        return [(list(sounds), term) for sounds, term in self.table.items()]

    def _sounds(self, text: str, toned: bool) -> Tuple[str, ...]:
        lazy_pinyin, pinyin, style = _pypinyin()
        if toned:
            return tuple(s[0] for s in pinyin(text, style=style))
        return tuple(lazy_pinyin(text))

    def fix(self, text: str) -> str:
        """Slips fixed; a window whose first character closes a real word ("原则上|可以") is left alone."""

        def fix_run(match: re.Match[str]) -> str:
            run = match.group(0)
            toneless = self._sounds(run, False)
            toned = self._sounds(run, True) if self.toned else ()
            out, i = [], 0
            while i < len(run):
                for size in self.lengths:
                    sounds = toned if size in self.toned else toneless
                    term = self.table.get(tuple(sounds[i : i + size])) if i + size <= len(run) else None
                    window = run[i : i + size]
                    changed = [(a, b) for a, b in zip(term or "", window, strict=False) if a != b]
                    if (
                        term
                        and 0 < len(changed) <= size // 2
                        and not (size in self.toned and self.is_word(window))
                        and not any(self.known(run[j : i + 1]) for j in range(max(0, i - 3), i))
                        and not any(ch in _NEGATORS or ch in _COMMON for pair in changed for ch in pair)
                    ):
                        out.append(term)
                        i += size
                        break
                else:
                    out.append(run[i])
                    i += 1
            return "".join(out)

        return _CJK_RUN.sub(fix_run, text)


def sounds_like(window: str, syllables: Sequence[str]) -> bool:
    """Whether Chinese characters are said (without tones) like `syllables`, each with its first letter
    and within one letter: the slips of voice input and pinyin typing ("急切学习" for ji qi xue xi)."""
    if len(window) != len(syllables):
        return False
    lazy_pinyin, _, _ = _pypinyin()
    said = lazy_pinyin(window)
    return all(_within_one_letter(a, b) for a, b in zip(said, syllables, strict=True))


def _within_one_letter(a: str, b: str) -> bool:
    if a == b:
        return True
    if a[:1] != b[:1] or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    shorter, longer = sorted((a, b), key=len)
    return any(longer[:i] + longer[i + 1 :] == shorter for i in range(len(longer)))
