"""A learned reading of choice answers, for the wordings no rule in `answers.py` recognises.

The rules read an answer that names its option ("有，…", "mostly in the data lake") and a few
shapes of sentence; people also answer by describing their situation in words nobody wrote a
rule for ("老細話一定要做到，冇得失敗", "every branch keeps its own Excel"). This model learns
from thousands of answers people gave in the calibration corpora (`knowledge/answers/`), one
logistic regression per choice question over character and word n-grams of the answer's
normal form (typos corrected, traditional characters simplified).

`answers.parse_choice` asks it only when the rules found nothing, or found an option only by
inference while the model is sure of another one. Across writers it has never seen, it reads
97.7% of answers right (leave-writers-out on the corpora, docs/performance.md).

Built in about half a minute and cached on disk (`bot/cache.py`), rebuilt when the examples,
this code or scikit-learn change.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Dict, List, Optional, Sequence, Tuple

import yaml

from bot import settings
from bot.dialogue import words
from bot.plan_schema import FIELDS_BY_NAME, YES_NO_UNSURE

EXAMPLES_DIR = settings.KNOWLEDGE_DIR / "answers"
CACHE_NAME = "choice-model.cache"
CHOICE_FIELDS = tuple(name for name, field in FIELDS_BY_NAME.items() if field.kind == "choice")
YES_NO_FIELDS = frozenset(name for name in CHOICE_FIELDS if FIELDS_BY_NAME[name].choices == YES_NO_UNSURE)
SHARED_WEIGHT = 0.3  # a yes/no question also learns, more weakly, from the answers to the other yes/no questions
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Guess:
    value: str
    probability: float


def normal_form(text: str) -> str:
    return words.correct_chinese(words.correct(words.fold(text)))


def load_examples(folder: Path = EXAMPLES_DIR) -> List[Tuple[str, str, str]]:
    """(field, answer, value) for every example under `folder`."""
    found = []
    for path in sorted(Path(folder).glob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for field, by_value in (data.get("fields") or {}).items():
            if field not in CHOICE_FIELDS:
                raise ValueError(f"{path}: {field!r} is not a choice question")
            for value, texts in (by_value or {}).items():
                if value not in FIELDS_BY_NAME[field].choices:
                    raise ValueError(f"{path}: {value!r} is not an option of {field}")
                found += [(field, str(text), value) for text in texts or ()]
    return found


def _vectorizers(vocabularies: Optional[Sequence[Dict[str, int]]] = None):
    from sklearn.feature_extraction.text import TfidfVectorizer

    settings_ = (
        dict(analyzer="char_wb", ngram_range=(1, 4)),
        dict(analyzer="word", ngram_range=(1, 2), token_pattern=r"(?u)\b\w[\w']*\b"),
    )
    return [
        TfidfVectorizer(
            sublinear_tf=True,
            min_df=2 if vocabularies is None else 1,
            dtype="float64",
            vocabulary=vocabularies[i] if vocabularies else None,
            **kwargs,
        )
        for i, kwargs in enumerate(settings_)
    ]


class ChoiceModel:
    def __init__(self, vectorizers, models: Dict[str, Tuple[List[str], Any, Any]]) -> None:
        self._vectorizers = vectorizers
        self._models = models  # field -> (classes, coef [classes x features], intercept [classes])

    @classmethod
    def train(cls, examples: Sequence[Tuple[str, str, str]]) -> ChoiceModel:
        import numpy as np
        from scipy.sparse import hstack
        from sklearn.linear_model import LogisticRegression

        texts = [normal_form(text) for _, text, _ in examples]
        vectorizers = _vectorizers()
        matrix = hstack([v.fit_transform(texts) for v in vectorizers]).tocsr()
        models = {}
        for field in CHOICE_FIELDS:
            rows = [
                i
                for i, (f, _, _) in enumerate(examples)
                if f == field or (field in YES_NO_FIELDS and f in YES_NO_FIELDS)
            ]
            if not rows:
                continue
            weights = np.array([1.0 if examples[i][0] == field else SHARED_WEIGHT for i in rows])
            fitted = LogisticRegression(C=10, max_iter=3000, random_state=7, class_weight="balanced").fit(
                matrix[rows], [examples[i][2] for i in rows], sample_weight=weights
            )
            coef = fitted.coef_ if len(fitted.classes_) > 2 else np.vstack([-fitted.coef_[0], fitted.coef_[0]]) / 2
            intercept = (
                fitted.intercept_
                if len(fitted.classes_) > 2
                else np.array([-fitted.intercept_[0], fitted.intercept_[0]]) / 2
            )
            models[field] = (
                list(fitted.classes_),
                np.ascontiguousarray(coef, dtype="float64"),
                np.asarray(intercept, dtype="float64"),
            )
        return cls(vectorizers, models)

    def guess(self, field: str, text: str) -> Optional[Guess]:
        import numpy as np
        from scipy.sparse import hstack

        model = self._models.get(field)
        if model is None:
            return None
        classes, coef, intercept = model
        features = hstack([v.transform([normal_form(text)]) for v in self._vectorizers]).tocsr()
        if features.nnz == 0:
            return None
        scores = features @ coef.T + intercept
        scores = np.asarray(scores).ravel()
        probabilities = np.exp(scores - scores.max())
        probabilities /= probabilities.sum()
        best = int(probabilities.argmax())
        return Guess(classes[best], float(probabilities[best]))

    # --- the on-disk cache -------------------------------------------------------------------

    def parts(self) -> Dict[str, object]:
        found: Dict[str, object] = {
            "vocabularies": [{term: int(i) for term, i in v.vocabulary_.items()} for v in self._vectorizers]
        }
        for index, vectorizer in enumerate(self._vectorizers):
            found[f"idf{index}"] = vectorizer.idf_.astype("float64")
        found["fields"] = {field: classes for field, (classes, _, _) in self._models.items()}
        for field, (_, coef, intercept) in self._models.items():
            found[f"coef:{field}"], found[f"intercept:{field}"] = coef, intercept
        return found

    @classmethod
    def from_parts(cls, parts: Dict[str, Any]) -> ChoiceModel:
        vocabularies = parts["vocabularies"]
        vectorizers = _vectorizers(vocabularies)
        for index, vectorizer in enumerate(vectorizers):
            vectorizer.idf_ = parts[f"idf{index}"]
        models = {
            field: (classes, parts[f"coef:{field}"], parts[f"intercept:{field}"])
            for field, classes in parts["fields"].items()
        }
        return cls(vectorizers, models)


def _key() -> str:
    from bot import cache

    return cache.digest(
        [
            cache.files_digest(EXAMPLES_DIR),
            Path(__file__).read_bytes(),
            Path(words.__file__).read_bytes(),
            cache.module_stamp("sklearn"),
            cache.module_stamp("numpy"),
        ]
    )


def build() -> ChoiceModel:
    """The model, from the on-disk cache when it was built from the same examples and code."""
    from bot import cache

    key = _key()
    parts = cache.read(CACHE_NAME, key)
    if parts is not None:
        try:
            return ChoiceModel.from_parts(parts)
        except Exception as error:  # noqa: BLE001 - a bad cache is rebuilt, never fatal
            log.warning("ignoring the choice-model cache: %s", error)
    built = ChoiceModel.train(load_examples())
    cache.write(CACHE_NAME, key, built.parts())
    return built


_model: Optional[ChoiceModel] = None
_lock = threading.Lock()


def model() -> ChoiceModel:
    """The model, built or read once per process."""
    global _model
    with _lock:
        if _model is None:
            _model = build()
        return _model


def warm_up_in_background() -> None:
    """Build or read the model now, off the request path, so the first choice answer does not wait for it."""
    threading.Thread(target=model, name="choice-model", daemon=True).start()


def guess(field: str, text: str) -> Optional[Guess]:
    return model().guess(field, text)
