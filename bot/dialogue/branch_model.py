"""A learned reading of the value-tree answer, for branches described rather than named.

The rules in `answers.parse_branches` read the branches an answer names ("收入和节省时间",
"customer service, time saved") and a set of descriptions ("省得库管天天进去翻" is staff time).
People describe value in more ways than rules can list ("椅位少空着，能多接诊几位" is revenue,
"sell more premium plans to them" is upsell), and an answer that names one branch often
describes a second. This model learns from the value-tree answers of the calibration corpora
(`knowledge/answers/`, `branches:`), one logistic regression per branch (it is in the answer or
not) over the choice model's n-grams (its `Features`, shared so that they are held in memory
once, as the aside model does), and `answers.read_branches` adds a branch it is sure of to what
the rules read.

`benchmarks/branch_reading.py` measures it on each edition of writers it has never seen.
Built in seconds and cached on disk (`bot/cache.py`), rebuilt when the examples, this code or
scikit-learn change.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Dict, List, Optional, Sequence, Tuple

from bot.cache import Once
from bot.dialogue import choice_model, examples_file
from bot.dialogue.choice_model import EXAMPLES_DIR, Features, normal_form
from bot.plan_schema import VALUE_BRANCHES

CACHE_NAME = "branch-model.cache"


def load_examples(folder: Path = EXAMPLES_DIR) -> List[Tuple[str, Tuple[str, ...]]]:
    """(answer, branches) for every value-tree answer under `folder`."""
    found = []
    for path in sorted(Path(folder).glob("*.yml")):
        data = examples_file.read(path)
        for item in data.get("branches") or ():
            branches = tuple(item["means"])
            unknown = set(branches) - set(VALUE_BRANCHES)
            if unknown or not branches:
                raise ValueError(f"{path}: {item['say']!r} means {branches!r}, not value-tree branches")
            found.append((str(item["say"]), branches))
    return found


class BranchModel:
    def __init__(self, features: Features, coef: Any, intercept: Any) -> None:
        self._features = features
        self._coef = coef  # [branches x features]
        self._intercept = intercept  # [branches]

    @classmethod
    def train(cls, examples: Sequence[Tuple[str, Sequence[str]]], features: Optional[Features] = None) -> BranchModel:
        """`features`: the choice model's in the product; n-grams of `examples` alone by default."""
        import numpy as np
        from sklearn.linear_model import LogisticRegression

        texts = [normal_form(text) for text, _ in examples]
        features = features or Features.fit(texts)
        matrix = features.matrix(texts)
        coefs, intercepts = [], []
        for branch in VALUE_BRANCHES:
            meant = [branch in branches for _, branches in examples]
            if all(meant) or not any(meant):
                coefs.append(np.zeros(features.width))
                intercepts.append(10.0 if all(meant) else -10.0)
                continue
            fitted = LogisticRegression(C=10, max_iter=3000, random_state=7, class_weight="balanced").fit(matrix, meant)
            coefs.append(fitted.coef_[0])
            intercepts.append(fitted.intercept_[0])
        return cls(
            features,
            np.ascontiguousarray(np.vstack(coefs), dtype="float64"),
            np.asarray(intercepts, dtype="float64"),
        )

    @property
    def features(self) -> Features:
        return self._features

    def probabilities(self, text: str) -> Dict[str, float]:
        """Each branch's probability of being meant; empty when the answer shares no n-gram with the examples."""
        import numpy as np

        features = self._features.sparse(normal_form(text))
        if not features:
            return {}
        columns = np.fromiter(features.keys(), dtype=np.int64)
        weights = np.fromiter(features.values(), dtype=np.float64)
        scores = self._coef[:, columns] @ weights + self._intercept
        return {branch: float(1 / (1 + np.exp(-s))) for branch, s in zip(VALUE_BRANCHES, scores, strict=True)}

    # --- the on-disk cache -------------------------------------------------------------------

    def parts(self) -> Dict[str, object]:
        return {"coef": self._coef, "intercept": self._intercept}

    @classmethod
    def from_parts(cls, parts: Dict[str, Any], features: Features) -> BranchModel:
        if parts["coef"].shape[1] != features.width:  # weights of other features: rebuilt, never misread
            raise ValueError(f"the weights have {parts['coef'].shape[1]} columns, the features {features.width}")
        return cls(features, parts["coef"], parts["intercept"])


def build() -> BranchModel:
    """The model, from the on-disk cache when it was built from the same examples and code."""
    from bot import cache

    features = choice_model.model().features
    return cache.read_or_build(
        CACHE_NAME,
        cache.digest([choice_model.cache_key(), Path(__file__).read_bytes(), features.width]),
        lambda parts: BranchModel.from_parts(parts, features),
        lambda: BranchModel.train(load_examples(), features),
        BranchModel.parts,
    )


_once = Once(build, "branch-model")


def model() -> BranchModel:
    """The model, built or read once per process."""
    return _once.get()


def warm_up_in_background() -> None:
    _once.warm_up_in_background()


def probabilities(text: str) -> Dict[str, float]:
    return model().probabilities(text)
