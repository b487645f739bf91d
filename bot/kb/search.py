"""Fuzzy lookup of questions in the knowledge base, over both languages.

A question and every phrasing in the knowledge base go through the same
normalisation: NFKC and case folding, synonym groups replaced by one key (so
"data lake" / "数据湖" / "数据湖泊" are one word), jieba segmentation, and
filler words removed. A phrasing's score (0-100) blends three views:

- an IDF-weighted overlap of words (English typos are first corrected to the
  closest word the knowledge base uses);
- rapidfuzz's token_sort_ratio on the words, for changed word order;
- rapidfuzz's ratio on the characters, for Chinese typos and spacing.

An entry scores as its best phrasing, blended with how much of the question its
answer text covers (the answers name the figures and companies people ask about).
`lookup` then decides: answer when the best
entry is clearly ahead, offer the top candidates when it is a close call, and
say it does not know otherwise. The thresholds were calibrated on tests/kb/dev.yml
with benchmarks/kb_quality.py; tests/kb/heldout.yml measures the result.
"""
from __future__ import annotations

import functools
import math
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from typing import Dict, List, Mapping, Sequence, Tuple

import numpy as np
from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from bot import language
from bot.kb.loader import LANGS, KnowledgeBase, load

# Decision thresholds on the 0-100 score, calibrated on tests/kb/dev.yml: the
# settings that answer the most questions outright with at most 1% confident
# wrong answers and at least 95% of out-of-scope questions declined.
ANSWER_SCORE = 44.0     # answer outright when the best entry reaches this...
ANSWER_MARGIN = 8.0     # ...and leads the runner-up by this much
CLARIFY_SCORE = 38.0    # below this the question is not in the knowledge base
CLARIFY_CANDIDATES = 3
EXACT_SCORE = 90.0
SPECIFIC_ENTRIES = 4    # a one-word question is answered only if the word is in at most this many entries
ANSWER_WEIGHT = 0.3    # how much the answer text's words count, beside the question phrasings

STOPWORDS = frozenset(
    """
    a an the is are was were be been am do does did to of in on for at by with about and or
    what whats which who whom how why when where please tell me us you your i we our my it its this that
    can could would should will shall may might there their them they he she so just really exactly
    anyway some any more than then also very much many explain know want like ok okay hi hey
    的 了 吗 呢 吧 啊 呀 么 是 有 在 和 与 跟 及 或 我 我们 你 你们 他 她 它 这 那 这个 那个 这些 那些 个 一下
    请 请问 想 想问 问 问一下 什么 哪些 哪 怎么 怎么样 怎样 如何 啥 吗 一个 一些 能 能不能 可以 会 要 给 说 讲 就
    到底 究竟 简单 一点 告诉 知道 还 都 也 把 被 让 对 为 上 中 里 下 么 嘛 呗 哦 嗯 东西 意思 什么样
    """.split()
)
_ASCII_WORD = re.compile(r"^[a-z0-9][a-z0-9.+-]*$")


@dataclass(frozen=True)
class Match:
    id: str
    score: float
    lang: str


@dataclass(frozen=True)
class Lookup:
    decision: str  # "answer" | "clarify" | "none"
    matches: Tuple[Match, ...]

    def as_dict(self) -> Dict:
        return {
            "decision": self.decision,
            "matches": [{"id": m.id, "score": round(m.score, 1), "lang": m.lang} for m in self.matches],
        }


@dataclass(frozen=True)
class _Phrasing:
    entry_id: str
    lang: str
    words: Tuple[str, ...]
    joined: str
    chars: str


