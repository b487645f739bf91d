"""Reading a message against the question the bot is waiting for.

The order is the design: a button says what it says; then the few unmistakable
commands (pause, leave, skip, explain, language, edit...); then a question goes to
the knowledge base; then the answer is parsed for the question's kind; the general
intent model decides only what is left. Rasa-free: the form actions adapt it.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field, replace
from typing import Any, Callable, Dict, List, Mapping, Optional, Sequence

from bot.dialogue import answers, aside_model, commands, words
from bot.dialogue.commands import Command
from bot.flow import Confirming, FormExit
from bot.nlu import patterns
from bot.plan_schema import ANSWER_FIELD_NAMES, FIELDS_BY_NAME, YES_NO_UNSURE

MAX_ANSWER_CHARS = 2000
# The intent model is trusted on what is left only at this confidence.
NLU_SURE = 0.8
NLU_YES_NO = 0.6
# Said with confidence and not an answer, these get their usual reply and the question is asked again.
SOCIAL = ("greet", "thank", "bot_challenge", "out_of_scope", "help")
# Requests said while a plan question is pending that leave the form to be taken as said.
LEAVING_REQUESTS = {"declare_no_plan": FormExit.NO_PLAN, "withdraw_plan": FormExit.WITHDRAW}
_ML_WORD = re.compile(
    r"机器学习|人工智能|(?<![a-z])(?:ml|ai|a\.i\.|machine learning)(?![a-z])|"
    r"(?:撤回|撤销|删除|删掉).{0,8}(?:计划|方案)|"
    r"(?:那个|这个|那份|这份)(?:计划|方案|项目)?(?:撤掉|撤了|撤回|撤销|删掉|删了|不要了)|"  # "皮肤销量预测那个撤掉吧"
    r"(?:今年|明年|这次|这回|我们|咱们)\S{0,10}?不(?:报|申报|提交|交)了",  # "其实我们今年没啥要做的，不报了"
    re.IGNORECASE,
)
_SAID_TWICE = re.compile(r"(?P<once>\S{2,12}?)(?:[\s,，、!！.。]*(?P=once)){1,2}[\s!！.。]*", re.IGNORECASE)
_HEDGED_OPTION = re.compile(
    r"^(?:maybe|perhaps|probably|possibly|i guess|i think|i suppose|也许|可能|大概|应该是|估计是?)[\s,，]*"
    r"(?P<option>[^?？]{3,60}?)[\s?？]+$",
    re.IGNORECASE,
)


def _says_a_way_out(text: str) -> bool:
    """A long phrase for stopping now said inside a longer message ("We shall resume this at a later date"),
    where the aside model leans to a way out but is not sure."""
    folded = words.fold(text)
    strong = [p for p in words.phrases("commands", FormExit.PAUSE, "strong") if len(words.fold(p)) >= 14]
    return any(words.spans(folded, words.fold(phrase)) for phrase in strong) and aside_model.leans_to_a_way_out(text)


def _rhetorical_answer(text: str) -> Optional[str]:
    """ "yes" or "no" that a rhetorical question gives ("那还用说？", "为什么不能？", "哪有人懂这个？")."""
    if _ASKS_MEANING.search(words.fold(text)):
        return None  # "why not? what do you mean": the question is what counts
    if re.match(r"^(?:不|没有?)\S{1,8}[，,]\s*难道", words.fold(text)):
        return "yes"  # "不先试点，难道一上来就全机队铺开？": without it, the absurd alternative
    clauses = [c.strip() for c in re.split(r"[，,。.!！?？]+", words.fold(text)) if c.strip()]
    said = {value for clause in clauses for value, form in _RHETORICAL if form.fullmatch(clause)}
    return said.pop() if len(said) == 1 else None


_RHETORICAL = (
    (
        "yes",
        re.compile(
            r"(?:那|这)?(?:还)?用(?:说|问)(?:吗|嘛|么)?|难道(?:不是|没有|不要|不用|不能|不行)(?:吗|嘛|么)?|"
            r"(?:不然|要不然)(?:呢|咧)?|岂不是|(?:为什么|为啥|凭什么|怎么)(?:不能|不行|不会|不可以)(?:呢)?|"
            r"谁说不(?:能|行|是|重要)(?:的)?|哪能不(?:\S{0,4})|怎么会不(?:\S{0,4})|"
            r"(?:不用\S{0,8})?难道(?:还)?(?:靠|用|让|指望)\S{0,8}|"
            # "能不重要吗？", "不组个试点小组怎么行？", "it is not possible to not do it"
            r"能不\S{1,8}?(?:吗|么|嘛)|不\S{1,10}?(?:怎么行|哪行|哪能行|怎么可以)|"
            r"(?:it is |it'?s )?(?:not possible|impossible) (?:for us )?(?:to )?not .{1,30}|"
            r"(?:we )?(?:can'?t|cannot) (?:afford )?not (?:to )?.{1,30}|"
            r"(?:is|isn'?t) it (?:not )?obvious|why (?:not|wouldn'?t it|couldn'?t we)|what else|"
            r"how else(?: would we)?(?: do it)?"
        ),
    ),
    (
        "no",
        re.compile(
            r"(?:我们|咱们)?\S{0,6}?(?:哪有|哪来的?|哪里有)(?:人|钱|预算|时间|能力)\S{0,8}|怎么可能(?:呢)?|开什么玩笑|"
            r"\S{0,10}?哪(?:里|儿)?(?:搞|做|弄|干|整)得(?:来|了|成|动)\S{0,6}"  # "我们采购部几个人哪里搞得来这个"
        ),
    ),
)
# "No, we'll need IT. Obviously.": the stress on what was said, not a yes of its own
_TRAILING_STRESS = re.compile(
    r"[.,;!]\s*(?:obviously|of course|clearly|naturally|for sure|definitely|surely)[.!]*\s*$", re.IGNORECASE
)
# "wait, change the sponsor", "等等，改一下发起人": a change asked for, not a note about one
_ASKS_TO_CHANGE = re.compile(
    r"^(?:(?:wait|hold on|hang on|sorry|actually|等等|等一下|等下|稍等)[\s,，.。!！]*)*"
    r"(?:(?:can|could) (?:i|we|you) |(?:i|we) (?:want|need|would like|'d like) to |let me |please )?"
    r"(?:change|edit|modify|update|correct|fix|改一下|改改|修改|更改|我要改|我想改|帮我改)"
)
_ASKS_MEANING = re.compile(r"what do you mean|what does .{1,30} mean|什么意思|啥意思|指什么|是指")
_QUESTION_THEN_ANSWER = re.compile(
    r"^(?P<asked>(?:(?!什么|怎么|为什么|为啥|啥|哪|咋|多少)[^？?]){3,40}(?:吗|么|嘛|呢)\s*[？?]+)\s*(?P<rest>\S.*)$",
    re.DOTALL,
)


# Said at a plan question, these drop the whole plan, not the question ("no plan for scaling yet" does not)
_WHOLE_PLAN_DROPPED = re.compile(
    r"\b(?:no|not have|not having|don'?t have|doesn'?t have|won'?t have|will not have|will have no|without)\s+"
    r"(?:an?\s+|any\s+)?(?:ml\s+|machine learning\s+|ai\s+)?plan\b(?!\s+(?:for|yet|on|about)\b)|"
    r"\b(?:put|mark|register|record|file)\s+(?:us|it|[a-z]+)\s+(?:down\s+)?as\s+(?:having\s+)?no\s+plan\b|"
    r"(?:今年|明年)\S{0,8}?(?:不搞了|不做了|不报了|不弄了|没有计划|没计划)(?!的)|"
    r"报(?:个|一个)?(?:没有|无)计划|预算(?:全|都|已经)?(?:砍|冻结|没了)\S{0,10}?(?:不搞|不做|不报|没有计划)"
)
# Said at "Shall I submit?", these hold the submission back for a change.
_NOT_YET = re.compile(
    r"\bbefore (?:you |we |i )?(?:submit|send|file)|\bbefore submitting\b|\bdon'?t submit (?:it )?yet\b|"
    r"\bnot yet\b.{0,20}\bchange\b|先别(?:提交|交|submit)|提交(?:之)?前|交(?:之)?前|submit\s*(?:之)?前"
)
_KEEP_AS_DRAFT = re.compile(
    r"\b(?:keep|leave|save|store|hold)(?: it| this| the plan)? (?:as|in) (?:a |the )?draft\b|"
    r"\bdraft (?:only|for now)\b|"
    r"(?:存成|存为|保存为|保存成|留成|先存|就存|留作)(?:一个|个)?草稿|草稿(?:先)?(?:放着|留着|存着)"
)
# the act asked about, refused: "don't withdraw it", "先别提交", "no need to submit yet"
_REFUSES_THE_ACT = re.compile(
    r"\b(?:don'?t|do not|dont|pls don'?t|please don'?t|no need to|not going to|won'?t|let'?s not|rather not)\s+"
    r"(?:(?:go ahead and|actually|really|yet|just)\s+)?(?:withdraw|submit|send|delete|remove|pull|cancel)\b|"
    r"(?:不要|别|先别|先不要|不用|甭|不必|暂时不|先不|唔好|勿要)(?:急着|着急)?(?:撤|撤回|撤销|提交|交|删|取消)"
)
_KEEPS_IT = re.compile(
    r"\bkeep (?:it|this|that|the plan|this one|that one|plan \d+)\b|\bleave it (?:in|be|as it is)\b|"
    r"保留|留着|还是要|不撤|不撤了|继续保留|算了不撤"
)
_YEAR = re.compile(r"(?<!\d)(20\d\d)(?!\d)|(?<![\d])(\d\d)\s*年|fy\s*(\d\d)(?!\d)", re.IGNORECASE)


@dataclass(frozen=True)
class Question:
    """What the bot is waiting for: a slot of a form, and the kind of answer it takes."""

    name: str
    kind: str  # text | choice | multi | yes_no | year | decision | note | field_name
    about: Optional[str] = None  # at the confirmation: what is confirmed (bot.flow.Confirming)

    @property
    def is_plan_field(self) -> bool:
        return self.name in FIELDS_BY_NAME

    @property
    def choices(self) -> Sequence[str]:
        if self.is_plan_field:
            return FIELDS_BY_NAME[self.name].choices
        return {"yes_no": YES_NO_UNSURE, "decision": ("approved", "needs_work")}.get(self.kind, ())


def question(name: str, confirming: Optional[str] = None) -> Question:
    if name in FIELDS_BY_NAME:
        return Question(name, FIELDS_BY_NAME[name].kind)
    if name == "confirmation":
        return Question(name, "year" if confirming == Confirming.START_YEAR else "yes_no", about=confirming)
    kinds = {"no_plan_reason": "text", "review_decision": "decision", "review_note": "note", "edit_field": "field_name"}
    return Question(name, kinds[name])


@dataclass(frozen=True)
class Heard:
    """One user message as the NLU saw it."""

    text: str
    intent: Optional[str] = None
    confidence: float = 0.0
    entities: Mapping[str, Sequence[Any]] = field(default_factory=dict)

    @property
    def payload(self) -> Optional[Dict[str, Any]]:
        """A button's `/intent{"entity": "value"}`, as {"intent": ..., entities...}."""
        found = re.match(r"^/(\w+)(\{.*\})?\s*$", self.text.strip(), re.DOTALL)
        if not found:
            return None
        try:
            extra = json.loads(found.group(2)) if found.group(2) else {}
        except ValueError:
            extra = {}
        return {"intent": found.group(1), **(extra if isinstance(extra, dict) else {})}

    def entity(self, name: str) -> Optional[Any]:
        values = self.entities.get(name) or []
        return values[0] if values else None


