"""Reading an answer the way people give it: the choice in "有，车辆轨迹数据一直没用起来",
the value-tree branches in a sentence, a title inside "就叫“工单智能分类”吧", a
review decision, and whether a text says anything at all."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any, Callable, Dict, Iterator, List, Optional, Pattern, Sequence, Tuple

from bot.dialogue import words
from bot.plan_schema import FIELDS_BY_NAME, UNKNOWN, VALUE_BRANCHES, YES_NO_UNSURE

YES_NO_FIELDS = frozenset(name for name, f in FIELDS_BY_NAME.items() if f.choices == YES_NO_UNSURE)
YES_NO = "yes_no"  # a plain yes-or-no question (a confirmation): no field's own cue words
COMBINING = frozenset({"data_location", "data_quality"})  # every clause of the answer counts
# Said before an answer, these carry nothing ("I think yes", "我觉得需要").
_LEAD_IN = (
    "i think",
    "i'd say",
    "id say",
    "i would say",
    "i feel",
    "i believe",
    "honestly",
    "tbh",
    "to be honest",
    "well",
    "hmm",
    "so",
    "ok",
    "okay",
    "oh",
    "um",
    "uh",
    "erm",
    "i mean",
    "frankly",
    "in short",
    "yeah so",
    "我觉得",
    "我认为",
    "感觉",
    "我感觉",
    "说实话",
    "老实说",
    "其实",
    "嗯",
    "嗯嗯",
    "呃",
    "额",
    "这个嘛",
    "怎么说呢",
    "坦白说",
    "总的来说",
    "应该说",
    "老实讲",
    "讲真",
    "说真的",
    "讲实话",
    "我倾向于认为",
    "我倾向于",
    "倾向于认为",
    "倾向于",
    "i'd lean towards",
    "i lean towards",
    "leaning towards",
    "i'd lean to",
    "on balance",
    "then",
    "well then",
    "in that case",
    "那",
    "那就",
    "那么",
    "那样的话",
    "原则上",
    "基本上",
    "大体上",
    "in principle",
    "basically",
    "thinking about it",
    "thinking about it again",
    "come to think of it",
    "on reflection",
    "on second thought",
    "on second thoughts",
    "now that i think about it",
    "想了想",
    "仔细想想",
    "再想想",
)
# A one-character Chinese answer counts only on its own or before one of these ("有的", "能啊").
_CJK_SINGLE_END = re.compile(r"^(?:[的啊呀吧哈了滴嘛呢哦噢喔啦咯哒嘞喽嗷]|$|\s|[，,。.!！~～])")
_KEYBOARD_MASH = re.compile(r"^(asdf|qwer|zxcv|jkl|hjkl|sdf|aaa+|xxx+|test|testing|123+|abc|blah|lol|哈+|啊+|。+|\.+)$")


@dataclass(frozen=True)
class Choice:
    value: str
    leading: bool  # the answer opened with it ("yes, ..."), so a question mark does not make it a question


def _groups(field: str) -> Dict[str, Tuple[str, ...]]:
    answers = words.vocabulary()["answers"]
    if field in YES_NO_FIELDS or field == YES_NO:
        base = {label: words.phrases("answers", "yes_no_unsure", label) for label in YES_NO_UNSURE}
        cues = answers["field_cues"].get(field, {})
        return {label: base[label] + tuple(words.fold(p) for p in cues.get(label, ())) for label in YES_NO_UNSURE}
    found = {label: words.phrases("answers", field, label) for label in answers[field]}
    if "unsure" in found:  # "说不好", "hard to say": unsure wherever unsure is an option
        found["unsure"] = found["unsure"] + words.phrases("answers", "yes_no_unsure", "unsure")
    return found


@functools.lru_cache(maxsize=64)
def groups(field: str) -> Dict[str, Tuple[str, ...]]:
    return _groups(field)


def _strip_lead_in(clause: str) -> str:
    changed = True
    while changed:
        changed = False
        for lead in _LEAD_IN:
            separator = r"[\s,，:：]+" if lead.isascii() else r"[\s,，:：]*"
            found = re.match(rf"{words._pattern(lead)}{separator}", clause)
            if found and found.end() < len(clause):
                clause, changed = clause[found.end() :], True
    return clause


_QUALITY_TOPIC = re.compile(
    r"^(?:[\u4e00-\u9fff]{0,6}?(?:数据)?(?:质量|质素|品质)(?:上|方面|的话|嘛|呢)?(?:也|都|就|是)?|"
    r"(?:the |our |their )?(?:[a-z]+ )?(?:data )?quality(?:'s| is| was| are)?)\s*"
)


_PLAIN_YES = frozenset({"yes", "yeah", "yep", "yup", "sure", "definitely", "absolutely", "of course"})
_NOTHING_MUCH = re.compile(
    r"\s+(?:hardly|barely|scarcely|very little|little|not much|no(?! idea| clue)|none|nothing)\b"
)


def _leading(clause: str, field_groups: Dict[str, Tuple[str, ...]]) -> Optional[str]:
    """The choice a clause opens with, if any."""
    if set(field_groups) == set(YES_NO_UNSURE):
        leading = words.vocabulary()["answers"]["leading"]
        field_groups = {
            label: field_groups[label] + tuple(words.fold(p) for p in leading.get(label, ())) for label in field_groups
        }
    topic = _QUALITY_TOPIC.match(clause) if "good" in field_groups else None
    if topic and topic.end() < len(clause):
        clause = clause[topic.end() :]  # "录音质量板扎", "the quality's decent": the topic, then the answer
    stressed = _STRESS.match(clause)
    if stressed and stressed.end() < len(clause):
        clause = clause[stressed.end() :]  # "超重要好吗": the stress opens, the answer follows
    found = [(s, e, label) for s, e, label in words.labelled_spans(clause, field_groups) if s == 0]
    if not found:
        return None
    start, end, label = max(found, key=lambda x: x[1])
    phrase = clause[start:end]
    if label not in (UNKNOWN, "unsure", "none_yet") and _A_NOT_A.search(clause[end : end + 6]):
        return None  # "试点团队要不要组，…": the topic of a question said back
    if words.cjk_count(phrase) == 1 and len(phrase) == 1 and not _CJK_SINGLE_END.match(clause[end:]):
        return None  # "不过…", "有很多…": a one-character word inside a longer phrase
    if label == "yes" and re.match(r"\s+(?:no|not (?:a|the (?:faintest|slightest))) (?:idea|clue)\b", clause[end:]):
        return None  # "we have no idea": no answer opens it
    if (
        label == "yes"
        and "no" in field_groups
        and (
            re.match(r"不了|不到|不来|不成|不起|不上|不动|不出|不定|不现实", clause[end:])
            or re.match(r"\s+not\b", clause[end:])
            or (_NOTHING_MUCH.match(clause[end:]) and phrase not in _PLAIN_YES)  # "yes no human can read…" is yes
        )
    ):
        return "no"  # "解决不了核心问题", "we can not do it alone", "there is hardly any data"
    if (
        label in ("yes", "no")
        and words.cjk_count(phrase)
        and any(other == "unsure" and 0 <= s - end <= 3 for s, _, other in words.labelled_spans(clause, field_groups))
    ):
        return "unsure"  # "试点团队看情况吧": the topic named, then the hedge
    if re.match(
        r"\s+(?:still|currently|now)?\s*(?:discussing|deciding|debating|thinking|figuring|working (?:on|it out)|"
        r"considering|checking|waiting|talking|looking into|evaluating|not sure)\b",
        clause[end:],
    ):
        return None  # "we are still discussing this": an opening that answers nothing yet
    if phrase in ("no", "yes", "not") and re.match(
        r"\s+(?!(?:we|it|i|they|not|really|way|thanks|sir|absolutely|"
        r"definitely|unfortunately|sadly|actually|there|that|but|and|so)\b)[a-z]",
        clause[end:],
    ):
        return None  # "no rule set will ever catch it" is not a no
    return label


_ENDS_UNSURE = re.compile(
    r"(?:不确定|说不准|拿不准|不清楚|不好说|吃不准|\bnot sure\b|\bunsure\b|\bno idea\b|\bhard to say\b|"
    r"\bcan'?t say\b)[了呢吧啊哈\s.!]*$"
)
# A subject before the answer proper: "it's more of an annoyance", "we'd need IT"
_SUBJECT_OPENING = re.compile(
    r"^(?:it'?s|it is|that'?s|that is|this is|we'?d|we would|we'?ll|we will|we'?re|we are|we|they'?d|they would)\s+"
    r"(?:(?:more of|kind of|sort of|really|probably|definitely|honestly|just|still)\s+)*"
)


def _leading_after_subject(clause: str, field_groups: Dict[str, Tuple[str, ...]]) -> Optional[str]:
    """The choice a clause opens with once its subject is set aside ("we'd need IT", "it's more of a nice-to-have")."""
    rest = _SUBJECT_OPENING.sub("", clause)
    if rest == clause:
        return None
    return _leading(rest, field_groups) or _leading(re.sub(r"^an?\s+", "", rest), field_groups)


_CONTRAST_START = re.compile(r"^(?:但|但是|不过|可是|只是|\bbut\b|\bhowever\b|\bthough\b)")
_STRESSING = frozenset({"肯定", "一定", "当然", "绝对", "肯定的", "definitely", "certainly", "absolutely"})
_STRESS = re.compile(
    r"^(?:那应该算|应该算是|应该算|算是|超级|超|巨|贼|特别|蛮|挺|非常|十分|相当|真的|真|肯定|一定|very|super|really|totally|absolutely|"
    r"definitely|extremely|incredibly)\s*(?=\S)"
)
_SO = (
    "so",
    "therefore",
    "thus",
    "hence",
    "so overall",
    "all in all",
    "in short",
    "but",
    "所以",
    "因此",
    "总之",
    "总的来说",
    "说白了",
    "说白了就是",
    "说穿了就是",
    "说到底",
    "说到底就是",
    "归根结底",
    "总而言之",
    "一句话",
    "一句话就是",
    "那",
    "那就",
    "但",
    "但是",
    "不过",
    "i'll go with",
    "ill go with",
    "i'd go with",
    "let's say",
    "lets say",
    "call it",
    "put down",
    "put it down as",
    "mark it as",
    "put me down as",
    "put me down for",
    "mark me down as",
    "mark me as",
    "put",
    "just put",
    "write down",
    "put us down as",
    "put us down for",
    "i'll say",
    "i'd say it's",
    "我就答",
    "我就选",
    "就选",
    "就答",
    "就写",
    "就填",
    "那就选",
    "那就写",
    "我选",
    "选",
    "都是",
    "全都是",
    "基本都是",
    "反正都是",
    "反正",
    "all in all",
    "basically",
    "就这么定",
    "就这么定了",
    "就这么定吧",
    "定了",
    "let's go with",
    "lets go with",
    "final answer",
)
_CONTRAST = frozenset({"but", "但", "但是", "不过"})
_TAIL = re.compile(
    r"[\s,，]*(?:i'?d say|i think|i guess|i suppose|unfortunately|sadly|really|then|for now|好了|吧|了|啦|呗)$"
)


def _conclusion(
    clauses: Sequence[str], field_groups: Dict[str, Tuple[str, ...]], *, said_so: bool = False
) -> Optional[str]:
    """An option that ends the answer: a last clause that is only the option ("…, no", "… So siloed."),
    or a clause opening with "so"/"所以"/"我就答" ("So yes.", "…so no", "所以基本是集中的")."""
    while len(clauses) > 2 and not _TAIL.sub("", clauses[-1]).strip():
        clauses = clauses[:-1]  # "…. Unsure, then."
    for index in reversed(range(1, len(clauses))):
        clause = clauses[index]
        if index + 1 < len(clauses) and clause.rstrip("吧了啦") in _SO:
            clause = f"{clause}，{clauses[index + 1]}"  # "嗯，就这么定，会组试点团队"
        for so in _SO:
            found = re.match(rf"{words._pattern(so)}[\s,，]*(.+)$", clause)
            if found:
                rest = _TAIL.sub(
                    "",
                    _strip_lead_in(
                        re.sub(
                            r"^(?:realistically|honestly|frankly|in practice|overall|basically|基本上?|大体上?|总体上?|"
                            r"整体上?)[\s,]*",
                            "",
                            found.group(1),
                        )
                    ),
                )
                for again in _SO:  # "so put me down as not sure"
                    inner = re.match(rf"{words._pattern(again)}[\s,，]+(.+)$", rest)
                    if inner and again not in _CONTRAST:
                        rest = inner.group(1)
                        break
                contrast = so in _CONTRAST  # "…, but for a real model, no": only the bare option after a "but"
                if contrast:  # "but no" concludes; "…data we collect but never use" describes
                    said = next((label for label in field_groups if rest.strip(" .!。！") in field_groups[label]), None)
                else:
                    said = _leading(rest, field_groups) or _only(rest, field_groups)
                if said and len(words.english_words(rest)) <= 4 and words.cjk_count(rest) <= (4 if contrast else 8):
                    return said
    if len(clauses) > 1 and not said_so:
        last = _TAIL.sub("", _strip_lead_in(clauses[-1]))
        said = next((label for label in field_groups if last in field_groups[label]), None)
        if said:  # "…, but for a real model, no."
            return said
    return None


def _only(clause: str, field_groups: Dict[str, Tuple[str, ...]]) -> Optional[str]:
    labels = set(_scan(clause, field_groups))
    return labels.pop() if len(labels) == 1 else None


_NEGATED = re.compile(
    r"(?:\b(?:nothing|not|no|never|isn't|aren't|none)\b|没有|没|不在|不是|不算|算不上|谈不上|并不|还没|未)[^,，;；]{0,12}$|"
    r"\b(?:not|never|isn't|aren't)\b(?:\s+[a-z']+){0,4}\s+$|"
    r"\b(?:none of it|nothing|none of (?:this|that|them|the data)|neither(?: one| of them|"
    r" of the two)?)\b(?:\s+[a-z']+){0,7}\s+$"
)  # "none of it is in the company data lake"


_NEGATION_BEFORE = re.compile(
    r"(?:(?:(?<!不是)不|解决不了|不了|不搞|不弄|不走|不整|难以|恐难|很难|难|不能|不可能|无法|没法|没办法|不会|不太能|不够|不是|不算|算不上|谈不上|"
    r"称不上|并非|不怎么|不太|不大|没留|没有留|没预留|没有预留|没给|没有给|没|没有|别|先别|不要|搞不了|做不了|弄不了|没打算|不打算|不考虑|不准备|暂不)\s*|"
    r"\b(?:not|can'?t|cannot|can not|won'?t|isn'?t|aren'?t|don'?t|doesn'?t|never|hardly)\b(?:\s+(?!and\b|but\b|"
    r"so\b)[a-z']+){0,3}\s+)$"
)


# A negating verb a few characters before: "搞不了单独的试点团队", "没有专门的试点团队"
_NEGATION_NEAR = re.compile(
    r"(?:搞不了|做不了|弄不了|组不了|不能|不允许|不可以|不敢|容不得|经不起|没有|没打算|不打算|不考虑|不准备|无法|没法|不另|不单独|不额外|不专门|不再)[^也能就可会都,，]{1,4}$|"
    r"\b(?:no|not|haven'?t|havent|hasn'?t|didn'?t|never)\b(?:\s+(?!and\b|but\b|so\b)[a-z']+){0,3}\s+$"
)


_A_NOT_A = re.compile(
    r"(?<![不没])([\u4e00-\u9fff])(?:不|没)\1(?:要|是|能|会|用)?|能否|是否|可否"
)  # "要不要机器学习我也拿不准" asks itself


_STRADDLED = {"统一": ("系", "传")}  # a word read across the boundary of two others
_SYNCED_IN = re.compile(
    r"同步过去|同步到|同步进|汇总到|汇到|汇入|汇集到|进数仓|\b(?:synced|syncs|sync|flows?|feeds?|loaded|"
    r"copied) (?:in)?to\b"
)
# "Sales data is central, ops data isn't": one part central, the other not
_ISNT = re.compile(
    r"^[\w\s'-]{2,40}?(?:isn'?t|is not|aren'?t|are not|not yet|still isn'?t)\.?$|^[\u4e00-\u9fff\w]{1,12}?(?:不是|"
    r"还不是|没有)$"
)


# "if no work da first time no big deal", "如果不成功也没关系": a condition, not a denial
_IF_NOT_BEFORE = re.compile(
    r"(?:\b(?:if|when|even if)\b|如果|要是|万一|就算|即使)[^,，]{0,8}?(?:\bno\b|\bnot\b|n't\b|不|没)"
)


def _scan(clause: str, field_groups: Dict[str, Tuple[str, ...]]) -> List[str]:
    """Choices named inside a clause, leaving out one-character Chinese words (too ambiguous mid-sentence).
    Where data lives, a central place said with a negation ("nothing is in the data lake") is not central."""
    found = []
    said_back = [m.span() for m in _A_NOT_A.finditer(clause)]
    clause = _A_NOT_A.sub(lambda m: " " * len(m.group(0)), clause)
    spans = words.labelled_spans(clause, field_groups)
    for index, (s, e, label) in enumerate(spans):
        if e - s == 1 and words.cjk_count(clause[s:e]) == 1:
            continue
        if clause[s:e] in _STRADDLED and clause[max(0, s - 1) : s] in _STRADDLED[clause[s:e]]:
            continue  # "合同系统一块、OA一块": 系统 + 一块, not 统一
        if label not in (UNKNOWN, "unsure", "none_yet") and (
            any(0 <= s - end <= 4 for _, end in said_back) or any(0 <= start - e <= 3 for start, _ in said_back)
        ):
            continue  # "不确定能不能接受失败": what the question said back asks about
        following = spans[index + 1] if index + 1 < len(spans) else None
        if (
            label == "yes"
            and "no" in field_groups
            and re.match(r"不了|不到|不来|不成|不起来|不定|不动|不出|不现实", clause[e:])
        ):
            label = "no"  # "独立完成不了", "我们自己搞不了"
        elif label == "yes" and following and following[2] == "no" and following[0] - e <= 1:
            continue  # "肯定搞不定": the yes word only stresses the no
        elif label == "yes" and clause[s:e] in _STRESSING and any(later[2] == "no" for later in spans[index + 1 :]):
            continue  # "肯定得拉IT一起搞"
        if label in ("platform", "coe", "annual_planning") and _NEGATION_BEFORE.search(clause[:s]):
            continue  # "不搞卓越中心，就走端到端平台"
        if label == "siloed" and "central" in field_groups and _SYNCED_IN.search(clause[e:]):
            continue  # "各部门的数据每天晚上同步过去": gathered in one place after all
        if label == "central" and "siloed" in field_groups and _NEGATED.search(clause[:s]):
            label = "siloed"
        elif (
            label == "yes"
            and "no" in field_groups
            and (_NEGATION_BEFORE.search(clause[:s]) or _NEGATION_NEAR.search(clause[:s]))
        ):
            label = "no"  # "不能独立", "not on our own", "we can not do it alone"
        elif label == "good" and "poor" in field_groups and _NEGATION_BEFORE.search(clause[:s]):
            label = "poor"  # "not nice at all", "不干净"
        elif label == "poor" and "good" in field_groups and _NEGATION_BEFORE.search(clause[:s]):
            bare = not re.match(r"太|很|那么|特别|非常|十分|\b(?:too|that|very|so)\b", clause[s:e])
            label = "good" if bare and re.search(r"(?:不|并不|一点也不|一点都不)$", clause[:s]) else "mixed"  # "不差"
        elif (
            label == "budgeted"
            and not _IF_NOT_BEFORE.search(clause[:s])
            and (
                _NEGATION_BEFORE.search(clause[:s])
                or _NEGATION_NEAR.search(clause[:s])
                or re.search(r"\b(?:no|nobody|no one)\b(?:\s+[a-z']+){0,2}\s*$", clause[:s])
            )
        ):
            label = "must_succeed"  # "没有预留": nothing is set aside for failures
        found.append(label)
    return found


def _resolve(field: str, labels: Sequence[str]) -> Optional[str]:
    distinct = list(dict.fromkeys(labels))
    if len(distinct) == 1:
        return distinct[0]
    concrete = [label for label in distinct if label not in (UNKNOWN, "unsure", "none_yet")]
    if field == "data_location" and ({"central", "siloed"} <= set(distinct) or "mixed" in distinct):
        return "mixed"
    if field == "data_location" and concrete:
        return concrete[0]
    if field == "data_quality" and len(concrete) > 1:
        return "mixed"
    if field == "scaling_path" and concrete:
        return distinct[0] if distinct[0] == "none_yet" else concrete[0]
    if len(concrete) == 1:
        return concrete[0]
    return None


_ALL_IN_ONE = re.compile(
    r"(?:都|全|全部|统一)(?:已经|已)?(?:在|放在|存在|存放在|进了|进)|\b(?:it'?s all|all of it(?: is)?|"
    r"everything(?: is)?|it all|all|(?:are |they'?re |both are )?both(?: of them)?(?: are)?)"
    r" (?:in|on|inside|sits in|lives in|stored in|kept in|lands in|goes into|ends up in|flows into)"
    r" (?:one|the same|a single|our|the)\b"
)
_NOT_THAT = re.compile(
    r"^(?:it'?s|it is|it isn'?t|it was) not that\b|^(?:it isn'?t|it wasn'?t|not) that\b|^不是说|^倒不是"
)
_ECHOED_QUESTION = re.compile(r"(.)(?:不|没)\1|(.)不\2.|^(?:do|does|is|are|can|will) (?:we|it|they|there)\b.*\?$")
_CORRECTING = re.compile(
    r"^(?:(?:actually|oh|nah|no|wait|hmm|um|erm)[\s,]+)*(?:哦|噢|呃|嗯|啊|哎|唉)?"
    r"(?:sorry|no wait|wait no|i mean|i meant|correction|scratch that|strike that|i take that back|"
    r"let me correct(?: that)?|oops|hang on|hold on|actually(?=[\s,]+(?:yes|no|yeah|nope)\b)|"
    r"on (?:further )?reflection|on second thoughts?|second thoughts|come to think of it|thinking about it again|"
    r"now that i think about it|never mind|算了|等等|等一下|等下|不对|哦不|说错了|我是说|应该说|更正(?:一下)?|"
    r"转念一想|仔细想想|再想了想|that'?s (?:unfair|not fair|too harsh|harsh|not quite right|not right))"
    r"(?:\s*[-–—]\s*|[\s,，:：]+|$)|"
    r"^(?:算了|不对|哦不|想了想|想想|转念一想)[\s,，]*还是"  # "先不组了 嗯 算了还是组一个吧"
)
_ACKNOWLEDGEMENTS = frozenset(
    {
        "ok",
        "okay",
        "ok then",
        "right",
        "alright",
        "all right",
        "so",
        "well",
        "hmm",
        "um",
        "好",
        "好的",
        "嗯",
        "行",
        "那",
        "那个",
        "哦",
    }
)


def is_option_phrase(field: str, clause: str) -> bool:
    """Whether a clause is, word for word, one of the phrases of an option ("这不废话吗" is a yes)."""
    said = clause.strip(" ?？!！.。~～")
    return any(said in phrases for phrases in groups(field).values())


_FAIRNESS = re.compile(r"\b(?:to be fair|in (?:all )?fairness|fair enough|fair play|fair to say)\b")


def read_choice(field: str, text: str, *, in_passing: bool = False) -> Optional[Choice]:
    """The option of a choice question that a typed answer gives, or None ("ok, it's poor": poor).
    `in_passing`: the message answers another question, so only options it names count."""
    text = _FAIRNESS.sub(" ", words.fold(text))  # "Good to be fair, …": no "fair" quality
    clauses = words.clauses(text)
    if len(clauses) > 1 and _ECHOED_QUESTION.search(clauses[0]) and not _scan(clauses[0], groups(field)):
        text = "，".join(clauses[1:])  # "有没有没用上的数据？有啊，…": the question said back, then the answer
        clauses = clauses[1:]
    asked_back = [c for c in clauses if re.search(r"(?:吗|呢|么)$", c) and not _scan(c, groups(field))]
    if asked_back and len(asked_back) < len(clauses):  # "部门对吗？对。年份呢？也对。": each question said back
        clauses = [c for c in clauses if c not in asked_back]
        text = "，".join(clauses)
    if len(clauses) > 1 and _NOT_THAT.match(clauses[0]):
        text = "，".join(clauses[1:])  # "it's not that we have no data, it's that nobody looks at it"
        clauses = clauses[1:]
    for rest in _corrections(clauses):  # "Good - sorry, mixed. The sensor data is good but …": the correction counts
        after = _read_choice(field, rest, in_passing)
        if after is not None:
            return after
    found = _read_choice(field, text, in_passing)
    if len(clauses) > 1 and clauses[0].strip() in _ACKNOWLEDGEMENTS:
        after = _read_choice(field, "，".join(clauses[1:]), in_passing)
        if after is not None:
            return after
    return found


# Failure tolerance said as a stance rather than an option: the shape of the sentence decides.
_STANCES = {
    "must_succeed": re.compile(
        r"(?:不|不能|不可以|不允许|不许|不接受|不容|容不得|输不起)(?:能|可以|允许|许|接受)?(?:失败|翻车|搞砸|做砸)|"
        r"(?:失败|翻车|搞砸|做砸|整砸|做不成)(?:了)?(?:就|便)(?:没|完|黄|凉|得背锅|要背锅|得写检讨)|"
        r"(?<!不要求)(?<!不用)(?<!不必)(?<!不需要)(?<!不求)(?:一次|一把)(?:就)?(?:成|到位|成功|做成|搞定)|(?:没有|没)(?:第二次|退路|兜底|试错的?(?:预算|空间|钱))|不存在的|完犊子|背锅|"
        r"(?:不会|唔会|不给|唔俾|冇|没有?)(?:给|俾)?(?:第二次|二次)机会|没容错|挨批|一锤子买卖|散伙|想都别想|(?:就|只)批了一次|零容忍|"
        r"必须(?:拿|出)(?:到)?结果|"
        r"\b(?:no|zero) (?:second chances?|room for (?:error|failure)|margin for error|safety net|plan b)\b|"
        r"\bone (?:shot|chance|go)\b|"
        r"\b(?:has|have|got) to (?:work|succeed|land|deliver)\b|\bcan(?:'?t|not) (?:afford to )?fail\b|"
        r"\b(?:no|zero) (?:budget|money|room|funds?|appetite|patience) for (?:failures?|failing|flops?|mistakes?|"
        r"experiments?)\b|\bmust (?:work|succeed|deliver|land)\b|"
        r"\bnot (?:\w+ )?(?:enthusiastic|keen|happy|thrilled|comfortable|relaxed) (?:about|with) "
        r"(?:failed|failing|failures?|"
        r"flops?|mistakes)\b"
    ),
    "budgeted": re.compile(
        r"(?:不成|失败|翻车|踩坑|做不成|整砸|搞砸|做砸)(?:了)?(?:也|都)(?:认|能接受|可以接受|没事|没关系|无所谓|不怕|兜得住|ok|行)|可以再来|"
        r"(?:失败|翻车|搞砸|做砸|试错)(?:了)?(?:不怕|没事|没关系|无所谓)|(?:钱|预算|经费)(?:给|都|也)?(?:留着|留好了|备着|备好了|预备着)|"
        r"(?:切了|留了|预留了?|留够了?|专项|单独|单列)(?:一块|一笔|的)?\S{0,4}?(?:预算|钱|经费)|预期会有失败|允许(?:失败|试错|踩坑|迭代|翻车)|"
        r"允许\S{0,8}?(?:不成功|失败|试错)|(?:预算|钱|经费)(?:来)?兜底|(?:不要求|不用|不必|不需要|不求)一次(?:就)?(?:成|成功|做成)|"
        r"(?<!\bno )(?<!\bzero )\b(?:budget(?:ed)?|money|funds?|room|buffer|slack) (?:set aside|put aside|reserved|"
        r"earmarked|for (?:failures?|experiments?|mistakes?))\b|"
        r"\b(?:budget|money|funds?|capacity)\b(?: [\w%]+){0,3} (?:is |are |has been |have been )?(?:set aside|"
        r"put aside|reserved|earmarked|ring-?fenced|allocated) for\b|"
        r"\b(?:failure|failing|mistakes?) (?:is|are) (?:ok|okay|fine|expected|accepted|part of)\b|"
        r"(?<!\bnot )(?<!\bnever )(?<!n't )\b(?:put|set|kept|keep|putting|setting|have|got)\s+"
        r"(?:a (?:little )?bit|a little|some(?:thing)?|"
        r"money|cash|funds?|budget)(?: of (?:money|cash|budget))?\s+aside\b"
    ),
    "unsure": re.compile(
        r"没整明白|没吱声|心里(?:也|都)?(?:没数|没底)|(?:没|还没|没有)(?:人)?(?:跟|和|同)?(?:老板|领导|上面|老细|上头)?(?:对齐|表态|表过态|聊过|倾过|明确说过|说过|定下来|定)|没有定论|心里没底|"
        r"\b(?:hasn'?t|has not|haven'?t|have not|never) (?:been )?(?:discussed|agreed|decided|come up|talked about)\b|"
        r"\b(?:is|are|was|were)(?: not|n't)(?: yet)? (?:been )?(?:discussed|agreed|decided|talked about)\b"
    ),
}


# "whether X" followed by its being undecided: the answer is that it is open
_STILL_OPEN = re.compile(
    r"(?:能否|是否|能不能|会不会|可不可以|行不行)\S{0,12}?(?:有待|待定|还不确定|不确定|说不准|难说|不好说|还不知道|不清楚|未知)|"
    r"\bwhether\b.{0,40}\b(?:is|remains|are) (?:still )?(?:open|unclear|unknown|tbd|undecided|up in the air)\b"
)


_NO_NEED_BEFORE = re.compile(r"(?:不用|不必|无需|无须|不需要|不一定要|不求)$")
_NEGATED_STANCE = re.compile(
    r"(?:[没冇无]有?|\b(?:no|nobody|no one|never|not|do ?n'?t|does ?n'?t|did ?n'?t|have ?n'?t|has ?n'?t|won'?t)\b"
    r"(?:\s+[a-z']+){0,2}\s*)$"
)


def _stance(text: str) -> Optional[str]:
    found = set()
    for label, pattern in _STANCES.items():
        for match in pattern.finditer(text):
            before = text[: match.start()]
            if label == "budgeted" and _NEGATED_STANCE.search(before):
                label = "must_succeed"  # "no money set aside for…", "冇預留…預算"
            elif label == "must_succeed" and _NO_NEED_BEFORE.search(before):
                label = "budgeted"  # "唔使一次成功" (it need not work the first time)
            found.add(label)
    if found == {"budgeted", "unsure"}:
        return "unsure"  # "…估计有点空间吧，但没人明确说过"
    return found.pop() if len(found) == 1 else None


_PART_AND_PART = re.compile(
    r"\b(?:parts? of it|some of it|some (?:bits|parts))\b.{1,60}"
    r"\b(?:parts? of it|some of it|other (?:bits|parts)|the rest)\b|"
    r"(?:一部分|有的|有些)[^。；;]{1,20}[，,、；;]\s*(?:一部分|有的|有些|另一部分)"
)
_ANECDOTE = re.compile(
    r"^(?:the last time|last time|back when|when we (?:launched|tried|did|started|had|ran)|years ago|once we|we once|"
    r"my predecessor|a few years (?:ago|back)|上次|以前我们|之前那次|那次|记得以前|前几年)"
)
_NEEDS_OTHERS = re.compile(
    r"(?:还|也|得|就)?(?:需要|要|得)[\w\u4e00-\u9fff]{1,10}?(?:支持|帮忙|配合|协助|参与|帮助)(?:才行|才可以)?[。.!！]?$"
)
# "In principle yes, in practice we would depend on IT for deployment": what it comes down to is others' help
_IN_PRACTICE_OTHERS = re.compile(
    r"\b(?:in practice|in reality|realistically|practically|but)\b[^.;]{0,30}"
    r"\b(?:depend(?:s|ing)? on|rely on|relying on|"
    r"need (?:help from|support from|the|our|their|a)|can'?t do it without)\b|"
    r"\bwith (?:a (?:bit|little) of |some |a lot of |lots of )?(?:help|support) (?:from|of)\b|"
    r"在[^，,。]{1,8}?的?(?:帮助|支持|协助|配合)下"
)
# Two negations that make a yes ("不能说不重要", "没有不上线的道理", "不用机器学习还真不行"), and the
# rhetorical questions that mean one ("你说重不重要？", "难道这不是真问题？")
_DOUBLE_NEGATIVE = re.compile(
    r"(?:不能说|不好说|不敢说|谈不上|说不上)(?:不|没)|不是(?:没|不)(?!有?(?:用|必要|需要))|(?:没有|没)(?:不|理由不)|"
    r"(?:不会|不可能|不至于|不能)(?:不|没)|非\S{1,6}不可|不(?!行|可|好)[^\s，,。不]{1,8}?(?:还真|真|就|可)?不行|"
    r"你说(\S)不\1|难道(?:这|它|这个|那)?(?:还)?(?:不|没)|"
    r"\b(?:not un(?:important|real|likely|reasonable)|can'?t say (?:it'?s|it is) not|"
    r"it'?s not (?:like|as if) we (?:don'?t|can'?t))\b"
)
_RHETORICAL_YES = re.compile(r"^(?:那|这)?(?:可不是|可不咋的|难道不是|还能不是|咋不是|怎么不是)(?!没|不)")


def _read_choice(field: str, text: str, in_passing: bool = False) -> Optional[Choice]:
    """The option of a choice question that a typed answer gives, or None.

    A clause that opens with an option settles a yes/no question ("有，…数据一直没用起来"
    is yes) and most others; otherwise the first clause that names options decides, and
    an answer that names two different ones is not guessed at. Where options combine,
    every clause counts: data partly central and partly in spreadsheets is "mixed", and
    so is data that is good in one place and poor in another.
    """
    folded = words.correct_chinese(words.correct(words.fold(text)))
    choices = YES_NO_UNSURE if field == YES_NO else FIELDS_BY_NAME[field].choices
    if folded.replace(" ", "_") in choices:
        return Choice(folded.replace(" ", "_"), True)
    field_groups = groups(field)
    raw = words.clauses(folded)
    if not raw:
        return None
    stance = _stance(folded) if field == "failure_tolerance" and not in_passing else None
    if stance == "unsure" or (
        stance
        and not _A_NOT_A.search(folded)
        and not any(_DOUBT_FIRST.match(_strip_lead_in(c)) for c in raw)
        and not (len(raw) > 1 and _ENDS_UNSURE.search(words.without_trailing_emoji(raw[-1])))
    ):  # doubts keep the reading below
        return Choice(stance, False)
    if field == "data_quality" and _PART_AND_PART.search(folded):
        return Choice("mixed", False)  # "parts of it lovely, parts of it overgrown", "有的干净，有的一团糟"
    if field == "q_can_do_alone" and (_NEEDS_OTHERS.match(folded) or _IN_PRACTICE_OTHERS.search(folded)):
        return Choice("no", True)  # "需要DA支持", "in principle yes, in practice we would depend on IT": help is needed
    if (field in YES_NO_FIELDS or field == YES_NO) and _RHETORICAL_YES.match(folded):
        return Choice("yes", True)  # "那可不是真问题咋的", "难道不是吗"
    if (field in YES_NO_FIELDS or field == YES_NO) and _DOUBLE_NEGATIVE.search(raw[0]):
        return Choice("yes", True)  # "不能说不重要", "不是没遇到过，是天天遇到", "不会不试点的"
    if (field in YES_NO_FIELDS or field == YES_NO) and _STILL_OPEN.search(folded):
        return Choice("unsure", False)  # "能否投产有待进一步论证", "whether legal signs off is still open"
    if (
        field == "data_location"
    ):  # "…all in the data lake, quality is mixed": what follows "quality" is not where it lives
        raw = [c for c in (re.split(r"quality|质量|质素", c)[0].strip() for c in raw) if c] or raw
        raw = [
            part.strip() for c in raw for part in re.split(r"\s+but\s+|\s+whereas\s+|\s+while\s+", c) if part.strip()
        ]
    elif (
        field in YES_NO_FIELDS or field == YES_NO
    ):  # "not a top priority but worth doing": what follows "but" concludes
        raw = [part.strip() for c in raw for part in re.split(r"\s+(?=but\s)", c) if part.strip()]
    parts = [_strip_lead_in(c) for c in raw]
    if len(parts) > 1 and (
        not parts[0] or raw[0].strip() in _LEAD_IN
    ):  # "Honestly, I do not know where IT keeps it. …"
        raw, parts = raw[1:], parts[1:]
    while len(raw) > 1 and _ANECDOTE.match(raw[0]) and any(_scan(c, field_groups) for c in raw[1:]):
        raw, parts = raw[1:], parts[1:]  # "The last time we tried something on our own we broke …; we'll need IT"
    lead = (
        _leading(raw[0], field_groups)
        or _leading(parts[0], field_groups)
        or _leading_after_subject(parts[0], field_groups)  # "it's more of an annoyance than a real problem"
    )
    if lead is None and raw[0] == "can" and "yes" in field_groups and len(raw) > 1:
        lead = "yes"  # "can, just need CAB approval"
    opens_good = lead == "good" or (lead is None and _scan(parts[0], field_groups)[:1] == ["good"])
    qualified = _GOOD_BUT_FOR.search(folded) if field == "data_quality" and opens_good else None
    if qualified and not re.search(r"\b(?:nothing|no|none|only|hardly any)\b[^,.;]*$", folded[: qualified.start()]):
        return Choice("mixed", True)  # "great apart from the old records", "good in parts"
    if field == "data_quality" and opens_good and len(parts) > 1:
        after_but = [label for part in parts[1:] if _BUT.match(part) for label in _scan(part, field_groups)]
        if "poor" in after_but:
            return Choice("mixed", True)  # "Photos are good, but many of them have no label."
    if field == "data_quality" and len(parts) > 1 and lead in ("poor", "mixed"):
        rest = [label for part in parts[1:] for label in _scan(part, field_groups)]
        if "poor" in rest and "good" not in rest and (lead == "poor" or _LUKEWARM.match(parts[0])):
            return Choice(
                "poor", True
            )  # "pretty rough, … inconsistent file names", "not great — duplicates everywhere"
    if field in COMBINING and len(raw) > 1:
        concluded = _conclusion(raw, field_groups, said_so=True)
        if concluded:
            return Choice(concluded, True)  # "…neither is connected to the data lake. So siloed."
        for edge in (
            parts[0],
            parts[-1],
        ):  # "Good. The photos have high resolution…", "…nothing is connected. Silos only."
            bare = re.sub(r"\s+only$|^only\s+|^(?:it'?s|they'?re|pretty|quite|mostly)\s+", "", edge)
            said = next((label for label in field_groups if bare in field_groups[label]), None)
            others = {label for part in parts[1:] for label in _scan(part, field_groups)} - {said, UNKNOWN, "mixed"}
            if said and said != UNKNOWN and (bare in _PLAIN_OPTIONS or (edge is parts[0] and not others)):
                return Choice(said, edge is parts[0])  # "口径不统一，但数字本身还算准" names both: mixed
    if (
        field == "data_location"
        and len(parts) > 1
        and (
            parts[0] in ("both", "两者都有", "两个都有", "都有")
            or (
                any(_ISNT.match(part) and not _scan(part, field_groups) for part in parts[1:])
                and "central" in _scan(parts[0], field_groups)
            )
        )
    ):
        return Choice(
            "mixed", parts[0] in ("both", "两者都有", "两个都有", "都有")
        )  # "Both, really: …", "Sales data is central, ops data isn't."
    if field in COMBINING:
        scanned = [label for part in parts for label in _scan(part, field_groups)]
        if lead in ("siloed", "central") and set(scanned) - {lead} <= {"mixed"}:
            return Choice(lead, True)  # "scattered, some in the repository and some in email"
        labels = ([lead] if lead else []) + scanned
        if (
            field == "data_location"
            and "mixed" not in labels
            and any(_ALL_IN_ONE.search(part) and set(_scan(part, field_groups)) == {"central"} for part in parts)
        ):
            return Choice(  # "crm, braze email data - all in the lake already"
                "central", lead == "central" or set(labels) == {"central"}
            )
        if lead == UNKNOWN and (
            _HEDGE.search(" ".join(parts[1:])) or any(UNKNOWN in _scan(part, field_groups) for part in parts[1:])
        ):
            return Choice(UNKNOWN, True)  # "不太清楚，也可能在供应商那边": a guess after "I don't know"
        if field == "data_location" and set(labels) <= {UNKNOWN} and _places(parts) >= 2 and not in_passing:
            labels.append("siloed")  # "logs in the vendor's cloud, tickets in Zendesk": kept in several places
        elif (
            field == "data_location"
            and set(labels) == {"central"}
            and len(parts) >= 2
            and any(
                _places([part]) and not _scan(part, field_groups) and not _ALL_IN_ONE.search(part) for part in parts
            )
        ):
            labels.append("siloed")  # "保单数据在数仓，双录视频在另外的存储里": partly central
        value = _resolve(field, labels) if labels else None
        if (
            field == "data_location"
            and value == "siloed"
            and len(parts) > 1
            and _MOSTLY.match(parts[0])
            and not _scan(parts[0], field_groups)
            and not re.search(
                r"\S(?:和|同|跟|与|及|以及|、|\band\b|&)\s*\S", parts[0]
            )  # "主要在交易系统同KYC系统": two
        ):
            value = "mixed"  # "mostly SAP, but the scanned invoices are in a separate DMS"
        if value is None and field == "data_location" and not in_passing and _ALL_IN_ONE.search(folded):
            value = "central"  # "都在能源管理系统里", "it's all in SAP"
        return Choice(value, bool(lead) and value == lead) if value else None
    if (
        "unsure" in field_groups
        and len(raw) > 1
        and _ENDS_UNSURE.search(words.without_trailing_emoji(raw[-1]))
        and any(_CONTRAST_START.match(clause) for clause in raw[1:])
        and (
            lead in (None, "unsure")
            or re.match(
                r"应该|估计|可能|大概|也许|好像|\b(?:maybe|probably|i think|i guess|should|might|perhaps)\b", raw[0]
            )
        )
    ):
        return Choice("unsure", False)  # "应该有一些，但具体多少、有没有人用过我不确定"
    turns = [clause for clause in raw[1:] if _CONTRAST_START.match(clause)]
    if lead == "unsure" and turns and not any(_scan(clause, field_groups) for clause in turns):
        return Choice(
            "unsure", True
        )  # "不太确定，老板嘴上说可以试错，但预算没专门留" ("Partly, but realistically no" is no)
    concluded = _conclusion(raw, field_groups)
    if concluded and lead != concluded:  # "…, so no." / "it's not the biggest thing, but yes, it's worth it"
        return Choice(concluded, True)
    said_next = next((i for i in range(1, len(raw)) if parts[i] and parts[i] not in _LEAD_IN), None)
    if lead == "unsure" and said_next:  # "kinda, yes": a hedge, then the answer ("Partly only... honestly, no.")
        settled = (
            _leading(raw[said_next], field_groups)
            or _leading(parts[said_next], field_groups)
            or _leading_after_subject(parts[said_next], field_groups)
        )  # "kinda? it's more of an annoyance than a real problem", "partly, we'd need IT for the deployment"
        if field != "q_unused_data" and re.match(r"there (?:is|are)\b", raw[said_next]):
            settled = None  # "Unsure. There are works council concerns that could block it": the reason for the doubt
        later_doubt = any("unsure" in _scan(part, field_groups) for part in parts[said_next:])
        if (
            settled in ("yes", "no") and not later_doubt
        ):  # "Partly? We can do the modelling but I'm not sure about …" stays unsure
            return Choice(settled, True)
    if lead in (UNKNOWN, "unsure", "none_yet") and field not in YES_NO_FIELDS and field != YES_NO:
        rest = [label for part in parts[1:] for label in _scan(part, field_groups)]
        later = [label for label in rest if label not in (UNKNOWN, "unsure", "none_yet")]
        # "not sure, haven't talked budget for failures yet" stays unsure;
        # "eh, laura wants it to work, no budget for flops": the hedge opens, the answer follows
        if later and lead not in rest and not _WHETHER.search(" ".join(parts[1:])):
            return Choice(later[0], False)
    if lead:
        return Choice(lead, True)
    described = _evidence(field, folded) if not in_passing else None
    if described:  # "…clickstream data we've never activated": "never" describes the data, it does not answer
        return described
    for part in parts:
        labels = _scan(part, field_groups)
        if labels and "unsure" in field_groups and _DOUBT_FIRST.match(part):
            return Choice("unsure", False)  # "not sure it is important enough", "不确定能不能上线"
        if labels:
            value = _resolve(field, labels)
            return Choice(value, False) if value in choices else None
    if field == "failure_tolerance":  # "yes" / "no, …" to "are failed experiments planned for?"
        yes_no = read_choice(YES_NO, text)
        value = (
            {"yes": "budgeted", "no": "must_succeed", "unsure": "unsure"}.get(yes_no.value)
            if yes_no and yes_no.leading
            else None
        )
        return Choice(value, True) if value else None
    if not in_passing:
        return _evidence(field, folded)
    return None


# Answers that name no option but describe a situation that settles it: the loss that makes a project
# important, data that nobody reads, rules that cannot keep up, a team that tries it first.
_EVIDENCE: Dict[str, Dict[str, Pattern[str]]] = {
    field: {label: re.compile(pattern) for label, pattern in options.items()}
    for field, options in {
        "q_important": {
            "yes": r"(?:赔|损失|亏|罚|浪费|多花|少赚|丢了?)\S{0,10}?(?:\d|[一二两三四五六七八九十几百千万亿])+\S{0,3}?"
            r"(?:万|亿|千|百|元|块)|点名|拍桌子|亲自过问|亲自抓|三天两头|你说(?:重不重要|值不值得?)|"
            r"(?:老板|领导|老总|上面|上头)?(?:天天|每天|一直|老是|总是|隔三差五)(?:在)?催|催得(?:很)?紧|"
            r"(?:老板|领导|总经理|老总|总裁|高层|董事会|ceo|cfo|[张王李刘陈杨赵黄周吴]总)[^没不无未，,。；;]{0,12}?(?:专门|亲自|多次|反复|一直)?(?:提过|提到|提了|过问|问过|关心|重视|强调|盯着|盯的|盯得|在盯)|"
            r"\b(?:cost|costs|costing|lost|lose|losing|wasted?|fined?|penalt\w+)\b.{0,30}?(?:[$€£]|\d)|"
            r"\b(?:ceo|cfo|coo|the board|md|managing director|my boss|the boss)\b.{0,30}\b(?:raised|asks?|asked|"
            r"mentioned|escalated|wants?|chas\w+|on (?:my|our) back)\b"
        },
        "q_real_problem": {
            "yes": r"加班|常态|切身体会|天天|每天|投诉|抱怨|头疼|叫苦|吐槽|忙不过来|返工|"
            r"\b(?:overtime|complain\w*|every (?:day|week|month)|daily|drowning|swamped|firefight\w*|late nights?)\b"
        },
        "q_unused_data": {
            "yes": r"(?:没人|没有人|无人|从来没|从没|从未|很少|基本不|基本没|几乎不|几乎没|不怎么)(?:有)?(?:人)?"
            r"(?:回头|认真|好好|系统地?)?(?:去|来)?"
            r"(?:做过?(?:任何|什么)?)?(?:翻|碰|看|用|分析|挖掘|理|管|读|查|利用|动|研究)|"
            r"(?:仅|只|就)(?:是|作|在|用于|当作?)\S{0,10}?(?:归档|备查|存档|看一眼|瞄一眼|查一下|翻一下)|(?:存着|放着|躺着|堆着)而已|"
            r"(?:没有|没|从没|从来没)(?:人)?(?:做过|进行过|搞过|做)(?:任何|什么)?(?:深入|系统|认真|细致|专门|真正)?的?"
            r"(?:分析|挖掘|利用|研究|建模)|"
            r"(?:存在|有)(?:大量|很多|不少|海量)\S{0,6}?(?:未|没)(?:被)?(?:利用|使用|用)|"
            r"\b(?:nobody|no one|noone|never|rarely|hardly ever)\b(?:\s+[\w']+){0,2}?\s+(?:reads?|read|uses?|used|"
            r"looks?|looked|"
            r"touch(?:es|ed)?|analy[sz]\w*|mines?|mined|opens?|opened|quer(?:y|ies|ied)|activated|tapped|exploited|leveraged)\b|"
            r"\b(?:sitting on|sit on) (?:a |an )?(?:goldmine|gold mine|treasure|mountain|pile|trove)\b|金矿|"
            r"\b(?:just|only) (?:sits?|sitting|archived|stored|kept) (?:there|around|for (?:audits?|compliance))\b|"
            r"\b(?:none of (?:it|this|that|them|these)|nothing|little of (?:it|this))\s+(?:is|are|was|were|has been|"
            r"have been|gets?|got)\s+(?:ever\s+|really\s+|actually\s+|properly\s+)?"
            r"(?:used|cross-referenced|analy[sz]ed|linked|joined|looked at|connected|touched|combined|mined|"
            r"exploited|leveraged|tapped|put together)\b|"
            r"\b(?:never|not) (?:been |ever been )?(?:cross-referenced|analy[sz]ed|mined|exploited|leveraged|tapped)\b"
        },
        "q_needs_ml": {
            "yes": r"(?:规则|关键词|关键字|阈值|人工|手工|excel|公式|统计)\S{0,14}?(?:不理想|不行|不够|搞不定|写不过来|"
            r"覆盖不了|跟不上|不准|失效|效果(?:不好|差)|太多误报)|"
            r"\b(?:rules?|keywords?|thresholds?|manual(?:ly)?|formulas?|spreadsheets?|heuristics?)\b.{0,30}?\b(?:can'?t|cannot|don'?t|doesn'?t|"
            r"does not|do not|did not|didn'?t|never worked|"
            r"fail\w*|not enough|too many false|miss\w*|break\w*|not cut it|won'?t)\b"
        },
        "q_can_ship": {
            "yes": r"应该不难|不难|没什么难度|难度不大|问题不大|很容易|接进去就行|"
            r"\b(?:should be (?:easy|straightforward|simple|fine)|not hard|easy enough|plug(?:s|ged)? (?:it |"
            r"straight )?into|sits? (?:right )?inside|built into|i should think so)\b"
        },
        "pilot_team": {
            "yes": r"\b(?:goes|go|going|will go|test-?drive\w*|tries|try|trial\w*|pilot\w*|starts?|runs?|"
            r"kicks? off)\b.{0,30}?\bfirst\b|"
            r"side by side|\bbefore (?:anyone|everyone|we|the rest)\b.{0,20}\b(?:relies|rely|roll|go)\w*|test-?drive|"
            r"先(?:让|由|在)\S{0,10}?(?:试|跑|用)"
        },
    }.items()
}


def _evidence(field: str, folded: str) -> Optional[Choice]:
    for label, pattern in _EVIDENCE.get(field, {}).items():
        if pattern.search(folded):
            return Choice(label, False)
    return None


# Closing a long answer, only an option named outright decides it ("…, 没拉回来" explains; "…. Silos only." concludes)
_DOUBT_FIRST = re.compile(
    r"^(?:(?:hmm|well|honestly|i mean|to be honest)[\s,]+)?(?:i'?m |i am |we'?re |we are )?(?:really |still )?"
    r"(?:not (?:really |quite |entirely |totally )?sure|unsure|not certain|no idea|(?:i )?(?:don'?t|do not) know|"
    r"can'?t say)\b|^(?:我|我们)?(?:也|还|真)?(?:不确定|不太确定|说不好|说不准|不知道|不清楚|拿不准|吃不准)"
)
_PLAIN_OPTIONS = frozenset(
    {
        "siloed",
        "silo",
        "silos",
        "central",
        "centralised",
        "centralized",
        "mixed",
        "both",
        "good",
        "poor",
        "bad",
        "孤岛",
        "集中",
        "分散",
        "混合",
        "两者都有",
        "一般",
        "好",
        "差",
    }
)
_LUKEWARM = re.compile(r"^(?:not (?:great|so good|that good|too good|good enough|the best)|could be better)[\s.!]*$")
_MOSTLY = re.compile(r"^(?:mostly|mainly|largely|primarily|大部分|大多|大多数|主要)")
_WHETHER = re.compile(
    r"\b(?:whether|if)\b|是否|会不会|能不能|可不可以"
)  # "unsure. nobody decided whether failures are acceptable"
_HEDGE = re.compile(
    r"可能|也许|或许|估计|大概|好像|似乎|貌似|\b(?:maybe|might|perhaps|probably|possibly|i guess|i think)\b"
)
_PLACE = re.compile(
    r"\b(?:in|on|inside|within)\s+(?:the\s+|a\s+|an\s+|our\s+|their\s+|its\s+|each\s+)?[\w'-]+|(?<![存现正所实自])在(?!于)\S{2,}"
)


def _places(clauses: Sequence[str]) -> int:
    """How many clauses say where something is kept ("tickets in Zendesk", "录音在呼叫中心系统")."""
    return sum(1 for clause in clauses if _PLACE.search(clause))


_ASKS_BACK = re.compile(r"[?？]\s*$")  # a question back is explained or looked up, never guessed at
# How sure the model must be to read an answer (benchmarks/choice_reading.py, leave one edition out):
GUESS_WHEN_UNREAD = 0.6  # the rules found no option
GUESS_OVER_INFERENCE = 0.5  # the rules inferred one that the answer does not open with
GUESS_OVER_MIXED = 0.85  # the rules weighed two sides into "mixed"
DOUBTS = frozenset({"unsure", UNKNOWN})
_NEGATING = re.compile(
    r"[不没無无别未冇唔莫勿弗非]|\b(?:no|not|never|nobody|none|nothing|without|neither|nor|hardly|barely)\b|n't\b|"
    r"\b(?:dont|cant|wont|isnt|arent|doesnt|didnt|havent|hasnt|wasnt|werent|couldnt|wouldnt)\b"
)


def _corrections(clauses: Sequence[str]) -> Iterator[str]:
    """What follows each "scratch that" / "不对" among `clauses`, the last correction first."""
    for index in reversed(range(1, len(clauses))):
        corrected = _CORRECTING.match(clauses[index])
        rest = "，".join([clauses[index][corrected.end() :], *clauses[index + 1 :]]).strip("，, ") if corrected else ""
        if rest and not _DETAIL_RESTATED.match(rest):  # "Yes, seven years of data. Actually no, closer to ten."
            yield rest


_DETAIL_RESTATED = re.compile(
    r"^(?:no|nope|yes|yeah)[\s,，]+(?:it'?s |that'?s |it is |make (?:it|that) )?(?:closer to|more like|nearer|nearly|"
    r"almost|at least|over|under) \S+"
)


def _after_correction(text: str) -> Optional[str]:
    """What follows the last self-correction of an answer, if anything does."""
    return next(_corrections(words.clauses(words.fold(text))), None)


# A weak yes, then doubt said outright: "It can be. Maybe …, I am not 100% sure", "可能吧，说实话我也拿不准"
_WEAK_YES = re.compile(
    r"^(?:(?:it|that|this) (?:can|could|might|may) be|(?:could|might|may) be|maybe|possibly|perhaps|probably|"
    r"可能|也许|或许|大概|应该|说不定)\b"
)
_NOT_SURE_AFTER = re.compile(
    r"[,;.，；。]\s*.{0,60}?(?:\b(?:i'?m|i am|we'?re|we are) not (?:100%|a hundred percent|totally|entirely|completely|"
    r"fully|really|that)? ?sure\b|\bnot sure\b|拿不准|不太确定|不确定|说不准|吃不准)"
)
# A hedge, then the answer it comes down to: "Partly; realistically, no."
_DECISIVE = re.compile(
    r"[,;.，；。]\s*(?:but\s+)?(?:realistically|in practice|practically speaking|in reality|honestly|frankly|"
    r"to be honest|tbh|truth be told|if i'?m honest|"
    r"truthfully|bottom line|all told|on balance|(?:so,? )?net[- ]net|so overall|overall|all in all|in the end|"
    r"long story short|so)[,:]?\s+(?:(?P<no>no|not really)|(?P<yes>yes))\b(?!\s+(?:idea|clue|one|way)\b)"
)
# A yes said by denying its opposite or by closing on "of course"
_EMPHATIC_YES = re.compile(
    r"[?.!,;]\s*(?:of course|obviously|naturally|absolutely|definitely)"
    r"(?: it (?:is|does|can|will)| we (?:do|can|will|have))?"
    r"\s*[.!]*\s*$|"
    r"^\s*(?:it'?s|it is|this is|that'?s|that is)\s+no\s+(?:hypothetical|joke|theory|myth|exaggeration|made-up|"
    r"small|minor|nice-to-have)\b|"
    r"^\s*没有(?:哪|一)(?:周|天|个月|月|次|年|个|回)\S{0,4}?不"
)
# An option said back as a question, then the real answer: "Budgeted? Ha. …", "有预算？开玩笑，…"
_ECHOED_OPTION = re.compile(
    r"^\s*[^?？.!。！,，]{1,20}[?？]+\s*(?:(?:ha|haha|lol|hah|yeah right|哈|哈哈|呵呵|开玩笑)[\s.!。！,，]*)?"
)
_CONCLUDED_ZH_CANNOT = re.compile(
    r"[，,。；;！!？?]\s*(?:所以|因此|总之|总的来说|说到底|归根结底)[，,\s]*[^，,。；;！!？?]{0,12}?"
    r"(?:完成不了|做不了|搞不定|弄不了|干不了|做不到|办不到|不能单独|没法单独|无法单独|无法独立|不能独立)(?:的|啊|吧|呢)?[。！!.]?$"
)
_CONCLUDED_ZH = re.compile(
    r"[，,。；;！!？?]\s*(?:所以|因此|总之|总的来说|反正|说到底|归根结底)(?:说)?[，,\s]*(?:(?:我的)?答案(?:是|就是)|还是|肯定|当然)?"
    r"(?:(?P<no>不用|不需要|没必要|不能|不行|做不到|没有|不会)|(?P<yes>要|需要|得|必须|能|可以|有|会))"
    r"(?:用|上|做|的|啊|吧|嘛)*[。！!.]?$"
)
# An objection to the question, then the answer: "这个问题前提就不对……答案是能", "…不重要谁会来写计划？当然重要"
_CONCESSION = re.compile(
    r"(?:不过|但是|可是|然而|好吧|答案是|硬要说的话|硬要说|非要说的话|说回来|言归正传|[?？]|"
    r"\b(?:but|anyway|that said|having said that|to answer (?:your question|it)|the answer is)\b)[，,:：\s]*"
)
_OBJECTION = re.compile(
    r"问题|这么问|这样问|前提|多余|没什么意义|没意义|不太适合|不认可|不同意|废话|\b(?:question|asking|premise|silly|"
    r"pointless|odd|strange)\b"
)


def _after_concession(text: str) -> Optional[str]:
    """What follows the last turn of a message that first objects to the question, if it has substance."""
    folded = words.fold(text)
    turns = list(_CONCESSION.finditer(folded))
    if not turns or not _OBJECTION.search(folded[: turns[0].start() + 1]):
        return None
    rest = folded[turns[-1].end() :].strip()
    return rest if has_substance(rest) else None


# The new answer of a change, said with its verb: "改成差吧", "change it to poor"
_CHANGED_TO = re.compile(
    r"(?:那就|就|那|请|帮我|麻烦)?(?:改成|改为|换成|更正为|改做)\s*|"
    r"(?i:(?:(?:ok|okay|so|then|please)[,\s]+)*(?:change it to|change that to|make it|set it to|mark it as|"
    r"switch it to|"
    r"update it to)\s+)"
)
_RATHER_THAN = re.compile(
    r"^(?P<kept>.+?)(?:\s*[,，]?\s*\b(?:rather than|instead of)\b|\s*[,，]?\s*(?:而不是|而非))|"
    r"^(?P<said>(?:是|确实是|真是)[^，,。不]{1,12}?)[，,\s]*不是",  # "是真事儿不是瞎整"
    re.IGNORECASE,
)

# One option denied, then another stated: "Not good, it is mixed, …", "不算好，算一般吧"
_DENIED_THEN_STATED = re.compile(
    r"^\s*(?:not|isn'?t|it'?s not|it is not)\s+(?:\w+\s+){0,2}?\w+\s*[,;.，；。]\s*"
    r"(?:it'?s|it is|its|they'?re|rather|more like|more|just|i'?d say|i would say|more of a|call it)\s+(?P<en>.+)"
    r"|^\s*(?:不算|不是|谈不上|说不上)[^，,。；;]{1,4}[，,。；;]\s*(?:算是?|就是|应该算|顶多算|也就|只能算|是)(?P<zh>.+)",
    re.IGNORECASE,
)


_SO_IT_IS = re.compile(
    r"\b(?:so|then|therefore)\b[^.;!?]{0,40}?\b(?:is|are|=|:)\s*(?:a\s+)?(?:(?P<no>no|nope)|(?P<yes>yes|yep))\s*[.!]?\s*$"
)
_SUMMED_UP = re.compile(
    r"(?:^|[.;!。；！]\s*)(?P<option>[^.;!。；！,，]{1,30}?)[,，]?\s*"
    r"(?:on the whole|overall|all in all|by and large|in general|"
    r"总体(?:来说|而言|上)?|总的来说|整体(?:来说|而言|上)?|总体看)[.!。！]?\s*$",
    re.IGNORECASE,
)


def parse_choice(field: str, text: str, *, guess: Optional[Callable[[str, str], Any]] = None) -> Optional[str]:
    """The option a typed answer gives. An answer that opens with its option ("有，…", "no, we
    can't") is read by the rules; any other by the model learned from people's answers
    (bot/dialogue/choice_model.py) when it is sure enough, and by the rules' inference otherwise.
    The rules keep two readings the model gets wrong: a negation ("no money set aside for a
    failed attempt"), unless the model reads doubt, and "mixed" weighed from two sides.
    `guess`: the model's reading (field, text) -> Guess or None; the trained model by default."""
    numbered = options_by_number(field, text)
    if len(numbered) == 1 and FIELDS_BY_NAME[field].kind == "choice":
        return numbered[0]  # "3": the third option, as the question lists them
    changed_to = _CHANGED_TO.match(text.strip())
    if changed_to and has_substance(text.strip()[changed_to.end() :]):  # "改成差吧，上个月盘点发现…"
        value = parse_choice(field, text.strip()[changed_to.end() :], guess=guess)
        if value is not None:
            return value
    corrected = _after_correction(text)
    if corrected:  # "yeah we can — wait no, scratch that, we'd need the data team": what follows decides
        value = parse_choice(field, corrected, guess=guess)
        if value is not None:
            return value
    summed_up = _SUMMED_UP.search(text.strip())
    if summed_up and summed_up.start() > 0:  # "Not bad at all. Good, on the whole.": the summing-up decides
        value = parse_choice(field, summed_up.group("option"), guess=guess)
        if value is not None:
            return value
    so_it_is = _SO_IT_IS.search(words.fold(text)) if field in YES_NO_FIELDS else None
    if so_it_is:  # "…no extra people this year, so pilot team is no"
        return "no" if so_it_is.group("no") else "yes"
    emphatic = _EMPHATIC_YES.search(words.fold(text)) if field in YES_NO_FIELDS else None
    if emphatic:  # "Is it not important when …? Of course it is.", "没有哪周不为这个吵架的"
        return "yes"
    decisive = _DECISIVE.search(words.fold(text)) if field in YES_NO_FIELDS else None
    if decisive and decisive.start() > 0:  # "Partly; realistically, no. …": the last word decides
        return "no" if decisive.group("no") else "yes"
    if field in YES_NO_FIELDS and _CONCLUDED_ZH_CANNOT.search(words.simplify(words.fold(text))):
        return "no"  # "①审核规则我们能定；②建模要靠信息中心；所以我们科单独完成不了。"
    concluded = _CONCLUDED_ZH.search(words.simplify(words.fold(text))) if field in YES_NO_FIELDS else None
    if concluded:  # "不用机器学习还能怎么搞？回归公式试过了冇用，所以要用"
        return "no" if concluded.group("no") else "yes"
    echoed = _ECHOED_OPTION.match(text)
    if (
        echoed
        and field in FIELDS_BY_NAME
        and _leading(words.fold(echoed.group()).strip(" ?？"), groups(field)) in DOUBTS
    ):
        echoed = None  # "Kind of? It's real for one team but I'm not sure…": a hedge, not the question said back
    if echoed and field in FIELDS_BY_NAME and has_substance(text[echoed.end() :]):
        value = parse_choice(field, text[echoed.end() :], guess=guess)  # "Budgeted? Ha. It's expected to work …"
        if value is not None:
            return value
    stated = _DENIED_THEN_STATED.match(text) if field in FIELDS_BY_NAME and field not in YES_NO_FIELDS else None
    if stated and has_substance(stated.group("en") or stated.group("zh")):
        value = parse_choice(field, stated.group("en") or stated.group("zh"), guess=guess)
        if value is not None and value not in DOUBTS:
            return value
    preferred = _RATHER_THAN.match(text)
    kept = preferred and (preferred.group("kept") or preferred.group("said"))
    if kept and has_substance(kept):  # "poor rather than mixed", "是差而不是一般"
        value = parse_choice(field, kept, guess=guess)
        if value is not None:
            return value
    if field in YES_NO_FIELDS and _WEAK_YES.match(words.fold(text)) and _NOT_SURE_AFTER.search(words.fold(text)):
        return "unsure"  # "It can be. Maybe simple thresholds also work, I am not 100% sure"
    found = read_choice(field, text)
    if found is not None and found.leading:
        return found.value
    conceded = _after_concession(text) if field in YES_NO_FIELDS else None
    if conceded:  # "我不太同意这么问……不过规则确实已经被绕过去了，得上模型": the objection, then the answer
        value = parse_choice(field, conceded, guess=guess)
        if value is not None:
            return value
    if field not in FIELDS_BY_NAME or not has_substance(text) or _ASKS_BACK.search(text):
        return found.value if found else None
    if guess is None:
        from bot.dialogue import choice_model

        guess = choice_model.guess
    guessed = guess(field, text)
    if guessed is None or (found is not None and guessed.value == found.value):
        return found.value if found else None
    if found is None:
        return guessed.value if guessed.probability >= GUESS_WHEN_UNREAD else None
    negated = bool(_NEGATING.search(words.fold(text))) and guessed.value not in DOUBTS
    if found.value == "mixed" and not (negated and field == "data_quality"):  # "不太烂", "not poor at all"
        return guessed.value if guessed.probability >= GUESS_OVER_MIXED else found.value
    if negated:
        return found.value
    return guessed.value if guessed.probability >= GUESS_OVER_INFERENCE else found.value


def read_yes_no(text: str, field: Optional[str] = None) -> Optional[str]:
    """yes / no / unsure for a yes-or-no question (a confirmation, or one of the plan's)."""
    found = read_choice(field or YES_NO, text)
    return found.value if found else None


# "not comfortable approving", "can't approve", "不能批准": an approval word under a negation sends back
_NOT_APPROVING = re.compile(
    r"(?:\b(?:not|can'?t|cannot|won'?t|wouldn'?t|don'?t|not yet)\b(?:\s+[a-z']+){0,3}\s*|"
    r"(?:不能|不可以|没法|无法|不太能|不敢|还不能|暂不|先不|不予|不|没)\s*)$"
)


# "I'm happy to sign off on 1, so I am": a tag at the end of what was said, no note
_SPEECH_TAG = re.compile(
    r"(?:so |sure )?(?:i am|i'm|i do|i will|it is|it's|it does|we are|we do|we will|they are|he is|she is)|"
    r"innit|eh|like|lah|la|leh|hey|mate|yeah|right|ok(?:ay)?|so|then"
)


def _inside_a_word(text: str, start: int, end: int) -> bool:
    """A one-character decision ("行", "过") inside a longer word: "执行发起人", "过程"."""
    if end - start != 1 or not words.cjk_count(text[start:end]):
        return False
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return bool(words.cjk_count(before)) and bool(words.cjk_count(after)) and after not in "吧了啊呀的哈嘛呗啦咯"


# A plan named inside a phrasal verb: "send 2 back", "bounce #3 back", "kick plan 4 back"
_PLAN_BETWEEN = re.compile(
    r"\b(send|sending|bounce|bouncing|kick|kicking|push|pushing|hand|handing|give|giving|pass|passing|throw|toss|"
    r"return|returning)\s+(?:plan\s*)?(?:#|no\.?\s*|number\s*)?\d{1,6}\s+(back|over)\b"
)


_PASSED = re.compile(r"\s*(?:#?\d{1,6}\s*号?)?\s*(?:过|过了|能过|可以过)(?:吧|啦)?[\s!！。.👍✅👌]*")


def states_a_decision(text: str) -> bool:
    """A review decision said in a reviewer's words, not asked about: "这份不行，退回修改", not
    "退回的计划能再提交吗？" and not a bare "no, …"."""
    from bot.nlu.patterns import asks_something, names_a_decision

    return parse_decision(text) is not None and names_a_decision(text) and not asks_something(text)


def parse_decision(text: str) -> Optional[str]:
    """approved / needs_work in a planner's words ("批准", "send it back"), or None."""
    folded = _PLAN_BETWEEN.sub(r"\1 \2", words.fold(text))  # "send 2 back" as "send back"
    if _PASSED.fullmatch(folded):
        return "approved"  # "过", "1 过 👍"
    decision_groups = {
        label: words.phrases("answers", "decision", label) for label in ("approved", "needs_work", "no_decision")
    }
    found = [
        span
        for span in words.labelled_spans(folded, decision_groups)
        if span[2] != "no_decision" and not _inside_a_word(folded, span[0], span[1])
    ]
    acknowledged = re.match(r"^(?:ok|okay|好的|好|行|嗯|yes|right|alright)(?:\s*[,，.。!！]\s*|\s+)\S", folded)
    if acknowledged and found and found[0][0] == 0:
        found = found[1:]  # "OK，我要 review 一下 #1": the "OK" acknowledges, it does not approve
    if not found:
        return None
    if any(label == "approved" and _NOT_APPROVING.search(folded[:s]) for s, _, label in found):
        return "needs_work"  # "not comfortable approving this one. I'll send it back"
    first = found[0][2]
    return first if all(label == first for _, _, label in found[:2]) or found[0][0] == 0 else None


# --- value-tree branches --------------------------------------------------------------------


_OPTION_NUMBERS = re.compile(
    r"^\s*(?:(?:第|选|option|options|no\.?|#)\s*)?[1-9](?:\s*(?:个|项|号|\.)?\s*(?:、|,|，|和|及|跟|与|\+|&|and|/|;|；|\s)"
    r"\s*(?:第|选|#)?\s*[1-9])*\s*(?:个|项|号|都选|都要|吧)?\s*[.。!！]?\s*$",
    re.IGNORECASE,
)
_ORDINALS = {"first": "1", "second": "2", "third": "3", "fourth": "4", "fifth": "5"}
_ORDINAL = re.compile(r"\b(first|second|third|fourth|fifth)\b|\b([1-5])(?:st|nd|rd|th)\b")
_CARDINALS = {"one": "1", "two": "2", "three": "3", "four": "4", "five": "5"}
_CARDINAL = re.compile(r"\b(one|two|three|four|five)\b")
_ZH_NUMERALS = {"一": "1", "二": "2", "两": "2", "三": "3", "四": "4", "五": "5"}
# the words around a picked number: "I'd go with the third one, please", "我选第三个吧", "应该是第一种"
_PICK_OPENING = re.compile(
    r"^\s*(?:(?:(?:i'?d|i'?ll|we'?d|we'?ll)\s+(?:go\s+with|pick|take|choose|say)|i\s+(?:pick|choose|think)|"
    r"we\s+(?:pick|choose)|it'?s|its|probably|maybe|definitely|我们?(?:选|挑)?|应该是|大概是|就|那就|算|嗯)\s*)?"
    r"(?:the\s+)?(?:(?:number|option|choice)\s+)?",
    re.IGNORECASE,
)
_PICK_CLOSING = re.compile(r"\s*(?:\bones?\b|option|choice|please|then|种|条|个吧|吧|呗|啊|哈|嘛|了|\s)*[.。!！]?\s*$")


def _as_numbers(folded: str) -> str:
    """A pick said in words as the bare numbers it names: "the third one" -> "3", "第三个吧" -> "第3个"."""
    text = _ORDINAL.sub(lambda m: _ORDINALS.get(m.group(1) or "", m.group(2) or ""), folded)
    text = re.sub(r"(\d)\s+ones?\b", r"\1", text)
    text = _CARDINAL.sub(lambda m: _CARDINALS[m.group(1)], text)
    text = re.sub(r"[一二两三四五]", lambda m: _ZH_NUMERALS[m.group()], text)
    text = _PICK_OPENING.sub("", text, count=1)
    return _PICK_CLOSING.sub("", text).replace("种", "个")


def options_by_number(field: str, text: str) -> List[str]:
    """The options a reply of bare numbers picks ("3", "1、2", "the third one", "第一个"), counted as the question
    lists them; only for questions whose options are not yes and no."""
    plan_field = FIELDS_BY_NAME.get(field)
    if plan_field is None or field in YES_NO_FIELDS or not plan_field.choices:
        return []
    folded = _as_numbers(words.fold(text))
    if not _OPTION_NUMBERS.match(folded):
        return []
    picked = [int(d) for d in re.findall(r"[1-9]", folded)]
    if any(n > len(plan_field.choices) for n in picked):
        return []
    return [plan_field.choices[n - 1] for n in dict.fromkeys(picked)]


def parse_branches(text: str) -> List[str]:
    """Value-tree branches named in free text, in canonical order."""
    text = text.replace("`", "")  # "`time_saved`, `revenue` (less lost generation)": markdown code
    numbered = options_by_number("value_branches", text)
    if numbered:
        return [b for b in FIELDS_BY_NAME["value_branches"].choices if b in numbered]  # "1、2"
    corrected = _after_correction(text)
    folded_text = words.fold(text)
    at = folded_text.rfind(corrected.split("，")[0]) if corrected else -1
    if corrected and at > 0:  # "节省时间、客户服务，还有收入……不对，收入不算": the correction decides
        dropped = _branches_taken_back(corrected)
        if dropped:
            said_first = parse_branches(folded_text[:at])
            return [b for b in VALUE_BRANCHES if b in {*said_first, *parse_branches(corrected)} - dropped]
        restated = parse_branches(corrected)
        if restated:
            return restated  # "收入和新机会，不对，是收入和客户服务"
    folded = words.correct_chinese(words.correct(words.fold(text)))
    outside = re.sub(r"[（(](?!\s*(?:and|also|plus|以及|还有|和|也|加上))[^）)]*[）)]", " ", text)
    named_outside = parse_branches(outside) if outside != text else []
    if named_outside:
        return named_outside  # "加上收入（少缺货就多卖）": the brackets explain a branch already named
    head, colon, explained = text.partition("：") if "：" in text else text.partition(": ")
    named_before = (
        parse_branches(head)
        if colon
        and explained.strip()
        and len(head) <= 80
        and not re.search(r"[:：]", explained)
        and not re.match(r"\s*(?:none|no|nothing|n/?a|nil|zero|无|没有|没)(?![a-z])", explained, re.IGNORECASE)
        else []
    )
    if named_before:
        return named_before  # "收入和节省时间吧：少亏的就是多赚的，…": what follows the colon explains them
    listed = _listed_branches(text)
    if listed:
        return listed
    opened = _branches_opening_each_part(text)
    if opened:
        return (
            opened  # "主要是省时间，调度员不用…；还有客户服务，客人订到柜的机会高很多": what follows each explains it
        )
    without_reasons = _REASON_CLAUSE.sub(" ", text)
    named_before_reasons = parse_branches(without_reasons) if without_reasons != text else []
    if named_before_reasons:
        return named_before_reasons  # "revenue and customer service, because claimants get paid faster"
    labelled = _LABELLED_AFTER.search(text)
    label = (labelled.group("label") or labelled.group("label_en")) if labelled else None
    if labelled and label and len(parse_branches(label)) == 1:  # "交货准时了能接更多订单，算新机会"
        before = text[: labelled.start()]
        clauses = re.split(r"[，,；;]\s*", before)
        rest = "，".join(clauses[:-1])  # the clause just before is what the label names
        return [b for b in VALUE_BRANCHES if b in {*parse_branches(label), *(parse_branches(rest) if rest else [])}]
    named = {b for b in VALUE_BRANCHES if b in re.split(r"[\s,，、]+", folded.replace(" ", "_").replace(",_", ","))}
    branch_groups = {b: words.phrases("branches", b) for b in VALUE_BRANCHES}
    branch_groups["not_a_branch"] = words.phrases("not_branches")  # "the sales process" is not revenue
    last_said: Dict[str, bool] = {}
    spans = words.labelled_spans(folded, branch_groups)
    spans = [
        span
        for index, span in enumerate(spans)
        if not (  # "quicker resolution of customer tickets" is service
            span[2] == "time_saved"
            and index + 1 < len(spans)
            and spans[index + 1][2] == "customer_service"
            and 0 <= spans[index + 1][0] - span[1] <= 1
            and folded[span[0] : span[1]] in _SPEED_WORDS
        )
    ]
    spans = [span for span in spans if not _customers_speed(folded, span)]
    for start, end, label in spans:
        sentence_rest = re.split(r"[。；;.!?！？]", folded[end:])[0]
        last_said[label] = not _TAKEN_BACK.search(folded[:start]) and not _NOT_NOW.match(sentence_rest)
    named |= {label for label, kept in last_said.items() if kept and label != "not_a_branch"}
    named -= {label for label, kept in last_said.items() if not kept}
    items = {item.strip(" .。!！") for item in re.split(r"[,，、/&;；+]|\band\b|\bplus\b|和|及|跟|还有", folded)}
    named |= {branch for word, branch in _BARE_BRANCH.items() if word in items}  # "time and upselling"
    saved = _TIME_SAVED.search(folded)
    if saved and not _NOT_NOW.match(re.split(r"[。；;.!?！？]", folded[saved.end() :])[0]):
        named.add("time_saved")  # "节省值班员的时间", "frees up the analysts' time"
    served = _CUSTOMERS_SERVED.search(folded)
    if (
        served
        and not re.search(r"\b(?:not|no|never)\b|n't\b", served.group())
        and not _NOT_NOW.match(re.split(r"[。；;.!?！？]", folded[served.end() :])[0])
    ):
        named.add("customer_service")  # "客户也能更快拿到赔款", "customers get their refunds faster"
    named |= _described_branches(folded)
    if _NOT_REVENUE.search(folded):
        named.discard("revenue")  # "这个不算收入，算少亏的钱", "that's a cost saving, not extra money coming in"
    everything = any(words.spans(folded, w) for w in words.phrases("all_branches"))
    excepted = _EXCEPT.search(folded)
    if everything and excepted:  # "all of them except upsell"
        left_out = {label for _, _, label in words.labelled_spans(folded[excepted.end() :], branch_groups)}
        return [b for b in VALUE_BRANCHES if b not in left_out]
    if not named and everything:
        return list(VALUE_BRANCHES)  # "all of them"; "…, all three" keeps the three it named
    return [b for b in VALUE_BRANCHES if b in named]


# The learned reading (bot/dialogue/branch_model.py) adds a branch the rules missed when it is this
# sure of it, and reads an answer the rules read nothing in when it is BRANCH_ALONE sure of one
# (benchmarks/branch_reading.py, on editions it never saw).
BRANCH_ADDED = 0.7
BRANCH_ALONE = 0.7


def read_branches(text: str, *, probabilities: Optional[Callable[[str], Dict[str, float]]] = None) -> List[str]:
    """The value-tree branches of an answer: those the rules read (named, or described in a way they
    know), and those the learned reading is sure the answer describes, unless the answer takes them back.
    `probabilities`: the model's reading, text -> {branch: probability}; the trained model by default."""
    ruled = parse_branches(text)
    if options_by_number("value_branches", text) or _only_branch_names(text):
        return ruled  # "1、3", "revenue and upsell": nothing is described
    if probabilities is None:
        from bot.dialogue import branch_model

        probabilities = branch_model.probabilities
    likely = probabilities(text)
    refused = _branches_taken_back(text)
    if not ruled:
        if unsure_alone(text) or says_none(text) or not has_substance(text):
            return []
        sure = {b for b, p in likely.items() if p >= BRANCH_ALONE} - refused
        return [b for b in VALUE_BRANCHES if b in sure]
    added = {b for b, p in likely.items() if p >= BRANCH_ADDED} - refused
    if _NOT_REVENUE.search(words.fold(text)):
        added.discard("revenue")
    return [b for b in VALUE_BRANCHES if b in {*ruled, *added}]


def _described_branches(folded: str) -> set:
    """Branches an answer describes instead of naming: money in any form is the trunk's revenue, staff time
    is time saved, customers better off are customer service, new markets or clients are new opportunities
    ("$$ and time", "agent time, and customers not stuck in the queue", "省得库管天天进去翻")."""
    found = set()
    for label, cue in _VALUE_CUES:
        for hit in cue.finditer(folded):
            clause = _clause_around(folded, hit.start(), hit.end())
            if label == "time_saved" and (_CUSTOMER.search(clause) and not _STAFF_TIME_OWNER.search(clause)):
                continue  # "shorter waits for patients" is their service, not staff time
            if label == "customer_service" and not _BETTER_OFF.search(clause):
                continue  # a customer named without what gets better for them
            if label == "customer_service" and (_NEW_THING.search(clause) or _THEIR_DECISION.search(clause)):
                continue  # "new clients" are an opportunity; "对大客户的授信决策更快" is the bank's decision
            before, after = folded[: hit.start()], re.split(r"[。；;.!?！？]", folded[hit.end() :])[0]
            if _TAKEN_BACK.search(before) or _NOT_NOW.match(after) or _DENIED.search(clause):
                continue
            found.add(label)
    return found | _relieved(folded) | _pleased(folded)


def _relieved(folded: str) -> set:
    """Who is spared the work: staff spared is time saved, customers spared are served better
    ("评片员不用熬眼睛了", "agents no need spend whole winter…", "病人来了能拿到药，不用白跑一趟")."""
    found = set()
    for relief in _RELIEF.finditer(folded):
        clause = _clause_around(folded, relief.start(), relief.end())
        before = clause[: max(0, clause.find(folded[relief.start() : relief.end()]))] or clause
        actors = [(m.start(), "time_saved") for m in _STAFF_ROLE.finditer(before)]
        actors += [(m.start(), "customer_service") for m in _CUSTOMER.finditer(before)]
        after = re.split(r"[。；;.!?！？]", folded[relief.end() :])[0]
        if actors and not _TAKEN_BACK.search(folded[: relief.start()]) and not _NOT_NOW.match(after):
            found.add(max(actors)[1])
    return found


def _pleased(folded: str) -> set:
    """Customers pleased, whoever they are ("客户不骂了", "so they walk away happier"), not staff."""
    for hit in _PLEASED.finditer(folded):
        clause = _clause_around(folded, hit.start(), hit.end())
        if not _STAFF_ROLE.search(clause) and not _DENIED.search(clause):
            return {"customer_service"}
    return set()


_RELIEF = re.compile(
    r"不用|不必|无需|无须|唔使|唔洗|弗用|免得|省得|少跑|少打|少花|腾出|解放|不再|"
    r"\b(?:no need|need not|don'?t need|doesn'?t need|not need|don'?t have to|won'?t have to|no longer|"
    r"stops?|off the phone|freed)\b"
)
_STAFF_ROLE = re.compile(
    r"[\u4e00-\u9fff]{1,3}(?<![会学委议动])员|师傅|老师|[\u4e00-\u9fff]{1,2}师(?!生)|店长|班长|组长|科长|处长|站长|厂长|"
    r"主任|主管|经理|操作工|员工|工人|坐席|阿姨|稽查|人手|\bhr\b|"
    r"\b(?:staff|team|agents?|analysts?|clerks?|officers?|nurses?|doctors?|engineers?|pharmacists?|advisers?|"
    r"advisors?|investigators?|inspectors?|supervisors?|operators?|technicians?|planners?|dispatchers?|reviewers?|"
    r"underwriters?|accountants?|ops|crews?|folk|the lab|cttee|committee|maintenance people|recruiters?|adjusters?)\b"
)
_PLEASED = re.compile(
    r"满意度|满意|不骂了|少挨骂|投诉(?:少|减少|下降|降)|口碑|好评|"
    r"\b(?:happier|less angry|fewer angry|walk away happy|complaints? (?:go|goes|drop|down))\b"
)
_NOT_REVENUE = re.compile(
    r"不算(?:是)?(?:收入|营收|增收)|\bnot (?:extra |new |more )?(?:money (?:coming in|earned|in)|revenue|income)\b|"
    r"\bisn'?t (?:revenue|income|extra money)\b|"
    r"\b(?:can'?t|cannot|won'?t|wouldn'?t|don'?t|do not|will not)\b[^.;!?]{0,30}\b(?:bring|make|earn|generate|claim|"
    # "I can't honestly claim it will bring in any money"
    r"promise)\b[^.;!?]{0,30}\b(?:any |extra |more |new )?(?:money|revenue|income)\b|"
    r"(?:不会|不能|没法|谈不上|说不上)(?:直接)?(?:带来|增加|多赚|赚)(?:什么|多少)?(?:钱|收入|营收)"
)


def _customers_speed(folded: str, span: Tuple[int, int, str]) -> bool:
    """ "quicker settlement for honest customers": speed that customers feel is their service, not staff time."""
    start, end, label = span
    if label != "time_saved" or folded[start:end] not in _SPEED_WORDS:
        return False
    clause = _clause_around(folded, start, end)
    return bool(_CUSTOMER.search(clause)) and not _STAFF_TIME_OWNER.search(clause)


def _clause_around(text: str, start: int, end: int) -> str:
    """The clause of `text` around [start, end): between punctuation or "and"/"还有"."""
    openings = [m.end() for m in _CLAUSE_BREAK.finditer(text, 0, start)]
    closing = _CLAUSE_BREAK.search(text, end)
    return text[openings[-1] if openings else 0 : closing.start() if closing else len(text)]


_CLAUSE_BREAK = re.compile(r"[,，;；.。!！?？、\n]|\s(?:and|plus|but)\s|还有|以及|同时|另外|再一个|二则|其次")


_MONEY = re.compile(
    r"\b(?:money|cash|profits?|margins?|bottom line|losses|leakage|write-?offs?|"
    r"recover(?:ed|y|ies)?|dollars|pounds|euros|rands?|pesos|naira|rupees)\b|[$£€¥₹₦]|"
    r"利润|少亏|营收|回款|追回|挽回损失|止损|增收|多赚|多挣|赚得多|挣得多|赚钱|挣钱|钱(?:就|也)?(?:多了|多|更多)|卖得多|"
    r"\b(?:income|commissions?|fee income|full price)\b|"
    r"\bwe(?:'d|'ll| would| will| can| could)?(?: actually| finally)? get paid\b|"
    r"\bcomes? (?:back )?into (?:the company|our account|the business)\b|"
    r"佣金|管理费|销售额|营业额|卖高价|卖个好价|收得回|收回来"
)
_STAFF_TIME = re.compile(
    r"(?<!\bfirst )(?<!\bsame )(?<!\bthis )(?<!\bnext )(?<!\blast )(?<!\bany )(?<!\bon )(?<!\bin )"
    r"(?<!\bover )(?<!\bat )(?<!\bwait )(?<!\bwaiting )(?<!\bqueue )(?<!\bresponse )(?<!\bturnaround )"
    r"(?<!\bdelivery )(?<!\blead )(?<!\bsettlement )\b(?:time|man-?hours|workload|legwork|manual work|"
    r"manual effort|busywork|admin work)\b(?! to market)|"
    r"省得|省去了?|免得|少折腾|不用再|不必再|不用天天|不用每天|工作量|时间(?:也|都|就)?(?:省了|省掉了|省下了|少了|短了)"
)
_CUSTOMER = re.compile(
    r"\b(?:customers?|clients?|patients?|policyholders?|passengers?|members?|guests?|citizens?|residents?|"
    r"tenants?|claimants?|consumers?|shoppers?|students?|parents?|travell?ers?|callers?|subscribers?|ratepayers?|"
    r"taxpayers?|"
    r"the public|end users?|users?|people waiting)\b|"
    r"客户|顾客|用户|乘客|患者|病人|投保人|会员|家长|学生|居民|农户|车主|旅客|游客|市民|业主|老百姓|群众|住户|租户|客人|消费者|办事的人|"
    r"老人|家属|街坊|货主|病患|参保|买家|商户|食客|住客|\bfolks who\b|\brenters\b|"
    r"\S{1,4}公司(?=\S{0,2}满意)"
)
_BETTER_OFF = re.compile(
    r"\b(?:faster|quicker|sooner|shorter|happier|happy|wait(?:s|ing)?|queues?|complain(?:ts?|ing)?|"
    r"experience|service|svc|served|satisf\w*|better|smoother|easier|paid|delays?|conversations?|outreach|care|"
    r"stuck|trust|fewer|less|sorted|raging|angry|ringing back|calling back|chasing)\b|\b(?:aren'?t|not|no longer)\b|"
    r"更快|更早|更及时|更方便|少等|不用等|不用跑|少跑|满意|体验|服务|高兴|开心|放心|舒心|省心|少受|之苦|口碑|"
    r"护理|好评|投诉|排队|等待|等太久|及时|快|不骂|少骂|白跑|白行|拿到|按时|控制得|有菜买|"
    r"\b(?:stop getting|no more|on time|first time|early|get help|don'?t end up|find what|instead of)\b"
)
_NEW_THING = re.compile(
    r"\bnew\s+(?:[a-z-]+\s+){0,2}?(?:segments?|markets?|suppliers?|vendors?|customers?|clients?|products?|"
    r"services?|business(?:es)?|revenue streams?|lines?|channels?|partners?|offerings?|opportunit(?:y|ies)|"
    r"use cases?|areas?|verticals?|territor(?:y|ies))\b|\bopens?(?: up)? (?:the |a )?doors?\b|"
    r"\b(?:expand|expanding|move|moving) into\b|"
    r"新的?(?:客户|客群|市场|业务|产品|渠道|供应商|机会|商机|赛道|增长点|服务|模式|领域|生意|方向|品类|产品线)|"
    r"新\S{0,4}?(?:生意|方向|业务|路子|门路|玩法)|开拓|开辟|打开[^，,。；;]{0,6}市场|"
    r"以前(?:我们|俺们|咱们)?(?:都)?(?:不敢|弗敢|没敢|没法|没能|接不了|做不了|从来没|从没)|也敢接了|对外(?:提供|输出|卖)|"
    r"\b(?:may|might|could|would|will) pay us\b|\bway of selling we don'?t have\b|"
    r"\bwho'?d never (?:walk|come|shop|buy|find)\b|"
    r"\bopen (?:a |an |our )?(?:[a-z-]+ ){0,3}(?:channel|line|market|shop|store)\b"
)
_STAFF_TIME_OWNER = re.compile(
    r"\b(?:staff|team|agents?|analysts?|clerks?|officers?|clinicians?|nurses?|doctors?|engineers?|buyers?|"
    r"recruiters?|adjusters?|planners?|inspectors?|fitters?|drivers?|managers?|employees?|people's|our)\b|"
    r"员工|同事|师傅|库管|护士|医生|客服|坐席|专员|我们|人手|人工"
)
_THEIR_DECISION = re.compile(r"决策|授信|审批|\bdecisions?\b|\bapprovals?\b")
_DENIED = re.compile(r"\b(?:not about|nothing to do with|no direct|won'?t (?:make|save|bring))\b|谈不上|不涉及|没什么")
_UPSELL = re.compile(
    r"(?:老客户|熟客|老客|现有客户|会员)\S{0,10}?(?:多推|多卖|加推|加卖|顺便|顺带|追加)|(?:多推|加推|顺带多推|追加卖|追加賣|加卖)\S{0,8}|"
    r"\b(?:sell|selling) (?:more|extra|add-?ons?) to (?:existing|our|current|regular) (?:customers|clients|members)\b|"
    r"\b(?:already|existing)\b[^.;]{0,50}?\b(?:also buy|buy more|spend more|order more)\b|\bcross-?sell|"
    r"\b(?:proposes?|offers?|suggests?) (?:him|her|them) (?:the )?[a-z ]{0,30}\btoo\b|"
    r"顺手(?:带|买)|搭配(?:买|卖)|再(?:搭配|顺便|顺带)|推(?:一下)?(?:他们)?没买过|交叉(?:营销|销售)|"
    r"(?:老客户|熟客|老客|老顾客|会员)\S{0,8}?加(?:拍|购|单|买|订)"
)
_VALUE_CUES = (
    ("revenue", _MONEY),
    ("upsell", _UPSELL),
    ("time_saved", _STAFF_TIME),
    ("customer_service", _CUSTOMER),
    ("new_opportunities", _NEW_THING),
)


_BRANCH_PARTS = re.compile(
    r"[；;。\n]|[，,]\s*(?=(?:还有|另外|以及|再就是|其次|第二)|(?:and also|and|plus|also)\s)", re.IGNORECASE
)
_PART_OPENING = re.compile(
    r"^\s*(?:主要是|主要|首先|还有|另外|以及|再就是|其次|and also|and|plus|also|mainly|mostly)\s*"
)
_EXPLAINS_FROM = re.compile(
    r"[，,:：]|\s(?:through|by|because|since|as|via|thanks to|so that|so|since|with|which|from|due to)\s", re.IGNORECASE
)


def _branches_taken_back(text: str) -> set:
    """The branches a correction takes back ("收入不算", "scratch revenue")."""
    folded = words.fold(text)
    groups = {b: words.phrases("branches", b) for b in VALUE_BRANCHES}
    return {
        label
        for start, end, label in words.labelled_spans(folded, groups)
        if _TAKEN_BACK.search(folded[:start]) or _NOT_NOW.match(re.split(r"[。；;.!?！？]", folded[end:])[0])
    }


def _only_branch_names(text: str) -> bool:
    """Whether `text` is branch names and little else ("主要是省时间", "customer service"), not a description."""
    folded = words.correct_chinese(words.correct(words.fold(text)))
    groups = {b: words.phrases("branches", b) for b in VALUE_BRANCHES}
    spans = words.labelled_spans(folded, groups)
    if not spans:
        return False
    rest = folded
    for start, end, _ in sorted(spans, reverse=True):
        rest = rest[:start] + " " + rest[end:]
    rest = re.sub(
        r"[\s,，、;；.。!！和及跟与/&+]|\b(?:and|the|mostly|mainly|both|also|plus|a|bit|of)\b|主要|是|的|都|吧|也|还有",
        " ",
        rest,
    )
    return words.cjk_count(rest) <= 2 and not words.english_words(rest)


def _branches_opening_each_part(text: str) -> List[str]:
    """The branches named at the start of each part of an answer whose parts name a branch, then explain it."""
    parts = [part.strip() for part in _BRANCH_PARTS.split(text) if part and part.strip(" ，,.")]
    if len(parts) < 2:
        return []
    found: List[str] = []
    explained = False
    for part in parts:
        named, rest = _named_then_explained(_PART_OPENING.sub("", part))
        if not named:
            return []
        explained = explained or bool(rest.strip(" ，,.。"))
        found += named + _named_outright(rest)
    return [b for b in VALUE_BRANCHES if b in found] if explained else []


def _named_outright(text: str) -> List[str]:
    """Branches called by the name the question gives them ("追加销售", "customer service"), wherever they stand."""
    from bot import messages

    folded = words.fold(text)
    return [
        branch
        for branch in VALUE_BRANCHES
        for lang in ("zh", "en")
        if words.spans(folded, words.fold(messages.text(f"choice.{branch}", lang)))
        and not _branches_taken_back(text) & {branch}
    ]


def _named_then_explained(part: str) -> Tuple[List[str], str]:
    """The branch names a part opens with ("customer service, time saved") and what follows them."""
    named: List[str] = []
    items = re.split(r"([，,、]\s*)", part)
    for index in range(0, len(items), 2):
        head, *explanation = _EXPLAINS_FROM.split(items[index], maxsplit=1)
        if not (head.strip() and _only_branch_names(head)):
            return named, "".join(items[index:])
        named += parse_branches(head)
        if explanation and "".join(explanation).strip():
            return named, "".join(explanation) + "".join(items[index + 1 :])
    return named, ""


# "…，算新机会", "…, which counts as upsell": what a clause described, named by its branch
_LABELLED_AFTER = re.compile(
    r"[，,；;]\s*(?:那|这|这个|也)?(?:算|算是|属于|归到|归为|就是)(?P<label>[^，,；;。]{2,8})[。.!！]?\s*$|"
    r"[,;]\s*(?:which|that|this) (?:counts as|is|would be) (?P<label_en>[a-z ]{3,24})[.!]?\s*$",
    re.IGNORECASE,
)
_BUT = re.compile(r"^\s*(?:but|however|though|although|yet|但|但是|不过|就是|可是|只是)\b", re.IGNORECASE)
_GOOD_BUT_FOR = re.compile(
    r"\b(?:apart from|except(?: for)?|other than|in parts|in places|bar the|save for)\b|除了|部分还行|有的好有的"
)
_LIST_ITEM = re.compile(r"(?:^|[\s;；。])[(（]?[1-9一二三四五][)）、.．]\s*")


def _listed_branches(text: str) -> List[str]:
    """ "1、节省时间，减少抢修；2、新机会，今后可以向下游客户提供服务": a numbered list whose every item opens
    with its branch; what follows in an item explains it and names no further branch."""
    items = [item for item in _LIST_ITEM.split(text) if item.strip(" ;；。,，")]
    if len(items) < 2 or len(_LIST_ITEM.findall(text)) < 2:
        return []
    opened = []
    for item in items:
        head = re.split(r"[，,:：(（—-]", item.strip(), maxsplit=1)[0]
        named = parse_branches(head) if head.strip() != item.strip() else []
        if len(named) != 1:
            return []
        opened.append(named[0])
    return [b for b in VALUE_BRANCHES if b in opened]


_CUSTOMERS_SERVED = re.compile(
    r"(?:客户|顾客|用户|乘客|患者|病人|投保人|会员|家长|学生|居民|农户|车主|旅客|游客|市民|业主|老百姓|群众|住户|租户)"
    r"(?!的|经理|代表|专员|主管|顾问)"
    r"[^，,。；;不没未难]{0,8}?(?:更快|更早|更及时|更方便|少等|不用等|不用干等|不用再等|少跑|不用跑|不用再跑|不必跑|等得少|满意|体验更好)|"
    r"(?:客户|顾客|用户|乘客|患者|病人|家长|学生|居民|农户|车主|旅客|游客|市民|业主|老百姓|群众|住户|租户)"
    r"[^，,。；;]{0,4}?服务(?!器)|服务(?!器)(?:也|会|就)?(?:会)?(?:更|比较|变得?)?(?:好|到位|周到)|(?:提升|改善|提高)[^，,。；;]{0,4}?服务(?!器)|"
    r"\b(?:customers?|clients?|users?|patients?|policyholders?|members?)\b[^,.;]{0,30}?\b(?:faster|quicker|sooner|"
    r"happier|less waiting|wait less|better served)\b"
)
_SPEED_WORDS = frozenset({"quicker", "faster", "speedier", "更快", "更快的", "快速"})
_BARE_BRANCH = {"time": "time_saved", "时间": "time_saved", "money": "revenue", "钱": "revenue"}  # one word, listed
_EXCEPT = re.compile(r"\b(?:except(?: for)?|but not|apart from|other than|minus|without)\b|除了|除去|不包括|不含")
_TAKEN_BACK = re.compile(
    r"(?:\b(?:scratch|drop|minus|except|not|no|without|forget|remove|strike)\s+(?:the\s+)?|"
    r"\b(?:i|we)\s+(?:do not|don'?t|can'?t|cannot|won'?t|would not|wouldn'?t|could not|couldn'?t)"
    r"(?:\s*,[^,.;]{1,30},)?\s+(?:see|expect|count|claim|promise)\b"
    r"(?:\s+(?:any|much|a lot of|direct|real|big|more|or|and|extra|additional|of|the|[a-z]+ing)\b)*(?:(?!\b(?:but|only|"
    r"just|yet|though)\b)[^.;,]){0,24}\s+|(?:不要|去掉|不算|除了|不包括|删掉|不含)\s*)$"
)
# "…, because honest claimants get paid faster": why a named branch grows, not another branch
_REASON_CLAUSE = re.compile(
    r"\b(?:because|since|given that|thanks to|due to|in the (?:limited )?sense that)\b[^,;.，；。]*|"
    r"(?:因为|由于|毕竟)[^，,；;。]*",
    re.IGNORECASE,
)
# "收入那块谈不上", "new opportunities maybe one day, but not for this plan", "Revenue: none"
_NOT_NOW = re.compile(
    r"^\s*[:：]\s*(?:none|nil|n/?a|zero|nothing|no|无|没有|暂无|不涉及)(?![a-z])|"
    r"^(?:那块|这块|方面|这个|那个|的话|嘛|呢|吧)?\s*(?:谈不上|算不上|不算|没有|没啥|不涉及|不太涉及|暂时不|以后再说|先不算|"
    r"不指望|指望不上|别指望|"
    r"不直接|不明显|影响不大|关系不大|不太相关|没什么关系|没关系)|"
    r"^\s*(?:maybe|perhaps|possibly)?\s*(?:one day|someday|some day|later|down the line|in the future)\b|"
    r"^[^.;]{0,30}\bnot (?:for|in) this (?:plan|one|year|round)\b|^\s*(?:not really|not so much|not yet|isn'?t|"
    r"is not)\b|^\s*(?:i|we)\s+(?:do not|don'?t|won'?t|wouldn'?t|can'?t|cannot)\s+(?:count|include|claim|see|expect)\b"
)
_TIME_SAVED = re.compile(
    r"(?:节省|节约|省下|省掉|省了|减少|缩短|少花|能省|可以省|省)[^，,。；;]{0,20}?(?:时间|工时|人力|人工)|"
    r"(?:时间|工时|人力|人工)(?:(?![不没未难])[^，,。；;]){0,4}?(?:省下来|省出来|省下|节省下来|节省|能省|缩短|减少|减半|少一半)|"
    r"\b(?:save|saves|saving|saved|free up|frees up|freeing up|cut|cuts|cutting)\b[^,.;]{0,30}?"
    r"\b(?:time|hours|man-hours|effort)\b|\b(?:time|hours)\b[^,.;]{0,30}?\b(?:we|you|they|it)\s+"
    r"(?:save|saves|free up|get back)\b|\b(?:working |work |staff |man-)?(?:time|hours)\b[^,.;]{0,30}?"
    r"\b(?:is|are|gets|get|will be|would be|being) (?:saved|freed up)\b|"
    r"\b(?:get|gets|getting|give|gives|giving)\b[^,.;]{0,20}?\b(?:time|hours?|days?|weeks?|evenings|weekends|"
    r"afternoons|mornings) back\b|"
    r"\b(?:are|is|get|gets|be) freed (?:up )?(?:for|to)\b|"
    r"\b(?:will not|won't|wont|no longer|don'?t have to|not have to|never again)\s+(?:have to\s+)?spend\b[^,.;]{0,30}?"
    r"\b(?:hours?|days?|weeks?|time)\b|(?:还有|以及|和|加上)[^，,。；;]{0,10}的(?:时间|工夫|功夫)"
)


# --- text answers -----------------------------------------------------------------------------


def has_substance(text: str) -> bool:
    """Real words or figures, not emoji, punctuation or keyboard mash."""
    folded = words.fold(text)
    if not folded or _KEYBOARD_MASH.match(folded.replace(" ", "")):
        return False
    return bool(re.search(r"[\u4e00-\u9fffa-z0-9]", folded))


_NOTHING_MISSING = re.compile(
    r"^(?:技能上?)?(?:我觉得|感觉)?(?:都?不缺|没什么缺的|没啥缺的|啥也不缺|什么都不缺|都不缺)(?:[了啊吧的]*)(?:[,，。]|$)|"
    r"^(?:nothing(?:'s| is)? missing|we have (?:it all|everything|all the skills)|no (?:real )?gaps)\b"
)


def says_none(text: str) -> bool:
    folded = words.fold(text)
    return folded in words.phrases("answers", "none") or bool(_NOTHING_MISSING.match(folded))


def unsure_alone(text: str) -> bool:
    """A bare "not sure" / "不确定": at a question that wants a description, a skip."""
    folded = words.fold(text)
    core = words.strip_fillers(folded, words.phrases("fillers"))
    unsure = words.phrases("answers", "unsure_alone")
    return folded in unsure or core in unsure


def small_talk(text: str) -> Optional[str]:
    """thank / greet / ack when the whole message is small talk ("thanks", "好的")."""
    folded = words.fold(text)
    return next((kind for kind in ("thank", "greet", "ack") if folded in words.phrases("social", kind)), None)


_QUOTED = re.compile(r"[“\"「《『]([^”\"」》』]{2,80})[”\"」》』]")
_TITLE_LEAD = re.compile(
    r"^(?:(?:嗯+|呃|那个|这个|好|ok|okay|so|right|well|alright|hmm|um)[\s，,]*)*(?:(?:名字|标题|題目|题目|项目名称|项目名|名称|暂定名|暂定)(?:嘛|呢|的话)?[\s，,：:]+)?"
    r"(?:(?:就|那就|先|暂时|我们|就先)?(?:叫它|叫做|叫|起名叫|取名叫|命名为|名字叫|标题叫|标题是|题目是|名称是|名字是|暂定名|暂定为|暂定叫|定为)|"
    r"(?:let's |lets |we'll |i'd |we |i'll |i would )?(?:call it|name it|title it|called|call this|go with)|(?:it'?s|"
    r"it is|this is) called|"
    r"(?:the )?(?:working )?(?:title|name)(?: is| would be| will be|:)|how about|(?:名字|标题|题目|项目名称|项目名|"
    r"名称|暂定名)\s*[:：])\s*[:：]?\s*",
    re.IGNORECASE,
)
_TITLE_TAIL = re.compile(
    r"(?:\s*[,，]?\s*(?:好了|就行|就好|就可以|就这个|吧|哈+|啦|呗|吧哈|for now|working title|i guess|i think))+$",
    re.IGNORECASE,
)
_SPONSOR_LEAD = re.compile(
    r"^(?:(?:the )?(?:exec(?:utive)? )?sponsor (?:is|will be|would be)|it'?s|it is|that'?s|that would be|that will be|"
    r"(?:执行)?发起人是|发起人就是|是|应该是|就是)\s*[:：]?\s*",
    re.IGNORECASE,
)


_REPLACED_BY = re.compile(
    r"^(?:那就|就|那|请|麻烦)?(?:换成|改成|改为|换为|更正为|更改为|替换为|变成)(?:了)?\s*[:：]?\s*|"
    r"^(?:please |pls |just )?(?:change|update|switch|set|correct) (?:it|that|this|the answer) to\s+|"
    r"^(?:please |pls |just )?make (?:it|that) (?=\S)",
    re.IGNORECASE,
)


def clean_text(field: str, text: str) -> Tuple[str, Optional[str]]:
    """The answer to store, and any description left over (a title given with its problem).

    "就叫“工单智能分类”吧。现在每天三四千张工单…" is the title 工单智能分类 and a problem.
    """
    text = _without_markup(field, _without_signature(text))
    text = " ".join(text.split()) if "\n" not in text else text.strip()
    replacing = _REPLACED_BY.match(text)
    if replacing and has_substance(text[replacing.end() :]):
        text = text[replacing.end() :].strip()  # "换成公司副总经理石磊", "change it to Dana Wright"
    if field == "title":
        lead = _TITLE_LEAD.match(text)
        if lead:  # "call it WISMO chat deflection - problem is 60% of our chats are …"
            remainder = text[lead.end() :]
            quoted = _QUOTED.match(remainder)
            labelled = _LABELLED_PROBLEM.search(remainder)
            if quoted:
                title, rest = quoted.group(1), remainder[quoted.end() :]
            elif labelled:  # "Title: Spend-mix optimiser (MMM) - FY27. What it fixes: …"
                title, rest = remainder[: labelled.start()], remainder[labelled.end() :]
            else:
                parts = re.split(
                    r"\s+[-–—]+\s+|[—–]+|[。.!！;；\n]|吧[，,。]?|[，,]\s*(?=(?:the )?problem|问题是|现在|目前)",
                    remainder,
                    maxsplit=1,
                )
                title, rest = parts[0], (parts[1] if len(parts) > 1 else "")
            rest = re.sub(r"^[\s吧呗啦,，。.:：;；!！-]*", "", rest)
            rest = re.sub(r"^(?:the )?(?:problem|issue) is\s*|^问题是\s*", "", rest, flags=re.IGNORECASE).strip(
                " ,，。"
            )
            title = _TITLE_TAIL.sub("", title.strip(" ,，。\"'“”")).strip(" ,，。\"'“”‘’")
            return title, (rest if _describes(rest) else None)
        quoted = _QUOTED.search(text)
        if quoted:
            rest = (text[: quoted.start()] + " " + text[quoted.end() :]).strip()
            rest = re.sub(r"^(?:就|那就)?(?:叫|call it|name it)?\s*(?:吧|好了)?[。.，,!！\s]*", "", rest).strip()
            return quoted.group(1).strip(), (rest if _describes(rest) else None)
        return text.strip(), None
    if field == "executive_sponsor":
        lead = _SPONSOR_LEAD.match(text)
        if lead and lead.end() < len(text):
            return text[lead.end() :].strip(" 。."), None
    return text.strip(), None


# An e-mail's closing: "Best regards,\nTom Becker", "--\nSent from my iPhone"
_SIGN_OFF = re.compile(
    r"^\s*(?:--+|—+|__+|(?:best|kind|warm|many)? ?regards\b|best,?$|cheers\b|thanks(?: a lot| again)?[,!.]?$|"
    r"many thanks\b|thank you[,!.]?$|sent from my\b|此致|祝好|顺祝|谢谢[！!。]?$)",
    re.IGNORECASE,
)


def _without_signature(text: str) -> str:
    lines = text.strip().split("\n")
    for index, line in enumerate(lines[1:], start=1):
        if _SIGN_OFF.match(line):
            return "\n".join(lines[:index]).strip() or text
    return text


_TABLE_ROW = re.compile(r"^\s*\|(?P<cells>.+)\|\s*$")
_EMPHASIS = re.compile(r"\*\*|__|(?<!\w)\*(?=\S)|(?<=\S)\*(?!\w)")
_LABEL = re.compile(r"^\s*(?P<label>[^:：\n]{1,30}?)\s*[:：]\s*(?P<value>\S.*)$", re.DOTALL)


def _without_markup(field: str, text: str) -> str:
    """ "**Metric:** on-time from 82% to 95%", "| Problem | Forecast errors … |": the answer without its markup
    and without a label that names its own question."""
    from bot.dialogue.commands import field_aliases

    row = _TABLE_ROW.match(text) if "\n" not in text.strip() else None
    if row:
        cells = [cell.strip() for cell in row.group("cells").split("|") if cell.strip()]
        text = "，".join(cells) if words.cjk_count("".join(cells)) else ", ".join(cells)
        if len(cells) == 2 and words.fold(cells[0]).strip() in field_aliases(field):
            text = cells[1]
    text = _EMPHASIS.sub("", text).strip()
    labelled = _LABEL.match(text) if field != "title" else None  # a title's label is read with it (_TITLE_LEAD)
    if labelled and words.fold(labelled.group("label")).strip(" -#>") in field_aliases(field):
        text = labelled.group("value").strip()
    return text


_LABELLED_PROBLEM = re.compile(
    r"[.。;；]\s*(?:what it fixes|what it solves|the problem|problem|the issue|issue|why|"
    r"background|要解决的问题|解决的问题|问题|背景|痛点)\s*[:：]",
    re.IGNORECASE,
)


def _describes(rest: str) -> bool:
    """Whether what is left beside a title describes the problem, not the name itself."""
    rest = "，".join(part for part in words.clauses(rest) if not _ABOUT_THE_NAME.search(words.fold(part)))
    return words.cjk_count(rest) >= 10 or len(words.english_words(words.fold(rest))) >= 6


# "本来想叫个茶叶AI什么的，社长说太虚了，还是实在点好": talk about the name
_ABOUT_THE_NAME = re.compile(
    r"叫|名字|起名|取名|名称|标题|太虚|实在点|好听|好记|顺口|接地气|高大上|洋气|土气|"
    r"\b(?:name|named|call it|called|title|catchy|fancy|snappy|boring name|sounds)\b"
)


# --- answers given in passing ---------------------------------------------------------------

# A clause counts for another question only when it names that question's subject.
FIELD_CUES: Dict[str, Tuple[str, ...]] = {
    "data_location": (
        "stored",
        "sits",
        "sit",
        "lives",
        "kept",
        "is in",
        "are in",
        "all in",
        "spread",
        "scattered",
        "siloed",
        "silos",
        "centralised",
        "centralized",
        "data lake",
        "data warehouse",
        "shared drive",
        "存",
        "放在",
        "都在",
        "分散",
        "散落",
        "集中",
        "数据湖",
        "数仓",
        "数据仓库",
        "各部门",
        "还在",
        "同步到",
    ),
    "data_quality": ("quality", "质量"),
    "failure_tolerance": ("fail", "failure", "failures", "failed", "失败", "试错", "容错"),
    "scaling_path": (
        "scale",
        "scaling",
        "roll out",
        "rollout",
        "ml platform",
        "machine learning platform",
        "end-to-end platform",
        "end to end platform",
        "mlops platform",
        "coe",
        "centre of excellence",
        "center of excellence",
        "annual planning",
        "扩展",
        "推广",
        "规模化",
        "机器学习平台",
        "端到端平台",
        "统一平台",
        "卓越中心",
        "年度规划",
    ),
}
_SELF_CORRECTION = re.compile(r"\bno wait\b|\bi mean\b|\bactually\b|\bsorry\b|不对|哦不|说错|我是说")
_NOT_VOLUNTEERED = frozenset({UNKNOWN, "unsure", "none_yet"})
# Only a reply to a question nearby answers another in passing: the data questions
# from the data answers, the qualifiers from the problem and each other, and so on.
_NEARBY: Dict[str, Tuple[str, ...]] = {
    "data_location": ("data_sources", "data_quality", "q_unused_data"),
    "data_quality": ("data_sources", "data_location", "q_unused_data"),
    "failure_tolerance": ("executive_sponsor", "scaling_path", "pilot_team"),
    "scaling_path": ("pilot_team", "failure_tolerance", "executive_sponsor"),
    "q_important": ("problem", "q_real_problem", "title"),
    "q_real_problem": ("problem", "q_important", "title"),
    "q_unused_data": ("problem", "q_important", "q_real_problem", "q_needs_ml"),
}


def _names_the_subject(clause: str, start: int, end: int) -> bool:
    """ "the quality is poor" names it; "in Quality's own spreadsheets" names a department."""
    after, before = clause[end:].lstrip(), clause[:start].rstrip()
    return not (
        re.match(r"(?:'s|’s)\s+own\b|(?:department|dept|team|unit)\b|部", after)
        or re.search(r"\b(?:in|from|by|to|with|at)$", before)
    )


def volunteered_answers(text: str, asked: str) -> Dict[str, str]:
    """Answers to other choice questions that a reply gives in passing, clause by clause.

    A clause counts for a question only when it mentions the question's subject and
    names one of its options; a question answered two different ways is left out.
    """
    found: Dict[str, set] = {}
    volunteer = words.vocabulary()["answers"]["volunteer"]
    combine = not _SELF_CORRECTION.search(words.fold(text))  # "good, no wait, poor" is not combined
    for clause in words.clauses(text):
        for field, by_label in volunteer.items():
            labels = {
                label
                for _, _, label in words.labelled_spans(
                    clause, {label: [words.fold(c) for c in cues] for label, cues in by_label.items()}
                )
            }
            if asked in _NEARBY.get(field, ()) and len(labels) == 1 and _about_its_subject(field, clause):
                found.setdefault(field, set()).update(labels)
        for field, cues in FIELD_CUES.items():
            if asked not in _NEARBY.get(field, ()) or not any(
                _names_the_subject(clause, start, end) for cue in cues for start, end in words.spans(clause, cue)
            ):
                continue
            whole = field in COMBINING and combine  # where data lives and how good it is: the whole message
            if whole and field in found:
                continue  # already read from the whole message
            point = _numbered_point_holding(text, clause) if whole else None
            choice = read_choice(field, point or (text if whole else clause), in_passing=True)
            if choice and choice.value not in _NOT_VOLUNTEERED:
                found.setdefault(field, set()).add(choice.value)
    return {field: choices.pop() for field, choices in found.items() if len(choices) == 1}


_POINT_NUMBER = re.compile(r"(?:^|(?<=[：:；;。.\s]))(?:[一二三四五六七八九十]|\d{1,2}|[①-⑩])[、.)）](?!\d)")


def _numbered_point_holding(text: str, clause: str) -> Optional[str]:
    """ "一、数据来源为…；二、已全部汇入数据湖；三、质量良好": the numbered point a clause is in, read alone."""
    starts = [m.start() for m in _POINT_NUMBER.finditer(text)]
    if len(starts) < 2:
        return None
    at = text.find(clause)
    if at < 0:
        at = words.fold(text).find(clause)
    if at < 0:
        return None
    bounds = [*starts, len(text)]
    for start, end in zip(bounds, bounds[1:], strict=False):
        if start <= at < end:
            return text[start:end]
    return None


# "平时GPU又大量闲置" says nothing about data: an unused-data cue counts only beside a word for data
_DATA_WORD = re.compile(
    r"数据|资料|记录|日志|档案|报表|表格|录音|工单|单据|历史|台账|流水|\b(?:data|dataset|datasets|records?|logs?|history|"
    r"histories|archives?|transcripts?|tickets|files|spreadsheets|sheets|recordings|scans|images|photos|emails)\b"
)


def _about_its_subject(field: str, clause: str) -> bool:
    return field != "q_unused_data" or bool(_DATA_WORD.search(words.fold(clause)))


def skipped_value(field: str):
    """What a skipped answer is stored as: `unknown` where the field allows it, else empty."""
    spec = FIELDS_BY_NAME[field]
    if spec.kind == "multi":
        return []
    return UNKNOWN if UNKNOWN in spec.choices else None


# --- a review in one message ----------------------------------------------------------------

_SHORTCODE = re.compile(r":[a-z0-9_+-]{2,30}:")
_NOTE_MARKER = re.compile(
    r"\bwith (?:the |a |this )?(?:comment|note|remark)s?\s*(?=['\"“‘])|(?:(?:notes?|comments?|feedback|"
    r"remarks?)(?:\s+(?:for|to)\s+(?:them|the lead|the leads|the team|the unit|"
    r"him|her|the owner|the sales team|[a-z]+))?|备注|意见|评语|批注|留言)\s*(?:[:：]|\s[-–—](?=\s))\s*",
    re.IGNORECASE,
)
_SEPARATOR = re.compile(r"\s*[,，;；。]\s*|\s+[-–—]+\s*|\s*[—–]+\s*")
_SEPARATOR_OR_STOP = re.compile(_SEPARATOR.pattern + r"|[.!?]\s+")  # "SEND #3 BACK. THE METRIC IS TOO VAGUE, …"
_PLAN_WORDS = re.compile(r"\d+|#|(?<![a-z])plan(?![a-z])|计划|号|號", re.IGNORECASE)


_TENTATIVE = re.compile(
    r"(?:准备|打算|倾向于?|考虑)(?:给)?(?:批准|通过|批了|退回|打回)|"
    r"\b(?:i'?m|we'?re|i am|we are)\s+(?:going|planning|inclined|leaning|minded)\s+(?:to|towards)\s+"
    r"(?:approve|approving|send|sending|reject|rejecting)\b"
)


_BETWEEN_DECISIONS = re.compile(
    r"\s*(?:[;；。]|\.\s+|\s+(?:and|but|while|whereas)\s+(?:(?:please|pls|also)\s+)?|[，,]\s*(?:另外|然后|还有|至于))\s*",
    re.IGNORECASE,
)
_PLAN_NUMBER = re.compile(r"(?<![\d.,])(?:#|第|\bplan\s*#?\s*|\bno\.\s*)?(\d{1,4})(?![\d%])(?![.,]\d)(?:\s*号)?")


def separate_decisions(text: str) -> List[Tuple[int, str, Optional[str]]]:
    """(plan, decision, note) for each plan decided differently in one message: "Approve 1 (nice scoping)
    and please send 2 back - the baseline is only a guess", "1 LGTM 通过；2 先reject，value tree 只有收入一项"."""
    decided: List[Tuple[int, str, Optional[str]]] = []
    for part in _BETWEEN_DECISIONS.split(" ".join(text.split())):
        numbers = {int(n) for n in _PLAN_NUMBER.findall(part) if not 2000 <= int(n) < 2100}
        decision, note = split_review(part)
        if len(numbers) == 1 and decision:
            decided.append((numbers.pop(), decision, note))
        elif decided and not numbers and not decision and part.strip():
            plan, said, kept = decided[-1]  # a remark after a plan's decision is its note
            decided[-1] = (plan, said, f"{kept}; {part}" if kept else part)
        elif numbers or decision:
            return []  # a decision without its plan, or several plans in one clause: not separable
    plans = [plan for plan, _, _ in decided]
    if len(set(plans)) != len(plans) or len({d for _, d, _ in decided}) < 2:
        return []  # one decision for all of them is patterns.plans_decided_together
    return decided


def split_review(text: str) -> Tuple[Optional[str], Optional[str]]:
    """(decision, note) from "approve plan 1: solid metric, start with the pilot",
    "12号退回去，让他们把数据来源写清楚", "plan 7 needs work - the metric isn't measurable"."""
    text = _SHORTCODE.sub(" ", text)  # Slack's ":thumbsup:"
    text = _INTERJECTION.sub("", " ".join(text.split()))  # "Hmm. This one I must send back, I am afraid."
    note: Optional[str] = None
    head = text
    marker = _NOTE_MARKER.search(text)
    if marker:
        head, note = text[: marker.start()], text[marker.end() :]
    else:
        colon = re.search(r"[:：]", text)
        sentence = re.search(r"[.。!！;；]\s+|[。！；]", text)
        first = text[: sentence.start()] if sentence else text
        number = re.search(r"\d+", first)  # the plan's number, said before the note
        separator = _SEPARATOR_OR_STOP.search(text, number.end()) if number else None
        opening = _SEPARATOR.search(text)
        if colon:
            head, note = text[: colon.start()], text[colon.end() :]
        elif separator:
            head, note = text[: separator.start()], text[separator.end() :]
            opening_number = _NUMBER_OPENING.match(head)
            said_of = head[opening_number.end() :] if opening_number and opening_number.group().strip() else ""
            if not parse_decision(_PLAN_WORDS.sub(" ", head)) and said_of and _more_than_a_decision(said_of):
                decided = _DECISION_OPENING.match(words.simplify(note))  # "1号个baseline写得太虚，退返俾佢哋改"
                plain = words.simplify(note)
                if decided or (parse_decision(plain) and not _more_than_a_decision(plain)):
                    rest = note[decided.end() :].strip(" ,，") if decided else ""
                    kept = rest if rest and not _GENERIC_REWORK.fullmatch(words.simplify(words.fold(rest))) else ""
                    sends_back = parse_decision(words.simplify(note)) == "needs_work"
                    if kept or (sends_back and not _mere_verdict(said_of)):  # "3号写得很好，批了": a note is asked for
                        note = "，".join(part for part in (said_of.strip(), kept) if part)
        elif (
            opening
            and _short(text[: opening.start()])
            and parse_decision(_PLAN_WORDS.sub(" ", text[: opening.start()]))
            and (not _more_than_a_decision(text[: opening.start()]))
            and words.fold(text[: opening.start()]) not in _ACKNOWLEDGING
        ):
            head, note = (
                text[: opening.start()],
                text[opening.end() :],
            )  # "send it back please, the baseline is missing"
        elif (decided_but := _decided_but(text)) is not None:
            head, note = decided_but  # "I'll approve this but they need a sponsor"
        elif sentence:  # "I'll send that one back. They say they can do it alone but …"
            head, note = text[: sentence.start()], text[sentence.end() :]
    decision = parse_decision(_PLAN_WORDS.sub(" ", head)) or parse_decision(_PLAN_WORDS.sub(" ", text))
    parts = [part for part in _SEPARATOR.split(text) if part.strip()]
    if (
        note is None
        and len(parts) > 1
        and parse_decision(parts[-1])
        and not _more_than_a_decision(parts[-1])
        and (decision is None or decision == parse_decision(parts[-1]))
    ):
        decision = parse_decision(
            parts[-1]
        )  # "the metric is fine but the baseline is missing, send it back", "写得不错，批了"
        note = text[: text.rindex(parts[-1])]
    if note is None and decision and len(parts) > 1:  # "…写得不错，但试错预算没有，退回去让他们想想失败了怎么办"
        stripped = [part[_opening_decision_end(part) :].strip() for part in parts]
        remarks = [
            part
            for part in stripped
            if part and _more_than_a_decision(part) and not _GENERIC_REWORK.fullmatch(words.simplify(words.fold(part)))
        ]
        said = "，".join(remarks) if any(words.cjk_count(part) for part in remarks) else ", ".join(remarks)
        opened_by_decision = any(after != before for after, before in zip(stripped, parts, strict=True))
        if said and opened_by_decision and not _mere_verdict(said):
            note = said
    if note is None and decision and len(parts) > 2:  # "等下，还是退回吧，没有写执行发起人": what follows the decision
        at = next(
            (i for i, part in enumerate(parts) if parse_decision(part) == decision and not _more_than_a_decision(part)),
            None,
        )
        after = [part for part in parts[at + 1 :] if _more_than_a_decision(part)] if at is not None else []
        if after and at is not None and at > 0:
            note = "，".join(after) if any(words.cjk_count(part) for part in after) else ", ".join(after)
    if note is not None and not marker and _TENTATIVE.search(words.fold(note)):
        decision, note = decision or parse_decision(note), None  # "…都比较清楚，我准备批准": the note is asked for
    if note is not None:
        note = re.sub(
            r"^(?:(?:and|but|also|so)\b|然后|并且|另外)\s*",
            "",
            note.strip(" ,，.。;；-–—'\"“”‘’「」"),
            flags=re.IGNORECASE,
        )
        if (
            not _more_than_a_decision(note)
            or _ONLY_POLITENESS.fullmatch(words.fold(note).strip(" .!。！"))
            or _SPEECH_TAG.fullmatch(words.fold(note).strip(" .!。！"))
        ):
            # "12号计划，通过吧", "…send back, I am afraid": no note after all
            decision = decision or parse_decision(note)
            note = None
        elif not marker and (
            (text.lstrip(" ,，.。'\"“”").startswith(note) and _mere_verdict(note))
            or _PRAISE_ONLY.fullmatch(words.fold(note))
        ):
            note = (
                None  # "This one looks solid, I'm happy to approve it", "批准吧，写得挺扎实的": the note is asked for
            )
    if note is not None and _ASKS_TO_REVIEW.search(words.fold(note)):
        note = None  # "Hello again. I am ready now to review plan 1.": the request, not a note
    if note is not None and not marker:  # "这份不行，退回去让他们把试点范围写清楚": the decision opens the note
        note = _DECISION_OPENING.sub("", note).strip(" ,，") or None
        verdict = _SEPARATOR_OR_STOP.search(note) if note is not None else None
        if note is not None and verdict is not None:
            verdict_said = note[: verdict.start()]
            if parse_decision(verdict_said) and not _more_than_a_decision(verdict_said):
                note = note[verdict.end() :].strip(" ,，.。") or None  # "Plan 6: approved. Good job team."
        if note is not None and _GENERIC_REWORK.fullmatch(words.fold(note)):
            note = None  # "需要退回去重新完善": no note yet, it is asked for
    if note is not None and all(
        _PRAISE_ONLY.fullmatch(words.fold(part)) or not _more_than_a_decision(part) for part in _parts(note)
    ):
        note = None  # "挺好，批了吧": praise and the decision, the note is asked for
    return decision, note


_DECIDED_BUT = re.compile(
    r"^(?P<head>[^,;.:]{0,60}?\b(?:approve|approving|approved|send (?:it|this|this one|that one) back|"
    r"sending (?:it|this|this one|that one) back)\b[^,;.:]{0,20}?)\s+but\s+(?P<note>\S.*)$",
    re.IGNORECASE,
)


def _decided_but(text: str) -> Optional[Tuple[str, str]]:
    """(decision, note) of "I'll approve this but they need a sponsor", when the note decides nothing else."""
    found = _DECIDED_BUT.match(text)
    if not found:
        return None
    head, note = found.group("head", "note")
    decided = parse_decision(head)
    return (head, note) if decided and parse_decision(note) in (None, decided) else None


_NUMBER_OPENING = re.compile(
    r"^\s*(?:plan\s*)?#?\s*\d+\s*(?:号|號)?(?:计划|計劃)?(?:的|个|嘅|個|里|里面)?\s*", re.IGNORECASE
)
_ASKS_TO_REVIEW = re.compile(
    r"\b(?:review|look at|go through|check|decide on|assess)\b.{0,20}\b(?:plan|#|number)\s*#?\s*\d+\b|"
    r"(?:审|审阅|审批|看|评审)一下\s*#?\d+\s*号"
)
_DECISION_OPENING = re.compile(
    r"^(?:经[^，,。]{0,6}?(?:研究|讨论|审议|评审|商议)[，,\s]*)?(?:决定)?(?:你|麻烦你|请你)?(?:帮我|给我|替我)?"
    r"(?:需要|要|得|请|只能)?(?:退回去|打回去|发回去|退回|打回|驳回|发回)(?:给他们|给他|给)?(?:吧|了|哈|啦)?[，,\s]*|"
    r"(?i:^(?:(?:i'?ll|i will|let'?s|please|so|ok|okay|then)\s+)?(?:approve|accept|sign off on|send|bounce|return)\s+"
    r"(?:it|this|this one|that|that one)(?:\s+back)?(?:\s+(?:then|now|please))?[\s,.!]*$)"
)
_GENERIC_REWORK = re.compile(
    r"(?:(?:给|让|叫|请)(?:他们|他|她们|她)?)?(?:再|重新)?(?:完善|修改|改改|改一改|改一下|改|补充|修订|调整)(?:一下|下)?"
    r"(?:吧|了)?[。.!！]?"
)


def _opening_decision_end(part: str) -> int:
    """Where a decision that opens `part` ends ("退回去让他们…" -> after "退回去"), read in simplified characters."""
    opening = _DECISION_OPENING.match(words.simplify(part))
    return opening.end() if opening else 0


def _mere_verdict(note: str) -> bool:
    """A few words of judgement that tell the lead nothing to act on ("这个写得挺完整", "not ready yet",
    "looks solid tbh")."""
    from bot.dialogue.commands import names_a_field

    said = words.english_words(words.fold(note))
    if said and len(said) <= 12 and all(word in _VERDICT_WORDS for word in said):
        return True  # "ok, that one looks good to me", "This one is fine for me"
    return (
        _short(note)
        and len(said) <= 5
        and words.cjk_count(note) <= 9
        and not names_a_field(note)
        and not re.search(r"\d", note)
    )


_VERDICT_WORDS = frozenset(
    "ok okay alright right so well this that one it plan looks look looking is seems seem fine good great solid "
    "nice decent sound strong reasonable clear complete enough in order to me for us i we think honestly tbh "
    "overall pretty really very quite all the whole thing by and large far as can tell from what see".split()
)
# praise alone, after the decision: "写得挺扎实的", "looks solid"
_PRAISE_ONLY = re.compile(
    r"(?:整体|总体|总的来说)?(?:写得|做得|准备得|考虑得|看着|看起来)?(?:挺|很|非常|比较|蛮|还|相当|特别)?"
    r"(?:扎实|好|不错|完整|清楚|清晰|靠谱|到位|细致|充分|周全|全面|可以|漂亮|专业)(?:的|了|啊|呀)?[。.!！]?|"
    r"(?:(?:it|this|that|this one|the plan)\s+)?(?:looks|is|seems)?\s*(?:really |very |pretty |quite )?"
    r"(?:solid|good|great|fine|nice|decent|sound|strong|well done|well written|thorough|complete|ok|okay|"
    r"good to go|all good|in order|clear|well thought out|well put together)(?: (?:plan|work|job|one))?"
    r"(?: to me| overall| enough)?[.!]?|(?:good|great|nice) (?:job|work)(?: (?:team|guys|all|everyone|folks))?[.!]?"
)
_ONLY_POLITENESS = re.compile(
    r"(?:i'?m|i am) afraid|sorry|unfortunately|regrettably|alas|i fear|恐怕|抱歉|不好意思|遗憾|很遗憾|sadly|"
    r"(?:辛苦|麻烦|劳烦|有劳)(?:您|你|你们|大家)?了?|谢谢(?:您|你)?(?:了|啦)?|多谢|感谢|劳驾|"
    r"(?:thanks|thank you|cheers|much appreciated)(?: (?:so much|a lot|very much|again|for (?:that|this|your help)))?"
)
_INTERJECTION = re.compile(r"^(?:hmm+|hm+|uh+|um+|erm+|well|ah+|oh|嗯+|唔|哦|呃|额)\s*[.。!！,，…]+\s*", re.IGNORECASE)
_ACKNOWLEDGING = frozenset(
    {"ok", "okay", "ok then", "right", "alright", "yes", "yeah", "sure", "fine", "好", "好的", "行", "嗯", "可以", "对"}
)


def _short(text: str) -> bool:
    return len(words.english_words(words.fold(text))) <= 6 and words.cjk_count(text) <= 10


def _more_than_a_decision(note: str) -> bool:
    """Whether a note says anything beyond the decision ("I'll send it back", "Please send #1 back to them" do not)."""
    folded = re.sub(r"#\s*\d+|\bplan\s*\d+|\d+\s*号", " ", words.fold(note))
    phrases = [p for label in ("approved", "needs_work") for p in words.phrases("answers", "decision", label)]
    folded = re.sub(
        r"\b(?:send(?:ing)?|flick|kick|toss|bounce|punt|hand) (?:it|this|that|this one|that one|them)?\s*back"
        r"(?: to (?:the )?[\w&'-]+(?: (?:team|unit|department|dept|folks|people|lot|crew))?(?=\s*$))?\b",
        " ",
        folded,
    )
    folded = re.sub(
        r"\b(?:go|goes|going) back to (?:them|the (?:lead|team|unit)s?)\b|\blike this\b|\bcannot\b|\bcan'?t\b",
        " ",
        folded,
    )
    for phrase in sorted(phrases, key=len, reverse=True):  # "批了" whole, before its particle goes
        folded = re.sub(words._pattern(phrase), " ", folded)
    folded = re.sub(r"^(?:得|要|先|就|还是|只能|只好)+|(?:吧|了|啦|呗)+$", " ", folded.strip())
    for phrase in sorted(phrases, key=len, reverse=True):  # "打回去" before "打回"
        folded = re.sub(words._pattern(phrase), " ", folded)
    folded = re.sub(
        r"(?:辛苦|麻烦|劳烦)(?:您|你|你们)?了?|谢谢|多谢|感谢|\b(?:thanks|thank you|thx|cheers|ta)\b", " ", folded
    )
    folded = re.sub(
        r"经[^，,。]{0,6}?(?:研究|讨论|审议|评审|商议)|(?:研究|讨论后?)?决定|特此", " ", folded
    )  # "经研究，决定退回"
    folded = re.sub(
        r"\b(?:happy to|glad to|pleased to|delighted to|going to|i'?ll|i'?m|i'?d|let'?s|we'?ll|i|we|it|that|this|they|"
        r"them|him|her|one|plan|will|shall|would|going to|gonna|"
        r"please|pls|to|the|back|so|ok|okay|then|like|want|go ahead and|can you|could you|lead|leads|owner|owners|team|"
        r"unit|"
        r"author|for|a|an|again|another|round|more|yet|now|sorry|but|is|must|have to|need to|should|reckon|think|guess|"
        r"suppose|believe|probably|maybe|just|yeah|yep|right|approving|approved|where was i|where were we|"
        r"about|on the other hand|by contrast|in contrast|however|whereas|meanwhile|as for|as to|afraid|"
        r"unfortunately|regrettably|needs? (?:a (?:bit|little|lot) )?more work|needs? (?:some )?work)\b|"
        r"另外|至于|而|让他们|请他们|我看|我觉得|估计|"
        r"叫他们|他们|让他|号|计划|这个|那个|这份|那份|#",
        " ",
        folded,
    )
    return has_substance(words.strip_fillers(" ".join(folded.split()), words.phrases("fillers")))


# --- "no plan", with its reason -------------------------------------------------------------

_BECAUSE = re.compile(
    r"(?:因为|由于|原因是|原因：|原因:|理由是|主要是因为|\b(?:because of|because|since|due to|given that|"
    r"the (?:main |principal |primary |key |chief |simple |real |only )?reason(?: for (?:this|that))? (?:is|being)"
    r"(?: that)?|reason being(?: that)?|reason:)(?![a-z])|\bas(?![a-z])(?!\s+(?:no|having|well|such|far|of|for|per|"
    r"usual|always|part|a|an|"
    r"i said|we said|mentioned|discussed|agreed|requested|asked)\b))\s*",
    re.IGNORECASE,
)


_NO_PLAN_SAID = re.compile(
    r"\bno (?:ml |machine learning |ai )?plans?\b|(?:没有|不做|不搞|不报|不交|不提交).{0,8}(?:计划|规划)|"
    r"(?:不做|不搞|不整|不弄|不上|不碰)(?:任何)?(?:机器学习|ml|ai|人工智能)|"
    r"(?:这块|这一块|这项|这一项|这边|计划)?(?:就|先|暂时|暂)?(?:空着|留空|空白|交白卷)(?:了|吧|哈)*(?=[，,。！!；;\s]|$)|"
    r"\bno (?:ml|machine learning|ai)\b(?=\s+(?:for|this|next|from)\b|\s*[-–—,.;]|\s*$)|"
    r"\b(?:skipping|skip|sitting out|sit out) (?:this|the) (?:cycle|year|round)\b|"
    r"\bwon'?t (?:be )?(?:submit|submitting|file|filing) anything\b|"
    r"^(?:我们|咱们|俺们|我|今年|明年|这次|这回|这一轮|这轮|部门|我们部门|\s)*(?:就|先|暂时|暂|也)*"
    r"(?:不搞了|不做了|不报了|不弄了|不整了|不参加了|不参与了|不开展|不参加|不参与|不报(?![告表道名价销关警]))(?:了|吧|哈|啦)*",
    re.IGNORECASE,
)


def says_no_plan(text: str) -> bool:
    """ "我们没有机器学习计划", "no ML plan": the message says there is no plan (it may give a reason too)."""
    return bool(_NO_PLAN_SAID.search(" ".join(text.split())))


# "不打算整机器学习", "不单独做机器学习项目", "we're not doing any ML": a plan ruled out, in other words
_RULED_OUT = re.compile(
    r"不(?:打算|准备|计划|单独|再|会|用|需要)?(?:做|搞|整|弄|上|报|交|申报|提交)[^，,。]{0,6}"
    r"(?:机器学习|ml|ai|人工智能|项目|计划|规划)|"
    r"(?:做|搞|整|弄|报|交)不(?:了|成|起来)[^，,。]{0,8}(?:计划|规划)|"
    r"(?:\bnot\b|n'?t\b|\bnever\b)[^,.;?]{0,12}"
    r"\b(?:doing|do|have|having|file|filing|submit|submitting|planning|pursue|pursuing|present|presenting|propose|"
    r"proposing|put forward|putting forward|prepare|preparing|bring|bringing|run|running|undertake|undertaking)\b"
    r"[^,.;?]{0,16}\b(?:ml|machine learning|ai)\b"
)
_ASKING_OPENER = re.compile(
    r"(?:是不是|能不能|可不可以|可以不|是否|难道|要不要|会不会|"
    r"(?:can|could|should|may|is it|is that|do|does|what|how|why)\b)"
)
_HYPOTHETICAL = re.compile(r"如果|假如|要是|万一|假设|\b(?:if|suppose|supposing|in case|what if)\b")


# How the work is done today, not a target: the baseline said at the metric question
_TODAY = re.compile(
    r"^(?:(?:嗯|那个|就是|其实)[，,\s]*)?(?:现在|目前|当前|现阶段|如今|眼下|平时)(?:是|就是|都是|主要|靠|全靠|基本|还是|都|全)|"
    r"^(?:(?:well|so|ok|okay)[, ]+)?(?:today|currently|right now|at the moment|at present)[, ]+(?:we|it|they|the|our|"
    r"people|staff|agents|everything|each|every|it'?s)\b|^(?:we|they) (?:currently|today|now) \w+"
)
_TARGET = re.compile(
    r"降到|降至|降低到|提到|提升到|提高到|提升至|减少|缩短|翻倍|以内|目标|达到|\bfrom\b.*\bto\b|"
    r"\b(?:reduce|cut|increase|raise|improve|lift|halve|double|target|goal|aim)\w*\b|\bby \d"
)


def describes_today(text: str) -> bool:
    """ "现在是三个组长手工分派，错分率大概15%": how it is done today (a baseline), with no target in it."""
    folded = words.fold(text)
    return bool(_TODAY.search(folded)) and not _TARGET.search(folded)


def declares_no_plan(text: str) -> bool:
    """A statement that the unit has no plan, even with a question after it
    ("我们法务部明年不打算整机器学习，这咋报？"); "是不是每个部门都一定要交计划？" and
    "what if we have no plan?" only ask."""
    from bot.kb import faq

    for sentence in re.findall(r"[^，,;；。.!！?？]+[，,;；。.!！?？]*", " ".join(text.split())):
        if _HYPOTHETICAL.search(words.fold(sentence)) or _ASKING_OPENER.match(words.fold(sentence)):
            continue
        # "…搞不了机器学习计划 这个要怎么报": a space between Chinese words ends a clause too
        for said_clause in re.findall(r"[^，]+[，]*", words.CJK_SPACE.sub("，", sentence)):
            clause = words.fold(said_clause)
            said = _NO_PLAN_SAID.search(clause) or _RULED_OUT.search(clause)
            if said and not faq.is_question(said_clause.strip()):
                return True
            if faq.is_question(said_clause.strip()):
                break
    return False


def reason_in(text: str) -> Optional[str]:
    """The reason given with a "no plan" ("…不做了，主要精力要放在系统迁移上" -> the second part)."""
    text = words.CJK_SPACE.sub(
        "，", " ".join(_without_signature(text).split())
    )  # "…的计划 今年刚换了系统": a space ends a clause
    plain = (words.simplify(text.casefold()) if len(text.casefold()) == len(text) else text).replace(
        "木有", "没有"
    )  # "因為…" as typed, found as "因为"; the slang "木有" as "没有"
    because = _BECAUSE.search(plain)
    if because and _substantial(text[because.end() :]):
        given = text[because.end() :].strip(" ，,。.")
        kept = _reason_parts(_parts(given))
        return given if kept == _parts(given) else _joined(kept)  # "…因为预算砍了，这要怎么登记？"
    said = _NO_PLAN_SAID.search(plain)
    if said is not None:
        following = re.search(r"[，,;；。.!！:：—–-]", text[said.end() :])
        rest = text[said.end() + following.end() :].strip(" ，,。.") if following else ""
        if _substantial(rest) and not _NO_PLAN_SAID.search(rest):
            kept = _reason_parts(_parts(rest))
            return rest if kept == _parts(rest) else _joined(kept)  # "…，这个要怎么报？" asks, gives no reason
    return _other_clauses(text)


def _parts(text: str) -> List[str]:
    return [part.strip() for part in re.split(r"[，,;；。.!！?？]\s*|\s+[-–—]+\s+|[—–]+", text) if part.strip()]


def _reason_parts(parts: Sequence[str]) -> List[str]:
    from bot.nlu.patterns import recognise

    return [
        part
        for index, part in enumerate(parts)
        if not _signed_name(parts, index)
        and recognise(part) is None
        and not _NO_PLAN_SAID.search(words.fold(part))
        and not _ASKS_HOW.search(words.fold(part))
        and not _ASKS_WHY.search(words.fold(part))
        and not _JUST_TELLING.fullmatch(words.simplify(words.fold(words.without_trailing_emoji(part))).strip())
        and not _WHO_IS_TELLING.fullmatch(words.simplify(words.fold(part)).strip(" .!！。"))
        and not _HEDGE_ONLY.search(words.fold(part))
        and not _GREETING.fullmatch(words.fold(part).strip())
        and not _JUST_TELLING.fullmatch(_after_greeting(words.simplify(words.fold(part))))
        and not _PROCEDURE.fullmatch(words.fold(part).strip())
        and not _RECORD_REQUEST.fullmatch(words.fold(part).strip(" .!！。"))
        and not _HAS_NONE.fullmatch(words.fold(part).strip(" .!！。"))
        and not _EXCLAMATION.fullmatch(words.fold(part).strip(" .!！。"))
        and not _DONT_WAIT.fullmatch(words.fold(part).strip(" .!！。~"))
        and not _ONLY_TAKING_BACK.fullmatch(words.fold(part).strip(" .!！。~"))
        and not _AS_BEFORE.fullmatch(words.fold(part).strip(" .!！。~"))
        and not _COURTESY.fullmatch(words.fold(part).strip(" .!！。~"))
    ]


def _after_greeting(folded: str) -> str:
    """ "hello～ 通知一下" -> "通知一下": what follows a greeting that opens a part."""
    for cut in range(len(folded), 0, -1):
        if _GREETING.fullmatch(folded[:cut].strip(" ～~,，!！.。")):
            return folded[cut:].strip(" ～~,，!！.。")
    return folded.strip()


def _signed_name(parts: Sequence[str], index: int) -> bool:
    """ "…, Cheers, Ana": a name after a closing signs the message."""
    return (
        index > 0
        and _COURTESY.fullmatch(words.fold(parts[index - 1]).strip(" .!！。~")) is not None
        and re.fullmatch(r"(?:[A-Z][\w.'-]*)(?:\s+[A-Z][\w.'-]*){0,2}|[\u4e00-\u9fff]{2,4}", parts[index].strip())
        is not None
    )


# "跟去年一样", "same as last year": how it was before, no reason
_AS_BEFORE = re.compile(
    r"(?:还是)?(?:跟|和|同|与)(?:去年|前年|往年|以前|上次|上一年)一样|照旧|老样子|"
    r"(?:same as|just like|like) (?:last year|every year|before|last time)|as (?:last year|before|usual|always)"
)


# "Hope that's OK", "let me know if you need anything else", "Best": politeness, no reason
_COURTESY = re.compile(
    r"(?:i )?hope (?:that'?s|this is|it'?s|that is|this'?s) "
    r"(?:ok|okay|alright|all right|fine|clear|understood|helpful)|"
    r"(?:please )?let me know if (?:you need|there'?s|you have|anything)\b.*|"
    r"(?:please |do )?(?:feel free to )?(?:reach out|get in touch|ping me|shout)(?: (?:if|with|should)\b.*)?|"
    r"(?:best|kind|warm|many)? ?regards|best(?: wishes)?|cheers|many thanks|"
    r"thanks(?: a lot| again| in advance| so much)?|"
    r"thank you(?: so much| very much)?|br|sincerely|yours|have a (?:good|great|nice) (?:day|one|week(?:end)?)|"
    r"谢谢|多谢|祝好|此致敬?礼?|辛苦了|"
    r"(?:so |very |really )?(?:sorry|apologies|my apologies)(?: about that| for that| for the hassle)?|"
    r"(?:实在|真)?(?:不好意思|抱歉|对不起)(?:了|哈|啊|呀|啦)*"
)


# "hmm actually, scratch that", "算了算了": what came before is taken back, no reason
_ONLY_TAKING_BACK = re.compile(
    r"(?:(?:hmm+|oh|um+|uh+|ah|well|ok(?:ay)?|sorry|wait|actually|no)[\s,]+)*(?:actually[\s,]+)?"
    r"(?:scratch that|forget (?:that|it)|never ?mind|ignore (?:that|this|me)|cancel that|strike that|my bad|"
    r"change of plans?|wait|actually)|"
    r"(?:等等|等下|等一下|哎|嗯)?[，,\s]*(?:算了|不对|说错了|我想了想|想了想|仔细想了想)(?:算了)?(?:吧|哈)?"
)


# "不用等我们了", "you can cross us off": what the office need not do, no reason
_DONT_WAIT = re.compile(
    r"(?:那|所以|就|你们|您)*(?:不用|不必|别|甭|无需|不需要)(?:再)?(?:等|催|管|算上?|考虑|统计)(?:我们|我|咱们|俺们)(?:了|啦|哈|啊|吧|哦)*|"
    r"(?:so |and )?(?:(?:you )?(?:don'?t|do not|no need to|needn'?t) (?:wait|chase|count) (?:for |on )?us|"
    r"(?:you can )?(?:cross|count|strike|tick) us off(?: the list)?)(?: (?:any ?more|then|either))?"
)


# "we ain't got one", "我们没有": the "no plan" said again in other words, no reason
_HAS_NONE = re.compile(
    r"(?:(?:well|so|and|but|sadly|honestly|look|yeah)[\s,]+)*(?:we|i|they|our (?:unit|team|department|side))\s+"
    r"(?:don'?t|do not|haven'?t|have not|ain'?t|aint|dont)?\s*(?:have|got|gotten|possess)\s*(?:got\s+)?"
    r"(?:one|any|none|a plan|any plans?|anything)(?: (?:at all|this year|this time|yet|for (?:you|next year)))*|"
    r"(?:we|i|they) (?:have|got|'ve got) (?:no|none)(?: (?:plan|plans|at all|this year))*|"
    r"(?:(?:right|well|so|and|but|sadly|honestly|look|yeah)[\s,]+)*(?:we|i|they)\s+"
    r"(?:haven'?t|have not|don'?t|do not|ain'?t|aint|won'?t|will not|can'?t|cannot)(?: got)?(?: one| any)?|"
    r"(?:we|i|they) (?:don'?t|do not) have any (?:such |relevant |ml |machine learning |ai )?"
    r"(?:projects?|plans?|initiatives?)(?: like that| of that kind| of the kind)?|"
    r"(?:我们|咱们|俺们|我)?(?:确实|真的|就是|暂时|目前|也)?(?:没有|没得|冇得|冇|沒有|没)"
    r"(?:(?:这方面|相关|这类|这种|这样|此类|这个|这|那个|啥|什么)的?(?:项目|计划|打算|规划|想法|安排)|项目|打算|想法)?"
    r"(?:呢|啊|哦|嘛|呀|噻)?|"
    r"(?:we have |there'?s )?no (?:such )?(?:intention|plans?)"
    r"(?: (?:to|of) (?:do|doing|file|filing) (?:one|it|that|any))?|"
    r"(?:(?:so|and)\s+)?(?:nothing|nothing at all|none|nada|zilch|(?:we|i) pass|pass|we'?ll pass|"
    r"we sit (?:it|this one) out)"
)
# A word of surprise or address alone: "Blimey", "mate", "哎呀"
_EXCLAMATION = re.compile(
    r"(?:blimey|crikey|cor|gosh|golly|wow|well|mate|mates|oh|ah|aye|yeah|yep|right|alas|honestly|frankly|sadly|"
    r"to be honest|tbh|to be fair|in all honesty|if i'?m honest|i'?m afraid|i'?m sorry to say|sorry|unfortunately|"
    r"look|listen|so|then|oh well|oh dear|bloody hell|ugh|hmm|erm|um|innit|lah|la|leh|ah well|"
    r"哎|唉|哎呀|害|嗨|好吧|行吧|那好吧|得嘞|哎哟|哦|嗯)"
)


# Asking to record it, or acknowledging, is no reason: "pls log it", "kindly record that …", "noted with thanks"
_RECORD_REQUEST = re.compile(
    r"(?:(?:ok(?:ay)?|so|then|in that case|please|pls|plz|kindly|can you|could you|would you|just|and)[\s,]+)*"
    r"(?:log|record|note|mark|register|tick|put|file|enter|book|count|write)\b.*|"
    r"(?:ok(?:ay)?|noted|noted with thanks|thanks|thank you|thanks a lot|cheers|got it|understood|in that case|"
    r"no plan|none|nothing|that'?s all|that'?s it)|"
    r"(?:烦请|劳烦|请|麻烦|帮我|帮忙|帮|就|那|你|您|给|我|们)*(?:记录|登记|记一下|记下|标记|标注|记上)\S{0,10}"
)


# "没得就是没得", "no means no", "没有为什么": the "no plan" said again, with no reason
_NO_MEANS_NO = re.compile(
    r"^(?:(?:没有|没得|没|无|不做|不报)就是(?:没有|没得|没|无|不做|不报)|没有为什么|不为什么|没(?:什么|啥)(?:原因|理由)|"
    r"就是没有|反正没有|no means no|(?:there'?s )?no (?:particular |real |special )?reason|just because|"
    r"because we don'?t|"
    r"we just don'?t|we simply don'?t|(?:i'?d|we'?d) rather not (?:say|tell|go into it)|(?:i|we) prefer not to say|"
    r"no comment|不想说|不方便说|不便透露|不方便透露|无可奉告|不想讲)[\s,，。.!！噻嘛呗啊吧]*$"
)


def gives_no_reason(text: str) -> bool:
    """The answer to "why no plan?" that gives none: "没得就是没得噻", "It is a management decision." """
    folded = words.fold(text).strip()
    kept = [
        part
        for part in _parts(folded)
        if not _ASKS_HOW.search(part) and not re.search(r"为什么|为啥|凭什么|干嘛|\bwhy\b|[吗么嘛]$", part)
    ]
    return bool(kept) and (all(_NO_MEANS_NO.match(part) for part in kept) or says_only_how_it_was_decided(text))


def says_only_how_it_was_decided(text: str) -> bool:
    """ "It is a management decision.", "经部门班子研究决定": who decided or how, and no reason why."""
    parts = _parts(text)
    return any(_PROCEDURE.fullmatch(words.fold(part).strip()) for part in parts) and not _reason_parts(parts)


# How a decision was taken is not why: "经部门班子研究", "after internal discussion"
_PROCEDURE = re.compile(
    r"(?:哦|呃|嗯|啊|哎)?(?:不对|等等|等一下|等下)?[，,\s]*(?:我|我们)?(?:刚|刚刚|刚才)?(?:和|跟|同|找|问了?)"
    r"[^，,。]{1,6}?(?:确认|商量|核实|沟通|问|请示)(?:了|过|一下|了一下)?|"  # "呃等等，我刚和主任确认了"
    r"(?:哦|呃|嗯|啊|哎)?(?:不对|等等|等一下|等下)|"  # "哦不对"
    r"(?:这个|那个|计划)?(?:不填了|不写了|不弄了)|"  # "这个不填了"
    r"关于[^，,。]{0,30}?(?:事宜|事项|的说明|的情况说明|的报告|的函)|"  # a 公文 subject line: "关于…填报事宜"
    r"(?:我们|我|咱们|本|[\u4e00-\u9fff]{1,5}部|部门|今年|明年|这次|这边|\s)*(?:经|经过|通过)[^，,。]{0,8}?"
    r"(?:研究|讨论|审议|商议|商量|决定)(?:决定|后|之后)?|"
    r"(?:after|following) (?:(?:some|an?|internal|careful|much) )*(?:discussion|deliberation|review)s?(?: internally)?|"
    r"(?:it(?:'s| is| was) )?(?:a |the )?(?:management|leadership|board|senior management|top-down) decision|"
    r"(?:management|leadership|the board|senior management|my boss|the boss) (?:has )?decided(?: so| that| it)?|"
    r"(?:as|like) (?:discussed|agreed|mentioned|planned|aligned|confirmed)(?: (?:with|by|in|at|on) [^,.;]{1,40})?|"
    r"(?:per|according to) (?:my|our|the) [\w -]{1,30}|(?:已)?(?:和|与|跟)[^，,。]{1,10}(?:沟通|商量|确认)过?(?:了)?"
)


def _joined(kept: Sequence[str]) -> Optional[str]:
    reason = "，".join(kept) if any(words.cjk_count(part) for part in kept) else ", ".join(kept)
    return reason if kept and _substantial(reason) else None


def _other_clauses(text: str) -> Optional[str]:
    """What a "no plan" message says besides declaring it ("明年我们就不报ML了，人手实在不够" -> "人手实在不够")."""
    from bot.nlu.patterns import recognise

    parts = _parts(text)
    if len(parts) < 2 or not any(recognise(part) == ("declare_no_plan", None) for part in parts):
        return None
    asked = _parts(" ".join(re.findall(r"[^，,。.!！?？]*[?？]", text)))  # "又到报计划的时候了？" asks, gives no reason
    if not words.cjk_count(text):  # English says what led up to it first: only what follows is the reason
        declared = max(i for i, part in enumerate(parts) if recognise(part) == ("declare_no_plan", None))
        led_to = _LEADS_TO.match(words.fold(parts[declared]))  # "The budget was cut, so no ML plan this year"
        parts = parts if led_to else parts[declared + 1 :]
    return _joined(_reason_parts([part for part in parts if part not in asked]))


_LEADS_TO = re.compile(
    r"(?:and )?(?:so|therefore|hence|thus|that'?s why|which (?:is why|means)|as a result|consequently)\b"
)


def _substantial(text: str) -> bool:
    if _JUST_TELLING.fullmatch(words.simplify(words.fold(text)).strip(" ，,。.!！")):
        return False  # "想报备一下", "just letting you know": no reason yet
    return words.cjk_count(text) + 2 * len(words.english_words(words.fold(text))) >= 4 and (
        words.cjk_count(text) >= 2 or len(words.english_words(words.fold(text))) >= 2
    )  # "ERP要换", "budget freeze"


_ASKS_HOW = re.compile(
    r"^(?:how|what|where|when|can|could|do|does|is|are|should|would|who|which|shall)\b|怎么|如何|在哪|吗$|"
    rf"^(?!.*{words.ONGOING}).*呢$"  # "忙着搬家呢" tells
)
# Who is speaking, or for whom, is no reason: "我是理赔部的", "For the Risk department", "Karen from IT here"
_WHO_IS_TELLING = re.compile(
    r"(?:(?:你好|您好|hi|hello)[，,\s]*)?(?:我是|我们是|这里是|这边是|我这边是)[\u4e00-\u9fff\w\s]{0,12}?(?:的|这边|这里)?|"
    r"(?:我们|咱们|俺们|我)(?:这边|这里)?(?:的)?[\u4e00-\u9fff\w]{0,10}?(?:部|部门|中心|处|科|室|组|团队|分公司)(?:的|这边)?|"
    r"(?:(?:speaking )?(?:for|on behalf of|from) (?:the |our )?[\w&' -]{1,30}?"
    r"(?: department| dept| unit| team| division)?)|"
    r"(?:this is |it'?s )?[\w' -]{1,30} (?:here|speaking)|this is [\w' -]{1,30}"
)
# A hedge about the declaration, not its reason: "this reflects our current position only and is subject to change"
_HEDGE_ONLY = re.compile(
    r"\b(?:reflects? (?:our|the) current (?:position|thinking|view)|subject to change|i want to be clear|"
    r"for the record|as (?:things|it) stands?)\b"
)
_ASKS_WHY = re.compile(r"为什么|为啥|凭什么|干嘛|\bwhy\b")  # "我不太理解为什么每个部门都非得报这个" asks about the rule
_GREETING = re.compile(
    r"(?:你好|您好|哈喽|嗨|hi|hello|hey|hiya|hey there|(?:hi|hey|hello|g'?day|morning) (?:mate|guys|folks|all|team|"
    r"there|bot|assistant)|g'?day|早上好|下午好|good (?:morning|afternoon|evening|day)|dear (?:all|team|sir|madam)|"
    r"greetings|hello dear|hi dear|dear|(?:as-?)?sala(?:a)?m(?:u|o)? ?(?:alaikum|alaykum|aleikum|alaikom)|salaam|salam|"
    r"namaste|shalom|ciao|hola|bonjour|salut|bore da|shwmae|prynhawn da|noswaith dda|zdravo|dobar dan|allo|buenas|"
    r"buenos dias|buenas tardes|jambo|habari|sawubona|marhaba|merhaba|kia ora|konnichiwa|annyeong|sveiki|tere|hej|"
    r"hallo|servus|grüezi|moin|olá|ola|bom dia|boa tarde|howdy|yo|aloha|sain baina uu)(?:呀|啊| all| team|"
    r" there| o| po| sir| madam| ma'?am| everyone| folks| guys)?(?:[\s,]+(?:suno|listen|look|so))?|"
    r"(?:跟|和|给)?(?:你|您)(?:说|讲)(?:一声|下|一下)|(?:不好意思|抱歉)?(?:打扰了|打扰一下|打扰您了|打扰你了)|"
    r"sorry to (?:bother|trouble) you"
)


_JUST_TELLING = re.compile(
    r"(?:帮|麻烦|请)?(?:我|我们)?(?:想|来|先|特此|就是|要)?(?:在这里|在这儿|在这|这里|这边|跟你们|和你们|向你们|给你们|同你们|跟您|和您|向您|给您|同您|跟你|和你|向你|给你|同你)?(?:报备|登记|申报|说清楚|讲清楚|说明白|讲明白|说好|讲好|说明|讲一声|讲声|讲下|講聲|講一聲|講下|说|告诉你|通知|知会|备案|报一下|说一声)"
    r"(?:一下|一声|下)?(?:吧|哈|啊|伐|哦|呀|嘛|呢)?|"
    r"(?:i'?m |we'?re )?(?:just )?(?:letting you know|to let you know|telling you|for your info(?:rmation)?|fyi|"
    r"wanted to let you know|"
    r"(?:i |we )?(?:want|wanted|would like|'d like|need) to (?:register|record|log|declare) (?:that|it|this)|"
    r"please (?:note|record) (?:that|it))|"
    r"(?:hi|hey|hello)?[\s,-]*(?:just )?(?:so you know|quick one|quick note|quick question|heads up|a heads up|"
    r"fair enough|ok(?:ay)?|alright|right|well|so|then|understood|got it|noted|makes sense|thanks?|thank you)"
    r"(?:[\s,]+(?:den|dem|then|so|la|lah|ah))?|"
    r"(?:我)?(?:想了想|想了一下|考虑了一下|考虑过了|琢磨了一下|商量了一下|好吧|那好|那行|行吧|明白了|知道了|了解了)|"
    r"(?:那|那就|那么)?(?:我|我们)?(?:就)?(?:登记|报备|备案)(?:一下|下)?(?:吧)?|"
    # "Just to inform", "I write to inform you", "Please do the needful", "Thank you always for your kind support"
    r"(?:just )?(?:to inform(?: you)?|this is to inform(?: you)?|kindly note|please note|"
    r"i (?:would like to|wish to|write to|am writing to|want to) inform(?: you)?)|"
    r"(?:please |kindly )?(?:do the needful|acknowledge(?: receipt)?)|"
    r"thank(?:s| you)(?: always| so much| very much| again)? for (?:your|the|all your) "
    r"(?:kind |continued |continuous )?"
    r"(?:support|help|patience|understanding|time|cooperation|guidance)"
)
