"""Load and check the knowledge base in `knowledge/`."""

from __future__ import annotations

import functools
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Dict, List, Mapping, Optional, Tuple

from bot import settings

LANGS = ("zh", "en")
ID_PATTERN = re.compile(r"^[a-z][a-z0-9-]{1,63}$")
REQUIRED_IDS = (
    "what-is-ai what-is-ml ai-vs-ml why-ml journey-steps challenges-summary culture-failure-tolerance "
    "executive-sponsorship long-term-vision every-leader-plan data-strategy data-quality data-lake "
    "six-questions mixed-teams clear-metrics working-backwards skill-gap distribute-skills tailored-training "
    "empowered-teams pilot-team organic-transformation scale-beyond-pilot end-to-end-tools center-of-excellence "
    "annual-planning measure-results roi-pitfalls value-tree agility-advantage-risk adoption-figures case-amazon "
    "case-zillow case-nfl case-morningstar case-intuit case-georgia-pacific case-cerner case-convoy about-assistant"
).split()
MIN_QUESTIONS = 3


@dataclass(frozen=True)
class Entry:
    id: str
    section: str
    questions: Mapping[str, Tuple[str, ...]]
    answer: Mapping[str, str]
    related: Tuple[str, ...]


@dataclass(frozen=True)
class KnowledgeBase:
    entries: Mapping[str, Entry]
    sections: Mapping[str, Mapping[str, str]]
    synonyms: Mapping[str, Tuple[str, ...]]

    def section_title(self, entry: Entry, lang: str) -> str:
        return self.sections.get(entry.section, {}).get(lang, entry.section)


class KnowledgeError(ValueError):
    def __init__(self, problems: List[str]):
        super().__init__("; ".join(problems))
        self.problems = problems


def _read_yaml(path: Path, problems: List[str]) -> Any:
    import yaml

    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        problems.append(f"{path.name}: cannot read: {error}")
        return None


def _check_entry(raw: Any, where: str, sections: Mapping[str, Any], problems: List[str]) -> Entry | None:
    if not isinstance(raw, dict):
        problems.append(f"{where}: an entry must be a mapping")
        return None
    entry_id = raw.get("id")
    where = f"{where} ({entry_id})"
    before = len(problems)
    if not isinstance(entry_id, str) or not ID_PATTERN.match(entry_id):
        problems.append(f"{where}: id must be lower-case letters, digits and '-'")
    unknown = set(raw) - {"id", "section", "questions", "answer", "related"}
    if unknown:
        problems.append(f"{where}: unknown keys {sorted(unknown)}")
    if raw.get("section") not in sections:
        problems.append(f"{where}: section {raw.get('section')!r} is not in _sections.yml")
    questions, answer = raw.get("questions") or {}, raw.get("answer") or {}
    for lang in LANGS:
        qs = questions.get(lang) if isinstance(questions, dict) else None
        if not isinstance(qs, list) or len([q for q in qs if isinstance(q, str) and q.strip()]) < MIN_QUESTIONS:
            problems.append(f"{where}: needs at least {MIN_QUESTIONS} '{lang}' questions")
        text = answer.get(lang) if isinstance(answer, dict) else None
        if not isinstance(text, str) or not text.strip():
            problems.append(f"{where}: the '{lang}' answer is empty")
    related = raw.get("related") or []
    if not isinstance(related, list) or not all(isinstance(r, str) for r in related):
        problems.append(f"{where}: related must be a list of ids")
    if len(problems) > before:
        return None
    return Entry(
        id=str(entry_id),
        section=raw["section"],
        questions={lang: tuple(q.strip() for q in questions[lang] if q.strip()) for lang in LANGS},
        answer={lang: answer[lang].strip() for lang in LANGS},
        related=tuple(related),
    )


