"""Similar initiatives: plans of different units that read alike. One measure, one way of
choosing what to compare, for the lead told after submitting (bot/lifecycle.py) and for
the planning office's review report (bot/review/data.py), so the two never disagree.

Two plans are similar when their titles, or their titles with their problems, read alike
(`score` >= SIMILAR_SCORE). Every pair is compared while a year has up to
EXHAUSTIVE_UP_TO filed plans; beyond that only plans that share a title word that is not
too common, so the work stays near-linear in the number of plans."""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Dict, Iterable, List, Optional, Protocol, Sequence, Set, Tuple, TypeVar

from rapidfuzz import fuzz

from bot import language

SIMILAR_SCORE = 60
EXHAUSTIVE_UP_TO = 300
COMMON_WORD_SHARE = 0.05  # beyond EXHAUSTIVE_UP_TO: title words in more than 5% of plans pair nothing


class Comparable(Protocol):
    """What is read of a plan here (bot.store.models.Plan has it)."""

    @property
    def id(self) -> int: ...
    @property
    def unit_key(self) -> str: ...
    @property
    def title(self) -> Optional[str]: ...
    @property
    def problem(self) -> Optional[str]: ...


P = TypeVar("P", bound=Comparable)
_FILLER = frozenset("a an the of for and to in on with by our we 的 和 与 及 在 对 用 基于 提升 提高 优化".split())


def comparable(text: Optional[str]) -> str:
    """Text reduced to its words, for comparing plans."""
    return " ".join(w.casefold() for w in language.words(text or "") if any(c.isalnum() for c in w))


def likeness(a: str, b: str) -> float:
    """0-100: how alike two `comparable` texts read (shared words, and their order)."""
    return 0.5 * fuzz.token_set_ratio(a, b) + 0.5 * fuzz.token_sort_ratio(a, b) if a and b else 0.0


class _Texts:
    """Each plan's comparable title and title-with-problem, worked out once."""

    def __init__(self) -> None:
        self._seen: Dict[int, Tuple[str, str]] = {}

    def __call__(self, plan: Comparable) -> Tuple[str, str]:
        if plan.id not in self._seen:
            self._seen[plan.id] = (comparable(plan.title), comparable(f"{plan.title or ''} {plan.problem or ''}"))
        return self._seen[plan.id]


def score(a: Comparable, b: Comparable, texts: Optional[_Texts] = None) -> float:
    """How alike two plans read: the better of their titles and their titles with problems."""
    texts = texts or _Texts()
    (title_a, whole_a), (title_b, whole_b) = texts(a), texts(b)
    if not whole_a or not whole_b:
        return 0.0
    return max(likeness(title_a, title_b), likeness(whole_a, whole_b))


def _title_words(title: Optional[str]) -> frozenset:
    return frozenset(
        w.casefold()
        for w in language.words(title or "")
        if len(w) > 1 and w.casefold() not in _FILLER and re.search(r"\w", w)
    )


def _candidates(plans: Sequence[Comparable]) -> Dict[int, Set[int]]:
    """For each plan id, the ids of the plans it is compared with (other units only)."""
    if len(plans) <= EXHAUSTIVE_UP_TO:
        return {p.id: {o.id for o in plans if o.unit_key != p.unit_key} for p in plans}
    postings: Dict[str, List[Comparable]] = defaultdict(list)
    for plan in plans:
        for word in _title_words(plan.title):
            postings[word].append(plan)
    limit = max(2, int(len(plans) * COMMON_WORD_SHARE))
    found: Dict[int, Set[int]] = {p.id: set() for p in plans}
    for bucket in postings.values():
        if len(bucket) > limit:
            continue
        for a in bucket:
            found[a.id].update(b.id for b in bucket if b.unit_key != a.unit_key)
    return found


def pairs(plans: Iterable[P]) -> List[Tuple[P, P, float]]:
    """Every similar pair among `plans` (lower id first), most alike first."""
    pool = list(plans)
    by_id, texts = {p.id: p for p in pool}, _Texts()
    found = []
    for a_id, others in _candidates(pool).items():
        for b_id in others:
            if a_id < b_id:
                value = score(by_id[a_id], by_id[b_id], texts)
                if value >= SIMILAR_SCORE:
                    found.append((by_id[a_id], by_id[b_id], value))
    return sorted(found, key=lambda t: (-t[2], t[0].id))


def similar_to(plan: P, plans: Iterable[P], limit: int = 3) -> List[Tuple[P, float]]:
    """The plans of `plans` (other units) that read like `plan`, most alike first: the pairs
    `pairs` would report for `plan` among them."""
    pool = [p for p in plans if p.id != plan.id] + [plan]
    texts = _Texts()
    others = {p.id: p for p in pool}
    scored = [(others[i], score(plan, others[i], texts)) for i in _candidates(pool)[plan.id]]
    return sorted([(p, s) for p, s in scored if s >= SIMILAR_SCORE], key=lambda t: (-t[1], t[0].id))[:limit]