@dataclass(frozen=True)
class Reading:
    """What a message is, read against the pending question."""

    kind: str  # answer | skip | command | question | social | unclear
    value: Any = None  # answer: the value to store
    command: Optional[Command] = None
    extra: Mapping[str, Any] = field(default_factory=dict)  # answers to other questions given in passing
    lookup: Any = None  # question: the knowledge-base lookup
    intent: Optional[str] = None  # social: the intent to reply to
    problem: Optional[str] = None  # unclear: catalogue key of what was wrong


def read(heard: Heard, asked: Question, *, lookup: Callable[[str], Any], editable: Sequence[str] = ()) -> Reading:
    """What `heard` is, as a reply to `asked`. `editable` are earlier answers it may change."""
    payload = heard.payload
    if payload is not None:
        return _button(payload, asked)
    text = heard.text.strip()
    said_twice = _SAID_TWICE.fullmatch(text)
    if said_twice and commands.match(said_twice.group("once")) is not None:  # "跳过跳过", "skip skip": said once
        return read(replace(heard, text=said_twice.group("once")), asked, lookup=lookup, editable=editable)
    hedged = _HEDGED_OPTION.match(text) if asked.kind == "choice" else None
    if hedged and answers.parse_choice(asked.name, hedged.group("option")):
        return Reading(
            "answer", value=answers.parse_choice(asked.name, hedged.group("option"))
        )  # "maybe through the yearly planning cycle?"
    if asked.about == Confirming.WITHDRAW and (
        _REFUSES_THE_ACT.search(words.fold(text)) or _KEEPS_IT.search(words.fold(text))
    ):
        return Reading("answer", value="no")  # "wait ah, dont withdraw first. my boss say keep it", "No. Keep it."
    leaving = _leaving_request(text, asked) if len(text) <= MAX_ANSWER_CHARS else None
    if leaving is not None:
        return leaving  # before a rhetorical yes: "这还用问？肯定没有啊，明年不报。"
    rhetorical = (
        _rhetorical_answer(text)
        if asked.kind in ("yes_no", "choice") and "yes" in asked.choices and not _ANSWERED_AFTER_ASKING.match(text)
        else None
    )
    if rhetorical:
        return Reading("answer", value=rhetorical)  # "那还用说？", "难道不是吗？书没人借就是浪费", "why not?"
    echoed = (
        _QUESTION_THEN_ANSWER.match(text) or _ASKED_BACK_THEN_ANSWERED.match(text)
        if asked.kind in ("yes_no", "choice")
        else None
    )
    if echoed and echoed.group("rest").strip(
        " 。.!！~～"
    ):  # "部门和年份对吗？对。": the question echoed, then its answer
        answered = read(replace(heard, text=echoed.group("rest")), asked, lookup=lookup, editable=editable)
        if answered.kind == "answer":
            return answered
    if asked.kind in ("yes_no", "choice") and (_ANSWERED_AFTER_ASKING.match(text) or _RHETORICAL_OPENING.match(text)):
        after = re.split(r"[?？]", text)[-1].strip()  # "Actually, why would I withdraw it before …? No. Keep it."
        after_reading = read(replace(heard, text=after), asked, lookup=lookup, editable=editable) if after else None
        if after_reading is not None and after_reading.kind == "answer":
            return after_reading
    stressed = _TRAILING_STRESS.search(text)
    if stressed and stressed.start() > 0 and answers.has_substance(text[: stressed.start()]):
        return read(replace(heard, text=text[: stressed.start()]), asked, lookup=lookup, editable=editable)
    kept = without_asking_if_ok(text)
    if kept != text and answers.has_substance(kept):  # "…，但基本没人拿来分析过。这样说可以吗？": the answer
        return read(replace(heard, text=kept), asked, lookup=lookup, editable=editable)
    if asked.kind in ("yes_no", "choice") and "yes" in asked.choices and text in _EMOJI_YES_NO:
        return Reading("answer", value=_EMOJI_YES_NO[text])
    counted = _COUNTS_AS.search(words.fold(text)) if "yes" in asked.choices else None
    if counted:  # "we lose 2M a year on it, would that count as a yes?"
        return Reading("answer", value=counted.group("option"))
    if not answers.has_substance(text):
        return _rescue(heard, asked) or Reading("unclear", problem="plan_no_words")
    if len(text) > MAX_ANSWER_CHARS:
        return Reading("unclear", problem="plan_too_long")
    if asked.is_plan_field and _WHOLE_PLAN_DROPPED.search(words.fold(text)) and answers.declares_no_plan(text):
        return Reading("command", command=Command(FormExit.NO_PLAN))  # "…actually marketing not have ML plan next year"
    if asked.name == "confirmation" and _KEEP_AS_DRAFT.search(words.fold(text)):
        return Reading("answer", value="no")  # "no dont submit it yet. keep it as a draft, Tom needs to look at it"
    if (
        asked.name == "confirmation"
        and _NOT_YET.search(words.fold(text))
        and (not editable or commands.match_edit(text, editable) is None)
    ):
        return Reading("command", command=Command("edit"))  # "before you submit it, …": which answer, then
    if (
        asked.name == "confirmation"
        and _leads(text, asked)
        and not _opens_with_command(text)
        and not _ends_leaving(text)
        and (not editable or commands.match_edit(text, editable) is None)
    ):  # "先别提交 试点团队那个我填错了…" edits
        parsed = _answered(text, asked, heard)  # "yes, withdraw it", "对，撤了", "行，就这样，提交"
        if parsed is not None and parsed.value in ("yes", "no"):
            return parsed
    if asked.kind in ("decision", "note") and _REVIEW_HELD.search(words.fold(text)):
        return Reading("command", command=Command(FormExit.PAUSE))  # "等等，这个先不审了，待会跟领导对一下再说"
    decision = answers.parse_decision(text) if asked.kind == "decision" else None
    if decision:
        return Reading("answer", value=decision)  # "行，过吧" approves; "过" is not a skip here
    if asked.kind == "field_name" and re.fullmatch(
        r"(?:没什么|没啥|nothing really|nothing at all)[。.!！]?", text.strip()
    ):
        return Reading("skip")  # "没什么" at "which answer?": nothing to change (not "什么?")
    command = commands.match(text, editable)
    if (
        command is not None
        and asked.kind == "note"
        and (command.kind in ("edit", "change", "back", "swap") or command.field)
        and not _ASKS_TO_CHANGE.match(words.fold(text))
    ):
        command = None  # "不良率的基线没讲清楚让他们补充一下": a note for the lead may name any answer
    if command is not None and command.kind == "wait" and asks(text, asked):
        command = None  # "等下，data lake 具体是指什么？…": the question is what counts
    if (
        command is not None
        and command.kind == "resume"
        and asked.name == "confirmation"
        and not asks(text, asked)
        and not re.search(r"\b(?:plan|draft)s?\b|计划|草稿|规划", words.fold(text))  # "continue my plan" resumes
    ):
        return Reading("answer", value="yes")  # "Ess, go on", "continue" at "Shall I submit it?": go ahead
    if command is not None and command.kind in ("resume", "wait") and asked.kind != "text" and not asks(text, asked):
        parsed = _answered(text, asked, heard)  # "ok, back. it's poor": the answer counts
        if parsed is not None:
            return parsed
    if command is not None and command.kind == FormExit.PAUSE and asked.kind in ("choice", "yes_no"):
        after = _answer_after_never_mind(text, asked, heard)  # "…算了，我觉得还是需要机器学习的" answers
        if after is not None:
            return after
        unsure = _unsure_then_asking_around(text, asked, heard)
        if unsure is not None:
            return unsure
        if _DOUBTS_THE_NEED.search(text) and {"yes", "no"} <= set(asked.choices):
            return Reading("answer", value="no")  # "试点团队？有必要吗？那先不弄了": not doing it, no pause
    if command is not None:
        return Reading("command", command=command)
    if asked.kind == "note":  # a note for the lead may ask them things ("…让他们想想失败了怎么办"): it is the note
        if _ASKS_WHAT_TO_WRITE.search(words.fold(text)) and words.cjk_count(text) <= 12 and len(text.split()) <= 8:
            return Reading("command", command=Command("explain"))  # "what should I write here?"
        found = lookup(text) if _ASIDE_TO_THE_BOT.match(words.fold(text)) else None
        if found is not None and found.decision == "answer":
            return Reading("question", lookup=found)  # "顺便问一下 价值树具体是个啥来着": the note waits
        if not _ASKS_ABOUT_THE_NOTE.search(text.strip().casefold()):  # "Will the lead see this note…?" asks
            return parse_answer(text, asked, heard) or Reading("unclear", problem=complaint(asked))
    answered_back = _answers_to_questions_said_back(text, asked, heard)
    if answered_back is not None:
        return answered_back
    aside = aside_model.read(text) if asked.kind != "decision" and not _leads(text, asked) else None
    if aside is not None and aside.kind == aside_model.WAY_OUT:
        return Reading("command", command=Command(FormExit.PAUSE))  # "omg gotta run, standup in 2 😭"
    if aside is None and _says_a_way_out(text) and asked.kind != "decision" and not _leads(text, asked):
        return Reading("command", command=Command(FormExit.PAUSE))  # "…We shall resume this at a later date."
    if aside is not None:  # "问这个搞么事？我又不是老板"
        return _answer_after_a_question(text, asked) or _question_back(text, asked, lookup, about_the_question=True)
    if asked.kind == "text" and (_only_puzzled(text) or _asks_to_be_written_for(text)):
        return Reading("command", command=Command("explain"))  # "I want to be sure I understand what is expected."
    checked = _CHECKING.match(text)
    if checked and answers.has_substance(text[checked.end() :]):  # "你是问万一做不成怎么办吗？…预算里留了试错的空间。"
        after = _answered(text[checked.end() :], asked, heard)
        if after is not None:
            return after
    parsed = parse_answer(text, asked, heard)
    if (
        parsed is not None
        and parsed.kind == "answer"
        and parsed.value is not None
        and (_leads(text, asked) or not asks(text, asked))
    ):
        return parsed
    after = _answer_after_a_question(text, asked)
    if after is not None:
        return after  # "为什么这么问？我们缺的是懂业务的数据分析师": the answer follows the question
    if asks(text, asked):
        return _question_back(text, asked, lookup)
    if parsed is not None:
        return parsed
    return _rescue(heard, asked) or Reading("unclear", problem=complaint(asked))


