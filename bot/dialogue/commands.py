"""A narrow, high-precision reading of the few commands a user can give at any question:
pause, leave, skip, explain, switch language, show my plans, help, withdraw, and
changing an earlier answer. The general intent model never decides these while a
question is pending; a message is a command only when it says nothing else.
"""

from __future__ import annotations

import dataclasses
import functools
import itertools
import re
import unicodedata
from dataclasses import dataclass
from typing import Dict, List, Optional, Sequence, Tuple

from bot.dialogue import answers, words
from bot.flow import FormExit
from bot.plan_schema import FIELDS_BY_NAME

# The leaving commands are named by the `form_exit` they set (bot.flow.FormExit.LEAVING).
COMMANDS = (
    FormExit.PAUSE,
    FormExit.LEAVE,
    "skip",
    "explain",
    "show_my_plans",
    "show_answers",
    "progress",
    "help",
    FormExit.WITHDRAW,
    "change",
    "back",
    "wait",
    "resume",
)
# When one message holds two commands, the first of these wins ("skip this, I'll finish later" pauses).
PRECEDENCE = (
    FormExit.PAUSE,
    FormExit.LEAVE,
    FormExit.WITHDRAW,
    "change",
    "back",
    "explain",
    "skip",
    "show_answers",
    "progress",
    "show_my_plans",
    "help",
    "resume",
    "wait",
)
# Commands that may come with a short remark ("算了，不填了，我先去开会").
WITH_REMARK = frozenset({FormExit.PAUSE, FormExit.LEAVE, "explain", "wait", "resume", "show_answers", "progress"})
REMARK_CJK, REMARK_WORDS = 14, 7
# A reason given for leaving may be longer ("my director just pinged me and I have to jump into a meeting").
LEAVING_CJK, LEAVING_WORDS = 40, 22


@dataclass(frozen=True)
class Command:
    kind: str  # one of COMMANDS, "language", "edit" or "swap" (field and value name the two answers)
    language: Optional[str] = None  # for "language": zh or en
    field: Optional[str] = None  # for "edit": the plan field to change
    value: Optional[str] = None  # for "edit": the new answer, when the message gives it
    replaces: Optional[str] = None  # for "edit": the part of the old answer it corrects ("不是95%，是92%")
    adds: bool = False  # for "edit": the value adds to the old answer ("not only X, also Y")


def _core(text: str) -> str:
    return words.strip_fillers(words.fold(text), words.phrases("fillers"))


@functools.lru_cache(maxsize=1)
def _command_cores() -> Dict[str, str]:
    """The core of every command phrase -> its command (languages included)."""
    cores: Dict[str, str] = {}
    for kind in PRECEDENCE:
        for phrase in words.phrases("commands", kind, "strong"):
            for core in {words.fold(phrase), _core(phrase)} - {""}:
                if core != words.fold(phrase) and (
                    re.fullmatch(r"不.{1,2}", core)
                    or (words.cjk_count(core) == len(core) <= 2)
                    or core in ("not", "no", "yes", "yeah", "nope", "sure")
                ):
                    continue  # "不搞了" stops, "不搞" answers no; "先这样" stops, "就这样" agrees; "not now" stops
                cores.setdefault(core, kind)
    return cores


TOGGLE = "toggle"  # "切换语言": the language not in use now


@functools.lru_cache(maxsize=1)
def _language_cores() -> Dict[str, str]:
    return {
        core: lang
        for lang in ("en", "zh", TOGGLE)
        for phrase in words.phrases("language", lang)
        for core in {words.fold(phrase), _core(phrase)} - {""}
    }


def _is_remark(clause: str, cjk: int = REMARK_CJK, english: int = REMARK_WORDS) -> bool:
    return words.cjk_count(clause) <= cjk and len(words.english_words(clause)) <= english


def _unsure_alone(clause: str) -> bool:
    return clause in words.phrases("answers", "unsure_alone") or _core(clause) in {
        _core(p) for p in words.phrases("answers", "unsure_alone")
    }


def language_request(text: str) -> Optional[str]:
    """zh or en when the message asks for that language and says nothing else, or when one of
    its sentences is such a request ("Could you write to me in Chinese from now on? My deputy…");
    `toggle` when it asks for the other language without naming it."""
    parts = words.clauses(text)
    found = {_language_cores().get(c) or _language_cores().get(_core(c)) for c in parts}
    found.discard(None)
    if len(found) == 1 and all(
        _language_cores().get(c) or _language_cores().get(_core(c)) or not _core(c) for c in parts
    ):
        return found.pop()
    asked = {
        _LANGUAGES[(request.group("en") or request.group("en2") or request.group("zh")).casefold()]
        for sentence in re.split(r"[.?!。？！]\s*|\n", words.fold(text))
        for request in [_ASKS_FOR_LANGUAGE.match(sentence.strip())]
        if request
    }
    return asked.pop() if len(asked) == 1 else None


_LANGUAGES = {
    "english": "en",
    "chinese": "zh",
    "mandarin": "zh",
    "英文": "en",
    "英语": "en",
    "中文": "zh",
    "汉语": "zh",
}
# "could you write to me in Chinese from now on", "please switch back to English", "以后请用中文回复我"
_ASKS_FOR_LANGUAGE = re.compile(
    r"^(?:(?:excuse me|sorry|i am sorry|i'm sorry|please|pls|hi|hello|ok|okay|so|then|actually|also|and|oh|btw|"
    r"by the way|thx|thanks|thank you|cool|great|before we start|before we begin|first|first of all)[,\s]+)*"
    r"(?:(?:could|can|would|will) you (?:please |kindly )?|please |pls |kindly |let's |lets |let us |i'd like to |"
    r"i would like to |i want to |can we |could we |let me |i'll |i will |i'm going to |we'll )?"
    r"(?:(?:write|reply|answer|talk|speak|respond|continue|chat|communicate)(?: to me| with me| to us)?(?: only)? in|"
    r"(?:switch|change|go)(?: back)?(?: the language)? to|use) (?P<en>english|chinese|mandarin)"
    r"(?:[,\s]+(?:from now on|from here on|from here|instead|again|please|pls|plz|for me|after all|for the rest|"
    r"for a while|for a bit|for now|for the moment))*(?:[,;]\s+(?:my|our|the|she|he|they|because|as|since)\b.*)?$|"
    r"^(?:(?:ok|okay|so|right)[,\s]+)?(?P<en2>english|chinese|mandarin)(?:[,\s]+(?:again|from here on|from now on|"
    r"from here|please|pls|now))+$|"
    r"^(?:以后|之后|接下来|后面)?(?:请|麻烦|麻烦你|能不能|可不可以|可以|能否)?(?:你)?(?:都)?(?:用|说|讲|换成|切换成|切换到|改用|换回|切回)"
    r"(?P<zh>中文|英文|英语|汉语)(?:回复|回答|跟我说|和我说|交流|沟通|聊|写)?(?:我|我们)?(?:吧|吗|好吗|可以吗|谢谢)?$"
)


_PREVIOUS_WAS_WRONG = re.compile(
    r"^(?:(?:啊|呃|嗯|诶|欸|哎呀|等等|等一下|等下|等哈|哦|噢|哎|不好意思|sorry|wait|oops|hang on|hold on)"
    r"[\s,，!！.。]*)*"
    r"(?:(?:上一个|上一题|上个问题|上一个问题|前一个|前一题|刚才那个|刚才那题|上一条)(?:我|俺)?(?:的|那个)?(?:回答|答案)?"
    r"(?:说错了|填错了|答错了|选错了|搞错了|弄错了|错了|不对)|"
    r"(?:i got |i put |i gave )?(?:the )?(?:last|previous) (?:one|answer|question)(?: was)? "
    r"(?:wrong|incorrect|a mistake)|"
    r"i got the (?:last|previous) (?:one|answer|question) wrong)"
    r"[\s,，!！.。:：]*(?:[\U0001F300-\U0001FAFF\u2600-\u27BF]\s*)*"  # "上一个说错了😅 …"
    r"(?:(?:其实|实际上|事实上|actually|in fact|really)[\s,，]*)?"
    r"(?P<rest>.*)$"
)


# "回头再说", "let's come back to it": later, which beside "skip this one" means this question, not the plan
_DEFERS = re.compile(
    r"^(?:回头|以后|之后|晚点|改天|过后|等等)?再(?:说|讲|议|看)(?:吧|啦|哈)?$|"
    r"^(?:(?:we'?ll|let'?s|i'?ll) )?(?:come back to (?:it|that|this)(?: later)?|deal with (?:it|that) later|later)$"
)
# "车间……叫我了……我先……去一趟": the pauses of someone typing slowly, between Chinese words
_HESITATION = re.compile(r"(?<=[\u4e00-\u9fff])(?:…+|\.{2,}|。{2,}|·{2,})(?=[\u4e00-\u9fff])")


