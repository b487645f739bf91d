"""The vocabulary of bot/dialogue/words.yml, and matching phrases in folded text."""

from __future__ import annotations

import functools
import re
import unicodedata
from pathlib import Path
from typing import Any, Dict, Iterable, List, Mapping, Sequence, Tuple

import yaml

WORDS_FILE = Path(__file__).with_name("words.yml")
CLAUSE_BREAK = re.compile(r"[,;.!?，；。！？、~…\n]+|\s+-+\s+|\s*[—–]+\s*")
_TRAILING = re.compile(r"[\s.,;:!?！？。，；：、~…'\"“”‘’()（）]+$")
_LEADING = re.compile(r"^[\s.,;:!?！？。，；：、~…'\"“”‘’()（）]+")


def fold(text: Any) -> str:
    """NFKC, lower case, simplified characters, single spaces, no punctuation at the ends."""
    text = simplify(_plain_latin(unicodedata.normalize("NFKC", str(text or "")).casefold()))
    text = re.sub(r"\s+", " ", text.replace("’", "'"))
    return _LEADING.sub("", _TRAILING.sub("", text))


def _plain_latin(text: str) -> str:
    """Accented Latin letters without their accents ("quién" -> "quien"); the length never changes."""
    return "".join(unicodedata.normalize("NFKD", ch)[0] if "\u00c0" <= ch <= "\u017f" else ch for ch in text)


def simplify(text: str) -> str:
    """Traditional characters and regional words in their simplified, mainland form; the length never changes."""
    for regional, mainland in _regional():
        text = text.replace(regional, mainland)
    return text.translate(_simplified())


@functools.lru_cache(maxsize=1)
def _regional() -> Tuple[Tuple[str, str], ...]:
    pairs = sorted(vocabulary()["regional"].items(), key=lambda kv: -len(kv[0]))
    return tuple((k, v) for k, v in pairs if len(k) == len(v))


@functools.lru_cache(maxsize=1)
def _simplified() -> Dict[int, str]:
    pairs = vocabulary()["traditional"]
    return {ord(pairs[i]): pairs[i + 1] for i in range(0, len(pairs) - 1, 2)}


def _unbool(node: Any) -> Any:
    """YAML 1.1 reads yes/no as booleans; here they are words."""
    if isinstance(node, bool):
        return "yes" if node else "no"
    if isinstance(node, dict):
        return {_unbool(k): _unbool(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_unbool(v) for v in node]
    return node


@functools.lru_cache(maxsize=1)
def vocabulary() -> Dict[str, Any]:
    return _unbool(yaml.safe_load(WORDS_FILE.read_text(encoding="utf-8")))


@functools.cache
def phrases(*path: str) -> Tuple[str, ...]:
    node: Any = vocabulary()
    for key in path:
        node = node[key]
    return tuple(fold(p) for p in node)


# "基线是啥意思 没太懂": between Chinese characters, a space is a comma
CJK_SPACE = re.compile(r"(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])")


def clauses(text: str) -> List[str]:
    return [c for c in (fold(part) for part in CLAUSE_BREAK.split(CJK_SPACE.sub("，", fold(text)))) if c]


def _pattern(phrase: str) -> str:
    escaped = re.escape(phrase).replace(r"\ ", r"\s+")
    if re.match(r"[a-z0-9]", phrase):
        escaped = r"(?<![a-z0-9])" + escaped
    if re.search(r"[a-z0-9]$", phrase):
        escaped += r"(?![a-z0-9])"
    return escaped


@functools.cache
def _compiled(phrase: str) -> re.Pattern[str]:
    return re.compile(_pattern(phrase))


def spans(folded: str, phrase: str) -> List[Tuple[int, int]]:
    """Where `phrase` occurs in `folded`; English phrases only as whole words."""
    return [m.span() for m in _compiled(phrase).finditer(folded)]


def labelled_spans(folded: str, groups: Mapping[str, Sequence[str]]) -> List[Tuple[int, int, str]]:
    """(start, end, label) of every phrase of every group, keeping only the longest where they overlap."""
    found = [(s, e, label) for label, group in groups.items() for phrase in group for s, e in spans(folded, phrase)]
    found.sort(key=lambda x: (-(x[1] - x[0]), x[0]))
    kept: List[Tuple[int, int, str]] = []
    for start, end, label in found:
        if not any(start < e2 and s2 < end for s2, e2, _ in kept):
            kept.append((start, end, label))
    return sorted(kept)


def strip_fillers(clause: str, fillers: Iterable[str]) -> str:
    """The clause without filler words at either end ("ok so skip please" -> "skip")."""
    at_start, at_end = _filler_patterns(tuple(fillers))
    while clause:
        found = at_start.match(clause) or at_end.search(clause)
        if not found:
            break
        clause = (clause[: found.start()] + clause[found.end() :]).strip()
    return clause


@functools.lru_cache(maxsize=16)
def _filler_patterns(fillers: Tuple[str, ...]) -> Tuple[re.Pattern[str], re.Pattern[str]]:
    either = "|".join(_pattern(f) for f in sorted(set(fillers), key=len, reverse=True))  # longest first
    return re.compile(rf"^(?:{either})\s*"), re.compile(rf"\s*(?:{either})$")


def cjk_count(text: str) -> int:
    return len(re.findall(r"[\u4e00-\u9fff]", text))


def english_words(text: str) -> List[str]:
    return re.findall(r"[a-z][a-z'-]*", text)


@functools.lru_cache(maxsize=1)
def _speller():
    from bot.spelling import LatinSpeller

    found: set = set()

    def collect(node: Any) -> None:
        if isinstance(node, dict):
            for value in node.values():
                collect(value)
        elif isinstance(node, list):
            for value in node:
                collect(value)
        elif isinstance(node, str):
            found.update(re.findall(r"[a-z]+", fold(node)))

    collect(vocabulary())
    return LatinSpeller(found)


def correct(folded: str) -> str:
    """English typos in a folded text corrected towards the words of this vocabulary."""
    return _speller().fix(folded)


@functools.lru_cache(maxsize=1)
def _homophones():
    from bot.spelling import HomophoneFixer

    terms: Dict[str, None] = {}
    for section in ("answers", "branches", "fields"):
        _collect(vocabulary()[section], terms)
    return HomophoneFixer(terms, toned=(4, 3, 2), is_word=_common_chinese_word, known=_known_chinese_word)


def _common_chinese_word(window: str) -> bool:
    from bot import language

    return language.jieba_frequency(window) >= 1000


def _known_chinese_word(window: str) -> bool:
    from bot import language

    return language.jieba_frequency(window) >= 100


def _collect(node: Any, into: Dict[str, None]) -> None:
    if isinstance(node, dict):
        for value in node.values():
            _collect(value, into)
    elif isinstance(node, list):
        for value in node:
            _collect(value, into)
    elif isinstance(node, str):
        into.setdefault(fold(node), None)


def correct_chinese(folded: str) -> str:
    """Chinese homophone slips corrected towards the words of this vocabulary ("须要" -> "需要")."""
    return _homophones().fix(folded)


# Words after which a closing 呢 tells rather than asks ("忙着搬家呢", "正在弄呢")
ONGOING = r"(?:着|正在|在忙|在搞|在弄)"

_TRAILING_EMOJI = re.compile(r"[\s~～\u2600-\u27bf\U0001F000-\U0001FAFF\ufe0f\u200d]+$")


def without_trailing_emoji(text: str) -> str:
    """ "能举个例子吗😂" -> "能举个例子吗"; a message of emoji only stays as it is."""
    return _TRAILING_EMOJI.sub("", text) or text
