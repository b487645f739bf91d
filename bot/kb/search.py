"""Lookup of questions in the knowledge base, over both languages.

A question and every phrasing go through the same normal form
(bot/kb/normalise.py). A phrasing's score (0-100) blends three rapidfuzz-style
views of one question against one phrasing:

- an IDF-weighted overlap of words;
- rapidfuzz's token_sort_ratio on the words, for changed word order;
- rapidfuzz's ratio on the characters, for Chinese typos and spacing.

An entry scores as its best phrasing, blended with how much of the question the
entry's phrasings and answer text cover, and with the probability a small
linear model (bot/kb/classifier.py) gives the entry, discounted by the share of
the question the knowledge base knows. `lookup` then decides: answer when the
best entry is clearly ahead, offer the top candidates when it is a close call,
and say it does not know otherwise. Weights and thresholds are calibrated on
tests/kb/dev.yml with `benchmarks/kb_quality.py --grid`; tests/kb/heldout.yml
measures the result.

Building the index (normalising every phrasing and answer, training the
classifier) takes seconds; `searcher()` does it once and keeps the result in
`var/cache/` (bot/cache.py), under a key that changes with any file in
`knowledge/`, the code here and the libraries it uses. Every later process, and
`mlplan kb ask`, reads it back in a few hundredths of a second, with the same
scores to the last bit (tests/kb/test_index_cache.py).
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Dict, Iterable, List, Mapping, Optional, Sequence, Tuple

import numpy as np
from rapidfuzz import fuzz, process

from bot import settings
from bot.cache import Once
from bot.kb.classifier import EntryClassifier
from bot.kb.loader import LANGS, KnowledgeBase, load_keyed
from bot.kb.normalise import QUESTION_KEYS, Normaliser


@dataclass(frozen=True)
class Tuning:
    """How the views are blended and where the decisions fall, on the 0-100 score.

    Calibrated on tests/kb/dev.yml only, by `benchmarks/kb_quality.py --grid`
    (its docstring says what it optimises and under which constraints). The
    smallest lead that answers outright comes from questions the content had
    never seen (MIN_MARGIN there). With it, the grid's best blends were within
    0.01 of each other on the dev set; this one was kept because it gave fewer
    confident wrong answers on those unseen questions.
    """

    overlap: float = 0.4  # IDF-weighted word overlap with one phrasing...
    order: float = 0.2  # ...token_sort_ratio with it...
    chars: float = 0.2  # ...and character ratio with it
    entry: float = 0.1  # share of the question's words found anywhere in the entry's phrasings
    answer: float = 0.1  # share of the question's words found in the entry's answer text
    model: float = 0.5  # the entry classifier's probability
    answer_score: float = 36.0  # answer outright when the best entry reaches this...
    answer_margin: float = 18.0  # ...and leads the runner-up by this much (see MIN_MARGIN in the benchmark)
    clarify_score: float = 28.0  # below this the question is not in the knowledge base


TUNING = Tuning()
CLARIFY_CANDIDATES = 3
EXACT_SCORE = 90.0  # a phrasing this close is the question itself
SPECIFIC_ENTRIES = 4  # a one-word question is answered only if the word is in at most this many entries


@dataclass(frozen=True)
class Match:
    id: str
    score: float
    lang: str
    exact: bool = False  # the question is (nearly) one of the entry's phrasings


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


def _words_by_entry(pairs: Iterable[Tuple[str, Tuple[str, ...]]]) -> Dict[str, frozenset]:
    found: Dict[str, set] = {}
    for entry_id, words in pairs:
        found.setdefault(entry_id, set()).update(words)
    return {entry_id: frozenset(words) for entry_id, words in found.items()}


class Index:
    """What building the index learns from the knowledge base, and all it takes to rebuild a
    Searcher without doing that again: the normaliser's vocabulary, every phrasing and
    answer as normalised words, and the fitted entry classifier. `parts()` is plain data
    for the on-disk cache (bot/cache.py); `from_parts` reads it back."""

    def __init__(
        self,
        normaliser: Normaliser,
        phrasings: Sequence[Tuple[str, str, Tuple[str, ...]]],
        answers: Sequence[Tuple[str, Tuple[str, ...]]],
        classifier: EntryClassifier,
    ):
        self.normaliser = normaliser
        self.phrasings = list(phrasings)  # (entry id, language, words), for the phrasings that have words
        self.answers = list(answers)  # (entry id, words), two per entry
        self.classifier = classifier

    @classmethod
    def build(cls, kb: KnowledgeBase) -> Index:
        """Normalise every phrasing and answer and train the classifier (seconds)."""
        questions = [(e.id, lang, q) for e in kb.entries.values() for lang in LANGS for q in e.questions[lang]]
        normaliser = Normaliser(kb.synonyms, [q for _, _, q in questions])
        phrasings = []
        for entry_id, lang, question in questions:
            words = normaliser.words(question)
            if words:
                phrasings.append((entry_id, lang, words))
        answers = [(entry.id, normaliser.words(entry.answer[lang])) for entry in kb.entries.values() for lang in LANGS]
        classifier = EntryClassifier.fit(
            [words for _, _, words in phrasings] + [words for _, words in answers],
            [entry_id for entry_id, _, _ in phrasings] + [entry_id for entry_id, _ in answers],
        )
        return cls(normaliser, phrasings, answers, classifier)

    def parts(self) -> Dict[str, object]:
        params = self.classifier.params()
        return {
            "index": {
                "normaliser": self.normaliser.state(),
                "phrasings": [[entry_id, lang, list(words)] for entry_id, lang, words in self.phrasings],
                "answers": [[entry_id, list(words)] for entry_id, words in self.answers],
                "classifier": {name: params[name] for name in ("word_vocabulary", "char_vocabulary", "classes")},
            },
            **{name: params[name] for name in ("word_idf", "char_idf", "coef", "intercept")},
        }

    @classmethod
    def from_parts(cls, kb: KnowledgeBase, parts: Mapping[str, Any]) -> Index:
        index = parts["index"]
        return cls(
            Normaliser(kb.synonyms, state=index["normaliser"]),
            [(entry_id, lang, tuple(words)) for entry_id, lang, words in index["phrasings"]],
            [(entry_id, tuple(words)) for entry_id, words in index["answers"]],
            EntryClassifier.from_params(
                {**index["classifier"], **{name: parts[name] for name in ("word_idf", "char_idf", "coef", "intercept")}}
            ),
        )


class Searcher:
    def __init__(self, kb: KnowledgeBase, tuning: Tuning = TUNING, index: Optional[Index] = None):
        """`index`: built from `kb` earlier (`Index.build`, or read from the cache); built now when None."""
        self.kb = kb
        self.tuning = tuning
        self.index = index if index is not None else Index.build(kb)
        self.normaliser = self.index.normaliser
        self._phrasings: List[_Phrasing] = [
            _Phrasing(entry_id, lang, words, " ".join(words), "".join(words))
            for entry_id, lang, words in self.index.phrasings
        ]
        self._entry_words = _words_by_entry((p.entry_id, p.words) for p in self._phrasings)
        df = Counter(w for words in self._entry_words.values() for w in words)
        self._idf = {w: math.log(1 + len(self._entry_words) / c) for w, c in df.items()}
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
        self._answer_words = _words_by_entry(self.index.answers)
        self._known = frozenset(self._idf).union(*self._answer_words.values())
        self._classifier = self.index.classifier

    def words(self, text: str) -> Tuple[str, ...]:
        return self.normaliser.words(text)

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
        return self.rank_words(self.words(question))

    def rank_words(self, words: Tuple[str, ...]) -> List[Match]:
        """`rank` for an already normalised question."""
        if not words:
            return []
        t = self.tuning
        order = process.cdist([" ".join(words)], self._joined, scorer=fuzz.token_sort_ratio)[0]
        chars = process.cdist(["".join(words)], self._chars, scorer=fuzz.ratio)[0]
        scores = (t.overlap * 100 * self._overlaps(words) + t.order * order + t.chars * chars) / (
            t.overlap + t.order + t.chars
        )
        best: Dict[str, Tuple[float, str]] = {}
        for p, score in zip(self._phrasings, scores, strict=True):
            if p.entry_id not in best or score > best[p.entry_id][0]:
                best[p.entry_id] = (float(score), p.lang)
        total = sum(self._weight(w) for w in words)

        def covered(found: frozenset) -> float:
            return 100 * sum(self._weight(w) for w in words if w in found) / total

        probabilities = self._classifier.probabilities(words) if t.model else {}
        # The model only sees words it knows; its confidence counts for the known share of the question.
        known = sum(self._weight(w) for w in words if w in self._known) / total
        ranked = []
        for entry_id, (score, lang) in best.items():
            blended = (
                (1 - t.entry - t.answer - t.model) * score
                + t.entry * covered(self._entry_words[entry_id])
                + t.answer * covered(self._answer_words[entry_id])
                + t.model * 100 * known * probabilities.get(entry_id, 0.0)
            )
            ranked.append(Match(entry_id, blended, lang, score >= EXACT_SCORE))
        return sorted(ranked, key=lambda m: (-m.score, m.id))

    def specific(self, words: Tuple[str, ...]) -> bool:
        """A lone common word ("data", "团队", "数据怎么办") is too vague to answer outright."""
        content = set(words) - QUESTION_KEYS
        return len(content) > 1 or any(self._idf.get(w, self._unknown_weight) >= self._specific_weight for w in content)

    def lookup(self, question: str) -> Lookup:
        words = self.words(question)
        return self.decide(words, self.rank_words(words))

    def decide(self, words: Tuple[str, ...], ranked: List[Match]) -> Lookup:
        """Answer, offer candidates, or decline, given the normalised question and its ranking."""
        t = self.tuning
        if not ranked or ranked[0].score < t.clarify_score:
            return Lookup("none", tuple(ranked[:CLARIFY_CANDIDATES]))
        top = ranked[0]
        margin = top.score - (ranked[1].score if len(ranked) > 1 else 0.0)
        if top.score >= t.answer_score and margin >= t.answer_margin and (top.exact or self.specific(words)):
            return Lookup("answer", tuple(ranked[:CLARIFY_CANDIDATES]))
        close = tuple(m for m in ranked[:CLARIFY_CANDIDATES] if m.score >= t.clarify_score)
        return Lookup("clarify", close)


INDEX_CACHE = "kb-index.cache"


def cached_searcher(directory: Path = settings.KNOWLEDGE_DIR, tuning: Tuning = TUNING) -> Searcher:
    """A Searcher over the knowledge base in `directory`, its index read from the on-disk
    cache when that was built from the same files, code and libraries (a few hundredths of
    a second), otherwise built (seconds) and cached for the next process."""
    from bot import cache

    kb, key = load_keyed(Path(directory))
    if key is None:
        return Searcher(kb, tuning)
    return cache.read_or_build(
        INDEX_CACHE,
        key,
        lambda parts: Searcher(kb, tuning, Index.from_parts(kb, parts)),
        lambda: Searcher(kb, tuning),
        lambda found: found.index.parts(),
    )


def _loaded() -> Searcher:
    from bot import cache

    with cache.gc_paused():
        return cached_searcher(settings.KNOWLEDGE_DIR)


_searcher = Once(_loaded, "kb-index")


def searcher() -> Searcher:
    """The knowledge base, loaded and indexed once per process (from the cache, or in a few seconds)."""
    return _searcher.get()


def warm_up_in_background() -> None:
    """Build the index now, off the request path, so the first question does not wait for it."""
    _searcher.warm_up_in_background()