def match(text: str, fields: Optional[Sequence[str]] = None) -> Optional[Command]:
    """The command this message is, or None when it is (or may be) anything else.

    `fields` are the plan fields the message may change ("change the sponsor");
    without them, edits are not looked for.
    """
    text = words.without_trailing_emoji(text)
    lang = language_request(text)
    if lang:
        return Command("language", language=lang)
    if _explains_a_field(text):  # "这里所说的“基线”具体是指什么？": that question, whichever is pending
        return Command("explain", field=field_named(text, fields) if fields else None)
    if fields:
        corrected_before = _PREVIOUS_WAS_WRONG.match(words.fold(text))
        if corrected_before and corrected_before.group("rest").strip(" ，,。.!！"):
            # "等等 上一个我说错了 其实我们自己能搞": the answer before the pending one, answered again
            return Command("back", value=corrected_before.group("rest").strip(" ，,。.!！"))
        swapped = swapped_fields(text, fields)
        if swapped:
            return Command("swap", field=swapped[0], value=swapped[1])
        edit = match_edit(text, fields) or _choice_named_again(text, fields)
        if edit:
            return edit
        after_wait = _OPENING_WAIT.sub("", text)
        edit = (
            (match_edit(after_wait, fields) or _choice_named_again(after_wait, fields)) if after_wait != text else None
        )
        if edit:
            return edit  # "wait. data quality not good actually, is poor. pls change"
    parts = [words.correct(c) for c in words.clauses(_HESITATION.sub("", text))]
    if not parts:
        return None
    kinds = [
        LATER if k == FormExit.PAUSE and _DEFERS.match(c) else k for c, k in ((c, _clause_command(c)) for c in parts)
    ]
    matched = [k for k in kinds if k]
    if not matched:
        return None
    if all(c.rstrip("吧啦") in _NEVER_MIND for c, k in zip(parts, kinds, strict=True) if k) and not (
        kinds[0] or kinds[-1]
    ):
        return None  # "不能……算了，能，我们自己搞得定": "never mind" corrects the answer before it
    if (
        "skip" in matched
        and all(k in ("skip", LATER) for k in matched)
        and (
            LATER not in matched
            or any(k in ("skip", LATER) and _THIS_ONE.search(c) for c, k in zip(parts, kinds, strict=True))
            or any(k == "skip" and re.search(r"下一|\bnext\b", c) for c, k in zip(parts, kinds, strict=True))
        )
    ):
        kind = "skip"  # "这个先跳过，回头再补": skip this one, fill it in later ("先放一放，下午接着弄" pauses)
    else:
        kind = min((FormExit.PAUSE if k == LATER else k for k in matched), key=PRECEDENCE.index)
    explicit_skip = kind == "skip" and any(_explicit_skip(c) for c in parts)
    if kind == "skip" and not explicit_skip and any(not k and _yes_or_no(c) for c, k in zip(parts, kinds, strict=True)):
        return None  # "Yes. Next.": the answer, then on to the next question
    for clause, clause_kind in zip(parts, kinds, strict=True):
        if clause_kind or not _core(clause):
            continue
        if kind in WITH_REMARK and _is_remark(
            clause, *((LEAVING_CJK, LEAVING_WORDS) if kind in (FormExit.PAUSE, FormExit.LEAVE) else ())
        ):
            continue
        if kind == "explain" and _is_remark(clause, LEAVING_CJK, LEAVING_WORDS) and _PUZZLED.match(clause):
            continue  # "example? not sure what would count as not needing ML"
        if kind == "skip" and (
            _unsure_remark(clause) or (explicit_skip and _is_remark(clause, LEAVING_CJK, LEAVING_WORDS))
        ):
            continue  # "no idea, leave it blank", "先跳过，CFO还没表态"
        return None
    return Command(kind)


@functools.lru_cache(maxsize=1)
def _yes_no_words() -> frozenset:
    said = words.vocabulary()["answers"]["yes_no_unsure"]
    return frozenset(words.fold(p) for p in [*said["yes"], *said["no"]])


def _yes_or_no(clause: str) -> bool:
    return clause in _yes_no_words() or words.fold(clause).strip(" .!！。") in _yes_no_words()


@functools.lru_cache(maxsize=1)
def _explicit_skips() -> frozenset:
    return frozenset(words.phrases("commands", "skip", "explicit")) | frozenset(
        _core(p) for p in words.phrases("commands", "skip", "explicit")
    )


def _explicit_skip(clause: str) -> bool:
    """ "skip", "跳过", "pass on that one": a skip said outright, which may come with a reason."""
    return (
        clause in _explicit_skips()
        or _core(clause) in _explicit_skips()
        or any(pattern.search(clause) for kind, pattern in _command_patterns() if kind == "skip")
    )


_PUZZLED = re.compile(
    r"(?:not sure|i'?m not sure|im not sure|i don'?t know|i dont know|no idea|unsure|not clear|"
    r"what|how|which|why|不确定|不太确定|不知道|不清楚|不太清楚|不太懂|不懂|不明白|什么|怎么|哪)"
)
_NEVER_MIND = frozenset({"算了", "算了算了", "never mind", "nevermind", "forget it"})
LATER = "later"  # "I'll finish this later": a pause, unless it comes with a skip of this question
_THIS_ONE = re.compile(
    r"跳过|略过|\bskip|\bpass\b|这个|这题|这道|这一?项|这一?问|这块|这里|\b(?:this|that|it|question)\b"
)


@functools.lru_cache(maxsize=1)
def _later_patterns() -> Tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p) for p in words.vocabulary()["commands"]["pause"]["later"])


@functools.lru_cache(maxsize=1)
def _command_patterns() -> Tuple[Tuple[str, re.Pattern[str]], ...]:
    found = []
    for kind in PRECEDENCE:
        for pattern in words.vocabulary()["commands"][kind].get("patterns", []):
            found.append((kind, re.compile(pattern)))
    return tuple(found)


# words of address and particles said after a command: "not now mate", "skip muna po"
_ADDRESS = re.compile(r"(?:\s+(?:mate|po|muna|lah|leh|la|bro|man|guys|pal|buddy|dude|boss))+[.!?]*$")


def _clause_command(clause: str) -> Optional[str]:
    if clause.startswith(("请问", "先问一下", "想问一下", "问一下")):
        return None  # "请问一下，…是什么意思？" opens a question; "我问一下" waits
    kind = _command_cores().get(clause) or _command_cores().get(_core(clause))
    unaddressed = _ADDRESS.sub("", clause)
    if not kind and unaddressed != clause:  # "not now mate", "skip this one po"
        kind = _command_cores().get(unaddressed) or _command_cores().get(_core(unaddressed))
    if kind:
        return kind
    if _is_remark(clause, LEAVING_CJK, LEAVING_WORDS):
        kind = next((k for k, pattern in _command_patterns() if pattern.search(clause)), None)
        if kind:
            return kind
    if _is_remark(clause, LEAVING_CJK, LEAVING_WORDS) and any(
        p.search(clause) or p.search(_core(clause)) for p in _later_patterns()
    ):
        return LATER
    return None


def _unsure_remark(clause: str) -> bool:
    unsure = words.phrases("answers", "unsure_alone")
    return _is_remark(clause) and (_unsure_alone(clause) or any(words.spans(clause, u) for u in unsure))


def _explains_a_field(text: str) -> bool:
    """ "基线是啥意思", "what do you mean by baseline", "基线是啥意思 没太懂": a question about a question."""
    parts = words.clauses(text)
    if len(parts) > 1:
        asking = [p for p in parts if _explains_a_field(p)]
        return bool(asking) and all(
            p in asking or _clause_command(p) == "explain" or (_is_remark(p) and _PUZZLED.search(p)) for p in parts
        )
    folded = words.fold(text)
    for pattern in _field_question_patterns():
        found = pattern.match(folded)
        if found and _command_cores().get(_core(found.group("rest"))) == "explain":
            return True
    return False


