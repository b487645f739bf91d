"""Understanding typed answers to the plan questions, in Chinese and English."""
from __future__ import annotations

import functools
import re
import unicodedata
from typing import Dict, List, Optional, Tuple

from bot.plan_schema import FIELDS_BY_NAME, UNKNOWN, VALUE_BRANCHES

# Words people type for each choice, in both languages. Longest match wins.
CHOICE_WORDS: Dict[str, Dict[str, Tuple[str, ...]]] = {
    "yes_no_unsure": {
        "yes": ("yes", "yeah", "yep", "sure", "definitely", "of course", "absolutely", "correct", "true", "y",
                "是", "是的", "对", "对的", "有", "有的", "能", "可以", "需要", "要", "当然", "肯定", "没错", "嗯"),
        "no": ("no", "nope", "not really", "nah", "never", "not at all", "n", "false", "none",
               "不", "不是", "否", "没有", "不能", "不需要", "不可以", "没", "无", "不行", "不会"),
        "unsure": ("unsure", "not sure", "maybe", "perhaps", "don't know", "dont know", "no idea", "unclear",
                   "hard to say", "possibly", "not yet known", "不确定", "不知道", "不清楚", "也许", "可能",
                   "说不准", "不好说", "待定", "还不确定", "或许"),
    },
    "data_location": {
        "siloed": ("siloed", "silo", "silos", "scattered", "spread out", "in different systems", "each department",
                   "孤岛", "分散", "各部门", "各个系统", "不集中", "分散在各处"),
        "central": ("central", "centralised", "centralized", "data lake", "datalake", "one place", "warehouse",
                    "集中", "数据湖", "集中存放", "统一", "数据仓库", "一个地方"),
        "mixed": ("mixed", "partly", "some central", "both", "部分集中", "混合", "一部分", "都有"),
        "unknown": ("unknown", "don't know", "dont know", "not sure", "unsure", "no idea",
                    "不知道", "不清楚", "不确定", "未知"),
    },
    "data_quality": {
        "good": ("good", "great", "clean", "high", "excellent", "fine", "好", "良好", "不错", "很好", "干净", "高"),
        "mixed": ("mixed", "okay", "ok", "average", "so-so", "partly", "some good", "一般", "还行", "参差不齐", "混合", "部分好"),
        "poor": ("poor", "bad", "dirty", "low", "messy", "terrible", "差", "很差", "不好", "脏", "低", "质量差"),
        "unknown": ("unknown", "don't know", "dont know", "not sure", "unsure", "no idea",
                    "不知道", "不清楚", "不确定", "未知"),
    },
    "failure_tolerance": {
        "budgeted": ("budgeted", "yes budgeted", "we budget", "planned for", "accepted", "allowed", "tolerated",
                     "有预算", "预留", "允许失败", "能接受", "可以接受", "容忍", "已预留", "有准备"),
        "must_succeed": ("must succeed", "must work", "no failure", "cannot fail", "can't fail", "has to work",
                         "必须成功", "不能失败", "不允许失败", "一定要成功", "不能接受失败"),
        "unsure": ("unsure", "not sure", "don't know", "dont know", "maybe", "不确定", "不知道", "不清楚", "还没想好"),
    },
    "scaling_path": {
        "platform": ("platform", "end-to-end", "end to end", "tooling", "tools", "sagemaker", "mlops",
                     "平台", "端到端", "工具", "统一平台"),
        "coe": ("coe", "centre of excellence", "center of excellence", "excellence", "卓越中心", "专家中心"),
        "annual_planning": ("annual planning", "annual", "yearly", "yearly planning", "年度规划", "年度计划", "每年"),
        "none_yet": ("none", "none yet", "not yet", "no plan", "nothing yet", "no", "还没有", "暂无", "没有", "无", "还没想"),
    },
}
FIELD_VOCABULARY = {
    **{q: "yes_no_unsure" for q in ("q_important", "q_real_problem", "q_unused_data", "q_needs_ml",
                                     "q_can_do_alone", "q_can_ship", "pilot_team")},
    "data_location": "data_location",
    "data_quality": "data_quality",
    "failure_tolerance": "failure_tolerance",
    "scaling_path": "scaling_path",
}