_INTERROGATIVE = re.compile(
    r"^(?:(?:what|what's|whats|why|how(?! to\b)|which|who|where|when)\b|"
    r"(?:is|are|does|do|can|could|should|would|will|may)\s+(?:i|we|you|it|they|he|she|this|that|there|these|those|the|a|an|"
    r"my|our|your|its|their|someone|anyone|somebody|anybody|one)\b|"  # "will it…?" asks; "will include it in…" answers
    r"请问|什么|为什么|为啥|怎么|如何|哪些|哪个|哪里|是不是|能不能|可不可以|有没有|是否)"
)
# "这个还不确定呢" states; "那数据湖呢？" and "为什么要问这个呢" ask
_ENDS_ASKING = re.compile(
    r"(?:吗|么|(?<!没)什么|(?<!没)啥|(?:啥|什么)(?:区别|差别|不同)|如何|怎么样|怎么办|怎样|咋样|咋办|为什么|为啥|是什么意思|咩|咩嘢|乜嘢|系乜|"
    r"(?<!没)(?:啥|什么)(?:玩意儿?|东西)|(?:是一回事|一样|是一个东西|行)不)\s*[?？]?$|[?？]$|"
    r"(?:什么|啥|怎么|为什么|为啥|哪|谁|多少)[^。！？]*呢\s*$"
)
_SHORT_CJK, _SHORT_WORDS = 20, 12


def _leaving_request(text: str, asked: Question) -> Optional[Reading]:
    """A request that ends the plan: no plan this year, or a plan withdrawn ("…没有机器学习计划", "把1号撤回吧")."""
    request = patterns.recognise(text) if asked.is_plan_field or asked.name == "confirmation" else None
    if (
        request is not None
        and request[0] in LEAVING_REQUESTS
        and (
            _ML_WORD.search(text)
            or request[1] is not None
            or (asked.name == "confirmation" and request[0] == "declare_no_plan")  # "…put us down as having no plan"
            or (request[0] == "declare_no_plan" and _CLEARLY_NO_PLAN.search(words.fold(text)))
        )
    ):
        return Reading("command", command=Command(LEAVING_REQUESTS[request[0]]))
    return None


# A unit filing no plan, said so that it cannot be an answer ("Can we just put down no plan?", "明年不报")
_CLEARLY_NO_PLAN = re.compile(
    r"\bput (?:us )?down (?:as |for )?(?:no|zero) (?:ml )?plans?\b|按(?:照)?(?:没有|无)(?:机器学习)?计划|"
    r"(?:明年|今年|后年|20\d\d\s*年度?)(?:就|都|也|肯定|干脆)?(?:不报|不交|不提交)"
)