@functools.lru_cache(maxsize=1)
def _field_question_patterns() -> Tuple[re.Pattern[str], ...]:
    """ "<field> 是啥意思" and "what do you mean by <field>", per field alias, compiled once
    (there are more than `re`'s cache holds, so they were compiled again on every message)."""
    return tuple(
        re.compile(pattern)
        for alias, _ in _field_names()
        for pattern in (
            rf"^(?:这个|那个|这里的|这里|你说的|你问的|所谓的?|请问)?{words._pattern(alias)}\s*(?:是|的|指的是|指)?\s*(?P<rest>.+)$",
            rf"^(?P<rest>.+?)\s*(?:by|about|of|for)?\s*(?:the |a |an )?{words._pattern(alias)}(?:\s+(?:exactly|again|"
            rf"here|then|precisely|anyway|really))?[\s.!?。！？]*$",
        )
    )


# --- changing an earlier answer ------------------------------------------------------------


@functools.lru_cache(maxsize=1)
def _field_names() -> Tuple[Tuple[str, str], ...]:
    """(alias, field), longest alias first."""
    names = words.vocabulary()["fields"]
    pairs = [(words.fold(alias), field) for field, aliases in names.items() for alias in aliases]
    return tuple(sorted(pairs, key=lambda p: -len(p[0])))


def names_a_field(text: str) -> bool:
    """Whether a text names a plan question ("the baseline is missing", "缺执行发起人")."""
    folded = words.fold(text)
    return any(words.spans(folded, alias) for alias, _ in _field_names())


def _alternation(items) -> str:
    return "|".join(words._pattern(i) for i in sorted(set(items) - {""}, key=len, reverse=True))


@functools.lru_cache(maxsize=1)
def _edit_patterns() -> Tuple[re.Pattern[str], ...]:
    edit = words.vocabulary()["edit"]
    field = f"(?P<field>{_alternation(a for a, _ in _field_names())})"
    verbs_en, verbs_zh = _alternation(map(words.fold, edit["verbs_en"])), _alternation(edit["verbs_zh"])
    into_en, into_zh = _alternation(map(words.fold, edit["into_en"])), _alternation(edit["into_zh"])
    restate_en, wrong_zh = _alternation(map(words.fold, edit["restate_en"])), _alternation(edit["wrong_zh"])
    lead_en = (
        r"(?:(?:(?:yes|yeah|yep|ok|okay|sure|fine)[\s,]+but|before (?:i|we|you) submit(?: it)?|before submitting|"
        r"not yet|wait|actually|sorry|oh|hmm|oops|scratch that|no|hold on|hang on|hold up|hold your horses|whoa|"
        r"one sec|one more thing|also|ah jeez|jeez|i forgot|"
        r"before that|before i forget|before we go on|by the way|btw|quick one|one thing|and|an'|"
        r"(?:(?:and|an'?) )?while i'?m at it|"
        r"kindly note(?: that)?|please note(?: that)?|(?:in|on) (?:plan|#) ?#?\d+)[\s,.!:-]*)*"
    )
    ask_en = (
        r"(?:(?:can|could|may) (?:you|we|i) |please |let me |let's |lets |i want to |i'd like to |i need to |i wanna )?"
        r"(?:(?:go back and|go back to|quickly|just) )?"
    )
    the = r"(?:(?:the|my|our|that|this) )?"
    lead_zh = (
        r"(?:(?:啊|哦|噢|诶|哎|嗯|呃|且慢|稍等|等一下|等等|等下|等一歇|不对|哦对了|对了|还有|另外|刚才|刚刚|前面|前头|之前|上面|我想|"
        r"不好意思|抱歉|对不起|麻烦您|麻烦你|您好|"
        r"我要|帮我|麻烦|请|把|将|能不能|能否|可不可以|可以|你能|你可以|\d+\s*号(?:计划)?的?|计划\s*\d+的?|#\s*\d+(?:计划)?的?|"
        r"(?:刚才|刚刚|之前|上次|前面)?(?:交|提交|填|报|递)(?:上去)?的(?:那个|那份|这个|这份)?(?:计划|规划)?(?:里面?|里头|中)?的?)"
        r"[\s，,、]*)*"
    )
    return (
        # change the sponsor (to Dana Wu) / go back to data quality - it's poor
        re.compile(
            rf"^{lead_en}{ask_en}(?:{verbs_en}) {the}{field}(?: answer| field| question| one| bit| part)?"
            rf"(?: (?:of|in|on|for) (?:(?:the same|this|that|our|my|the) plan(?: #?\d+)?|plan #?\d+|#\d+))?"
            rf"(?:\s+(?:first|please|pls|quickly|before (?:that|submitting|you submit|we submit)))*"
            rf"(?:(?:\s*(?:{into_en})\s*|\s*[,，:;.-]+\s*(?:(?:it's|its|it is|it should be)\s+)?(?:actually\s+)?|"
            rf"\s+(?:it's|its|it is|to be)\s+)(?P<value>.+))?$"
        ),
        # make the sponsor Deb Kowalski instead / set the data quality to good
        re.compile(
            rf"^{lead_en}(?:(?:please|pls|can you|could you|just) )?(?:make|set|put) {the}{field}"
            rf"(?: (?:to|as|to be|into))? (?P<value>(?!(?:more|less|clearer|shorter|longer|better)\b).+)$"
        ),
        # wait, metric: cut claim cycle time from 12 to 7 days
        re.compile(
            rf"^(?:wait|actually|sorry|oh|hmm|oops|hold on|one more thing|not yet|before (?:i|we|you) submit(?: it)?|"
            rf"one correction|correction|change)[\s,.!:-]+{the}{field}\s*[:：=]\s*(?P<value>\S.*)$"
        ),
        # sorry, one correction for the title, please call it Picking workload forecast
        re.compile(
            rf"^{lead_en}(?:one |a small |a quick )?correction (?:for|to|on|about) {the}{field}[\s,:;.-]+(?:please |"
            rf"pls )?(?:call it|name it|make it|change it to|it should be|it's|its|it is)\s+(?P<value>.+)$"
        ),
        # the sponsor is actually Priya / scratch that - the sponsor is Maria Alvarez, not Tom
        re.compile(rf"^{lead_en}{the}{field} (?:{restate_en}) (?P<value>.+)$"),
        # the sponsor's Priya Mann now
        re.compile(
            rf"^{lead_en}{the}{field}'s (?!(?:name|title|role|job|office|team|unit|changed|wrong)\b)(?P<value>.+) now$"
        ),
        # the sponsor changed this week - it's the CFO now, Elaine Porter / 发起人换了，现在是财务总监王丽
        re.compile(
            rf"^{lead_en}{the}{field}(?:'s| has| have)? (?:changed|switched|is different now|is someone else now)"
            rf"(?: (?:on|in|for) (?:that|this|the|our)(?: same)? plan(?: #?\d+)?)?"
            rf"(?: (?:this|last) (?:week|month)| recently| since then| in the meantime)?"
            rf"(?: (?:an'?|and) all| as well| too)?"
            rf"(?:(?:\s*[,，.;:–—-]+\s*|\s+(?=it's |its |it is |now ))"
            rf"(?:(?:it's|its|it is|'?tis|it'll be|now it's|now it is|that's|that is) (?:now )?|now )(?P<value>\S.*))?$"
        ),
        re.compile(
            rf"^{lead_zh}{field}(?:那边|这边)?(?:已经|最近|这周|上周|前两天)?(?:换了|换人了|变了)[\s，,。]*"
            rf"(?:现在|目前)?(?:是|为|换成|改成)(?P<value>.+)$"
        ),
        re.compile(
            rf"^(?:(?:oh|ok|hmm|sorry)[\s,.!-]*)*(?:wait|actually|scratch that|sorry|oops|correction|no wait|"
            rf"my mistake|my bad)[\s,.!:-]+(?:(?:wait|actually|scratch that|sorry|oops)[\s,.!:-]+)*"
            rf"{the}{field} (?:is|was|should be|will be|=) (?P<value>.+)$"
        ),
        # 把发起人改成刘总 / 发起人改成刘总 / 修改数据来源
        re.compile(
            rf"^{lead_zh}(?:把|将)?{field}(?:那一项|那项|这一项|这项|那个|这个|那题|这题|一项|的回答|的答案)?"
            rf"(?:我|我们)?(?:想|要|得|还是)?(?:改一下|改下|改一改)?[\s，,]*(?:{into_zh})[\s：:]*(?P<value>.+)$"
        ),
        re.compile(
            rf"^{lead_zh}(?:{verbs_zh})(?:一下)?{field}(?:[\s，,：:]*(?:改成|改为|换成|为|成)?[\s：:]*(?P<value>.+))?$"
        ),
        # 还有执行发起人也得换，原来那位调走了: which answer, its new value still to come
        re.compile(
            rf"^{lead_zh}{field}(?:那一项|那项|这项|那题|这题)?(?:也|还)(?:要|得|需要|想)?(?:换|改|更换|换人|换个人|改一下|换一下)"
            rf"(?:一下|下)?(?:了|吧)?(?:[，,；;]\s*(?:原来|之前|以前|因为|那位|他|她|老)[^，,。]*)?$"
        ),
        # 前面的业务问题要改一下
        re.compile(
            rf"^{lead_zh}(?:前面|之前|刚才|上面)?的?{field}(?:那题|这项|的回答|那里|那儿|那块|这里|这块|那部分)?(?:我)?"
            rf"(?:要|想|得|需要|我想|想要|打算)?(?:改|修改|更改|重填|重写|重新写|重新填|改改)(?:一下|下)?(?:吧)?$"
        ),
        # 刚才数据质量说错了，其实挺差的 / 数据质量我刚才说错了
        re.compile(
            rf"^{lead_zh}{field}(?:的回答|这项|这题|那个|那一项|那项|那题)?(?:我)?(?:刚才|刚刚|之前|前面)?(?:{wrong_zh})(?:了)?"
            rf"(?:[\s，,。]*(?:其实|应该|实际上)?(?:是)?(?P<value>.+))?$"
        ),
        # the data quality has been wrongly captured. It should be poor, not good.
        re.compile(
            rf"^{lead_en}{the}{field} (?:has been|was|is|got) (?:wrongly|incorrectly|mistakenly|wrong(?:ly)?) "
            rf"(?:captured|entered|recorded|filled(?: in)?|given|answered|put(?: down| in)?)"
            rf"(?:[\s,.;:-]+(?:(?:it|this|that) )?(?:should (?:be|read|say)|is actually|is) (?P<value>.+))?$"
        ),
        # my answer on data quality was wrong / the data quality was wrong
        re.compile(
            rf"^(?:.{{0,40}}?[?.!:]\s*)?(?:my |the )?(?:answer|response|reply|statement|entry) (?:on|about|for|to|"
            rf"regarding) {the}{field}"
            rf"(?: question)? (?:was|is) (?:wrong|incorrect|a mistake|not right|imprecise|inaccurate|not accurate|"
            rf"not correct|off)(?:[\s,.;:-]+(?:it'?s|it is|"
            rf"it should be|should be|actually)?\s*(?P<value>.+))?$"
        ),
        # oh, one correction before I forget: the sponsor is Priya Nair now
        re.compile(
            rf"^.{{0,40}}?(?:correction|scratch that|my mistake|i meant|i misspoke|update)[^:]*?[:,-]+\s*{the}{field} "
            rf"(?:is|was|should be|will be|=) (?P<value>.+)$"
        ),
        # 指标改一下，不是95%，是92%
        re.compile(
            rf"^{lead_zh}(?:不好意思|抱歉|对不起)?[\s，,]*{field}(?:要|想|得|需要)?(?:改|修改|更改)(?:一下|下)?[，,。\s]*"
            rf"(?:不是(?P<old>[^，,]+)[，,]\s*)?(?:是|改成|应该是)(?P<value>.+)$"
        ),
        # quick housekeeping item. The exec sponsor on plan 1 has changed; it needs to be Marcus Webb now
        re.compile(
            rf"^(?:.{{0,60}}?[.!:;,]\s+)?{the}{field}"
            rf"(?: (?:on|of|for|in) (?:plan #?\d+|#\d+|our plan|the plan|my plan))? "
            rf"(?:has|have) changed[;:,.]?\s+(?:(?:it|he|she|they|the new one|that)(?: now)? (?:needs to be|should be|"
            rf"must be|will be|is|'s)\s+|(?:it'?s|its) (?:now )?)(?P<value>.+)$"
        ),
        # wait, metric change to 85% invoices auto matched, not 70%
        re.compile(
            rf"^(?:(?:wait|sorry|oh|oops|actually|hmm|hold on|one thing)[\s,.!:-]+)*{the}{field} "
            rf"(?:change|changed|update|updated|should change|needs to change|must change) (?:to|into) (?P<value>.+)$"
        ),
        # one correction first. On question five I said we could manage. We can't, really; … Please make that a no.
        re.compile(
            rf"^.{{0,60}}?\b(?:on|for|about|re|regarding) {the}{field},? "
            rf"(?:i|we) (?:said|answered|put|wrote|told you)\b"
            rf".{{0,200}}?\b(?:make (?:that|it) (?:a )?|change (?:that|it) to (?:a )?|(?:it|that|the answer) should be "
            rf"(?:a )?|put (?:it )?down as (?:a )?)(?P<value>yes|no|not sure|unsure)\b.*$"
        ),
        # wait, before continue, question 5 i answer yes but really is no, we need the IT guys
        re.compile(
            rf"^(?:.{{0,40}}?[\s,;:]+)?{field},? (?:i|we) (?:answer(?:ed)?|said|say|put|put down|wrote|chose|picked|"
            rf"typed|gave) [\"']?[\w' -]{{1,20}}?[\"']?[,;]? but "
            rf"(?:(?:really|actually|in fact|in reality|truly|it|that|the answer|the real answer) )*"
            rf"(?:is|was|should be|'s|must be|has to be) (?P<value>.+)$"
        ),
        # 第五问需更正：我部实则无法独立完成，须信息技术部协助
        re.compile(
            rf"^{lead_zh}{field}(?:这题|那题|这项|那项|的回答|的答案)?(?:我)?(?:需|需要|要|得|须|想|必须)?(?:予以)?"
            rf"(?:更正|修改|改正|订正|改一下|改下|调整)(?:一下|下)?(?:\s*[：:，,]\s*(?P<value>\S.*))?$"
        ),
        # 等哈，我刚刚问到了，执行发起人是分管供应链的副总张国强，帮我补上去
        re.compile(
            rf"^(?:.{{0,24}}?[，,。]\s*)?(?:执行)?{field}(?:是|为|就是|定了是|定下来了是)(?P<value>[^，,。]+)[，,。]\s*"
            rf"(?:帮我|请|麻烦|麻烦你|你)?(?:补上|补上去|填上|填上去|加上|加上去|记上|改一下|更新一下|补一下)"
        ),
        # 刚才说错了，发起人是王总不是李总
        re.compile(rf"^{lead_zh}(?:{wrong_zh})(?:了)?[\s，,。]*{field}(?:应该|其实|实际上)?是(?P<value>.+)$"),
    )