def read(directory: Path) -> Tuple[KnowledgeBase, List[str]]:
    """The knowledge base and every problem found in it (an empty list when it is sound)."""
    problems: List[str] = []
    faq = directory / "faq"
    sections = (_read_yaml(faq / "_sections.yml", problems) or {}).get("sections") or {}
    entries: Dict[str, Entry] = {}
    files = sorted(p for p in faq.glob("*.yml") if not p.name.startswith("_"))
    if not files:
        problems.append(f"no knowledge files in {faq}")
    for path in files:
        data = _read_yaml(path, problems)
        if data is None:
            continue
        raw_entries = data.get("entries") if isinstance(data, dict) else None
        if not isinstance(raw_entries, list):
            problems.append(f"{path.name}: expected a list under 'entries'")
            continue
        for i, raw in enumerate(raw_entries, 1):
            entry = _check_entry(raw, f"{path.name} entry {i}", sections, problems)
            if entry is None:
                continue
            if entry.id in entries:
                problems.append(f"{path.name}: duplicate id {entry.id}")
            entries[entry.id] = entry
    for entry in entries.values():
        for rid in entry.related:
            if rid not in entries:
                problems.append(f"{entry.id}: related id {rid!r} does not exist")
            if rid == entry.id:
                problems.append(f"{entry.id}: relates to itself")
    missing = [i for i in REQUIRED_IDS if i not in entries]
    if missing:
        problems.append(f"missing required ids: {', '.join(missing)}")
    synonyms_raw = (_read_yaml(directory / "synonyms.yml", problems) or {}).get("groups") or {}
    synonyms = {key: tuple(str(v) for v in values) for key, values in synonyms_raw.items()}
    return KnowledgeBase(entries, sections, synonyms), problems


@functools.lru_cache(maxsize=4)
def load(directory: Path = settings.KNOWLEDGE_DIR) -> KnowledgeBase:
    """The checked knowledge base; raises KnowledgeError listing every problem."""
    return load_keyed(Path(directory))[0]


# --- the on-disk cache (bot/cache.py) -----------------------------------------------
#
# A checked knowledge base is kept as JSON in var/cache/, under a key that changes with
# any file in the knowledge folder, with the code that reads and indexes it, and with the
# libraries that code uses; bot/kb/search.py keeps its index under the same key.

CACHE_NAME = "knowledge-base.cache"
_CODE = (
    "kb/loader.py",
    "kb/search.py",
    "kb/normalise.py",
    "kb/classifier.py",
    "spelling.py",
    "language.py",
    "cache.py",
)
_LIBRARIES = ("yaml", "jieba", "pypinyin", "spellchecker", "snowballstemmer", "rapidfuzz", "sklearn", "scipy", "numpy")


def cache_key(directory: Path) -> str:
    """A hash of everything the knowledge base and its index are built from."""
    from bot import cache

    package = Path(__file__).resolve().parent.parent

    def contents(path: Path) -> bytes:
        try:
            return path.read_bytes()
        except OSError:
            return b"(missing)"

    return cache.digest(
        [
            "knowledge-base/1",
            sys.version,
            *(contents(package / name) for name in _CODE),
            *(cache.module_stamp(name) for name in _LIBRARIES),
            cache.files_digest(directory),
            contents(settings.KNOWLEDGE_DIR / "terms.zh.txt"),  # jieba's user dictionary (bot/language.py)
        ]
    )


def _to_data(kb: KnowledgeBase) -> Dict[str, Any]:
    return {
        "entries": [
            [e.id, e.section, {lang: list(qs) for lang, qs in e.questions.items()}, dict(e.answer), list(e.related)]
            for e in kb.entries.values()
        ],
        "sections": kb.sections,
        "synonyms": {key: list(values) for key, values in kb.synonyms.items()},
    }


def _from_data(data: Mapping[str, Any]) -> KnowledgeBase:
    entries = {}
    for entry_id, section, questions, answer, related in data["entries"]:
        entries[entry_id] = Entry(
            id=entry_id,
            section=section,
            questions={lang: tuple(qs) for lang, qs in questions.items()},
            answer=dict(answer),
            related=tuple(related),
        )
    synonyms = {key: tuple(values) for key, values in data["synonyms"].items()}
    return KnowledgeBase(entries, data["sections"], synonyms)


@functools.lru_cache(maxsize=4)
def load_keyed(directory: Path) -> Tuple[KnowledgeBase, Optional[str]]:
    """The checked knowledge base, from the cache when it is current, and the cache key it
    belongs to (None when the files changed while they were being read). Raises
    KnowledgeError listing every problem."""
    from bot import cache

    key = cache_key(directory)
    stored = cache.read(CACHE_NAME, key)
    if stored is not None:
        try:
            return _from_data(stored["knowledge_base"]), key
        except Exception:  # noqa: BLE001 - a bad cache is rebuilt
            pass
    kb, problems = read(directory)
    if problems:
        raise KnowledgeError(problems)
    if cache_key(directory) != key:
        return kb, None
    data = _to_data(kb)
    try:
        same = _from_data(json.loads(json.dumps(data, ensure_ascii=False))) == kb
    except (TypeError, ValueError):  # something in the YAML that JSON cannot hold as it is
        same = False
    if same:
        cache.write(CACHE_NAME, key, {"knowledge_base": data})
    return kb, key
