from rasa.shared.nlu.training_data.message import Message

from bot.nlu.guards import NoWordsGuard, has_words
from bot.nlu.tokenizer import MixedLanguageTokenizer, segment

DICTIONARY = "knowledge/terms.zh.txt"


def words(text):
    return [t.text for t in segment(text, DICTIONARY)]


def test_mixed_text_keeps_english_words_whole_and_segments_chinese():
    assert words("我想问一下 data lake 是什么？") == ["我", "想", "问", "一下", "data", "lake", "是", "什么"]
    assert "数据湖泊" in words("数据湖泊和数据孤岛")


def test_offsets_point_into_the_original_text():
    text = "请用ＡＩ回答，thanks!"
    for token in segment(text, DICTIONARY):
        assert text[token.start : token.end] == token.text
    assert [t.lemma for t in segment("ＡＩ", DICTIONARY)] == ["ai"]


def test_tokenizer_component_handles_emoji_and_empty_text():
    tokenizer = MixedLanguageTokenizer({**MixedLanguageTokenizer.get_default_config(), "user_dictionary": DICTIONARY})
    assert [t.text for t in tokenizer.tokenize(Message(data={"text": "😀😀"}), "text")] == ["😀😀"]
    assert tokenizer.tokenize(Message(data={"text": ""}), "text") == []


def test_guard_overrides_intents_of_messages_without_words():
    guard = NoWordsGuard()
    emoji = Message(data={"text": "🙂🙂", "intent": {"name": "affirm", "confidence": 0.9}})
    words_ = Message(data={"text": "hi 🙂", "intent": {"name": "greet", "confidence": 0.9}})
    guard.process([emoji, words_])
    assert emoji.get("intent")["name"] == "nlu_fallback"
    assert words_.get("intent")["name"] == "greet"
    assert not has_words("?!…") and has_words("好")
