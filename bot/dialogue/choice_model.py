"""A learned reading of choice answers, for the wordings no rule in `answers.py` recognises.

The rules read an answer that names its option ("有，…", "mostly in the data lake") and a few
shapes of sentence; people also answer by describing their situation in words nobody wrote a
rule for ("老細話一定要做到，冇得失敗", "every branch keeps its own Excel"). This model learns
from thousands of answers people gave in the calibration corpora (`knowledge/answers/`), one
logistic regression per choice question over character and word n-grams of the answer's
normal form (typos corrected, traditional characters simplified). Each regression also learns a
class of its own for text that answers no choice question (the titles, problems, metrics and data
sources people typed), so that "the weather is nice" is not read as a "yes".

`answers.parse_choice` asks it for every answer that does not open with its option.
`benchmarks/choice_reading.py` measures it on each edition of writers it has never seen.

Built in about a minute and cached on disk (`bot/cache.py`), rebuilt when the examples,
this code or scikit-learn change.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Dict, List, Optional, Sequence, Tuple

from bot import settings
from bot.cache import Once
from bot.dialogue import examples_file, words
from bot.plan_schema import FIELDS_BY_NAME, YES_NO_UNSURE

EXAMPLES_DIR = settings.KNOWLEDGE_DIR / "answers"
CACHE_NAME = "choice-model.cache"
CHOICE_FIELDS = tuple(name for name, field in FIELDS_BY_NAME.items() if field.kind == "choice")
YES_NO_FIELDS = frozenset(name for name in CHOICE_FIELDS if FIELDS_BY_NAME[name].choices == YES_NO_UNSURE)
SHARED_WEIGHT = 0.3  # a yes/no question also learns, more weakly, from the answers to the other yes/no questions
NOT_AN_ANSWER = "-"  # the class of text that answers no choice question
NOT_AN_ANSWER_WEIGHT = 0.5  # its weight against the options' (benchmarks/choice_reading.py)
LEANING = 0.7  # the share of the options' probability the best one needs to be taken when an answer is repeated


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
        data = examples_file.read(path)
        for field, by_value in (data.get("fields") or {}).items():
            if field not in CHOICE_FIELDS:
                raise ValueError(f"{path}: {field!r} is not a choice question")
            for value, texts in (by_value or {}).items():
                if value not in FIELDS_BY_NAME[field].choices:
                    raise ValueError(f"{path}: {value!r} is not an option of {field}")
                found += [(field, str(text), value) for text in texts or ()]
    return found


def load_not_answers(folder: Path = EXAMPLES_DIR) -> List[str]:
    """Texts under `folder` that answer no choice question (`not_answers:`)."""
    found: List[str] = []
    for path in sorted(Path(folder).glob("*.yml")):
        data = examples_file.read(path)
        found += [str(text) for text in data.get("not_answers") or ()]
    return found


_TOKEN = re.compile(r"(?u)\b\w[\w']*\b")
_SPACES = re.compile(r"\s\s+")


def _char_ngrams(text: str) -> List[str]:
    """Character 1- to 4-grams inside each word padded with spaces (scikit-learn's `char_wb`)."""
    grams = []
    for word in _SPACES.sub(" ", text.lower()).split():
        padded = f" {word} "
        for n in range(1, 5):
            grams += [padded[i : i + n] for i in range(max(len(padded) - n + 1, 1))]
            if n >= len(padded):
                break  # a word shorter than the n-gram counts once
    return grams


def _word_ngrams(text: str) -> List[str]:
    tokens = _TOKEN.findall(text.lower())
    return tokens + [" ".join(pair) for pair in zip(tokens, tokens[1:], strict=False)]


ANALYZERS = (_char_ngrams, _word_ngrams)


class Features:
    """TF-IDF of the n-grams of ANALYZERS (sublinear counts, each block L2-normed), as
    scikit-learn's TfidfVectorizer computes it, with numpy only: the action server reads
    answers without importing scikit-learn."""

    def __init__(self, vocabularies: Sequence[Dict[str, int]], idfs: Sequence[Any]) -> None:
        self.vocabularies = [dict(v) for v in vocabularies]
        self.idfs = list(idfs)
        self.offsets = [0]
        for vocabulary in self.vocabularies[:-1]:
            self.offsets.append(self.offsets[-1] + len(vocabulary))

    @classmethod
    def fit(cls, texts: Sequence[str]) -> Features:
        from sklearn.feature_extraction.text import TfidfVectorizer

        vectorizers = [
            TfidfVectorizer(analyzer=analyzer, sublinear_tf=True, min_df=2).fit(texts) for analyzer in ANALYZERS
        ]
        return cls(
            [{term: int(i) for term, i in v.vocabulary_.items()} for v in vectorizers],
            [v.idf_.astype("float64") for v in vectorizers],
        )

    @property
    def width(self) -> int:
        """The number of columns: every analyzer's n-grams side by side."""
        return sum(len(vocabulary) for vocabulary in self.vocabularies)

    def sparse(self, text: str) -> Dict[int, float]:
        """column -> weight for one normal-form text."""
        import numpy as np

        found: Dict[int, float] = {}
        for analyzer, vocabulary, idf, offset in zip(
            ANALYZERS, self.vocabularies, self.idfs, self.offsets, strict=True
        ):
            counts: Dict[int, int] = {}
            for gram in analyzer(text):
                column = vocabulary.get(gram)
                if column is not None:
                    counts[column] = counts.get(column, 0) + 1
            weights = {c: (1.0 + float(np.log(n))) * float(idf[c]) for c, n in counts.items()}
            norm = float(np.sqrt(sum(w * w for w in weights.values())))
            found.update({offset + c: w / norm for c, w in weights.items()} if norm else {})
        return found

    def matrix(self, texts: Sequence[str]):
        from scipy.sparse import csr_matrix

        rows = [self.sparse(text) for text in texts]
        width = self.offsets[-1] + len(self.vocabularies[-1])
        data = [w for row in rows for w in row.values()]
        columns = [c for row in rows for c in row]
        pointers = [0]
        for row in rows:
            pointers.append(pointers[-1] + len(row))
        return csr_matrix((data, columns, pointers), shape=(len(rows), width), dtype="float64")


class ChoiceModel:
    def __init__(self, features: Features, models: Dict[str, Tuple[List[str], Any, Any]]) -> None:
        self._features = features
        self._models = models  # field -> (classes, coef [classes x features], intercept [classes])

    @classmethod
    def train(cls, examples: Sequence[Tuple[str, str, str]], not_answers: Sequence[str] = ()) -> ChoiceModel:
        """One regression per choice question, on `examples` (field, answer, value) and, as the
        class NOT_AN_ANSWER of every question, on `not_answers`."""
        import numpy as np
        from sklearn.linear_model import LogisticRegression

        rows_of = list(examples) + [("", text, NOT_AN_ANSWER) for text in not_answers]
        texts = [normal_form(text) for _, text, _ in rows_of]
        features = Features.fit(texts)
        matrix = features.matrix(texts)
        models = {}
        for field in CHOICE_FIELDS:
            rows = [
                i
                for i, (f, _, _) in enumerate(rows_of)
                if f in (field, "") or (field in YES_NO_FIELDS and f in YES_NO_FIELDS)
            ]
            if not any(rows_of[i][0] for i in rows):
                continue
            weights = np.array(
                [
                    NOT_AN_ANSWER_WEIGHT if not rows_of[i][0] else (1.0 if rows_of[i][0] == field else SHARED_WEIGHT)
                    for i in rows
                ]
            )
            fitted = LogisticRegression(C=10, max_iter=3000, random_state=7, class_weight="balanced").fit(
                matrix[rows], [rows_of[i][2] for i in rows], sample_weight=weights
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
        return cls(features, models)

    @property
    def features(self) -> Features:
        return self._features

    def probabilities(self, field: str, text: str) -> Dict[str, float]:
        """Each class's probability (NOT_AN_ANSWER included); empty when the model cannot tell."""
        import numpy as np

        model = self._models.get(field)
        if model is None:
            return {}
        classes, coef, intercept = model
        features = self._features.sparse(normal_form(text))
        if not features:
            return {}
        columns = np.fromiter(features.keys(), dtype=np.int64)
        weights = np.fromiter(features.values(), dtype=np.float64)
        scores = coef[:, columns] @ weights + intercept
        probabilities = np.exp(scores - scores.max())
        probabilities /= probabilities.sum()
        return {value: float(p) for value, p in zip(classes, probabilities, strict=True)}

    def guess(self, field: str, text: str) -> Optional[Guess]:
        probabilities = self.probabilities(field, text)
        if not probabilities:
            return None
        best = max(probabilities, key=probabilities.__getitem__)
        return None if best == NOT_AN_ANSWER else Guess(best, probabilities[best])

    def leaning(self, field: str, text: str) -> Optional[str]:
        """The option an answer leans to when it is taken to be an answer: the best option once
        NOT_AN_ANSWER is set aside, if it has LEANING of what is left."""
        options = {v: p for v, p in self.probabilities(field, text).items() if v != NOT_AN_ANSWER}
        total = sum(options.values())
        if not options or total <= 0:
            return None
        best = max(options, key=options.__getitem__)
        return best if options[best] / total >= LEANING else None

    # --- the on-disk cache -------------------------------------------------------------------

    def parts(self) -> Dict[str, object]:
        found: Dict[str, object] = {"vocabularies": self._features.vocabularies}
        for index, idf in enumerate(self._features.idfs):
            found[f"idf{index}"] = idf
        found["fields"] = {field: classes for field, (classes, _, _) in self._models.items()}
        for field, (_, coef, intercept) in self._models.items():
            found[f"coef:{field}"], found[f"intercept:{field}"] = coef, intercept
        return found

    @classmethod
    def from_parts(cls, parts: Dict[str, Any]) -> ChoiceModel:
        vocabularies = parts["vocabularies"]
        features = Features(vocabularies, [parts[f"idf{i}"] for i in range(len(vocabularies))])
        models = {
            field: (classes, parts[f"coef:{field}"], parts[f"intercept:{field}"])
            for field, classes in parts["fields"].items()
        }
        return cls(features, models)


def cache_key() -> str:
    from bot import cache

    return cache.digest(
        [
            cache.files_digest(EXAMPLES_DIR),
            Path(__file__).read_bytes(),
            Path(words.__file__).read_bytes(),
            words.WORDS_FILE.read_bytes(),  # the normal form of a text folds and corrects with it
            cache.module_stamp("sklearn"),
            cache.module_stamp("numpy"),
        ]
    )


def build() -> ChoiceModel:
    """The model, from the on-disk cache when it was built from the same examples and code."""
    from bot import cache

    return cache.read_or_build(
        CACHE_NAME,
        cache_key(),
        ChoiceModel.from_parts,
        lambda: ChoiceModel.train(load_examples(), load_not_answers()),
        ChoiceModel.parts,
    )


_once = Once(build, "choice-model")


def model() -> ChoiceModel:
    """The model, built or read once per process."""
    return _once.get()


def warm_up_in_background() -> None:
    """Build or read the model now, off the request path, so the first choice answer does not wait for it."""
    _once.warm_up_in_background()


def guess(field: str, text: str) -> Optional[Guess]:
    return model().guess(field, text)


def leaning(field: str, text: str) -> Optional[str]:
    """For an answer said again after the question could not read it: the option it leans to."""
    return model().leaning(field, text)
