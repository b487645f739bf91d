"""Knowledge gaps: questions the knowledge base could not answer, for the planning office."""

from __future__ import annotations

from typing import TYPE_CHECKING, List, Optional

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.store.models import KnowledgeGap

if TYPE_CHECKING:  # listing the gaps (`mlplan kb gaps`) does not load the lookup
    from bot.kb.search import Lookup

MAX_QUESTION_CHARS = 2000


def record(
    session: Session, question: str, lookup: Lookup, *, lang: Optional[str], sender: Optional[str]
) -> KnowledgeGap:
    best = lookup.matches[0] if lookup.matches else None
    gap = KnowledgeGap(
        question=(question or "").strip()[:MAX_QUESTION_CHARS],
        lang=lang,
        sender_id=sender,
        best_id=best.id if best else None,
        best_score=round(best.score, 1) if best else None,
    )
    session.add(gap)
    return gap


def recent(session: Session, limit: Optional[int] = None) -> List[KnowledgeGap]:
    query = select(KnowledgeGap).order_by(KnowledgeGap.asked_at.desc(), KnowledgeGap.id.desc())
    if limit:
        query = query.limit(limit)
    return list(session.execute(query).scalars())