def swapped_fields(text: str, fields: Sequence[str]) -> Optional[Tuple[str, str]]:
    """ "成功指标和基线填反了", "I mixed up the metric and the baseline": two answers to swap."""
    folded = words.fold(text)
    for pattern in _swap_patterns():
        found = pattern.search(folded)
        if found:
            names = dict(_field_names())
            first, second = names.get(found.group("a")), names.get(found.group("b"))
            if first is not None and second is not None and first in fields and second in fields and first != second:
                return first, second
    return None


@functools.lru_cache(maxsize=1)
def _swap_patterns() -> Tuple[re.Pattern[str], ...]:
    a = f"(?P<a>{_alternation(alias for alias, _ in _field_names())})"
    b = f"(?P<b>{_alternation(alias for alias, _ in _field_names())})"
    return (
        re.compile(
            rf"{a}(?:的回答|那项|这项)?\s*(?:和|与|跟|同)\s*{b}(?:的回答|那项|这项)?\s*(?:我|刚才|好像)?\s*"
            rf"(?:填反了|写反了|弄反了|搞反了|答反了|颠倒了|反了|对调一下|对调|互换一下|互换|调换一下|调换)"
        ),
        re.compile(rf"\b(?:mixed up|swapped|switched|reversed|confused) (?:the |my )?{a} and (?:the |my )?{b}\b"),
        re.compile(rf"\b(?:swap|switch) (?:the |my )?{a} and (?:the |my )?{b}(?: answers?| around| round)?\b"),
        re.compile(
            rf"\b(?:the |my )?{a} and (?:the |my )?{b} (?:answers )?(?:are|were|got) (?:swapped|switched|mixed up|"
            rf"reversed|the wrong way round|the wrong way around|backwards)\b"
        ),
    )


_ONLY_POLITE = re.compile(
    r"^\s*(?:please|pls|plz|thanks|thank you|thx|kindly|谢谢|麻烦了|麻烦你了|劳驾)[\s.!！。]*$", re.IGNORECASE
)


