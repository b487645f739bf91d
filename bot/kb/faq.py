"""What the assistant does with the knowledge base in a conversation."""

from __future__ import annotations

import json
import re
from typing import List, Optional, Sequence

from bot import messages
from bot.kb.loader import load
from bot.kb.search import Lookup, searcher

_EXAMPLE = re.compile(r"例子|举例|案例|实例|example|case stud|for instance|real[- ]world", re.IGNORECASE)


_QUESTION = re.compile(
    r"[?？]\s*$|^(what|why|how|which|who|when|where|is|are|does|do|can|could|should)\b|"
    r"^(?:please|pls|sorry|excuse me|hi|hello|hey)[,!\s]+(?:what|why|how|which|who|when|where|is|are|should)\b|"
    r"什么|为什么|为何|怎么|怎样|如何|哪些|哪个|是否|吗[?？。]?\s*$|呢[?？。]?\s*$",
    re.IGNORECASE,
)


def is_question(text: str) -> bool:
    """Whether a message reads as a question (rather than as an answer to one)."""
    return bool(_QUESTION.search((text or "").strip()))


def exists(entry_id: str) -> bool:
    return entry_id in load().entries


_ASKED_PART = re.compile(r"^(.{2,}?[?？])\s*\S")  # "基线是啥意思？没整明白": the question, then a remark


def lookup(question: str) -> Lookup:
    found = searcher().lookup(question)
    asked = _ASKED_PART.match((question or "").strip())
    if found.decision != "answer" and asked:
        alone = searcher().lookup(asked.group(1))
        if alone.decision == "answer":
            return alone
    preamble = _PREAMBLE.match((question or "").strip())
    if found.decision != "answer" and preamble:  # "Quick question before I do anything: is 'no plan' allowed?"
        after = searcher().lookup(question.strip()[preamble.end() :])
        if after.decision == "answer":
            return after
    return found


_PREAMBLE = re.compile(r"^[^:：?？]{3,90}?[:：]\s*(?=\S)")


def title(entry_id: str, lang: str) -> str:
    """A button title: the entry's first phrasing, as a question."""
    text = load().entries[entry_id].questions[lang][0]
    if lang == "en":
        return text[:1].upper() + text[1:] + "?"
    return text + "？"


def payload(entry_id: str) -> str:
    return "/ask_faq" + json.dumps({"kb_id": entry_id})


def answer_text(entry_id: str, lang: str) -> str:
    kb = load()
    entry = kb.entries[entry_id]
    return messages.text("faq_answer", lang, answer=entry.answer[lang], section=kb.section_title(entry, lang))


def related(entry_id: str) -> List[str]:
    return list(load().entries[entry_id].related)


def asks_for_example(text: str) -> bool:
    return bool(_EXAMPLE.search(text or ""))


def follow_up(entry_id: str, seen: Sequence[str], wants_example: bool) -> Optional[str]:
    """The related entry to continue with: a case study when an example is asked for,
    otherwise the first related entry not shown yet."""
    candidates = [r for r in related(entry_id) if r not in seen] or []
    if wants_example:
        cases = [r for r in candidates if r.startswith("case-")]
        if cases:
            return cases[0]
    return candidates[0] if candidates else None