class Searcher:
    def __init__(self, kb: KnowledgeBase):
        self.kb = kb
        self._synonyms = self._compile_synonyms(kb.synonyms)
        self._vocabulary = self._ascii_vocabulary(kb)
        self._phrasings: List[_Phrasing] = []
        for entry in kb.entries.values():
            for lang in LANGS:
                for question in entry.questions[lang]:
                    words = self.words(question)
                    if words:
                        self._phrasings.append(_Phrasing(entry.id, lang, words, " ".join(words), "".join(words)))
        self._idf = self._inverse_document_frequency()
        self._unknown_weight = math.log(1 + len(kb.entries))
        self._specific_weight = math.log(1 + len(kb.entries) / SPECIFIC_ENTRIES)
        self._word_sets = [frozenset(p.words) for p in self._phrasings]
        self._phrasing_weights = [sum(self._weight(w) for w in ws) for ws in self._word_sets]
        self._postings: Dict[str, List[int]] = {}
        for i, ws in enumerate(self._word_sets):
            for w in ws:
                self._postings.setdefault(w, []).append(i)
        self._joined = [p.joined for p in self._phrasings]
        self._chars = [p.chars for p in self._phrasings]
        self._answer_words = {
            entry.id: frozenset(w for lang in LANGS for w in self.words(entry.answer[lang]))
            for entry in kb.entries.values()
        }

    # --- normalisation -----------------------------------------------------------

    @staticmethod
    def _compile_synonyms(groups: Mapping[str, Sequence[str]]):
        variants: Dict[str, str] = {}
        for key, values in groups.items():
            for value in (key, *values):
                variants[unicodedata.normalize("NFKC", value).casefold()] = key
        ordered = sorted(variants, key=len, reverse=True)
        parts = []
        for variant in ordered:
            escaped = re.escape(variant)
            if variant.isascii():
                escaped = rf"(?<![a-z0-9]){escaped}(?![a-z0-9])"
            parts.append(escaped)
        return re.compile("|".join(parts)), variants

    @staticmethod
    def _ascii_vocabulary(kb: KnowledgeBase) -> frozenset:
        texts = [q for e in kb.entries.values() for lang in LANGS for q in e.questions[lang]]
        texts += [v for values in kb.synonyms.values() for v in values]
        return frozenset(w for t in texts for w in re.findall(r"[a-z]{4,}", t.casefold()))

    def _spell(self, text: str) -> str:
        """Replace misspelt English words by the closest word the knowledge base uses."""

        def fix(match: "re.Match[str]") -> str:
            word = match.group(0)
            if word in self._vocabulary or word in STOPWORDS:
                return word
            # one slip (a wrong, missing, extra or swapped letter) in five letters or more
            best = process.extractOne(word, self._vocabulary, scorer=OSA.normalized_similarity, score_cutoff=0.8)
            if best is None and len(word) == 4:  # short words: only swapped letters ("dtaa")
                best = next(((w, 1.0, 0) for w in self._vocabulary if len(w) == 4 and sorted(w) == sorted(word)), None)
            return best[0] if best and best[0][0] == word[0] else word

        return re.sub(r"[a-z]{4,}", fix, text)

    def words(self, text: str) -> Tuple[str, ...]:
        folded = self._spell(unicodedata.normalize("NFKC", text or "").casefold())
        pattern, variants = self._synonyms
        folded = pattern.sub(lambda m: f" {variants[m.group(0)]} ", folded)
        out = []
        for word in language.words(folded):
            if not any(unicodedata.category(ch)[0] in "LN" for ch in word) or word in STOPWORDS:
                continue
            if _ASCII_WORD.match(word) and len(word) > 4 and word.endswith("s") and not word.endswith("ss"):
                word = word[:-1]
            out.append(word)
        return tuple(out)

    def _inverse_document_frequency(self) -> Dict[str, float]:
        per_entry: Dict[str, set] = {}
        for p in self._phrasings:
            per_entry.setdefault(p.entry_id, set()).update(p.words)
        df = Counter(w for words in per_entry.values() for w in words)
        n = len(per_entry)
        return {w: math.log(1 + n / c) for w, c in df.items()}

    # --- scoring -----------------------------------------------------------------

    def _weight(self, word: str) -> float:
        return self._idf.get(word, self._unknown_weight)

    def _overlaps(self, words: Tuple[str, ...]) -> np.ndarray:
        """IDF-weighted F1 of shared words, for every phrasing (0 where none is shared)."""
        scores = np.zeros(len(self._phrasings))
        query = set(words)
        query_weight = sum(self._weight(w) for w in query)
        candidates = set().union(*(self._postings.get(w, ()) for w in query))
        for i in candidates:
            shared = sum(self._weight(w) for w in query & self._word_sets[i])
            precision, recall = shared / query_weight, shared / self._phrasing_weights[i]
            scores[i] = 2 * precision * recall / (precision + recall)
        return scores

    def rank(self, question: str) -> List[Match]:
        """Every entry with its best-matching phrasing, best first."""
        return self._rank(self.words(question))

    def _rank(self, words: Tuple[str, ...]) -> List[Match]:
        if not words:
            return []
        order = process.cdist([" ".join(words)], self._joined, scorer=fuzz.token_sort_ratio)[0]
        chars = process.cdist(["".join(words)], self._chars, scorer=fuzz.ratio)[0]
        scores = 60 * self._overlaps(words) + 0.2 * order + 0.2 * chars
        best: Dict[str, Tuple[float, str]] = {}
        for p, score in zip(self._phrasings, scores):
            if p.entry_id not in best or score > best[p.entry_id][0]:
                best[p.entry_id] = (float(score), p.lang)
        total = sum(self._weight(w) for w in words)
        ranked = []
        for entry_id, (score, lang) in best.items():
            in_answer = sum(self._weight(w) for w in words if w in self._answer_words[entry_id]) / total
            ranked.append(Match(entry_id, (1 - ANSWER_WEIGHT) * score + ANSWER_WEIGHT * 100 * in_answer, lang))
        return sorted(ranked, key=lambda m: (-m.score, m.id))

    def _specific(self, words: Tuple[str, ...]) -> bool:
        """A lone common word ("data", "团队") is too vague to answer outright."""
        words = set(words)
        return len(words) > 1 or any(self._idf.get(w, self._unknown_weight) >= self._specific_weight for w in words)

    def lookup(self, question: str) -> Lookup:
        words = self.words(question)
        ranked = self._rank(words)
        if not ranked or ranked[0].score < CLARIFY_SCORE:
            return Lookup("none", tuple(ranked[:CLARIFY_CANDIDATES]))
        top = ranked[0]
        margin = top.score - (ranked[1].score if len(ranked) > 1 else 0.0)
        exact = top.score >= EXACT_SCORE  # the question is (nearly) one of the entry's phrasings
        if top.score >= ANSWER_SCORE and margin >= ANSWER_MARGIN and (exact or self._specific(words)):
            return Lookup("answer", tuple(ranked[:CLARIFY_CANDIDATES]))
        close = tuple(m for m in ranked[:CLARIFY_CANDIDATES] if m.score >= CLARIFY_SCORE)
        return Lookup("clarify", close)


@functools.lru_cache(maxsize=1)
def searcher() -> Searcher:
    """The knowledge base, loaded and indexed once per process."""
    return Searcher(load())
