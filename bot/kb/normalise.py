"""One normal form for questions and knowledge-base phrasings alike.

NFKC and case folding; English typos (words that are not common English)
corrected to the closest word the knowledge base uses; Chinese homophone slips
(拼音 typed right, character picked wrong: "人工只能" for "人工智能") corrected to
a term the knowledge base uses; synonym groups replaced by one key ("data lake" /
"数据湖泊" → one word), also for other forms of a listed English word; jieba
segmentation; filler words dropped; English words stemmed.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any, Dict, Iterable, Mapping, Optional, Sequence, Tuple

import snowballstemmer

from bot import language
from bot.spelling import HomophoneFixer, LatinSpeller, common_english_words

STOPWORDS = frozenset(
    """
    a an the is are was were be been am do does did to of in on for at by with about and or
    what whats which who whom when where please tell me us you your i we our my it its this that
    can could would should will shall may might there their them they he she so just really exactly
    anyway some any more than then also very much many explain know want like ok okay hi hey
    的 了 吗 呢 吧 啊 呀 么 是 有 在 和 与 跟 及 或 我 我们 你 你们 他 她 它 这 那 这个 那个 这些 那些 个 一下
    请 请问 想 想问 问 问一下 什么 哪些 哪 啥 吗 一个 一些 能 能不能 可以 会 要 给 说 讲 就
    到底 究竟 简单 一点 告诉 知道 还 都 也 把 被 让 对 为 上 中 里 下 么 嘛 呗 哦 嗯 东西 意思 什么样
    actually actual basically simply simple plain nutshell briefly brief quick quickly summarise summarize
    list walk through word words bother something anything else kind sort sorts lot lots
    大概 大致 讲讲 说说 聊聊 一共 还有 具体 具体来说 简单说 通俗 通俗地 其实 一般 通常 大体 地 得 着 过
    """.split()
)
# Question words say what kind of answer is wanted (a reason, a way, a definition),
# so they are kept, folded across languages, rather than dropped as filler.
QUESTION_WORDS = {
    **dict.fromkeys("why 为什么 为啥 为何 干嘛 干吗 何必".split(), "?why"),
    **dict.fromkeys("how 怎么 如何 怎样 怎么样 咋 咋样 怎么办".split(), "?how"),
}
QUESTION_KEYS = frozenset(QUESTION_WORDS.values())
_ASCII_WORD = re.compile(r"^[a-z0-9][a-z0-9.+-]*$")
_LATIN_RUN = re.compile(r"[a-z]{4,}")
_HOMOPHONE_LENGTHS = (4, 3)  # shorter windows are too often real, different words


_BOUNDARY = frozenset("abcdefghijklmnopqrstuvwxyz0123456789")


class SynonymPattern:
    """Finds synonym variants in a text as the regular expression
    `(?<![a-z0-9])v1(?![a-z0-9])|v2|...` would (variants tried in the given order at each
    position, leftmost first; ASCII variants only as whole words), without compiling it:
    compiling an alternation of a thousand variants costs more than a whole lookup.
    `regex()` is that expression, for the tests that check the two agree.
    """

    def __init__(self, variants: Sequence[str]):
        self.variants = list(variants)
        self._by_first: Dict[str, list] = {}
        for variant in self.variants:
            self._by_first.setdefault(variant[:1], []).append((variant, variant.isascii()))
        self._fallback = self.regex() if "" in self._by_first else None  # an empty variant: let `re` decide

    def regex(self) -> re.Pattern[str]:
        parts = []
        for variant in self.variants:
            escaped = re.escape(variant)
            if variant.isascii():
                escaped = rf"(?<![a-z0-9]){escaped}(?![a-z0-9])"
            parts.append(escaped)
        return re.compile("|".join(parts))

    def _match_at(self, text: str, i: int) -> Optional[str]:
        for variant, whole_word in self._by_first.get(text[i], ()):
            if text.startswith(variant, i):
                end = i + len(variant)
                if not whole_word or (
                    (i == 0 or text[i - 1] not in _BOUNDARY) and (end == len(text) or text[end] not in _BOUNDARY)
                ):
                    return variant
        return None

    def sub(self, replace, text: str) -> str:
        """`re.sub` with `replace(variant)` for each variant found."""
        if self._fallback is not None:
            return self._fallback.sub(lambda m: replace(m.group(0)), text)
        out, i, last = [], 0, 0
        while i < len(text):
            variant = self._match_at(text, i)
            if variant is None:
                i += 1
                continue
            out += [text[last:i], replace(variant)]
            i = last = i + len(variant)
        out.append(text[last:])
        return "".join(out)


class Normaliser:
    """Built from the knowledge base's own words, so corrections land on words it knows.

    Reading those words (segmenting every text, the pinyin of every term) is most of the
    cost; `state()` is what it found, as plain data, and `Normaliser(synonyms, state=...)`
    starts from it without reading the texts again (bot/kb/search.py caches it on disk).
    """

    def __init__(
        self,
        synonyms: Mapping[str, Sequence[str]],
        texts: Iterable[str] = (),
        *,
        state: Optional[Mapping[str, Any]] = None,
    ):
        if state is None:
            texts = list(texts) + [v for values in synonyms.values() for v in values]
            folded = [unicodedata.normalize("NFKC", t).casefold() for t in texts]
            self._latin_words = frozenset(w for t in folded for w in re.findall(r"[a-z0-9]+", t))
            self._homophones = HomophoneFixer(
                dict.fromkeys(w for t in folded for w in language.words(t)), lengths=_HOMOPHONE_LENGTHS
            )
            common = None  # pyspellchecker is asked when a question has a word the knowledge base does not use
        else:
            self._latin_words = frozenset(state["latin_words"])
            self._homophones = HomophoneFixer((), lengths=_HOMOPHONE_LENGTHS, table=state["homophones"])
            common = state["common_english"]
        self._speller = LatinSpeller(self._latin_words, keep=STOPWORDS | set(QUESTION_WORDS), common=common)
        self._synonym_pattern, self._synonym_keys = self._compile_synonyms(synonyms)
        self._stemmer = snowballstemmer.stemmer("english")
        self._stem_keys = self._stem_table(synonyms)

    def state(self) -> Dict[str, Any]:
        """What was learnt from the texts, as JSON-able data."""
        return {
            "latin_words": sorted(self._latin_words),
            "homophones": self._homophones.table_items(),
            "common_english": sorted(
                self._speller.common if self._speller.common is not None else common_english_words()
            ),
        }

    @staticmethod
    def _compile_synonyms(groups: Mapping[str, Sequence[str]]):
        keys: Dict[str, str] = {}
        for key, values in groups.items():
            for value in (key, *values):
                keys[unicodedata.normalize("NFKC", value).casefold()] = key
        return SynonymPattern(sorted(keys, key=len, reverse=True)), keys

    def _stem_table(self, groups: Mapping[str, Sequence[str]]) -> Dict[str, str]:
        """Other forms of one-word English variants ("tolerating", "cultures"), by stem.

        A stem shared by two groups ("production", "products") is left alone.
        """
        claims: Dict[str, set] = {}
        for key, values in groups.items():
            for value in values:
                value = unicodedata.normalize("NFKC", value).casefold()
                if _LATIN_RUN.fullmatch(value):
                    claims.setdefault(self._stemmer.stemWord(value), set()).add(key)
        return {stem: keys.pop() for stem, keys in claims.items() if len(keys) == 1}

    def words(self, text: str) -> Tuple[str, ...]:
        folded = unicodedata.normalize("NFKC", text or "").casefold()
        folded = self._homophones.fix(self._speller.fix(folded))
        folded = self._synonym_pattern.sub(lambda variant: f" {self._synonym_keys[variant]} ", folded)
        out = []
        for word in language.words(folded):
            if word in QUESTION_WORDS:
                out.append(QUESTION_WORDS[word])
                continue
            if word in STOPWORDS or not any(unicodedata.category(ch)[0] in "LN" for ch in word):
                continue
            if _ASCII_WORD.match(word) and word not in self._synonym_keys:
                if len(word) <= 3 and word not in self._latin_words:  # chat shorthand: "wht", "pls", "u"
                    continue
                word = self._stemmer.stemWord(word)
                word = self._stem_keys.get(word, word)
            out.append(word)
        if all(word in QUESTION_KEYS for word in out):  # "how?" alone asks nothing
            return ()
        return tuple(out)