# A request to change, where the new value would be: "想改一下", "I'd like to fix it"
_ONLY_A_REQUEST = re.compile(
    r"^(?:我|我们)?(?:想|要|得|需要|帮我|麻烦|请)?(?:改|修改|更正|重填|重写|改正)(?:一下|下)?(?:吧|哈|啦|呢)?[。.!！]*$|"
    r"^(?:i |we )?(?:want|need|would like|'d like|wanna) to (?:change|fix|correct|update|amend) (?:it|that|this)[.!]*$"
)
# What was wrong with the old answer, said instead of the new one
_FAULTS_THE_OLD_ANSWER = re.compile(
    r"^(?:(?:but|because|as|since|cause|'cause|coz)\s+)?(?:the (?:number|figure|target|value|answer|name|one|text)|"
    r"it|that|"
    r"this|what)\b(?: (?:we|i|they) (?:put|wrote|said|gave|entered|filled in|typed|had)(?: (?:there|in|down|before|"
    r"earlier|last time))*)? (?:is|was|are|were|seems?|looks?|sounds?)(?: (?:a bit|a little|way|far|much|rather|quite|"
    r"very|really|just|now|actually|not))* (?:too |so )?(?:ambitious|high|low|optimistic|pessimistic|wrong|outdated|"
    r"out of date|old|unrealistic|vague|off|incorrect|inaccurate|aggressive|conservative|stale|not right|no longer "
    r"right|not correct)\b[\s.!]*$|"
    r"^(?:之前|原来|上次|当时|先前)?(?:填|写|报)的?(?:那个)?(?:数字|目标|指标|数)?(?:太高了|太低了|写错了|填错了|不对|过时了|不准|太激进了|太保守了|不现实)"
    r"[了啊吧。！]*$"
)


def match_edit(text: str, fields: Sequence[str]) -> Optional[Command]:
    """A change of an earlier answer (see `_match_edit`); a new value said as an addition
    ("not only X, also Y", "另外加上…") is marked `adds`, so the old answer stays."""
    edit = _match_edit(text, fields)
    corrected = words.correct_chinese(text) if edit is None else text
    if corrected != text:  # "发起仁写错了": a homophone slip in the field's name
        edit = _match_edit(corrected, fields)
    if edit is not None and edit.value and _ONLY_POLITE.match(edit.value):
        edit = dataclasses.replace(edit, value=None)  # "change the metric of our plan 1, please": no value yet
    if edit is not None and edit.value and _ONLY_A_REQUEST.match(words.fold(edit.value).strip()):
        edit = dataclasses.replace(edit, value=None)  # "前面那个指标我写得不对，想改一下": the new value is asked for
    if edit is not None and edit.value and _FAULTS_THE_OLD_ANSWER.search(words.fold(edit.value)):
        if not re.search(r"\d", edit.value):  # "…the metric, the number we put there is too ambitious": why, not what
            edit = dataclasses.replace(edit, value=None)
    if edit is not None and edit.value and edit.field and FIELDS_BY_NAME[edit.field].kind == "choice":
        asked_for = _CHOICE_ASKED_FOR.match(edit.value)  # "…to mixed? I was being generous; …"
        if asked_for and answers.parse_choice(edit.field, asked_for.group("choice")) is not None:
            edit = dataclasses.replace(edit, value=asked_for.group("choice"))
    added = (
        _ADDING.match(edit.value)
        if edit is not None and edit.value and edit.field and FIELDS_BY_NAME[edit.field].kind == "text"
        else None
    )
    if edit is not None and added and added.group("rest").strip(" ,，.。"):
        return dataclasses.replace(edit, value=added.group("rest").strip(" ,，.。"), adds=True, replaces=None)
    return edit


# "can you change the data quality to mixed? I was being generous; …": the option the request ends on
_CHOICE_ASKED_FOR = re.compile(r"^\s*(?P<choice>[^?？,，.。;；!！]{1,24}?)\s*[?？]\s*\S")


def _match_edit(text: str, fields: Sequence[str]) -> Optional[Command]:
    """ "change the sponsor to Dana Wu" -> Command("edit", field="executive_sponsor", value="Dana Wu").
    Inside a longer message, one sentence that asks for a change and gives the new value counts too
    ("I said the data was good, but … Could you change the data quality to poor?")."""
    folded = words.fold(text)
    found = _edit_in(folded, fields)
    if found is not None:
        return _edit_command(text, folded, *found)
    put_as = _put_as(text, folded, fields)
    if put_as is not None:
        return put_as
    renamed = _RENAME.search(folded)
    if renamed and "title" in fields:  # "can you rename it to 'CNC predictive maintenance'?"
        value = renamed.group("value") or renamed.group("value_zh")
        quoted = re.match(r"^['\"“‘「《]([^'\"”’」》]+)['\"”’」》]", value)
        value = (quoted.group(1) if quoted else re.split(r"[?？.!。！]\s|[?？。！]", value)[0]).strip(" ,，.。吧")
        return Command("edit", field="title", value=_original_case(text, value) if value else None)
    sentences = [words.fold(s) for s in _SENTENCE.split(words.CJK_SPACE.sub("。", folded))]
    for index in [*range(1, len(sentences)), 0]:
        sentence = sentences[index]
        candidate = _edit_in(sentence, fields) if sentence != folded else None
        opening = _OPENING_CLAUSE.match(sentence)
        if candidate is None and opening:  # "Before submit, please change the executive sponsor."
            sentence = sentence[opening.end() :]
            candidate = _edit_in(sentence, fields)
        last_clause = re.split(r"[,，]\s*", sentence)[-1]
        if candidate is None and last_clause != sentence:  # "Frank's retiring in March, make the sponsor Deb instead"
            candidate = _edit_in(last_clause, fields)
            sentence = last_clause if candidate is not None else sentence
        if candidate is None:
            continue
        if candidate[0].groupdict().get("value"):
            return _edit_command(text, folded, *candidate)
        following = "，".join(sentences[index + 1 :])
        if not following:
            return _edit_command(text, folded, *candidate)  # "Hmm, not quite. Can I go back and edit the value tree?"
        if index == 0 and _ABOUT_THE_OLD_ANSWER.match(following):
            return _edit_command(text, folded, *candidate)  # "can I change the metric? I undersold it"
        if following:  # "试点团队那个我填错了 我们要组试点团队的": the new answer follows
            joined = f"{sentence}，{following}"
            again = _edit_in(joined, fields)
            if again is not None and again[0].groupdict().get("value"):
                return _edit_command(text, folded, *again)
    return (
        _named_then_changed(text, folded, sentences, fields)
        or _named_then_answered(text, sentences, fields)
        or _choice_named_with_a_request(text, sentences, fields)
        or _said_but_now(text, folded, fields)
        or _one_more_branch(text, folded, fields)
    )


def _put_as(text: str, folded: str, fields: Sequence[str]) -> Optional[Command]:
    """ "can you put Lee Min-ho as sponsor instead of Kim?": the new answer, then the field it is for."""
    for field, aliases in _field_aliases(fields).items():
        for alias in sorted(aliases, key=len, reverse=True):
            found = re.search(
                r"\b(?:can you |could you |please |pls |just |(?:i|we) would rather |(?:i|we)'d rather |rather )*"
                r"(?:put|make|list|use|set|have|name|write)\s+"
                rf"(?P<value>.+?)\s+(?:as|for)\s+(?:the |our |my )?{re.escape(alias)}\b(?:\s+(?:route|one|answer))?"
                r"(?:\s+instead(?:\s+of\s+(?P<old>[^?.!]+))?|,?\s+(?:not|rather than)\s+(?P<not>[^?.!]+))?"
                r"\s*[?.!]*(?:\s+(?:would|could|can|is) (?:that|this|it) (?:be )?(?:possible|ok|okay|alright)\W*)?$",
                folded,
            )
            if (
                found
                and FIELDS_BY_NAME[field].kind == "choice"
                and found.group("value")
                and answers.read_choice(field, found.group("value"), in_passing=True) is not None
                and re.search(r"\b(?:put|make|set|mark|list)\s+.+\s+as\s", found.group(0))
            ):  # "I would rather put the centre of excellence as the scaling route", not "we have money for failures"
                return Command("edit", field=field, value=_original_case(text, found.group("value")))
            if found and FIELDS_BY_NAME[field].kind == "text":
                old = found.group("old")
                return Command(
                    "edit",
                    field=field,
                    value=_original_case(text, found.group("value")),
                    replaces=_original_case(text, old.strip()) if old else None,
                )
    return None


# A short clause before the request: "before submit, …", "one more thing, …", "提交之前，…"
_OPENING_CLAUSE = re.compile(
    r"^(?:before (?:i |we |you )?(?:submit|submitting|sending|send)(?: it| this| the plan)?|one (?:more|last) thing|"
    r"(?:oh )?wait|hang on|hold on|by the way|btw|提交之前|提交前|对了|等等|等一下)\s*[,，]\s*"
)


