import json

from bot.cli import main
from bot.kb import gaps
from bot.kb.search import searcher
from bot.store.db import session_scope


def test_gaps_are_listed_newest_first(sqlite_url, capsys):
    with session_scope() as session:
        for question in ("量子计算什么时候普及", "how do I claim travel expenses"):
            gaps.record(session, question, searcher().lookup(question), lang=None, sender="li.wei")
        gaps.record(session, "x" * 5000, searcher().lookup("x"), lang="en", sender=None)
    assert main(["kb", "gaps", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [r["question"][:10] for r in rows] == ["x" * 10, "how do I c", "量子计算什么时候普及"]
    assert len(rows[0]["question"]) == gaps.MAX_QUESTION_CHARS
    assert rows[1]["sender"] == "li.wei" and rows[1]["asked_at"].endswith("Z")
    assert main(["kb", "gaps"]) == 0
    assert "量子计算" in capsys.readouterr().out