def asks(text: str, asked: Question) -> bool:
    """Whether the message asks something rather than answers.

    A statement that ends in a hedge ("2-3% better terms?") or starts like a
    question ("什么时候锁价全凭采购经理判断…", "When it works on line 3 we…") is still an
    answer where the question wants a description: there, only a short message that
    opens like a question, or one that ends in 吗/呢, asks.
    """
    text = _RHETORICAL_YES.sub(".", words.without_trailing_emoji(text))  # "能举个例子吗😂" asks; "why not?" answers
    folded = words.fold(text)
    if _TELL_ME.match(folded):
        return True  # "你先说说Intuit那个例子是怎么扩展的", "tell me about the Intuit example first"
    short = words.cjk_count(folded) <= _SHORT_CJK and len(words.english_words(folded)) <= _SHORT_WORDS
    if asked.kind in ("text", "note"):
        long_question = (
            text.rstrip().endswith(("?", "？"))
            and _ABOUT_THIS.search(folded)
            and words.cjk_count(folded) <= 40
            and len(words.english_words(folded)) <= 25
        )  # "…的指标，是指模型的准确率，还是业务上的指标？"
        opens_asking = (
            bool(_INTERROGATIVE.search(folded) and short)
            and not _STATES.search(folded)
            and (
                bool(re.search(r"[?？]\s*$|(?:吗|么|呢|嘛)\s*$", text.strip()))
                or bool(re.match(r"(?:为啥|为什么|凭什么|凭啥|干嘛|干啥)", folded) and re.search(r"[啊呀]\s*$", folded))
                or bool(_INVERTED.match(folded))
                or bool(_MEANING_ASKED.search(folded))
                or folded.startswith("请问")
            )
        )  # "什么都缺，尤其是算法" states
        return (
            bool(long_question)
            or opens_asking
            or bool(
                re.search(
                    r"(?:吗|(?<![什怎这那多])么)\s*[?？]?$|呢\s*[?？]$|(?:会怎样|会怎么样|会如何|咋办|怎么办)\s*[?？]?$",
                    folded,
                )
            )
            or (
                text.rstrip().endswith(("?", "？"))
                and short
                and _ASKS_ABOUT.search(folded)
                and not re.search(r"\d", folded)
            )
            or any(
                _INTERROGATIVE.search(_OPENING_COURTESY.sub("", words.fold(s).strip()))
                or _MEANING_ASKED.search(words.fold(s))
                or re.search(r"(?:吗|么)\s*[?？]$", s)
                for s in re.findall(r"[^.!?。！？:：;；]+[?？]", text)
            )
        )
    sentences_asking = any(
        _QUESTION_WORD.search(words.fold(s))
        and re.search(r"\b(?:who|whom|what|which|why|how|meaning)\b", words.fold(s))
        for s in re.findall(r"[^.!?。！？]+\?", text)
    )  # "important to whom? what do you mean here"
    return (
        sentences_asking
        or bool(_ENDS_ASKING.search(text.strip()))
        or bool(_INTERROGATIVE.search(folded) and short)
        or bool(_ASKING_SENTENCE.search(folded))
        or (short and any(_CLAUSE_ASKS.search(c) for c in words.clauses(text)[:-1]))
    )


# "If it works, why not?", "为什么不呢": a yes said as a question
_RHETORICAL_YES = re.compile(
    r"(?:(?<=[,，])|^)\s*(?:(?:sure|well|so|and)[,\s]+)?"
    r"(?:why not|why wouldn'?t (?:it|we|they)|为什么不呢|为啥不呢|有何不可)\s*[?？!！.。]*",
    re.IGNORECASE,
)
# A request to be told something: "你先说说…", "讲讲Intuit的例子", "tell me about the Intuit example first"
_TELL_ME = re.compile(
    r"^(?:你|您)?(?:先|能不能|能否|可以|可不可以|麻烦|请)?(?:先)?(?:给我|跟我|和我|帮我)?"
    r"(?:说说|讲讲|讲一讲|说一说|介绍一下|介绍介绍|讲一下|说一下|解释一下|科普一下)(?!我们|我的|一下我们)\S|"
    r"^(?:(?:ok|okay|so|first|hold on|wait)[,\s]+)*(?:can you |could you |would you |please |pls )*"
    r"(?:tell me (?:more )?about|walk me through|explain (?:to me )?(?:the|what|how|why))\b"
)
# A question said without its question mark: "what does that mean", "how do i answer this",
# "is it the number of people".
_INVERTED = re.compile(
    r"^(?:what|how|which|who|where|when|why)(?:'s|s(?= )|'re| is| are| was| does| do| did| should| would| can| could|"
    r" kind| sort| type| exactly| about| else)\b|^(?:is|are|does|do|can|could|should|would|will|may)\s+"
    r"(?:i|we|you|it|they|this|that|there|the|a|an|my|our)\b"
)
# Opening like a question, these state: "什么都缺", "哪方面都缺一点", "怎么部署上线这块不会",
# "能不能招到人是最大的问题".
_STATES = re.compile(
    r"^(?:什么|啥|哪(?:个|些|方面|样|里|儿)?)(?:都|也)|(?:不会|不懂|不知道怎么|是问题|是最大的问题|是个问题|是难点|"
    r"是瓶颈|都缺|都不会|都没有)\s*[。.!！]?$|\b(?:is|are) (?:the|a|our) (?:problem|issue|gap|bottleneck)\b"
)
# A sentence ending in "?" that asks what something means ("基线是啥意思？没整明白").
_MEANING_ASKED = re.compile(
    r"(?:啥|什么|咩)意思|是啥|是什么|指的是|指啥|指什么|什么叫|啥叫|\bmean\b|\bmeaning\b|\bmeant\b"
)
# Short and ending in "?", these ask about the question ("skills like what?", "要写名字还是写人数？").
_ASKS_ABOUT = re.compile(
    r"\b(?:what|whats|what's|mean|meaning|means|meant|like|which|how|why|who|whom|example|e\.g|such as|"
    r"count|counts|included|include|includes)\b|"
    r"吗|么|啥|什么|还是|多少|多长|多短|怎么|哪|是不是|要不要|需不需要|指的是|是指|意思|比如"
)
# A clause before the last that asks ("数据湖系咩嘢 没听过"); "做实验嘛，…" only pauses
_CLAUSE_ASKS = re.compile(
    r"(?:吗|么|(?<!没)什么|(?<!没)啥|咩|咩嘢|乜嘢|系乜|为什么|为啥|是什么意思|(?<!没)(?:啥|什么)(?:玩意儿?|东西))$"
)
_CHECKING = re.compile(
    r"^\s*(?:你是问|你是说|你的意思是|是问|是说|意思是|do you mean|you mean|are you asking(?: if| whether)?|"
    r"is this asking(?: if| whether)?)[^?？]{0,40}[?？]\s*",
    re.IGNORECASE,
)
_EMOJI_YES_NO = {
    **dict.fromkeys(["👍", "👌", "✅", "🙆", "√", "✓", "✔", "✔️", "☑", "☑️"], "yes"),
    **dict.fromkeys(["👎", "❌", "🙅", "×", "✗", "✘", "✕", "╳"], "no"),
}

# "端到端平台具体指啥？跟我们现在的k8s有啥区别": a sentence that asks, wherever it stands
_ASKING_SENTENCE = re.compile(
    r"(?:啥|什么|哪个|哪种|怎么|为什么|区别|具体指|是指|是说|几个|\bwhat\b|\bwhy\b|\bhow\b|\bwhich\b|"
    r"\bdifference\b|\byou mean\b|\bdoes (?:that|this|it) mean\b)[^.!?。！？]{0,90}[?？]|(?:^|"
    r"[,，。?？])\s*(?:什么样的?|什么算|什么叫|啥叫|啥算|怎么算|怎样算)[^,，。]*$"
)


_OPENING_COURTESY = re.compile(
    r"^(?:(?:sorry|excuse me|pardon|um+|uh+|hmm+|ok|okay|so|wait|quick question|不好意思|抱歉|请问)[\s,，.:]*)+"
)
_PUZZLED_REMARK = re.compile(
    r"\b(?:not familiar|unfamiliar|(?:do not|don'?t|didn'?t) (?:understand|get (?:it|this|that|what))|"
    r"(?:do not|don'?t) know (?:this|that|the|what) (?:word|term)|never heard|"
    r"new to me|not sure what|no idea what|confus|lost here|not clear to me|"
    r"(?:be sure|make sure|check) (?:that )?i (?:understand|get|follow)|what(?:'s| is) expected)|"
    r"不懂|不明白|没懂|没听过|没整明白|"
    r"不熟悉|不了解这个|第一次听|搞不懂|看不懂|不太清楚这个"
)


# "这个你帮我编一下吧", "can you just write it for me?": the bot cannot answer for the lead; the question is explained
_WRITE_IT_FOR_ME = re.compile(
    r"(?:(?:你|您)?(?:帮我|替我|给我|帮忙|代我)(?:们)?(?:随便)?(?:编|写|填|想|拟|凑|编写|编个|写个|想个)|(?:你|您)(?:来|看着|随便)(?:编|写|填|定))"
    r"(?:一下|一个|个|点|几个|一些)?(?:吧|呗|啊|呀|嘛|好吗|行吗|可以吗|了)?\s*[。.!！?？~～]*$|"
    r"\b(?:write|fill in|fill out|make up|draft|invent|come up with|pick|choose) (?:it|this|that|one|something|them)"
    r"(?: (?:in|up|out))? for (?:me|us)\b|\byou (?:write|fill in|decide|pick|choose|make (?:it|one) up)\b"
)


def _asks_to_be_written_for(text: str) -> bool:
    folded = words.fold(text)
    return (
        bool(_WRITE_IT_FOR_ME.search(folded))
        and words.cjk_count(folded) <= 16
        and len(words.english_words(folded)) <= 12
    )