_CHANGE_IT = re.compile(
    r"^(?:烦请|劳烦|请|麻烦|那就|所以)?(?:帮我|帮忙|你|我想|我要|想|要|也)?(?:需要|要)?(?:改成|改为|换成|更正为|修改为|调整为|已换成|已改为|现改为)"
    r"[\s：:]*(?P<value>.+)$|"
    r"^(?:so |please |pls )?(?:change|update|set|switch) (?:it|that) (?:to|into) (?P<value_en>.+)$"
)


def field_aliases(field: str) -> List[str]:
    """How people name one plan question ("数据质量", "质量", "data quality"), folded."""
    return [alias for alias, name in _field_names() if name == field]


def _choice_named_again(text: str, fields: Sequence[str]) -> Optional[Command]:
    """ "data quality not good actually, is poor. pls change": a choice question named first, then a new option
    with a word that it changes ("actually", "pls change", "其实", "应该算")."""
    folded = words.fold(text)
    if not _CHANGE_MARK.search(folded):
        return None
    aliases = _field_aliases([f for f in fields if FIELDS_BY_NAME[f].kind == "choice"])
    opening = [span for span in words.labelled_spans(folded, aliases) if span[0] <= 2]
    if not opening:
        return None
    start, end, field = opening[0]
    marked = _CHANGE_MARK.search(folded, end)
    told = folded[marked.end() :] if marked else folded[end:]
    value = answers.parse_choice(field, told.strip(" ,，.。:：")) or answers.parse_choice(field, folded[end:])
    return Command("edit", field=field, value=value) if value else None


_OPENING_WAIT = re.compile(
    r"^\s*(?:wait|hold on|hang on|one sec|sorry|oops|等一下|等下|等等|稍等|哎等等|不好意思)[\s,，.。!！:：]*",
    re.IGNORECASE,
)
_CHANGE_MARK = re.compile(
    r"\b(?:actually|in fact|pls change|please change|change it|should be|is really|it'?s really)\b|"
    r"其实|实际上|应该(?:算|是)|改成|改为"
)


def _field_aliases(fields: Sequence[str]) -> Dict[str, List[str]]:
    aliases: Dict[str, List[str]] = {}
    for alias, field in _field_names():
        if field in fields:
            aliases.setdefault(field, []).append(alias)
    return aliases


def _named_then_changed(text: str, folded: str, sentences: Sequence[str], fields: Sequence[str]) -> Optional[Command]:
    """ "擴展方式那題我剛剛說還沒想好，後來想想…。請幫我改成年度規劃。", "数据质量我刚才说一般，…，帮我改成差吧":
    one field named, then "change it to …" in a later sentence or clause."""
    parts = [clause for sentence in sentences for clause in words.clauses(sentence)]
    aliases = _field_aliases(fields)
    for index, part in enumerate(parts[1:], start=1):
        found = _CHANGE_IT.match(part)
        if not found:
            continue
        named = {label for before in parts[:index] for _, _, label in words.labelled_spans(before, aliases)}
        value = (found.group("value") or found.group("value_en") or "").strip(" 。.!！吧“”\"'「」『』")
        if len(named) > 1 and value:  # "数据质量…，其实闸机数据有重复，改成一般吧": the field the new answer fits
            fitting = {
                field
                for field in named
                if FIELDS_BY_NAME[field].kind == "choice" and answers.read_choice(field, value, in_passing=True)
            }
            named = fitting if len(fitting) == 1 else named
        if len(named) == 1:
            more = list(
                itertools.takewhile(lambda part: _GOES_ON.match(part) or re.search(r"\d", part), parts[index + 1 :])
            )
            value = "，".join([value, *more]) if value and more else value  # "改成 A，另外 B 也要提升"
            return Command("edit", field=named.pop(), value=_original_case(text, value) if value else None)
    return None


# "can I change the metric? I undersold it": a remark on the old answer, not the new one
_ABOUT_THE_OLD_ANSWER = re.compile(
    r"^(?:(?:i|we) (?:undersold|oversold|understated|overstated|got|messed|made|was|were|put|"
    r"said|wrote|typed|meant|rushed|mixed|misread|misunderstood)\b|(?:i|we) (?:gave|told)(?: you)? (?:the |a )?wrong\b|"
    r"(?:it|that)(?:'s| is| was) "
    r"(?:wrong|off|too|not(?![^,，;；]{1,40}[,，;；]\s*(?:but\s+)?(?:it'?s|it is|rather|instead)\b))\b|"
    r"(?:sorry|my bad|oops)\b|(?:我|刚才|之前)?(?:说少了|说多了|说得太|写得太|低估|高估))"
)
_GOES_ON = re.compile(r"^(?:另外|还有|以及|同时|并且|而且|加上|再加上|也要|也|\b(?:and|also|plus|as well as)\b)")
_RENAME = re.compile(
    r"\b(?:rename|re-name|retitle)\s+(?:it|this|that|the plan|the initiative|the project|the title|our plan)?"
    r"\s*(?:to|as|into)\s+(?P<value>.+)$|(?:改名为|改名叫|改名成|名字改成|名称改成|标题改成|改个名叫)\s*(?P<value_zh>.+)$"
)
_WANTS_CHANGE = re.compile(
    r"改一下|改下|改改|要改|想改|更正一下|(?:要|想|得|需要)?补充(?:一下|下)|填错了|说错了|讲错了|呾错了|写错了|答错了|弄错了|搞错了|选错了|不对|"
    r"\b(?:i|we) (?:answered|said|put|gave|got) (?:it |that |this )?wrong\b|"
    r"\b(?:go back to|(?:i|we) (?:want|need|would like|'d like|should like|have|must)(?: to)? "
    r"(?:change|correct|fix|revise|update|amend)|"
    r"change my answer|change the answer|(?:got|put|gave) (?:it|that) wrong|"
    r"(?:gave|told|put|wrote|entered|typed)(?: you)? (?:the |a )?wrong)\b"
)
# Said of a field that opens the clause ("the sponsor's changed", "the metric I gave is wrong"), not inside an answer
# ("the forecast is wrong 30% of the time").
_SAID_WRONG = re.compile(
    r"^(?:the |my |our |that |this )?(?P<field>.{2,30}?)(?: answer| one| field| question)?(?: (?:i|we) (?:gave|put|"
    r"said|wrote|entered|typed)(?: you| here| in)?"
    r"(?: before| earlier| above| at first| first)?)?"
    r"(?:'s| is| was| has| have| are| were| needs| need)(?: (?:been|now|actually|all|totally|completely))? "
    r"(?:changed|wrong|incorrect|not right|not correct|not accurate|a mistake|changing|updating|fixing)"
    r"(?: (?:now|actually|though|too|as well|i think))?\s*[.!]?$"
)
# "之前填的是好": the old answer told, so that the next clause can correct it
_OLD_ANSWER_STATED = re.compile(r"^(?:我们|我)?(?:之前|原来|原先|上次|当时)(?:填|写|选|报)(?:的是|的|了|成)\S{0,12}$")
_SHOULD_BE = re.compile(
    r"^(?:所以|那|那就|想了想|想想|仔细想想)?(?:应该|应当|其实|实际上)(?:只能|只)?(?:算|是|选|填|写)(?:成|为)?[\s：:]*(?P<value>.+)$|"
    r"^(?:so |please |pls |just |so please )?(?:make it|make that|mark it as|mark it|put it down as|put down|"
    r"set it to|change it to|it should be|it should say|should be|it's actually|it is actually|put|use|"
    r"write|add)\s+(?P<value_en>.+?)(?:\s+(?:instead|there|in there|now|please))*$"
)


