"""The normal form shared by questions and knowledge-base phrasings."""

from __future__ import annotations

import pytest

from bot.kb.search import searcher


def words(text: str) -> tuple:
    return searcher().words(text)


@pytest.mark.parametrize(
    "typed, meant",
    [
        ("人工只能是什么", "人工智能是什么"),  # 只能 for 智能: same pinyin, wrong characters
        ("什么是数据胡", "什么是数据湖"),  # one wrong character in a known term
        ("价值数是什么", "价值树是什么"),
    ],
)
def test_chinese_homophone_slips_become_the_known_term(typed, meant):
    assert words(typed) == words(meant)


def test_real_words_are_not_mistaken_for_homophones():
    # 只能 ("can only") is a real word; only the four-character run that sounds like 人工智能 is corrected.
    assert "artificialintelligence" not in words("我们只能先做试点")


@pytest.mark.parametrize(
    "a, b",
    [
        ("how do we deploy models", "how do we deploying model"),
        ("predicting failures", "predict failure"),
        ("what is machin lerning", "what is machine learning"),  # typos
        ("waht is a dtaa lake", "what is a data lake"),
        ("wht is a data lake pls", "what is a data lake"),  # chat shorthand dropped
        ("Data Lake", "数据湖泊"),  # synonyms across languages
    ],
)
def test_spelling_and_word_forms_fold_together(a, b):
    assert words(a) == words(b)


def test_a_real_english_word_is_not_a_typo_for_a_known_one():
    assert words("lunch") == ("lunch",)  # one letter from "launch", but a word of its own
    assert words("lanch") == words("launch")  # not a word: corrected


def test_question_words_are_kept_and_shared_across_languages():
    assert words("为啥要用机器学习") == words("why use machine learning")
    assert words("why use ML") != words("what is ML")
    assert words("怎么办") == () == words("how?")  # a question word alone asks nothing


@pytest.mark.parametrize("text", ["", "   ", "😀😀", "？？？", "!!! ... ---", "的了吗"])
def test_text_without_words_normalises_to_nothing(text):
    assert words(text) == ()


@pytest.mark.parametrize(
    "a, b",
    [
        ("which roles does an ML team need", "机器学习团队需要哪些角色"),  # everyday words shared across languages
        ("how much does the world spend on AI", "全球在人工智能的支出有多少"),
        ("data scientists working alone", "数据科学家单打独斗地工作"),
    ],
)
def test_a_question_and_its_translation_share_their_words(a, b):
    assert set(words(a)) == set(words(b))


def test_other_forms_of_a_synonym_fold_to_its_key():
    # "tolerate" is listed; "tolerating" and "tolerated" are found through their stem.
    assert words("tolerating failures") == words("tolerate failure") == words("容忍失败")


def test_filler_words_carry_no_meaning():
    assert words("in a nutshell, what is a data lake actually") == words("what is a data lake")
    assert words("简单说说数据湖大概是什么") == words("数据湖是什么")
