"""A sample of the calibration edition played against the running servers (the full
figures, every edition, come from benchmarks/conversations.py). Each conversation must
store what its person meant, and nobody may get stuck or trapped."""

from __future__ import annotations

import pytest

from tests.support import conversations as corpus

pytestmark = pytest.mark.servers

# Eleven per language, one of each kind: whole plans in many voices, several answers in one
# message, questions back, leaving and coming back, corrections, "no plan", withdrawals
# and the planning office's reviews; and an answer typed right after pausing to ask someone.
SAMPLE = [
    "en-d02",
    "en-d12",
    "en-d18",
    "en-d20",
    "en-d23",
    "en-d25",
    "en-d38",
    "en-d43",
    "en-d46",
    "en-d26",
    "en-np01",
    "zh-d01",
    "zh-d05",
    "zh-d13",
    "zh-d15",
    "zh-d18",
    "zh-d23",
    "zh-d43",
    "zh-d46",
    "zh-d49",
    "zh-d50",
    "zh-np01",
]


@pytest.fixture(scope="module")
def played(tmp_path_factory):
    conversations = [c for c in corpus.load(corpus.edition_files("dev")) if c.id in SAMPLE]
    assert sorted(c.id for c in conversations) == sorted(SAMPLE)
    with corpus.playing(conversations, tmp_path_factory.mktemp("conversations")) as player:
        yield {c.id: player.play(c) for c in conversations}


@pytest.mark.parametrize("conversation_id", SAMPLE)
def test_the_conversation_stores_what_was_meant(played, conversation_id):
    outcome = played[conversation_id]
    assert outcome.completed, outcome.transcript()


def test_nobody_is_stuck_or_trapped(played):
    assert [o.conversation.id for o in played.values() if o.stuck or o.trapped] == []