BRANCH_PHRASES: Dict[str, Tuple[str, ...]] = {
    "revenue": ("revenue", "sales", "income", "turnover", "profit", "收入", "营收", "销售额", "营业额", "利润", "创收"),
    "time_saved": ("time saved", "save time", "saving time", "time savings", "automation", "automate", "efficiency",
                   "节省时间", "省时间", "省时", "节约时间", "自动化", "效率", "提效"),
    "new_opportunities": ("new opportunities", "new customers", "new markets", "opportunities", "new business",
                          "新机会", "新客户", "新市场", "新机遇", "新业务", "机会"),
    "customer_service": ("customer service", "customer experience", "service level", "satisfaction", "support",
                         "客户服务", "客服", "客户体验", "服务水平", "满意度"),
    "upsell": ("upsell", "upselling", "up-sell", "cross-sell", "cross sell", "cross-selling",
               "追加销售", "追销", "交叉销售", "增购"),
}
ALL_BRANCH_WORDS = ("all", "all of them", "everything", "全部", "都是", "所有", "以上都是", "全都")
NONE_WORDS = ("none", "no", "nothing", "no gaps", "n/a", "无", "没有", "暂无", "没", "都没有", "不存在")
_KEYBOARD_MASH = re.compile(r"^(asdf|qwer|zxcv|jkl|hjkl|sdf|aaa+|xxx+|test|testing|123+|abc|blah|lol|哈+|啊+|。+)$")


def fold(text: str) -> str:
    text = unicodedata.normalize("NFKC", text or "").casefold().strip()
    return re.sub(r"[\s.,;:!?！？。，；：、~…]+$", "", re.sub(r"\s+", " ", text))


def _spans(folded: str, phrase: str) -> List[Tuple[int, int]]:
    pattern = re.escape(phrase)
    if phrase.isascii():
        pattern = rf"(?<![a-z0-9]){pattern}(?![a-z0-9])"
    return [m.span() for m in re.finditer(pattern, folded)]


def _matches(folded: str, phrase: str) -> bool:
    return bool(_spans(folded, phrase))


def parse_choice(field: str, text: str) -> Optional[str]:
    """The choice a typed answer names, or None when it names none or contradicts itself.

    Phrases inside a longer matched phrase do not count ("sure" in "not sure").
    """
    folded = fold(text)
    if not folded:
        return None
    choices = FIELDS_BY_NAME[field].choices
    if folded.replace(" ", "_") in choices:
        return folded.replace(" ", "_")
    spans = [
        (start, end, choice)
        for choice, phrases in CHOICE_WORDS[FIELD_VOCABULARY[field]].items()
        for phrase in phrases
        for start, end in _spans(folded, phrase)
    ]
    kept = {c for s, e, c in spans if not any(s2 <= s and e <= e2 and (e2 - s2) > (e - s) for s2, e2, _ in spans)}
    return kept.pop() if len(kept) == 1 else None


@functools.lru_cache(maxsize=1)
def _branch_matcher():
    import spacy
    from spacy.matcher import PhraseMatcher

    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "char"}}})
    matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    for branch, phrases in BRANCH_PHRASES.items():
        matcher.add(branch, [nlp.make_doc(p) for p in phrases])
    return nlp, matcher


def parse_branches(text: str) -> List[str]:
    """Value-tree branches named in free text, in canonical order."""
    folded = fold(text)
    if any(_matches(folded, w) for w in ALL_BRANCH_WORDS):
        return list(VALUE_BRANCHES)
    found = set(b for b in VALUE_BRANCHES if b in folded.replace(" ", "_").split(","))
    nlp, matcher = _branch_matcher()
    doc = nlp.make_doc(folded)
    for match_id, start, end in matcher(doc):
        found.add(nlp.vocab.strings[match_id])
    return [b for b in VALUE_BRANCHES if b in found]


