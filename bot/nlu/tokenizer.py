"""A tokenizer for mixed Chinese and English messages.

spaCy's blank `zh` pipeline with the jieba segmenter splits Chinese into words
and keeps Latin words whole, so "我想问一下 data lake 是什么" becomes
我/想/问/一下/data/lake/是/什么. Whitespace and punctuation are dropped; the
lemma is the NFKC-normalised, case-folded text, so full-width "ＡＩ" and "ai" match.
"""

from __future__ import annotations

import functools
import logging
import unicodedata
from pathlib import Path
from typing import Any, Dict, List, Optional, Text

from rasa.engine.graph import ExecutionContext
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.tokenizers.tokenizer import Token, Tokenizer
from rasa.shared.nlu.training_data.message import Message

from bot.dialogue.words import simplify

logger = logging.getLogger(__name__)


@functools.lru_cache(maxsize=4)
def blank_zh(user_dictionary: Optional[str] = None):
    import jieba
    import spacy

    from bot import jieba_dictionary

    jieba.setLogLevel(logging.WARNING)
    jieba_dictionary.install(jieba)  # read by first character as needed: the same cuts, less memory
    if user_dictionary and Path(user_dictionary).is_file():
        jieba.load_userdict(user_dictionary)
    return spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})


def normalise(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold()


def _is_word(text: str) -> bool:
    return any(unicodedata.category(ch)[0] in "LN" for ch in text)


def segment(text: str, user_dictionary: Optional[str] = None) -> List[Token]:
    """Word tokens with offsets into `text`; no whitespace, no punctuation."""
    folded = simplify(unicodedata.normalize("NFKC", text))  # 計畫 is segmented and featurised as 计划
    if len(folded) != len(text):  # offsets must stay valid; segment the raw text instead
        folded = simplify(text)
    doc = blank_zh(user_dictionary).make_doc(folded)
    return [
        Token(text[t.idx : t.idx + len(t)], t.idx, t.idx + len(t), lemma=t.text.casefold())
        for t in doc
        if _is_word(t.text)
    ]


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.MESSAGE_TOKENIZER, is_trainable=False)
class MixedLanguageTokenizer(Tokenizer):
    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {
            "user_dictionary": None,
            "intent_tokenization_flag": False,
            "intent_split_symbol": "_",
            "token_pattern": None,
            "prefix_separator_symbol": None,
        }

    @staticmethod
    def required_packages() -> List[Text]:
        return ["spacy", "jieba"]

    @classmethod
    def create(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> MixedLanguageTokenizer:
        return cls(config)

    def tokenize(self, message: Message, attribute: Text) -> List[Token]:
        text = message.get(attribute) or ""
        tokens = segment(text, self._config.get("user_dictionary"))
        if not tokens and text.strip():  # emoji-only and the like: keep one token so featurizers have input
            stripped = text.strip()
            start = text.index(stripped)
            tokens = [Token(stripped, start, start + len(stripped), lemma=normalise(stripped))]
        return self._apply_token_pattern(tokens)
