"""A linear model over the knowledge base: which entry a question is about.

Fuzzy matching compares a question with one phrasing at a time; this model
learns from all phrasings and answers of an entry at once which words and
character n-grams tell the entries apart, so a question that borrows words
from several phrasings still finds its entry. It is trained when the index is
built (a few seconds), on normalised words, and is deterministic.

Training uses scikit-learn (TF-IDF of words and of character 2-4-grams within
words, and a multinomial logistic regression). Predicting does not: the fitted
vocabularies, IDF weights and coefficients are plain data (`params`, stored in
the index cache by bot/kb/search.py), and `probabilities` repeats scikit-learn's
arithmetic step by step, in the same order, so the probabilities are the same
to the last bit (tests/kb/test_classifier.py checks it) without importing
scikit-learn, which alone takes longer to import than a whole cached lookup.
"""

from __future__ import annotations

import math
import re
from typing import Dict, List, Mapping, Sequence

import numpy as np

REGULARISATION = 3.0  # sklearn's C; calibrated with the blend on tests/kb/dev.yml
CHAR_NGRAMS = (2, 4)
_WHITE_SPACES = re.compile(r"\s\s+")  # as sklearn's _VectorizerMixin._white_spaces


def _split(text: str) -> list:
    return text.split()


def char_wb_ngrams(text: str) -> List[str]:
    """sklearn's `analyzer="char_wb"` (lower-cased, n-grams inside space-padded words), as in scikit-learn 1.1."""
    text = _WHITE_SPACES.sub(" ", text.lower())
    min_n, max_n = CHAR_NGRAMS
    ngrams: List[str] = []
    for w in text.split():
        w = " " + w + " "
        w_len = len(w)
        for n in range(min_n, max_n + 1):
            offset = 0
            ngrams.append(w[offset : offset + n])
            while offset + n < w_len:
                offset += 1
                ngrams.append(w[offset : offset + n])
            if offset == 0:  # a short word (w_len < n) counts once
                break
    return ngrams


class _Tfidf:
    """One fitted TfidfVectorizer(sublinear_tf=True, norm="l2"), transform only."""

    def __init__(self, vocabulary: Sequence[str], idf: np.ndarray):
        self.vocabulary = {feature: i for i, feature in enumerate(vocabulary)}
        self.idf = np.asarray(idf, dtype=np.float64)

    def row(self, features: Sequence[str]):
        """(columns, values) of one document's row, in the order scikit-learn stores them."""
        counts: Dict[int, int] = {}
        for feature in features:
            column = self.vocabulary.get(feature)
            if column is not None:
                counts[column] = counts.get(column, 0) + 1
        columns = sorted(counts)  # CountVectorizer sorts the indices
        data = np.array([counts[c] for c in columns], dtype=np.float64)
        np.log(data, data)  # sublinear tf
        data += 1
        data = data * self.idf[columns]
        # `X * idf_diag` (scipy's csr_matmat) emits a row's entries in reverse order.
        columns, values = columns[::-1], data[::-1].tolist()
        total = 0.0  # sklearn's inplace_csr_row_normalize_l2, in the stored order
        for value in values:
            total += value * value
        if total != 0.0:
            total = math.sqrt(total)
            values = [value / total for value in values]
        return columns, values


class EntryClassifier:
    """Predicts with the parameters of a model fitted by `fit` (or read back with `from_params`)."""

    def __init__(self, params: Mapping):
        self._words = _Tfidf(params["word_vocabulary"], params["word_idf"])
        self._chars = _Tfidf(params["char_vocabulary"], params["char_idf"])
        self._offset = len(params["word_vocabulary"])
        self.classes = list(params["classes"])
        self._coef_t = np.ascontiguousarray(np.asarray(params["coef"], dtype=np.float64).T)
        self._intercept = np.asarray(params["intercept"], dtype=np.float64)
        self._params = params

    @classmethod
    def fit(cls, documents: Sequence[Sequence[str]], labels: Sequence[str]) -> EntryClassifier:
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.linear_model import LogisticRegression
        from sklearn.pipeline import make_union

        features = make_union(
            TfidfVectorizer(analyzer=_split, sublinear_tf=True),
            TfidfVectorizer(analyzer="char_wb", ngram_range=CHAR_NGRAMS, sublinear_tf=True),
        )
        matrix = features.fit_transform([" ".join(words) for words in documents])
        model = LogisticRegression(C=REGULARISATION, max_iter=2000).fit(matrix, list(labels))
        (_, words), (_, chars) = features.transformer_list
        if model.coef_.shape[0] != len(model.classes_):
            raise ValueError("the knowledge base needs at least three entries")  # binary models have one row
        return cls(
            {
                "word_vocabulary": sorted(words.vocabulary_, key=words.vocabulary_.get),
                "word_idf": np.asarray(words.idf_, dtype=np.float64),
                "char_vocabulary": sorted(chars.vocabulary_, key=chars.vocabulary_.get),
                "char_idf": np.asarray(chars.idf_, dtype=np.float64),
                "classes": [str(c) for c in model.classes_],
                "coef": np.asarray(model.coef_, dtype=np.float64),
                "intercept": np.asarray(model.intercept_, dtype=np.float64),
            }
        )

    @classmethod
    def from_params(cls, params: Mapping) -> EntryClassifier:
        return cls(params)

    def params(self) -> Mapping:
        """Vocabularies and class names (JSON) and float64 arrays: `from_params` rebuilds the model."""
        return self._params

    def probabilities(self, words: Sequence[str]) -> Dict[str, float]:
        """The model's probability for every entry, as `predict_proba` of the fitted scikit-learn model."""
        text = " ".join(words)
        word_columns, word_values = self._words.row(_split(text))
        char_columns, char_values = self._chars.row(char_wb_ngrams(text))
        # FeatureUnion stacks the word block, then the character block; X @ coef.T adds up in that order.
        decision = np.zeros(len(self.classes))
        for column, value in zip(word_columns, word_values, strict=True):
            decision += value * self._coef_t[column]
        for column, value in zip(char_columns, char_values, strict=True):
            decision += value * self._coef_t[self._offset + column]
        scores = (decision + self._intercept).reshape(1, -1)
        scores -= np.max(scores, axis=1).reshape((-1, 1))  # sklearn.utils.extmath.softmax
        np.exp(scores, scores)
        scores /= np.sum(scores, axis=1).reshape((-1, 1))
        return dict(zip(self.classes, scores[0].tolist(), strict=True))
