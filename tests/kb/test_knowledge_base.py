"""The knowledge base content and its checker."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from bot import settings
from bot.cli import main
from bot.kb import training_data
from bot.kb.loader import REQUIRED_IDS, KnowledgeError, load, read


def test_the_shipped_knowledge_base_is_sound():
    kb, problems = read(settings.KNOWLEDGE_DIR)
    assert problems == []
    assert set(REQUIRED_IDS) <= set(kb.entries)
    for entry in kb.entries.values():
        for lang in ("zh", "en"):
            assert len(entry.questions[lang]) >= 5, (entry.id, lang)
            assert 40 <= len(entry.answer[lang]) <= 700, (entry.id, lang)
        assert entry.related, entry.id


def test_kb_check_passes_on_the_shipped_content(capsys):
    assert main(["kb", "check"]) == 0
    assert "knowledge base OK" in capsys.readouterr().out


@pytest.fixture
def broken_copy(tmp_path: Path) -> Path:
    target = tmp_path / "knowledge"
    shutil.copytree(settings.KNOWLEDGE_DIR, target)
    return target


def _edit(path: Path, change) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data["entries"])
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


@pytest.mark.parametrize(
    "change, problem",
    [
        (lambda es: es[0]["answer"].update(en="  "), "the 'en' answer is empty"),
        (lambda es: es[0]["questions"].pop("zh"), "needs at least 3 'zh' questions"),
        (lambda es: es[1].update(id=es[0]["id"]), "duplicate id"),
        (lambda es: es[0].update(related=["no-such-entry"]), "related id 'no-such-entry' does not exist"),
        (lambda es: es[0].update(section="step-9"), "section 'step-9'"),
        (lambda es: es[0].update(colour="blue"), "unknown keys"),
        (lambda es: es.pop(0), "missing required ids"),
    ],
)
def test_the_checker_reports_each_kind_of_problem(broken_copy, change, problem):
    _edit(broken_copy / "faq" / "00-basics.yml", change)
    _, problems = read(broken_copy)
    assert any(problem in p for p in problems), problems
    with pytest.raises(KnowledgeError):
        load.__wrapped__(broken_copy)


def test_kb_check_exits_non_zero_on_problems(broken_copy, monkeypatch, capsys):
    (broken_copy / "faq" / "02-data.yml").write_text("entries: [unclosed", encoding="utf-8")
    monkeypatch.setattr(settings, "KNOWLEDGE_DIR", broken_copy)
    assert main(["kb", "check"]) == 2
    assert "02-data.yml: cannot read" in capsys.readouterr().err


def test_generated_training_data_is_in_sync():
    kb = load()
    for lang, path in training_data.targets().items():
        assert path.read_text(encoding="utf-8") == training_data.render(kb, lang), (
            f"{path} is stale: run `mlplan kb nlu`"
        )


def test_heldout_questions_are_not_in_the_knowledge_base():
    kb = load()
    phrasings = {q.casefold() for e in kb.entries.values() for lang in e.questions for q in e.questions[lang]}
    heldout = yaml.safe_load((Path(__file__).parent / "heldout.yml").read_text(encoding="utf-8"))
    for row in heldout["questions"]:
        for lang in ("zh", "en"):
            assert row[lang].casefold() not in phrasings, row[lang]