def _only_puzzled(text: str) -> bool:
    """ "I want to be sure I understand what is expected", "我不太懂": the person is puzzled (not "the staff don't
    understand the forecast")."""
    folded = words.fold(text)
    puzzled = _PUZZLED_REMARK.search(folded)
    before = folded[: puzzled.start()] if puzzled else ""
    return (
        puzzled is not None
        and (not answers.has_substance(before) or bool(re.search(r"\bi\b|\bi'?m\b|我", before)))
        and words.cjk_count(folded) <= 12
        and len(words.english_words(folded)) <= 12
        and not re.search(r"\d", folded)
    )


_ASKING_AROUND = re.compile(
    r"\b(?:talk|speak|check|ask|confirm)\b|问一下|问问|问下|请示|确认|核实|了解一下|商量|"
    r"问(?=老板|领导|上级|上面|主管|经理|部长|总监|[\u4e00-\u9fff]总)"  # "这个还不确定 要问老板"
)
_COMING_BACK = re.compile(
    r"\b(?:come back|get back|back in|be back|later|tomorrow|pause|continue|resume|finish)\b|回头|晚点|稍后|再说|再填|"
    r"再答|再来|回来|接着|等会|待会|一会|过会|"
    r"明天|之后|暂停|继续"
)


def _unsure_then_asking_around(text: str, asked: Question, heard: Optional[Heard]) -> Optional[Reading]:
    """ "这个不太清楚，我得去问一下信息部", "I don't know yet, I need to talk to HR first": the answer is
    "not sure", unless the person also says they will come back to it."""
    parts = words.clauses(text)
    if len(parts) < 2 or _COMING_BACK.search(words.fold(text)) or not _ASKING_AROUND.search(words.fold(text)):
        return None
    if any(
        (found := commands.match(part)) is not None
        and found.kind in (FormExit.PAUSE, FormExit.LEAVE)
        and not _ASKING_AROUND.search(words.fold(part))
        for part in parts[1:]
    ):
        return None  # "这个我得先问问IT……算了，今天先不填了，拜拜" leaves
    first = _answered(parts[0], asked, heard)
    return first if first is not None and first.value in ("unsure", answers.UNKNOWN) else None


# "部门对吗？", "质量怎么样？": the bot's question said back, not a question of one's own ("data lake 是指什么？")
_SAID_BACK = re.compile(  # a whole clause: "部门对吗？", "Do I really?", "Am I sure?"
    r"(?:^|(?<=[。，,.!！?？\s]))[^。，,.!！?？]{1,12}?(?:吗|呢|么|样)[?？]|"
    r"(?i:(?:^|(?<=[.!?]\s))(?:do|did|am|are|must|should|shall|would|will|have|can) (?:i|we) "
    r"(?:really|actually|truly|sure|certain)(?: (?:want|need|have) to(?: \w+)?)?\?+)"
)
_ASKING_WORD = re.compile(r"什么|啥|哪|怎|谁|几|为何|为啥|多少")


_WANTS_EXPLAINING = re.compile(
    r"解释|说明一下|讲讲|什么意思|啥意思|是指|指的是|不太熟|不懂|\bexplain|\bmean\b|\bmeaning\b"
)


def _answers_to_questions_said_back(text: str, asked: Question, heard: Heard) -> Optional[Reading]:
    """ "部门对吗？对。年份呢？也对。": at a yes/no or choice question, the questions said back go and
    the answers count. One with a question word is said back only when it names the question's topic."""
    if asked.kind not in ("yes_no", "choice"):
        return None
    topic = commands.field_aliases(asked.name)

    def said_back(found: re.Match[str]) -> str:
        segment = words.fold(found.group())
        echoed = (not _ASKING_WORD.search(segment) or any(alias in segment for alias in topic)) and not (
            _WANTS_EXPLAINING.search(segment)
        )  # "…能解释一下吗？" asks to be told, it does not say the question back
        return "，" if echoed else found.group()

    rest = _SAID_BACK.sub(said_back, text).strip(" ，,。.")
    if rest == text.strip(" ，,。."):
        return None
    if not answers.has_substance(rest) or asks(rest, asked):
        return None
    return _answered(rest, asked, heard)


def _answer_after_a_question(text: str, asked: Question) -> Optional[Reading]:
    """At a question that wants a description, a question to the bot followed by a full answer gives the answer."""
    if asked.kind not in ("text",):
        return None
    if len(re.findall(r"[?？]", text)) != 1:
        return None  # "Title: … Unused data? Yes, plenty: …" answers several questions, each with its own mark
    question, mark, rest = text.strip().partition("？") if "？" in text else text.strip().partition("?")
    rest = rest.strip()
    if (
        re.search(r"[.!。！:：;；]", question)
        or words.cjk_count(question) > 15
        or len(words.english_words(words.fold(question))) > 10
    ):
        return None  # only a short question opening the message ("为什么这么问？…", "why do you need this? …")
    if (
        not mark
        or not question
        or not rest
        or asks(rest, asked)
        or commands.match(rest) is not None
        or aside_model.read(rest) is not None  # "…? I want to be sure I understand what is expected."
        or re.search(r"\bexamples?\b|\bexplain|例子|举例|比如|解释|\bhelp\b", words.fold(rest))
    ):
        return None  # "what kind of metric do you expect? an example would help" still asks
    if words.cjk_count(rest) < 6 and len(words.english_words(words.fold(rest))) < 4:
        return None
    if (
        _ASKS_WHAT_IT_MEANS.search(words.fold(question))
        and words.cjk_count(rest) <= 15
        and len(words.english_words(words.fold(rest))) <= 10
    ):
        return None  # "What counts as a baseline here? There's no model today, it's all people.": unsure what to say
    if (
        _PUZZLED_REMARK.search(words.fold(rest))
        and words.cjk_count(rest) <= 20
        and len(words.english_words(words.fold(rest))) <= 15
    ):
        return None  # "what is a baseline? I am not familiar with this word": still asking
    if (
        asked.name == "executive_sponsor"
        and _WHY.match(words.fold(question))
        and not (_NAMES_SOMEONE.search(words.fold(rest)) or _no_sponsor(rest) or _CAPITALISED_NAME.search(rest))
    ):
        return None  # "why do you need a sponsor anyhow? we're a small outfit": a reason to doubt, not a name
    parsed = parse_answer(rest, asked)
    return parsed if parsed is not None and parsed.kind == "answer" else None


_WHY = re.compile(r"^(?:but |so |ok |okay )?(?:why|how come)\b|^(?:为什么|为啥|干嘛|干啥|凭什么)")
_CAPITALISED_NAME = re.compile(r"\b[A-Z][a-z]+ [A-Z][a-z]+\b|[\u4e00-\u9fff]{2,3}(?:总|先生|女士)")


_ASKS_WHAT_IT_MEANS = re.compile(
    r"^(?:so |ok |okay |sorry,? |but )?(?:what(?:'s| is| are| counts as| do you mean by| would count as)|define)\b|"
    r"what does .+ mean$|什么是|什么叫|啥是|啥叫|算是?什么|算啥|什么算|啥算|是什么意思|啥意思|指什么|指的是什么|指啥"
)


def _answered(text: str, asked: Question, heard: Optional[Heard]) -> Optional[Reading]:
    """The answer the message gives, or None (a skip, small talk and nothing at all are not answers)."""
    parsed = parse_answer(text, asked, heard)
    return parsed if parsed is not None and parsed.kind == "answer" and parsed.value is not None else None


_NEVER_MIND = re.compile(r"算了吧?|不管了|never ?mind|forget (?:it|that)|anyways?", re.IGNORECASE)


_DOUBTS_THE_NEED = re.compile(
    r"有必要吗|有啥必要|有什么必要|没必要|没啥必要|用不着|\b(?:is it|is that) (?:really )?necessary\b"
)


def _answer_after_never_mind(text: str, asked: Question, heard: Optional[Heard]) -> Optional[Reading]:
    """ "用规则打分算不算机器学习？……算了，我觉得还是需要的": a question dropped, then the answer.
    Said first ("算了，我们不做了"), "never mind" leaves."""
    pieces = _NEVER_MIND.split(text, maxsplit=1)
    if len(pieces) < 2 or not re.search(r"[?？]|(.)[不没]\1", pieces[0]):
        return None
    rest = words.clauses(pieces[1])
    if not rest or any(commands.match(part) is not None for part in rest):
        return None
    return _answered("，".join(rest), asked, heard)


def _opens_with_command(text: str) -> bool:
    """ "hmm, never mind": the first clause that says something is a command, not a yes or no."""
    for clause in words.clauses(words.fold(text)):
        if commands.match(clause) is not None:
            return True
        if answers.read_yes_no(clause) or words.strip_fillers(clause, words.phrases("fillers")):
            return False  # "yes, withdraw it", "no, stop", "对，撤了"
    return False


