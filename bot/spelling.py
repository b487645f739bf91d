"""Correcting English typos towards a known vocabulary ("excelence" -> "excellence").

A word is only corrected when it is not itself common English ("lunch" stays
"lunch", not "launch"), and only to a vocabulary word with the same first letter
and at most one slip (a wrong, missing, extra or swapped letter) in five letters or
more; four-letter words only when their letters are swapped ("dtaa").
"""
from __future__ import annotations

import functools
import re
from typing import Iterable

from rapidfuzz import process
from rapidfuzz.distance import OSA
from spellchecker import SpellChecker

_LATIN_RUN = re.compile(r"[a-z]{4,}")
COMMON_WORD_COUNT = 100  # an English word seen this often in pyspellchecker's corpus is not a typo


@functools.lru_cache(maxsize=1)
def english_frequency():
    return SpellChecker(language="en", distance=1).word_frequency


class LatinSpeller:
    def __init__(self, vocabulary: Iterable[str], keep: Iterable[str] = ()):
        self.vocabulary = frozenset(w for w in vocabulary if _LATIN_RUN.fullmatch(w))
        self.keep = frozenset(keep)
        self.targets = self.vocabulary | {w for w in self.keep if w.isascii()}

    def fix(self, text: str) -> str:
        """`text` (folded) with each unknown English word replaced by its closest vocabulary word."""
        return _LATIN_RUN.sub(lambda match: self.fix_word(match.group(0)), text)

    def fix_word(self, word: str) -> str:
        if word in self.vocabulary or word in self.keep or english_frequency()[word] >= COMMON_WORD_COUNT:
            return word
        best = process.extractOne(word, self.targets, scorer=OSA.normalized_similarity, score_cutoff=0.8)
        if best is None and len(word) == 4:
            best = next(((w, 1.0, 0) for w in self.targets if len(w) == 4 and sorted(w) == sorted(word)), None)
        return best[0] if best and best[0][0] == word[0] else word
