"""A linear model over the knowledge base: which entry a question is about.

Fuzzy matching compares a question with one phrasing at a time; this model
learns from all phrasings and answers of an entry at once which words and
character n-grams tell the entries apart, so a question that borrows words
from several phrasings still finds its entry. It is trained when the index is
built (about a second), on normalised words, and is deterministic.
"""
from __future__ import annotations

from typing import Dict, Sequence

from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_union

REGULARISATION = 3.0  # sklearn's C; calibrated with the blend on tests/kb/dev.yml


def _split(text: str) -> list:
    return text.split()


class EntryClassifier:
    def __init__(self, documents: Sequence[Sequence[str]], labels: Sequence[str]):
        self._features = make_union(
            TfidfVectorizer(analyzer=_split, sublinear_tf=True),
            TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 4), sublinear_tf=True),
        )
        matrix = self._features.fit_transform([" ".join(words) for words in documents])
        self._model = LogisticRegression(C=REGULARISATION, max_iter=2000).fit(matrix, list(labels))

    def probabilities(self, words: Sequence[str]) -> Dict[str, float]:
        row = self._model.predict_proba(self._features.transform([" ".join(words)]))[0]
        return dict(zip(self._model.classes_, row.tolist()))