def _ends_leaving(text: str) -> bool:
    """ "好滴懂了，计划的事下次再说，拜拜": the "好" acknowledges, and a later clause puts it off
    ("yes, submit it. bye" still says yes)."""
    clauses = words.clauses(words.fold(text))
    return bool(clauses and _ACKNOWLEDGES.search(clauses[0])) and any(
        (found := commands.match(clause)) is not None and found.kind == FormExit.PAUSE for clause in clauses[1:]
    )


_ACKNOWLEDGES = re.compile(
    r"懂了|明白了|知道了|了解了|清楚了|收到|\b(?:got it|understood|i see|makes sense|thanks|thank you)\b|谢谢"
)


_QUESTION_WORD = re.compile(
    r"几|多少|什么|啥|怎么|哪|谁|为什么|为啥|是指|干嘛|干吗|干么|做么|有么用|(?<![好行])吗$|\b(?:how|what|which|who|whom|why|when|where|meaning)\b"
)


_ASKS_WHY = re.compile(r"^(?:but |so |ok |okay |hmm,? )?why\b|^(?:那|可是|但是|不过)?(?:为啥|为什么|凭什么|凭啥|干嘛)")
# "skills like what?", "you mean people from the business side?", "要写名字还是写人数？", "does a forecast count?"
_ABOUT_THIS = re.compile(
    r"\b(?:like what|such as|meaning what|you mean|do you mean|for example|for instance|e\.g|"
    r"what counts|count as|counts as|does (?:that|this|it) (?:count|mean)|what kind|what sort|how (?:short|"
    r"detailed))\b|"
    r"例如|比如|要写|写什么|填什么|还是写|还是填|要多|算不算|算吗|包括|包不包括|哪种|什么样|有啥要求|有什么要求|是指"
)


def _question_back(
    text: str, asked: Question, lookup: Callable[[str], Any], *, about_the_question: bool = False
) -> Reading:
    """A question asked at a question: the knowledge base's answer when it has one, else the
    question explained."""
    about_the_question = about_the_question or _about_the_question(text, asked)
    found = lookup(text)
    if found.decision == "answer" or (found.decision == "clarify" and not about_the_question):
        return Reading("question", lookup=found)
    if about_the_question or asked.kind not in ("text", "note"):
        named = commands.field_named(text, ANSWER_FIELD_NAMES) if asked.is_plan_field else None
        return Reading("command", command=Command("explain", field=named))  # "这里所说的“基线”是指什么？"
    return Reading("question", lookup=found)


def _about_the_question(text: str, asked: Question) -> bool:
    if _ASKS_WHY.search(words.fold(text)):
        return True  # "为啥还要写原因啊", "why do you need that?": why this question is asked
    return asked.is_plan_field and (
        commands.names_field(text, asked.name) or bool(_ABOUT_THIS.search(words.fold(text)))
    )


def _leads(text: str, asked: Question) -> bool:
    """The answer opens the message ("yes, ...?"): a question mark does not make it a question."""
    yes_no = asked.kind == "yes_no" or (asked.kind == "choice" and set(asked.choices) == {"yes", "no", "unsure"})
    if yes_no:  # "yes, ...?" answers; "数据湖是什么？" at the data question asks
        first = words.clauses(words.fold(text))[:1]
        if first and answers.is_option_phrase(asked.name if asked.is_plan_field else answers.YES_NO, first[0]):
            return True  # "这不废话吗，老板天天催", "does a bear live in the woods?": a question that answers
        if first and asks(text, asked) and _QUESTION_WORD.search(first[0]):
            return False  # "试点团队一般要几个人？"
        found = answers.read_choice(asked.name if asked.is_plan_field else answers.YES_NO, text)
        return bool(found and found.leading)
    return asked.kind in ("year",)


_NOTHING_TO_CHANGE = re.compile(
    r"^(?:(?:actually|oh|hmm|sorry|well|ok|okay)[,\s]+)*(?:(?:no|nah|nope|nothing|none|all good|no changes?|"
    r"it'?s (?:all )?(?:fine|good|ok|okay)|fine as is|looks good|leave it|keep it|nothing to change)(?![a-z])|"
    r"没有|没啥|没事了?|没什么|不用改|不改了|不用了|都对|没问题|就这样|都可以|不需要改)"
)
_BARE_SUBMIT = re.compile(
    r"^(?:(?:ok|okay|好|好的|行)[,，\s]*)?(?:提交|提交吧|提交了|交了吧|直接提交|submit|submit it|submit now|"
    r"just submit|submit please)[.。!！]?$"
)


def parse_answer(text: str, asked: Question, heard: Optional[Heard] = None) -> Optional[Reading]:
    """The answer the text gives for the question's kind, a skip, or None."""
    labelled = (
        (_labelled_answers(text) or _numbered_qualifying_answers(text, asked.name)) if asked.is_plan_field else {}
    )
    if asked.name in labelled:  # "- important: yes\n- real problem: yes, painfully so\n…": each line its question
        own = parse_answer(labelled[asked.name], asked, heard)
        if own is not None and own.kind == "answer":
            others = {name: _read_as(name, said) for name, said in labelled.items() if name != asked.name}
            return replace(own, extra={**own.extra, **{name: value for name, value in others.items() if value}})
    kind = asked.kind
    if kind == "choice":
        value = answers.parse_choice(asked.name, text)
        return Reading("answer", value=value, extra=_extra(text, asked)) if value else None
    if kind == "yes_no":
        value = answers.read_yes_no(text)
        return Reading("answer", value=value) if value else None
    if kind == "multi":
        branches = answers.read_branches(text)
        if branches:
            return Reading("answer", value=branches, extra=_extra(text, asked))
        return Reading("skip") if answers.unsure_alone(text) else None
    if kind == "decision":
        value = answers.parse_decision(text)
        return Reading("answer", value=value) if value else None
    if kind == "year":
        year = read_year(text, heard)
        return Reading("answer", value=year) if year else None
    if kind == "field_name":
        name = commands.field_named(text, ANSWER_FIELD_NAMES) or (_entity_field(heard) if heard else None)
        if name is None and _NOTHING_TO_CHANGE.match(words.fold(text)):
            return Reading("skip")  # "nah all good, submit", "不用改了": nothing to change after all
        return Reading("answer", value=name) if name else None
    if kind == "note":
        return Reading("answer", value="" if answers.says_none(text) else " ".join(text.split()))
    # text
    if answers.unsure_alone(text) or _BARE_SUBMIT.match(words.fold(text)):
        return Reading("skip")  # "不确定"; "提交" at the last questions: not an answer to keep
    small_talk = answers.small_talk(text)
    if small_talk:
        return Reading("social", intent=small_talk) if small_talk != "ack" else None
    if asked.name == "skill_gaps" and answers.says_none(text):
        return Reading("answer", value="none")
    if asked.name == "executive_sponsor" and (answers.says_none(text) or _no_sponsor(text)):
        return Reading("answer", value="")  # answered: there is none (SPEC: a name, or empty)
    value, more = answers.clean_text(asked.name, text)
    extra = {"problem": more} if asked.name == "title" and more else {}
    return Reading("answer", value=value, extra={**extra, **_extra(text, asked)})


_LABELLED_LINE = re.compile(
    r"^\s*(?:[-*•·]|\d{1,2}[.)、]|[①-⑩])?\s*(?P<label>[^:：\n]{1,40}?)\s*[:：]\s*(?P<value>\S.*?)\s*$"
)


def _read_as(name: str, said: str) -> Any:
    kind = FIELDS_BY_NAME[name].kind
    if kind == "choice":
        return answers.parse_choice(name, said)
    if kind == "text" and not answers.unsure_alone(said):
        return answers.clean_text(name, said)[0]
    return None


def _labelled_answers(text: str) -> Dict[str, str]:
    """Plan answers given one a line, each after the name of its question and a colon, when there are two or more."""
    found: Dict[str, str] = {}
    for line in text.splitlines():
        labelled = _LABELLED_LINE.match(line)
        name = commands.field_named(labelled.group("label"), ANSWER_FIELD_NAMES) if labelled else None
        if labelled and name and name not in found:
            found[name] = labelled.group("value")
    return found if len(found) >= 2 else {}


