"""A learned reading of what a message at a pending question is, when it is not an answer:
a way out ("omg gotta run, standup in 2", "shift change is coming, let's pick this up after
lunch") or a question back about the question ("问这个搞么事？", "I want to be sure I
understand what is expected").

The narrow rules of `commands.py` and `reader.asks` come first; this model only speaks about
messages they leave alone, and only when it is sure. It learns from what people said at a
question in the calibration corpora (`knowledge/answers/`: `ways_out`, `asks_back`, and every
answer in `said_as_answers` and `fields`), one logistic regression over the character and word
n-grams the choice model weighs (its `Features`, shared so that they are held in memory once).

`benchmarks/aside_reading.py` measures it on each edition of writers it has never seen, with
the answers of that edition read as asides counted against it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Dict, List, Optional, Sequence, Tuple

from bot.cache import Once
from bot.dialogue import choice_model, examples_file
from bot.dialogue.choice_model import EXAMPLES_DIR, Features, normal_form

CACHE_NAME = "aside-model.cache"
WAY_OUT, ASKS_BACK, ANSWER = "way_out", "asks_back", "answer"
# How sure the model must be before a message the rules took for an answer is not one
# (benchmarks/aside_reading.py: no answer of a held-out edition is read as an aside at these).
SURE = {WAY_OUT: 0.8, ASKS_BACK: 0.8}


@dataclass(frozen=True)
class Aside:
    kind: str  # WAY_OUT or ASKS_BACK
    probability: float


def load_examples(folder: Path = EXAMPLES_DIR) -> List[Tuple[str, str]]:
    """(text, kind) from `folder`: ways out, questions back, and answers."""
    found: List[Tuple[str, str]] = []
    for path in sorted(Path(folder).glob("*.yml")):
        data = examples_file.read(path)
        found += [(str(text), WAY_OUT) for text in data.get("ways_out") or ()]
        found += [(str(text), ASKS_BACK) for text in data.get("asks_back") or ()]
        found += [(str(text), ANSWER) for text in data.get("said_as_answers") or ()]
        for by_value in (data.get("fields") or {}).values():
            found += [(str(text), ANSWER) for texts in (by_value or {}).values() for text in texts or ()]
    return found


class AsideModel:
    def __init__(self, features: Features, classes: Sequence[str], coef: Any, intercept: Any) -> None:
        self._features = features
        self._classes = list(classes)
        self._coef = coef
        self._intercept = intercept

    @classmethod
    def train(cls, examples: Sequence[Tuple[str, str]], features: Optional[Features] = None) -> AsideModel:
        """`features`: the n-grams to weigh (the choice model's, so that the two share one
        vocabulary in memory); fitted on `examples` when not given."""
        import numpy as np
        from sklearn.linear_model import LogisticRegression

        texts = [normal_form(text) for text, _ in examples]
        features = features or Features.fit(texts)
        fitted = LogisticRegression(C=10, max_iter=3000, random_state=7, class_weight="balanced").fit(
            features.matrix(texts), [kind for _, kind in examples]
        )
        return cls(
            features,
            list(fitted.classes_),
            np.ascontiguousarray(fitted.coef_, dtype="float64"),
            np.asarray(fitted.intercept_, dtype="float64"),
        )

    def probabilities(self, text: str) -> Dict[str, float]:
        import numpy as np

        features = self._features.sparse(normal_form(text))
        if not features:
            return {ANSWER: 1.0}
        columns = np.fromiter(features.keys(), dtype=np.int64)
        weights = np.fromiter(features.values(), dtype=np.float64)
        scores = self._coef[:, columns] @ weights + self._intercept
        found = np.exp(scores - scores.max())
        found /= found.sum()
        return {kind: float(p) for kind, p in zip(self._classes, found, strict=True)}

    def read(self, text: str) -> Optional[Aside]:
        """The aside a message is, when the model is sure of it; None for an answer."""
        probabilities = self.probabilities(text)
        kind = max(probabilities, key=probabilities.__getitem__)
        if kind == ANSWER or probabilities[kind] < SURE[kind]:
            return None
        return Aside(kind, probabilities[kind])

    def parts(self) -> Dict[str, object]:
        """The weights; the features are the choice model's and are stored with it."""
        return {"classes": self._classes, "coef": self._coef, "intercept": self._intercept}

    @classmethod
    def from_parts(cls, parts: Dict[str, Any], features: Features) -> AsideModel:
        if parts["coef"].shape[1] != features.width:  # weights of other features: rebuilt, never misread
            raise ValueError(f"the weights have {parts['coef'].shape[1]} columns, the features {features.width}")
        return cls(features, parts["classes"], parts["coef"], parts["intercept"])


def build() -> AsideModel:
    """The model, from the on-disk cache when it was built from the same examples and code."""
    from bot import cache

    features = choice_model.model().features
    return cache.read_or_build(
        CACHE_NAME,
        cache.digest([choice_model.cache_key(), Path(__file__).read_bytes(), features.width]),
        lambda parts: AsideModel.from_parts(parts, features),
        lambda: AsideModel.train(load_examples(), features),
        AsideModel.parts,
    )


_once = Once(build, "aside-model")


def model() -> AsideModel:
    """The model, built or read once per process."""
    return _once.get()


def warm_up_in_background() -> None:
    _once.warm_up_in_background()


def read(text: str) -> Optional[Aside]:
    return model().read(text)


def leans_to_a_way_out(text: str) -> bool:
    """Whether a way out is the likeliest reading, sure or not."""
    probabilities = model().probabilities(text)
    return max(probabilities, key=probabilities.__getitem__) == WAY_OUT
