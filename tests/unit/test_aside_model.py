"""The learned reading of asides at a pending question (bot/dialogue/aside_model.py)."""

import pytest

from bot.dialogue import aside_model
from tests.support.reading import read


@pytest.mark.parametrize(
    "text",
    [
        "omg gotta run, standup in 2 😭",
        "Tell you what, shift change is coming up and I gotta walk the floor. Let's pick this back up after lunch.",
        "老板喊我过去一趟，这个回来再弄",
    ],
)
def test_a_way_out_lets_the_user_go(text):
    assert aside_model.read(text).kind == aside_model.WAY_OUT
    reading = read("q_can_ship", text)
    assert reading.kind == "command" and reading.command.kind == "pause"


@pytest.mark.parametrize("text", ["问这个搞么事？我又不是老板", "嘛意思 失败了还得留钱"])
def test_a_question_back_is_no_answer(text):
    assert aside_model.read(text).kind == aside_model.ASKS_BACK
    assert read("metric", text).kind in ("command", "question")


@pytest.mark.parametrize(
    "text",
    [
        "I want to be sure I understand what is expected.",
        "What kind of metric do you expect? I want to be sure I understand what is expected.",
    ],
)
def test_a_puzzled_remark_is_no_answer_whatever_the_model_reads(text):
    assert read("metric", text).kind in ("command", "question")


@pytest.mark.parametrize(
    "field, text",
    [
        ("executive_sponsor", "Dr. Stefan Hartmann, the Chief Risk Officer"),
        ("scaling_path", "we'll pick it up in the annual planning round"),
        ("problem", "老客户复购率一年比一年低 销售不知道该先跟谁 该推什么"),
        ("baseline", "Claims handlers just use their own judgement and a checklist."),
        ("q_can_ship", "yes, IT will deploy it after the pilot, later next year"),
    ],
)
def test_answers_are_not_asides(field, text):
    assert aside_model.read(text) is None
    assert read(field, text).kind == "answer"


def test_the_cached_model_reads_as_the_freshly_built_one(tmp_path, monkeypatch):
    monkeypatch.setenv("MLPLAN_CACHE_DIR", str(tmp_path))
    examples = aside_model.load_examples()[::4]
    monkeypatch.setattr(aside_model, "load_examples", lambda folder=None: examples)
    built = aside_model.build()
    loaded = aside_model.build()
    text = "sorry, have to jump on a call, back later"
    assert built.probabilities(text) == pytest.approx(loaded.probabilities(text))


def test_weights_cached_for_other_features_are_rebuilt_not_misread(tmp_path, monkeypatch):
    """Two processes that folded text with different words.yml once left weights for other
    features under the same key: every reading then failed with an IndexError."""
    from bot.dialogue.choice_model import Features

    monkeypatch.setenv("MLPLAN_CACHE_DIR", str(tmp_path))
    examples = aside_model.load_examples()[::4]
    monkeypatch.setattr(aside_model, "load_examples", lambda folder=None: examples)
    built = aside_model.build()
    vocabularies = [{term: i for term, i in v.items() if i < len(v) - 1} for v in built._features.vocabularies]
    narrower = Features(vocabularies, [idf[:-1] for idf in built._features.idfs])  # each without its last n-gram
    with pytest.raises(ValueError):
        aside_model.AsideModel.from_parts(built.parts(), narrower)
    monkeypatch.setattr(aside_model.choice_model, "model", lambda: type("M", (), {"features": narrower})())
    rebuilt = aside_model.build()
    assert rebuilt._coef.shape[1] == narrower.width
    assert rebuilt.read("sorry, have to jump on a call, back later") is not None