def _numbered_qualifying_answers(text: str, asked: str) -> Dict[str, str]:
    """The six qualifying questions answered as a numbered list ("1. Yes, absolutely… 2. It does… 6. Not sure"),
    each item to the question of its number, or in order from the one asked when the list counts from 1."""
    if asked not in QUALIFYING_QUESTIONS:
        return {}
    body = re.split(r"\n\s*\n(?=[^\n]*$)|\n\s*\n(?=\s*(?:kind regards|best|regards|thanks|cheers|谢谢|此致))", text)[0]
    items = list(_NUMBERED_ITEM.finditer(body))
    numbers = [_ITEM_NUMBER[next(n for n in m.group("n", "n2", "n3", "n4") if n)] for m in items]
    if len(items) < 2 or numbers != list(range(numbers[0], numbers[0] + len(numbers))):
        return {}
    if _CONCLUSION.search(body[items[-1].end() :]):
        return {}  # "①审核规则我们能定；②建模要靠信息中心；所以我们科单独完成不了": points of one answer
    at = QUALIFYING_QUESTIONS.index(asked)
    if numbers[0] <= at + 1 <= numbers[-1] and numbers[-1] <= len(QUALIFYING_QUESTIONS):
        names = [QUALIFYING_QUESTIONS[n - 1] for n in numbers]
    elif numbers[0] == 1 and at + len(numbers) <= len(QUALIFYING_QUESTIONS):
        names = list(QUALIFYING_QUESTIONS[at : at + len(numbers)])
    else:
        return {}
    ends = [m.start() for m in items[1:]] + [len(body)]
    return {name: _without_its_label(said) for name, said in _numbered_items(names, items, ends, body).items()}


def _without_its_label(said: str) -> str:
    """ "can do alone - no, we need IT" -> "no, we need IT": the question's name said before the answer."""
    labelled = re.match(r"^(?P<label>[^-–—:：,，]{2,30}?)\s*(?:\s[-–—]\s|[:：])\s*(?P<said>\S.*)$", said, re.DOTALL)
    if labelled and commands.field_named(labelled.group("label"), ANSWER_FIELD_NAMES):
        return labelled.group("said")
    return said


def _numbered_items(names: Sequence[str], items: Sequence[Any], ends: Sequence[int], body: str) -> Dict[str, str]:
    return {
        name: body[m.end() : end].strip()
        for name, m, end in zip(names, items, ends, strict=True)
        if body[m.end() : end].strip()
    }


_ASKED_BACK_THEN_ANSWERED = re.compile(
    r"^(?P<asked>(?:can|could|do|does|is|are|will|would|should|must|has|have)\b[^?]{3,80}\?)\s*"
    r"(?P<rest>(?:no|nope|nah|not really|yes|yeah|yep|yup)\b.*)$",
    re.IGNORECASE | re.DOTALL,
)
# "Can Finance build it alone? No, we need IT.": the question said back, then a plain yes or no
_ANSWERED_AFTER_ASKING = re.compile(
    r"^[^?？]{3,}[?？]\s*(?:(?:no|nope|nah|not really|yes|yeah|yep|yup)\b|不能|不行|不可以|没有|能|可以|是的|对)",
    re.IGNORECASE,
)
# "Why would I want a committee? We'll need a proper end-to-end ML platform. Platform.": asked, then answered
_RHETORICAL_OPENING = re.compile(
    r"^(?:why (?:on earth )?would|why'?d|who (?:on earth )?would|who'?d|what else|how else|does anyone|do you think|"
    r"is there anyone|难道|谁会|哪个会|为什么要)[^?？]{3,120}[?？]\s*\S",
    re.IGNORECASE,
)
_CONCLUSION = re.compile(r"[；;。.]\s*(?:所以|因此|总之|综上|\b(?:so|therefore|overall|all in all)\b)")
QUALIFYING_QUESTIONS = ("q_important", "q_real_problem", "q_unused_data", "q_needs_ml", "q_can_do_alone", "q_can_ship")
_ITEM_NUMBER = {**{str(n): n for n in range(1, 7)}, **{c: n for n, c in enumerate("一二三四五六", 1)}} | {
    c: n for n, c in enumerate("①②③④⑤⑥", 1)
}
_NUMBERED_ITEM = re.compile(
    r"(?:^|(?<=[\n;；。]))\s*(?:q|Q|第)?\s*(?P<n>[1-6一二三四五六])\s*(?:个|题)?\s*[)）.、．:：]\s*|"
    r"(?:^|(?<=[\s;；。,，]))(?:q|Q)?(?P<n2>[1-6])[)）]\s*|(?P<n3>[①②③④⑤⑥])\s*|"
    r"(?:^|(?<=[\s;；。,，]))(?:第|头)(?P<n4>[1-6一二三四五六])(?:个|题|问)(?:问题)?\s*"
)


_NO_SPONSOR = re.compile(
    r"(?:no one|nobody|none|no sponsor|not yet|no one yet|nobody yet|none yet|tbd|还没有|暂时没有|"
    r"目前没有|还没定|没有发起人|暂无|还没找到|还没人)(?:[\s,，]*(?:yet|for now|吧|呢|目前))?|"
    r"(?:(?:there'?s|there is|so far|as of now|right now|currently|honestly|tbh)\s+)*"
    r"(?:no one|nobody|no exec(?:utive)?s?|no sponsor)\b.*|"
    r"(?:(?:honestly|tbh|sadly|so|well)\s+)*(?:we|i) (?:don'?t|do not|haven'?t|have not|dont) (?:have|got) "
    r"(?:one|any|a sponsor|anyone|anybody)(?: (?:yet|la|lah|leh|lor|sadly|at the moment|right now))*|"
    r"(?:still )?no have(?: (?:sponsor|one|yet|la|lah))*|there(?:'s| is) (?:no one|none|nobody)(?: yet)?|"
    r"(?:还|暂时|目前|现在)?没(?:有)?(?:人|高管|领导|发起人|老板).*|"
    r"(?:暂时|目前|现在)?还?没(?:有|定)(?:[\s,，]*(?:吧|呢))?|"  # "暂时还没有，领导还没定"
    r"(?:领导|老板|上面|公司|上级)?(?:也)?还?没(?:定|确定|决定|拍板|指定|想好)(?:下来)?(?:呢|吧)?"
)  # "nobody signed up for it yet", "还没有领导愿意牵头"
_NAMES_SOMEONE = re.compile(
    r"\b(?:ceo|cfo|coo|cto|cio|cmo|chro|vp|svp|evp|president|director|head|chief|boss|mr|ms|mrs|dr|maybe|probably)\b|"
    r"总|经理|主任|部长|书记|行长|董事|局长|处长|可能|也许|估计"
)


def _no_sponsor(text: str) -> bool:
    """ "nobody yet", "idk tbh, nobody signed up for it yet": no sponsor, and nobody named in passing."""
    clauses = words.clauses(words.fold(text))
    nobody = [c for c in clauses if _NO_SPONSOR.fullmatch(c)]
    return (
        bool(nobody)
        and not _NAMES_SOMEONE.search(words.fold(text))
        and all(
            c in nobody or answers.unsure_alone(c) or not words.strip_fillers(c, words.phrases("fillers"))
            for c in clauses
        )
    )


def _entity_field(heard: Heard) -> Optional[str]:
    value = heard.entity("plan_field")
    return value if value in ANSWER_FIELD_NAMES else None


def _extra(text: str, asked: Question) -> Dict[str, Any]:
    return answers.volunteered_answers(text, asked.name) if asked.is_plan_field else {}


_CJK_DIGITS = {c: str(i) for i, c in enumerate("〇一二三四五六七八九")} | {"零": "0", "○": "0", "Ｏ": "0"}
_CJK_YEAR = re.compile(r"(二[〇零○Ｏ][〇零○Ｏ一二三四五六七八九]{2})\s*年")
_CJK_SHORT_YEAR = re.compile(r"(?<![〇零○一二三四五六七八九十])(二[六七八九])年(?!内|以内|左右|多)")  # "是二八年的"


# An answer, then a check that it will do: "这样说可以吗？", "这个名字可以吗？会不会太长？", "Is that OK?"
_ASKS_IF_OK = re.compile(
    r"^(?:那|那么|但|不过)?(?:我|我们)?(?:这样|这么|这个|这些|这样子|如此)?(?:回答|描述|写|选|说|填|答|理解|名字|标题|指标|题目|字数)?"
    r"(?:的话|算\S{0,4}吧)?(?:应该|算|还)?(?:ok|okay|可以|行|对|合适|没问题|够|够不够|行不行|可不可以|对不对|好不好|"
    r"合不合适|妥|妥当|会不会扣分|会扣分|会不会太长|会不会太短|太长|太短|要写全名|需要写全名)"
    r"(?:吗|吧|么|不|呀|啊|嘛|呢|哈)*$|"
    r"^(?:is|does|will|would|was|did|do you think)?\s*(?:that|this|it)(?:'s| is)?\s+(?:ok|okay|alright|all right|fine|"
    r"right|enough|correct|good enough|work|do|acceptable|sound (?:ok|okay|right|good)|what you need|what you want)"
    r"(?: for you| here| then)?$|^(?:i )?hope (?:that|this)(?:'s| is) (?:ok|okay|fine|enough|what you need)$|"
    r"^(?:ok|okay|alright|good|fine|enough|right|correct)$|^(?:这样|这么|这)?算\S{0,4}?(?:吧|吗|了吧|了吗)$"
)