def _named_then_answered(text: str, sentences: Sequence[str], fields: Sequence[str]) -> Optional[Command]:
    """ "刚才试点团队那个我改一下，还是先搞个pilot team吧": a field named with "change it", then the new answer
    in the clauses that follow ("…应该算mixed" gives it outright)."""
    parts = [clause for sentence in sentences for clause in words.clauses(sentence)]
    aliases = _field_aliases(fields)
    for index, part in enumerate(parts):
        named = {
            label
            for start, end, label in words.labelled_spans(part, aliases)
            if not _A_QUESTION_OF.match(part[max(0, start - 1) : end])
        }
        said_wrong = _SAID_WRONG.match(part)
        if said_wrong and not any(said_wrong.group("field").strip() in names for names in aliases.values()):
            said_wrong = None  # the subject is the field itself ("the sponsor's changed"), not data about it
        announced = index > 0 and bool(_ANNOUNCES_CORRECTION.search(parts[index - 1]))
        if len(named) != 1 or not (
            _WANTS_CHANGE.search(part)
            or said_wrong
            or announced
            or (index and _WANTS_CHANGE.fullmatch(parts[index - 1]))
            or (index + 1 < len(parts) and _OLD_ANSWER_STATED.match(parts[index + 1]))
        ):
            continue  # "不对，刚才数据质量我说得太乐观了，…应该算差"
        field = named.pop()
        if announced and FIELDS_BY_NAME[field].kind == "choice":
            # "I have to correct an earlier answer. We can do it alone after all": the clause is the answer
            return Command("edit", field=field, value=_original_case(text, "，".join(parts[index:])))
        rest = parts[index + 1 :]
        if rest and re.match(r"^(?:about|regarding|re|关于|就是)\b", rest[0]):
            rest = rest[1:]  # "go back to question 5, about doing it alone. …"
        described = FIELDS_BY_NAME[field].kind == "text"
        stated = next(
            (
                "，".join([found.group("value") or found.group("value_en"), *rest[len(rest) - back :][:described]])
                for back, found in enumerate(map(_SHOULD_BE.match, reversed(rest)))
                if found
            ),
            None,
        )  # "It's Hamid Rahimi, the VP of Sales": a described value goes on after the clause that gives it
        if (
            not stated
            and rest
            and all(
                _FAULT_FOUND.match(part) or _ASKS_TO_CHANGE.match(part) or _ABOUT_THE_OLD_ANSWER.match(part)
                for part in rest
            )
        ):
            rest = []  # "成功指标我想改一下，写得太虚了": why it changes, not what to
        value = (stated or "，".join(rest)).strip(" 。.!！吧")
        value = re.sub(r"^(?:it'?s|it is)\s+|\s+(?:now|instead)$", "", value)  # "it's Jane Doe now": Jane Doe
        return Command("edit", field=field, value=_original_case(text, value) if value else None)
    return None


_ONE_MORE = re.compile(
    r"(?:那个|那项|那题|那里|里面?|上)?[\s,，]*(?:再|也|还要|还得|另外)(?:加|添|补)(?:上|一个|个|一项|一下)?[\s：:]*(?P<value>\S.*)$|"
    r"^[\s,，:：]*(?:please |pls |can you |could you )?(?:also )?add (?:one more|another|also)?"
    r"[\s:]*(?P<value_en>\S.*)$"
)


def _one_more_branch(text: str, folded: str, fields: Sequence[str]) -> Optional[Command]:
    """ "价值树那个再加一个追加销售": one more value-tree branch, the ones given kept."""
    if "value_branches" not in fields:
        return None
    named = [span for span in words.labelled_spans(folded, _field_aliases(["value_branches"])) if span[0] <= 2]
    if not named:
        return None
    more = _ONE_MORE.match(folded[named[0][1] :])
    value = (more.group("value") or more.group("value_en")) if more else None
    if not value or not answers.parse_branches(value):
        return None
    return Command("edit", field="value_branches", value=_original_case(text, value), adds=True)


_SAID_BUT_NOW = re.compile(
    r"\b(?:i|we) (?:said|answered|put|wrote|gave|told you|replied)\b[^.;!?]{1,40}?\bbut\s+"
    r"(?:(?:better|actually|rather|now|in fact|really|it'?s|it is|it should be|should be|make it)\s+)*"
    r"(?P<value>[^.;!?]+)"
)


def _said_but_now(text: str, folded: str, fields: Sequence[str]) -> Optional[Command]:
    """ "For the pilot team I said no but better yes, we make small pilot…": one field named before
    "I said X but Y", and Y (with what follows it) is the new answer."""
    said = _SAID_BUT_NOW.search(folded)
    if said is None:
        return None
    named = {label for _, _, label in words.labelled_spans(folded[: said.start()], _field_aliases(fields))}
    if len(named) != 1:
        return None
    field = named.pop()
    value = folded[said.start("value") :].strip(" .。!！")
    if value and FIELDS_BY_NAME[field].kind == "choice" and answers.read_choice(field, value, in_passing=True) is None:
        value = ""  # "We said it was good but having looked properly, it isn't": the new answer is still to ask
    return Command("edit", field=field, value=_original_case(text, value) if value else None)


# "Can you change this in my plan?", "有一项要更正": a request to change that names no field
_CHANGE_REQUEST = re.compile(
    r"^(?:so |ok |and )?(?:can|could|would|will) (?:i|we|you) (?:please )?(?:change|fix|update|correct|amend) "
    r"(?:it|that|this)(?: one)?(?: (?:in|on) (?:my|our|the) (?:plan|answers?|form))?(?: please| for me)?\s*\??$|"
    r"^(?:(?:刚|刚刚|刚才|已经)?(?:提交|交)的?(?:那份|这份)?(?:计划)?)?(?:里|中)?(?:还)?有(?:一|两|个)?(?:项|处|个地方)"
    r"(?:要|得|需要|想)(?:更正|修改|改一下|改)$"
)


def _choice_named_with_a_request(text: str, sentences: Sequence[str], fields: Sequence[str]) -> Optional[Command]:
    """ "…there is a reserve for failed experiments after all. Can you change this in my plan?", "有一项要更正：
    失败实验那一项，财务批了…": a bare request to change, one choice field named, and the rest says its new answer."""
    parts = [clause for sentence in sentences for clause in words.clauses(sentence)]
    requests = [index for index, part in enumerate(parts) if _CHANGE_REQUEST.match(part.strip(" .。!！:："))]
    if not requests:
        return None
    aliases = _field_aliases(fields)
    named = {label for part in parts for _, _, label in words.labelled_spans(part, aliases)}
    if len(named) != 1 or FIELDS_BY_NAME[next(iter(named))].kind != "choice":
        return None
    field = named.pop()
    rest = [
        part
        for index, part in enumerate(parts)
        if index not in requests and not re.fullmatch(r"[^，,]{0,12}?(?:那一?项|那一?题|那个)", part)
    ]
    value = "，".join(rest).strip(" 。.!！")
    return Command("edit", field=field, value=_original_case(text, value) if value else None)


# "能不能上线的问题": the question about going live, not the business problem
_A_QUESTION_OF = re.compile(r"^[的个]问题$")
# "I have to correct an earlier answer.", "上一条回答有误": a correction whose field the next clause names
_ANNOUNCES_CORRECTION = re.compile(
    r"\b(?:have to|need to|must|want to|would like to|'d like to|let me|should|i'll|i will|can i|could i|may i) "
    r"(?:correct|amend|change|fix|revise|update) (?:an?|my|one|the|something in an?) (?:earlier|previous|prior|last|"
    r"former|old) (?:answer|reply|response|one)\b|\bcorrection (?:to|on) (?:an?|my) (?:earlier|previous) answer\b|"
    r"(?:上一条|上一个|前面|之前|刚才|刚刚)(?:的|有个|有一个|有一条|那个|那条)?(?:回答|答案|问题|地方)?(?:有误|错了|不对|填错了|说错了|答错了)|"
    r"(?:我)?(?:更正|纠正)(?:一下|下)|"
    r"^(?:and |also |plus )?one more(?: thing| change| correction| edit)?"
    r"(?: (?:in|on|for|to) (?:the same|this|that|my|our|the) plan(?: #?\d+)?)?[.!:]?$|"
    r"^(?:还有|另外还有)(?:一个|一处|一项|一点)(?:要改|要更正)?$"
)