# Said in passing, these words show which question a clause answers ("…, and the quality is poor").
FIELD_CUES: Dict[str, Tuple[str, ...]] = {
    "data_location": ("data", "数据"),
    "data_quality": ("quality", "clean", "dirty", "messy", "质量", "干净", "脏"),
    "failure_tolerance": ("fail", "failure", "failures", "failed", "失败", "试错"),
    "scaling_path": ("scale", "scaling", "platform", "coe", "centre of excellence", "center of excellence",
                     "annual planning", "扩展", "推广", "规模化", "平台", "卓越中心", "年度规划"),
}
# Answers too vague to take from a passing remark: only a direct reply records them.
_NOT_VOLUNTEERED = frozenset({UNKNOWN, "unsure", "none_yet", "mixed"})
_CLAUSE_BREAK = re.compile(r"[,;.!?，；。！？、\n]+|\s+(?:and|but|while|also)\s+|但是|而且|并且|同时|另外|不过")


def volunteered_answers(text: str, asked: str) -> Dict[str, str]:
    """Answers to other choice questions that a reply gives in passing, clause by clause.

    A clause counts for a question only when it mentions the question's subject and
    names exactly one of its options; a question answered two different ways is left out.
    """
    found: Dict[str, set] = {}
    for clause in _CLAUSE_BREAK.split(fold(text)):
        for field, cues in FIELD_CUES.items():
            if field == asked or not any(_matches(clause, cue) for cue in cues):
                continue
            choice = parse_choice(field, clause)
            if choice and choice not in _NOT_VOLUNTEERED:
                found.setdefault(field, set()).add(choice)
    return {field: choices.pop() for field, choices in found.items() if len(choices) == 1}


def says_none(text: str) -> bool:
    return fold(text) in NONE_WORDS


def has_substance(text: str, *, min_chars_zh: int = 2, min_words_en: int = 2) -> bool:
    """Real words, not keyboard mash: at least a few Chinese characters or English words."""
    folded = fold(text)
    if not folded or _KEYBOARD_MASH.match(folded.replace(" ", "")):
        return False
    cjk = len(re.findall(r"[\u4e00-\u9fff]", folded))
    words = [w for w in re.findall(r"[a-z]+", folded) if re.search(r"[aeiouy]", w)]
    if cjk >= min_chars_zh:
        return len(set(re.findall(r"[\u4e00-\u9fff]", folded))) > 1
    if len(words) >= min_words_en and len(set(words)) > 1:
        return True
    return cjk + len(words) >= max(min_words_en, 2) and len(set(folded)) > 3


SKIP_COMMANDS = frozenset({"skip", "/skip", "pass", "next", "next question", "skip it", "skip this", "skip this one",
                           "跳过", "跳过吧", "先跳过", "下一题", "下一个", "过", "略过", "留空"})


def is_skip_command(text: str) -> bool:
    return fold(text) in SKIP_COMMANDS


DISMISSALS = frozenset({"no", "nope", "never mind", "nevermind", "forget it", "no thanks", "not now", "stop",
                        "cancel", "算了", "算了吧", "不用了", "不用", "不要了", "不了", "没事", "没事了", "不", "取消",
                        "不登记了", "先不了"})


def is_dismissal(text: str) -> bool:
    """"算了", "never mind": backing out, not an answer to record."""
    return fold(text) in DISMISSALS


def skipped_value(field: str):
    """What a skipped answer is stored as: `unknown` where the field allows it, else empty."""
    spec = FIELDS_BY_NAME[field]
    if spec.kind == "multi":
        return []
    return UNKNOWN if UNKNOWN in spec.choices else None