def without_asking_if_ok(text: str) -> str:
    """`text` without the closing questions that only ask whether the answer will do."""
    kept = text.rstrip()
    while True:
        sentences = re.split(r"(?<=[。！？?!.…])\s*", kept)
        sentences = [s for s in sentences if s.strip()]
        if len(sentences) < 2:
            return kept
        last = words.fold(sentences[-1]).strip(" ?？!！.。~～")
        if not _ASKS_IF_OK.match(last):
            return kept
        kept = kept[: kept.rstrip().rfind(sentences[-1])].rstrip()


def read_year(text: str, heard: Optional[Heard] = None) -> Optional[int]:
    """2027 from "2027", "27年", "FY27", "明年"/"next year" (the year entity), or None."""
    entity = heard.entity("year") if heard else None
    if entity is not None:
        try:
            return int(entity)
        except (TypeError, ValueError):
            pass
    text = _CJK_YEAR.sub(lambda m: "".join(_CJK_DIGITS[c] for c in m.group(1)) + "年", text)  # "二〇二七年"
    text = _CJK_SHORT_YEAR.sub(lambda m: "".join(_CJK_DIGITS[c] for c in m.group(1)) + "年", text)
    found = _YEAR.search(text)
    if not found:  # "对的，就是生产部明年的"
        from bot.nlu.numbers import find_years

        said = find_years(text)
        return said[0]["value"] if said else None
    four, two_zh, two_fy = found.groups()
    return int(four) if four else 2000 + int(two_zh or two_fy)


def read_years(text: str) -> List[int]:
    """Every year written out, in order: "for 2027 the budget is closed, this plan is for 2028" -> [2027, 2028]."""
    return [int(four) if four else 2000 + int(two_zh or two_fy) for four, two_zh, two_fy in _YEAR.findall(text)]


def _button(payload: Mapping[str, Any], asked: Question) -> Reading:
    intent = payload.get("intent")
    if intent == "ask_faq" and payload.get("kb_id"):
        return Reading("question", value=payload["kb_id"])
    if intent == "skip":
        return Reading("skip")
    if intent in ("cancel", "pause"):
        return Reading("command", command=Command(FormExit.PAUSE))
    if intent in ("affirm", "deny") and asked.kind == "yes_no":
        return Reading("answer", value="yes" if intent == "affirm" else "no")
    choice = payload.get("choice")
    if asked.kind == "multi" and choice in asked.choices:
        return Reading("answer", value=[choice])
    if choice is not None and (choice in asked.choices or asked.kind == "year"):
        return Reading("answer", value=int(choice) if asked.kind == "year" else choice)
    if intent == "edit_plan":
        field_name = payload.get("plan_field") if payload.get("plan_field") in ANSWER_FIELD_NAMES else None
        if asked.kind == "field_name" and field_name:
            return Reading("answer", value=field_name)
        return Reading("command", command=Command("edit", field=field_name))
    return Reading("unclear", problem=complaint(asked))


def _rescue(heard: Heard, asked: Question) -> Optional[Reading]:
    """What the intent model makes of a message the question could not read."""
    intent, confidence = heard.intent, heard.confidence
    if asked.kind == "yes_no" and intent in ("affirm", "deny") and confidence >= NLU_YES_NO:
        return Reading("answer", value="yes" if intent == "affirm" else "no")
    if (
        asked.kind == "choice"
        and set(asked.choices) >= {"yes", "no"}
        and intent in ("affirm", "deny")
        and confidence >= NLU_YES_NO
    ):
        return Reading("answer", value="yes" if intent == "affirm" else "no")
    if confidence < NLU_SURE:
        return None
    if intent == "skip":
        return Reading("skip")
    if intent == "cancel" and _STOP_CUE.search(words.fold(heard.text)):
        return Reading("command", command=Command(FormExit.PAUSE))  # not "let's say the CHRO, Helen Park"
    if intent == "goodbye":
        return Reading("command", command=Command(FormExit.LEAVE))
    if (
        intent == "out_of_scope"
        and asked.is_plan_field
        and (words.cjk_count(heard.text) >= 8 or len(words.english_words(words.fold(heard.text))) >= 6)
    ):
        return None  # "规则搞不定，路况天气太多变量": a long reply mid-plan is an answer not read, not small talk
    if intent == "bot_challenge" and not _ASKS_IF_BOT.search(words.fold(heard.text)):
        return None  # "是真事儿", "對啦，是這樣子": an answer the question could not read, not "are you a bot?"
    if intent in SOCIAL:
        return Reading("social", intent=intent)
    return None


# Some word of stopping or leaving, without which a guessed "cancel" is no way out
_ASKS_WHAT_TO_WRITE = re.compile(
    r"\bwhat (?:should|do|shall|must) i (?:write|put|say|add)\b|\bwhat (?:kind of|sort of) (?:note|comment)\b|"
    r"(?:写|填|说)(?:什么|啥|些什么|些啥)(?:好|呢|啊)?\s*[?？]?$|要写(?:什么|啥)"
)
# The answer asked back as a question: "would that count as a yes?"
_COUNTS_AS = re.compile(
    r"\b(?:would|does|will|is|could|can|should) (?:that|this|it) (?:count|do|work|pass|qualify|go down) (?:as|for) "
    r"(?:a |an )?(?P<option>yes|no)\b"
)
# A review put off: "这个先不审了", "先别记", "hold off on this one", "don't record anything yet"
_REVIEW_HELD = re.compile(
    r"(?:先|暂时|暂)?不审了|先不审|暂不审|(?:回头|待会儿?|等会儿?|晚点|改天|明天)再审|先别(?:记|录|提交|定)|先不(?:记|录|定)了?|"
    r"\bhold off(?: on)?(?: (?:the|this|that|it|this one|that one|reviewing|the review|deciding))?\b|"
    r"\b(?:don'?t|do not) (?:record|log|save|submit) (?:it|this|that|anything|the (?:decision|review))"
    r"(?: yet| for now| just yet)?\b|"
    r"\bnot (?:reviewing|deciding(?: on)?) (?:it|this|that|this one|that one) (?:yet|now|today)\b|"
    r"\b(?:i'?ll|let me|i will|i need to) (?:review|decide on|look at) (?:it|this|that|this one|that one) later\b"
)
# a question for the assistant said at the note, not a note: "顺便问一下…", "by the way, what's a value tree?"
_ASIDE_TO_THE_BOT = re.compile(
    r"(?:顺便|顺带|先|我)?(?:问一下|问下|问问|请问|打听一下)|"
    r"(?:oh[, ]+)?(?:by the way|btw|quick question|one question|side question|before (?:that|i do)|"
    r"(?:can|may) i ask(?: you)?(?: something)?)\b"
)
_ASKS_ABOUT_THE_NOTE = re.compile(
    r"^(?:will|does|do|can|would|is|are)\b.{0,30}\b(?:see|read|receive|shown|visible|notified|told)\b.*[?？]$|"
    r"(?:负责人|他们|对方|部门)(?:能|会|可以)?(?:看到|收到|看得到)(?:吗|么|不)[?？]?$"
)
_STOP_CUE = re.compile(
    r"\b(?:stop|pause|later|leave|leaving|go|gotta|quit|cancel|break|exit|bye|done|enough|finish|tomorrow|run|"
    r"busy|meeting|call|back|hold|wait|forget|nevermind|never mind|nvm|drop|park (?:this|it|that))\b|"
    r"停|走|算了|回头|再说|不填|不写|不弄|不搞|退出|取消|暂停|下次|明天|改天|忙|开会|先这样|到这|拜"
)
_ASKS_IF_BOT = re.compile(
    r"机器人|真人|人工|你是谁|你是人|你是不是人|你是ai|\b(?:bot|robot|human|real person|a person|machine|ai|chatgpt|"
    r"who are you)\b"
)


def complaint(asked: Question) -> str:
    """The catalogue key of "I could not read that" for this kind of question."""
    if asked.kind == "choice" and set(asked.choices) == set(YES_NO_UNSURE):
        return "plan_invalid_yes_no"
    return {
        "choice": "plan_invalid_choice",
        "yes_no": "plan_invalid_yes_no",
        "multi": "plan_invalid_branches",
        "decision": "review_invalid_decision",
        "year": "plan_invalid_year",
        "field_name": "edit_invalid_field",
    }.get(asked.kind, "plan_invalid_text")