_ASKS_TO_CHANGE = re.compile(
    r"^(?:so |ok )?(?:can|could|may) (?:i|we|you) (?:please )?(?:change|fix|update|correct) (?:it|that|this)"
    r"(?: please)?\s*\??$|^(?:please )?(?:change|fix|update) (?:it|that)$|"
    r"^(?:so )?(?:i|we) (?:need|want|would like|'d like|have) to (?:change|fix|update|correct|redo) (?:it|that|this)"
    r"(?: please| now)?$|^(?:可以|能|能不能|帮我)?改(?:一下|下)?(?:吗|吧)?$"
)
_FAULT_FOUND = re.compile(
    r"^(?:我|之前|刚才|那个|这个)?(?:(?:写得|说得|填得|答得|写的|说的|填的|答的)(?:太|有点|有些|不够|过于|不太)|太|过于)"
    r"[\u4e00-\u9fff]{1,6}(?:了|啦|吧)?$|^(?:我|之前|刚才)?(?:写得|说得)?不够(?:具体|清楚|明确|准确|细|量化|实在)|"
    r"^(?:it was |it's |that was |that's )?(?:too|a bit|way too|rather|not)\s+"
    r"(?:vague|general|broad|optimistic|pessimistic|fuzzy|loose|specific|concrete|precise|right|accurate)\b.*$"
)
_WRONG_THEN_VALUE = re.compile(
    r"^\s*(?:(?:all |completely |totally |a bit )?(?:wrong|incorrect|not right|off|outdated|out of date)|"
    r"错了|不对|填错了|写错了|说错了)[.。!！;；]\s*"
    r"(?:(?:it'?s|it is|it should be|should be|actually|应该是|其实是|是)\s*)?(?P<rest>\S.+)$",
    re.IGNORECASE,
)
# "not Mr. Mori, it is Ms. Yamada": the old value, then the new one
_NOT_THIS_BUT = re.compile(
    r"^\s*(?:it'?s |it is |that'?s |that is )?not\s+[^,，;；]{1,40}?[,，;；]\s*(?:but\s+)?"
    r"(?:it'?s|it is|it should be|should be|rather|instead)?\s*(?P<rest>\S.+)$",
    re.IGNORECASE,
)
# A full stop after "Mr", "Dr" or "e.g" does not end the sentence ("it is Ms. Yamada, the COO").
_NOT_AN_END = (
    r"(?<!\bmr)(?<!\bms)(?<!\bmrs)(?<!\bdr)(?<!\bprof)(?<!\bjr)(?<!\bsr)(?<!\bst)(?<!\be\.g)(?<!\bi\.e)(?<!\bvs)"
)
_SENTENCE = re.compile(rf"(?:{_NOT_AN_END}\.|[!?。！？:：])\s*|\s+[-–—]+\s+", re.IGNORECASE)


def _edit_in(folded: str, fields: Sequence[str]):
    aliases = dict(_field_names())
    for pattern in _edit_patterns():
        found = pattern.match(folded)
        if found and aliases.get(found.group("field")) in fields:
            return found, aliases[found.group("field")]
    return None


_ASKED_POLITELY = re.compile(r"^(?:请问|麻烦问下)?(?:能不能|能否|可不可以|可以|你能|你可以|能)")


def _edit_command(text: str, folded: str, found: re.Match[str], field: str) -> Command:
    value = re.sub(
        r"[\s,，。;；-]+(?:please |pls )?(?:fix|change|update|correct|edit) (?:that|it|this)"
        r"(?: first| please| for me)?$|"
        r"[\s,，。;；]+(?:请|麻烦)?(?:帮我|帮忙|给我)?(?:改一下|改下|改过来|改掉|更正一下|修改一下)(?:吧|哈|谢谢)?$",
        "",
        found.groupdict().get("value") or "",
    )
    faulted = _WRONG_THEN_VALUE.match(value) or _NOT_THIS_BUT.match(value)
    if faulted:
        value = faulted.group("rest")  # "baseline is wrong. its reps work leads in the order they come in"
    about_old = _ABOUT_THE_OLD_ANSWER.match(value)
    if about_old and FIELDS_BY_NAME[field].kind != "text":  # "change the data quality one, I undersold it. It's good"
        told = re.split(r"(?<=[.!。！;；])\s*", value, maxsplit=1)
        value = told[1] if len(told) > 1 else ""
    quoted = re.match(r"^\s*[“\"'「《]([^”\"'」》]{2,80})[”\"'」》]", value)
    value = quoted.group(1) if quoted else value  # "应该是“大客户流失预警”，…"
    value = _cleaned_value(value)
    if _ASKED_POLITELY.match(folded):  # "可以帮我把发起人改成王总吗": the question's 吗 is no part of the value
        value = re.sub(r"(?:吗|么|嘛|不|没)[?？]?$", "", value)
    if field == "title" and not quoted:
        value = re.split(r"[，,；;]\s*", value)[0]  # "改成 AIOps 智能告警收敛，正式一点": the rest says why
    if FIELDS_BY_NAME[field].kind == "text" and _FAULT_FOUND.match(words.fold(value)):
        value = ""  # "change the metric, it was too vague": the new value is still to come
    old = found.groupdict().get("old") or _corrected_part(folded)
    value = _closing_bracket(text, _original_case(text, value)) if value else ""
    if field == "executive_sponsor":
        value = re.sub(r"^([^,;.]{2,40}?) now(?=\s*[,;.]|$)", r"\1", value)  # "Marcus Webb now, our new VP of CX"
    return Command(
        "edit",
        field=field,
        value=value or None,
        replaces=_original_case(text, old.strip()) if old else None,
    )


def _cleaned_value(value: str) -> str:
    """A new answer without what introduces it ("it's …", "make it …"), the old one it replaces
    (", not Tom") or what ends the sentence ("now", "吧")."""
    value = re.sub(
        r"^[\s.,:;?？!！-]*(?:(?:it's|its|it is|it should be|should be|make it|make that|set it to|"
        r"put)\s+)?(?:actually\s+)?",
        "",
        value,
    )
    value = re.split(
        rf"[,，;；]?\s*(?:\bnot\b|不是)\s|{_NOT_AN_END}\.\s|。|[,，]\s*not\b|不是|"
        r"[,，]\s*(?=\w+ (?:moved|left|is leaving|has left))|"
        r"\s+(?:now|instead)\s*[,，;；]\s*(?=(?:she|he|they|who|as|since|because)\b)",
        value,
        flags=re.IGNORECASE,
    )[0].strip(" ,，。:：;；-\"'“”")
    value = re.sub(r"\s+(?:now|instead|actually|then|please)$", "", value, flags=re.IGNORECASE)
    return re.sub(r"[吧啊呀哈了]+$", "", value).strip(" \"'“”「」")


def _closing_bracket(text: str, value: str) -> str:
    """ "Ms. Park (CMO" -> "Ms. Park (CMO)" when the message closed the bracket that folding dropped."""
    for opening, closing in (("(", ")"), ("（", "）")):
        if value.count(opening) > value.count(closing) and text.rstrip(" .。!！").endswith(closing):
            value += closing
    return value


# "Not only cross-sell rate, also average order value", "另外加上客单价": keep the old answer and add
_ADDING = re.compile(
    r"^(?:not only\b[^.;]*?[,;]?\s*(?:but )?also\b|also add\b|also\b|additionally\b|add\b|plus\b|"
    r"(?:不只是|不仅是?|不光是?)[^，,]*[，,]\s*(?:还有|还要|也要|也)|另外加上?|再加上?|加上|还要加上?)\s*(?P<rest>.+)$",
    re.IGNORECASE,
)


def _corrected_part(folded: str) -> Optional[str]:
    """ "…, not Tom" / "…不是李总": the part of the old answer a correction names."""
    found = re.search(
        rf"(?:,\s*not|\bnot)\s+(?!yet\b|really\b|sure\b|now\b)((?:{_NOT_AN_END}\.|[^,.;])+?)(?:[,;]|{_NOT_AN_END}\.|$)|"
        r"不是([^，,。]+)",
        folded,
    )
    return (found.group(1) or found.group(2)).strip() if found else None


def _original_case(text: str, folded_value: str) -> str:
    """The value as the user typed it (folding lower-cased it)."""
    normal = unicodedata.normalize("NFKC", text)
    pattern = (
        re.escape(folded_value).replace(r"\ ", r"\s+").replace("，", r"\s*[,，;；.。:：]?\s*")
    )  # clauses were joined with "，"
    found = re.search(pattern, normal, re.IGNORECASE) or re.search(pattern, words.simplify(normal), re.IGNORECASE)
    if not found:
        return folded_value
    typed = text if len(text) == len(normal) else normal  # NFKC and simplifying keep offsets: give back "，" as typed
    return typed[found.start() : found.end()]


def field_named(text: str, fields: Sequence[str]) -> Optional[str]:
    """The plan field a short message names ("the sponsor", "数据质量"), for "which answer?"."""
    folded = _QUESTION_MEANT.sub(" ", words.fold(text))  # "这个跟上一个问题有什么区别": no field named
    for alias, field in _field_names():
        if field in fields and words.spans(folded, alias):
            return field
    return None


# "问题" and "question" as a word for a question of the form, not for the plan's business problem
_QUESTION_MEANT = re.compile(
    r"(?:上一个|上个|前一个|前面那个|下一个|下个|这个|那个|这道|那道|这一个|刚才那个|刚才的|上一道|每个|几个|多少个)问题|"
    r"(?:the |this |that |last |previous |next |each )question"
)


def names_field(text: str, field: str) -> bool:
    folded = words.fold(text)
    return any(f == field and words.spans(folded, alias) for alias, f in _field_names())
