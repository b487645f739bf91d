"""'I have to ask my boss first' at a plan question is a pause, never the answer; an answer that
only mentions asking someone stays an answer."""

from __future__ import annotations

import pytest

from tests.support.reading import read


@pytest.mark.parametrize(
    "question, text",
    [
        ("metric", "我问下领导再告诉你"),
        ("executive_sponsor", "这个得问老板"),
        ("executive_sponsor", "得问问领导"),
        ("executive_sponsor", "需要问老板批"),
        ("executive_sponsor", "要问王总"),
        ("domain_experts", "要请示一下"),
        ("executive_sponsor", "I need to ask my VP"),
        ("executive_sponsor", "I'll have to ask my boss"),
        ("executive_sponsor", "need to run it by our CFO first"),
        ("executive_sponsor", "have to check with the leadership team"),
    ],
)
def test_asking_someone_first_pauses(question, text):
    reading = read(question, text)
    assert reading.kind == "command" and reading.command.kind == "pause"


@pytest.mark.parametrize(
    "question, text",
    [
        ("problem", "要问很多遍客服才解决"),
        ("baseline", "现在要问客服才知道"),
        ("executive_sponsor", "王总"),
        ("domain_experts", "确认后再填的那些数据"),
        ("problem", "agents have to ask the customer three times"),
        ("executive_sponsor", "our VP, Dana"),
        ("skill_gaps", "we need to talk to the data team more"),
    ],
)
def test_an_answer_that_mentions_asking_is_an_answer(question, text):
    assert read(question, text).kind == "answer"
