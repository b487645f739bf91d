"""The knowledge-base index cached on disk (bot/cache.py, bot/kb/search.py, bot/kb/loader.py):
used by the next process, rebuilt when knowledge/ changes, ignored when damaged, and giving
the same lookups as an index built from scratch."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml

from bot import cache, settings
from bot.kb import loader, search

QUESTIONS = [
    "what is a data lake",
    "我想问一下 data lake 是什么",
    "wht is a dtaa lake",
    "数剧湖是什么",
    "团队",
    "how do I cook rice",
    "",
    "基线是啥意思？没整明白",
]


def _forget_loaded() -> None:
    """What a new process would start with: nothing loaded in memory."""
    loader.load.cache_clear()
    loader.load_keyed.cache_clear()


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """A copy of knowledge/, and a cache folder holding its index, built once for this module."""
    root = tmp_path_factory.mktemp("kb-cache")
    knowledge = root / "knowledge"
    shutil.copytree(settings.KNOWLEDGE_DIR, knowledge)
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("MLPLAN_CACHE_DIR", str(root / "cache"))
        _forget_loaded()
        fresh = search.cached_searcher(knowledge)
    _forget_loaded()
    return knowledge, root / "cache", fresh


@pytest.fixture
def copies(built, tmp_path, monkeypatch):
    """A private copy of the built cache (and of knowledge/), and a count of index builds."""
    knowledge, warm, fresh = built
    folder = tmp_path / "cache"
    shutil.copytree(warm, folder)
    mine = tmp_path / "knowledge"
    shutil.copytree(knowledge, mine)
    monkeypatch.setenv("MLPLAN_CACHE_DIR", str(folder))
    builds = []
    real_build = search.Index.build.__func__

    def counting_build(cls, kb):
        builds.append(kb)
        return real_build(cls, kb)

    monkeypatch.setattr(search.Index, "build", classmethod(counting_build))
    _forget_loaded()
    yield mine, folder, fresh, builds
    _forget_loaded()


def _same_lookups(a: search.Searcher, b: search.Searcher) -> None:
    for question in QUESTIONS:
        assert a.words(question) == b.words(question), question
        assert a.rank(question) == b.rank(question), question
        assert a.lookup(question) == b.lookup(question), question


def test_the_first_run_writes_the_cache(built):
    _, folder, _ = built
    assert {p.name for p in folder.iterdir()} >= {loader.CACHE_NAME, search.INDEX_CACHE}


def test_the_second_run_reads_the_index_instead_of_building_it(copies):
    knowledge, _, fresh, builds = copies
    cached = search.cached_searcher(knowledge)
    assert builds == []
    _same_lookups(cached, fresh)
    assert cached.lookup("what is a data lake").matches[0].id == "data-lake"
    assert cached.kb == fresh.kb


def test_the_cached_index_gives_the_same_scores_to_the_last_bit(copies):
    knowledge, _, fresh, _ = copies
    cached = search.cached_searcher(knowledge)
    for question in QUESTIONS:
        words = cached.words(question)
        if words:
            assert cached._classifier.probabilities(words) == fresh._classifier.probabilities(words)
            assert [(m.id, m.score, m.exact) for m in cached.rank_words(words)] == [
                (m.id, m.score, m.exact) for m in fresh.rank_words(words)
            ]


def _edit_entry(knowledge: Path, entry_id: str, change) -> None:
    for path in sorted((knowledge / "faq").glob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for entry in (data or {}).get("entries") or []:
            if entry.get("id") == entry_id:
                change(entry)
                path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
                return
    raise AssertionError(f"no entry {entry_id}")


def test_a_changed_knowledge_file_rebuilds_the_index_and_the_answers(copies):
    knowledge, _, _, builds = copies
    before = search.cached_searcher(knowledge)
    assert builds == [] and before.lookup("what is a glorbnax").decision == "none"
    _edit_entry(
        knowledge,
        "data-lake",
        lambda e: (
            e["questions"]["en"].append("what is a glorbnax"),
            e["answer"].update(en=e["answer"]["en"] + " Also a glorbnax."),
        ),
    )
    _forget_loaded()
    after = search.cached_searcher(knowledge)
    assert len(builds) == 1
    found = after.lookup("what is a glorbnax")
    assert found.decision == "answer" and found.matches[0].id == "data-lake"
    assert loader.load(knowledge).entries["data-lake"].answer["en"].endswith("Also a glorbnax.")
    _forget_loaded()  # and the next process reads the new index
    assert search.cached_searcher(knowledge).lookup("what is a glorbnax").matches[0].id == "data-lake"
    assert len(builds) == 1


def test_a_new_file_in_the_knowledge_folder_changes_the_key(copies):
    knowledge, _, _, _ = copies
    key = loader.cache_key(knowledge)
    (knowledge / "notes.txt").write_text("x", encoding="utf-8")
    assert loader.cache_key(knowledge) != key


def test_a_damaged_index_cache_is_ignored_and_rebuilt(copies):
    knowledge, folder, fresh, builds = copies
    index = folder / search.INDEX_CACHE
    data = bytearray(index.read_bytes())
    data[-100] ^= 0xFF  # one flipped bit in the coefficients
    index.write_bytes(bytes(data))
    rebuilt = search.cached_searcher(knowledge)
    assert len(builds) == 1
    _same_lookups(rebuilt, fresh)
    _forget_loaded()  # the rebuilt index replaced the damaged file
    search.cached_searcher(knowledge)
    assert len(builds) == 1


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: b"",  # empty
        lambda data: data[: len(data) // 2],  # cut short
        lambda data: b"not json\n" + data,  # no header
        lambda data: data.replace(b'"format": 1', b'"format": 99', 1),
        lambda data: b'{"format": 1, "key": "' + data[22:],  # a broken header
        lambda data: data[:-1] + bytes([data[-1] ^ 1]),  # the body does not match its digest
    ],
)
def test_a_damaged_knowledge_base_cache_is_ignored(copies, damage):
    knowledge, folder, fresh, _ = copies
    target = folder / loader.CACHE_NAME
    target.write_bytes(damage(target.read_bytes()))
    assert loader.load(knowledge) == fresh.kb


def test_a_cache_folder_that_cannot_be_written_only_costs_time(copies, monkeypatch, tmp_path):
    knowledge, _, fresh, _ = copies
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("MLPLAN_CACHE_DIR", str(blocker / "cache"))
    assert not cache.write(search.INDEX_CACHE, "key", fresh.index.parts())
    assert cache.read(search.INDEX_CACHE, "key") is None
    assert loader.load(knowledge) == fresh.kb


def test_cache_entries_round_trip_and_reject_other_keys(tmp_path, monkeypatch):
    import numpy as np

    monkeypatch.setenv("MLPLAN_CACHE_DIR", str(tmp_path))
    parts = {"json": {"a": [1, "二", None]}, "blob": b"\x00\x01", "array": np.arange(6, dtype=np.float64).reshape(2, 3)}
    assert cache.write("x.cache", "k1", parts)
    back = cache.read("x.cache", "k1")
    assert back["json"] == parts["json"] and back["blob"] == parts["blob"]
    assert back["array"].tolist() == parts["array"].tolist()
    assert cache.read("x.cache", "k2") is None
    assert cache.read("missing.cache", "k1") is None
    header = json.loads((tmp_path / "x.cache").read_bytes().split(b"\n", 1)[0])
    assert header["key"] == "k1" and len(header["sha256"]) == 64
    assert not cache.write("y.cache", "k1", {"ints": np.arange(3)})  # only float64 arrays are stored


def test_the_jieba_dictionary_read_by_shards_cuts_as_jieba_does(tmp_path, monkeypatch):
    import jieba

    from bot import jieba_dictionary, language

    language._jieba()
    full = jieba.dt.FREQ
    if isinstance(full, jieba_dictionary.ShardedFrequencies):
        full.read_all()
    plain = dict(full)
    index, blob = jieba_dictionary._shard(plain)
    sharded = jieba_dictionary.ShardedFrequencies(index, blob)
    for word in ["数据湖", "数据", "数", "data", "lake", "不存在的词语啊", "机器学习", "😀", "a"]:
        assert (word in sharded) == (word in plain)
        assert sharded.get(word) == plain.get(word)
    reference = jieba.Tokenizer()
    reference.FREQ, reference.total, reference.initialized = plain, jieba.dt.total, True
    lazy = jieba.Tokenizer()
    lazy.FREQ, lazy.total, lazy.initialized = jieba_dictionary.ShardedFrequencies(index, blob), jieba.dt.total, True
    for tokenizer in (reference, lazy):
        tokenizer.add_word("数据湖泊", 50)
    texts = QUESTIONS + [
        "我想问一下 data lake 是什么",
        "数据湖泊和数据仓库有什么区别",
        "Zillow 的案例",
        "价值树是什么",
        "垃圾数据训练出来的模型靠谱吗",
        "AI 和机器学习一样吗？",
        "a" * 300,
    ]
    for text in texts:
        assert lazy.lcut(text) == reference.lcut(text), text
    assert len(lazy.FREQ) == len(reference.FREQ)  # reading everything gives the whole dictionary
    assert dict(lazy.FREQ) == reference.FREQ


def test_the_synonym_pattern_finds_what_the_regular_expression_finds(built):
    from bot.kb.normalise import SynonymPattern

    _, _, fresh = built
    kb = fresh.kb
    pattern = fresh.normaliser._synonym_pattern
    regex = pattern.regex()
    texts = [q for e in kb.entries.values() for qs in e.questions.values() for q in qs]
    texts += [a for e in kb.entries.values() for a in e.answer.values()] + QUESTIONS
    texts += [
        "datalake",
        "big datalakes",
        "a data lake",
        "data lake!",
        "xdata lake",
        "data lakex",
        "data-lake data-lakes",
        "数据湖泊数据湖",
        "ml ai ml",
        "mlai",
        "ai.",
        "a.i. ai",
        "  ",
        "1data lake",
        "data lake2",
    ]
    replace = "<{}>".format
    for text in texts:
        folded = text.casefold()
        assert pattern.sub(replace, folded) == regex.sub(lambda m: replace(m.group(0)), folded), folded
    tricky = SynonymPattern(["ab", "a", "b", "ba", "中文", "中"])
    for text in ["ab", "aab", "ba", "cab", "a-b", "中文中", "xa", "a1", "b b"]:
        assert tricky.sub(replace, text) == tricky.regex().sub(lambda m: replace(m.group(0)), text), text
