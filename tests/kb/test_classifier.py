"""The entry classifier predicts without scikit-learn, exactly as the scikit-learn model it was fitted as."""

from __future__ import annotations

import numpy as np
import pytest
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_union

from bot.kb import classifier
from bot.kb.classifier import EntryClassifier, char_wb_ngrams

DOCUMENTS = [
    ("datalake", "什么 是 datalake"),
    ("datalake", "datalake 有 什么 好处"),
    ("datalake", "central store of raw data"),
    ("valuetree", "价值树 是 什么"),
    ("valuetree", "value tree branch revenue"),
    ("valuetree", "how to draw the tree"),
    ("pilot", "试点 团队 怎么 组建"),
    ("pilot", "first pilot team"),
    ("pilot", "who joins the pilot pilot pilot"),
    ("roi", "roi 不够 怎么办"),
    ("roi", "return on investment only"),
    ("roi", "Why NOT judge by ROI"),
]
QUESTIONS = [
    "什么 是 datalake",
    "datalake datalake datalake",
    "tree",
    "unknown words only",
    "",
    "ROI roi Roi",
    "试点",
    "pilot   team",
    "a",
    "价值树 pilot roi datalake",
    "ümlaut straße ǅ",
    "x" * 200,
]


def _sklearn_model():
    features = make_union(
        TfidfVectorizer(analyzer=classifier._split, sublinear_tf=True),
        TfidfVectorizer(analyzer="char_wb", ngram_range=classifier.CHAR_NGRAMS, sublinear_tf=True),
    )
    matrix = features.fit_transform([text for _, text in DOCUMENTS])
    model = LogisticRegression(C=classifier.REGULARISATION, max_iter=2000).fit(
        matrix, [label for label, _ in DOCUMENTS]
    )
    return features, model


def test_probabilities_equal_scikit_learns_to_the_last_bit():
    features, model = _sklearn_model()
    ours = EntryClassifier.fit([text.split() for _, text in DOCUMENTS], [label for label, _ in DOCUMENTS])
    for question in QUESTIONS:
        expected = dict(
            zip(model.classes_, model.predict_proba(features.transform([question]))[0].tolist(), strict=True)
        )
        assert ours.probabilities(question.split()) == expected, question


def test_parameters_read_back_predict_the_same():
    ours = EntryClassifier.fit([text.split() for _, text in DOCUMENTS], [label for label, _ in DOCUMENTS])
    params = {
        name: (np.array(value) if isinstance(value, np.ndarray) else list(value))
        for name, value in ours.params().items()
    }
    again = EntryClassifier.from_params(params)
    for question in QUESTIONS:
        assert again.probabilities(question.split()) == ours.probabilities(question.split())


@pytest.mark.parametrize("text", ["data lake", "  spaced\t\tout  ", "a", "ab", "Mixed CASE", "中文 和 english", ""])
def test_character_ngrams_are_scikit_learns(text):
    vectorizer = TfidfVectorizer(analyzer="char_wb", ngram_range=classifier.CHAR_NGRAMS)
    assert char_wb_ngrams(text) == vectorizer.build_analyzer()(text)
