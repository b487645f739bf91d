"""Unmistakable requests that act, read by pattern rather than by the intent model
(Rasa-free: the NLU component bot.nlu.commands and the form reader both use it).

"approve plan 1: solid metric, start with the pilot" once reached the knowledge base
(pilot teams) and "I want to pull back our ML plan" started a plan. A message that
has the shape of one of these requests (a verb that acts, on a plan, not asked as a
question) gets that intent with confidence 1.0, and the plan number it names; the
intent model decides everything else. tests/unit/test_nlu_commands.py checks the
patterns against every training example, so a pattern that catches another intent's
sentence fails the build.
"""

from __future__ import annotations

import re
import unicodedata
from typing import List, Optional, Pattern, Tuple

from bot.dialogue.words import ONGOING, simplify

_NUMBER = r"(?:plan\s*|proposal\s*|no\.?\s*|number\s*)?#?\s*(?P<id>\d{1,6})(?!\d)(?![.,]\d|\s*(?:%|percent|per cent))"
_ZH_NUMBER = r"(?:计划|方案)?\s*(?:#|第)?\s*(?P<id>(?!20\d\d(?!\d))\d{1,6})(?!\d)\s*(?:号|號)?\s*(?:计划|方案)?"
_ML = r"(?:ml |machine learning |ai |a\.i\. |data science )?"
_ZH_ML = r"(?:机器学习|ml|ai|人工智能|智能化)?(?:的)?"
_PLAN = r"(?:plans?|planning|proposals?|submission|initiatives?)\b"
_ZH_PLAN = r"(?:计划|规划|方案|申报|项目)"

PATTERNS: Tuple[Tuple[str, Pattern[str]], ...] = tuple(
    (intent, re.compile(pattern))
    for intent, pattern in (
        # review_plan: a decision on a numbered plan
        (  # "give plan 1 the thumbs up"
            "review_plan",
            r"^(?:(?:ok|okay|so|please|pls|then|and)[\s,]+)*(?:(?:i'?ll|i will|let'?s|let me|we can|you can|can you|"
            r"could you)\s+)?(?:give|giving)\s+" + _NUMBER + r"\s+(?:the|a|my|our)\s+"
            r"(?:thumbs[ -]up|green light|go-ahead|go ahead|nod|ok|okay|seal of approval|approval)\b",
        ),
        (  # "Ok, I review 1. This one I must send back, …"
            "review_plan",
            r"^(?:(?:ok|okay|so|now|then|right)[\s,]+)*"
            r"(?:i|i'll|i will|i am going to|i'm going to|let me|let's|lets)\s+"
            r"(?:now\s+)?review\s+(?:plan\s*|#\s*|no\.?\s*|number\s*)?(?P<id>\d{1,6})(?!\d)",
        ),
        (
            "review_plan",
            r"(?:^|(?<=[.!])\s+)(?:(?:ok|okay|so|yes|please|pls|alright|right|and|then)[,\s]+)*"
            r"(?:(?:i'?m|i am|i'?ll|i will|we'?ll|we will|let'?s|i want to|i'd like to|going to|gonna|go ahead and|"
            r"ok to|happy to|can you|please|i|we|i'd|we'd|i would|we would|will|just|now|like to|need to|have to|"
            r"must|wish to|am going to|'m going to)\s+){0,3}"
            r"(?:approve|approving|accept|accepting|sign off(?: on)?|green[- ]?light|reject|rejecting|send|sending|"
            r"bounce|bouncing|return|returning|kick)\b(?:\s+(?:the\s+)?)" + _NUMBER,
        ),
        (
            "review_plan",
            r"^(?:(?:ok|okay|so|and)[,\s]+)?plan\s*(?:no\.?\s*|number\s*)?#?\s*(?P<id>\d{1,6})(?!\d)[,\s]+(?:i|we)\s+"
            r"(?:must|have to|need to|will|'ll|shall|would like to|want to|am going to|'m going to)\s+"
            r"(?:send|return|bounce|approve|accept|reject|sign off)\b",
        ),
        (  # "And 2, send back please. Note: …", "#3: approve"
            "review_plan",
            r"^(?:(?:ok|okay|so|and|then|now|next)[,\s]+)?(?:plan\s*)?#?\s*(?P<id>(?!20\d\d(?!\d))\d{1,6})(?!\d)\s*[,:：-]\s*"
            r"(?:the [^,.:;?]{1,40}? one\s*[,:-]\s*)?(?:(?:please|pls|just)\s+)?"
            r"(?:send(?: (?:it|that|this)(?: one)?)? back|approve|approved|return it|"
            r"bounce(?: it)?(?: back)?|reject)\b",
        ),
        (  # "Hmm. This one I must send back, I am afraid."
            "review_plan",
            r"(?:^|[.!?。！？]\s*)(?:(?:ok|okay|so|and|well)[,\s]+)?(?:this one|that one|this plan|that plan)[,\s]+"
            r"(?:i|we)\s+"
            r"(?:must|have to|need to|will|'ll|shall|would like to|want to|am going to|'m going to|'d|would|can)\s+"
            r"(?:send(?: it)? back|return|bounce|approve|accept|reject|sign off)\b",
        ),
        (  # "LGTM on 1", "looks good to me for #4"
            "review_plan",
            r"^(?:(?:ok|okay|so|yeah|yep)[,\s]+)?(?:lgtm|looks good to me|looks good|thumbs up|\+1)\s+(?:on|for)\s+"
            + _NUMBER,
        ),
        (
            "review_plan",
            r"^(?:approved|approve|ok|okay|lgtm|sign off|send back|sending back|reject|rejected)[:,\s]+"
            r"(?:plan\s*)?#?\s*(?P<id>\d{1,6})(?!\d)\b",
        ),
        (
            "review_plan",
            r"^" + _ZH_NUMBER + r"\s*(?:让他们|让他|请他们|叫他们)?\s*(?:改改|改一下|重写|补充|重新写|返工)",
        ),
        (
            "review_plan",
            r"^(?:(?:ok|okay|so|and|nah|yeah|yep|right|hmm|well|alright)[,\s]+)*(?:plan\s*|proposal\s*)?#?\s*"
            r"(?P<id>\d{1,6})(?!\d)\s*[:,-]?\s*"
            r"(?:is\s+|looks\s+)?(?:approved|good to go|accepted|needs? (?:more |some )?work|needs? rework|"
            r"needs? changes|rejected|goes back|should go back|is not ready|isn't ready|can go ahead|"
            r"(?:is|gets) a (?:yes|no|thumbs up|thumbs down|go)(?: from me)?)\b",
        ),
        ("review_plan", r"(?:批准|通过|批了|同意|准了|退回|打回|驳回)(?:一下|掉)?\s*" + _ZH_NUMBER),
        ("review_plan", r"^" + _ZH_NUMBER + r"\s*(?:过|能过|可以过|通过|准|批)(?:了|吧)?[\s!！。.👍✅👌]*$"),
        ("review_plan", r"(?:现|特|拟|均)?予(?:以)?(?:退回|批准|通过|驳回)"),
        (
            "review_plan",
            r"\b(?:it|this|this one|that one|this plan|that plan)\s+(?:still\s+)?needs\s+"
            r"(?:a (?:bit|little|lot|fair bit) )?(?:more )?work\b(?! on (?:my|our) side)",
        ),
        # "好的 那1号我看了 没毛病"
        (
            "review_plan",
            r"^(?:(?:好的?|行|嗯|ok)[，,\s]*)?(?:那)?"
            + _ZH_NUMBER
            + r"\s*(?:这个|这份)?\s*(?:我)?(?:看了|看过了|审了|审过了|看完了|审完了)"
            r"[，,\s]*(?:没毛病|没问题|挺好的?|可以的?|不错|能过|可以过)(?:吧|啊|哈|的)?[。!！]?$",
        ),
        # "审下3号", "1号这个得劲，批"
        ("review_plan", r"^(?:我|俺)?(?:来)?(?:审|审审|审一下|审下|评审一下)\s*" + _ZH_NUMBER + r"[。.!！]?$"),
        ("review_plan", r"^" + _ZH_NUMBER + r"[^，,。？?]{0,10}[，,\s]+(?:那就|就)?批(?:了|吧|掉)?[。.!！]?$"),
        (
            "review_plan",
            r"\b(?:send|sending|bounce|bouncing|return|returning|kick)\s+(?:that|this|it)(?: one| plan)?\s+back\b|"
            r"^(?:(?:ok|okay|then|so|good|great|fine|nice|alright|yes|yeah|looks good|lgtm)[,.!\s]+)?(?:i'?ll |let's |"
            r"i will )?(?:approve|sign off on|green[- ]?light) "
            r"(?:that|this|it)(?: one| plan)?\b|"
            r"(?:^|[.!]\s+)(?:(?:ok|okay|then|so|right)[,\s]+)?(?:let'?s|i'?ll|we'?ll|i will|we can|happy to) "
            r"sign (?:it|this|that|this one|that one) off\b|"
            r"^(?:那|这个|那个|这份|那份)(?:个|份)?(?:计划)?(?:就)?(?:批了|批准|通过|退回|打回|退回去|打回去|能批|可以批|能过|可以过)",
        ),
        (
            "review_plan",
            r"^(?:另外|还有|然后|再|接着|那|那么|最后)?[，,\s]*(?:俺看|我看|我觉得|依我看|我的意见是)?[，,\s]*"
            r"(?:这个|那个|这份|那份)?(?:把|将|给)?\s*"
            + _ZH_NUMBER
            + r"\s*.{0,6}?(?:批准|通过|批了|过了|过吧|可以过|可以批|同意|退回|"
            r"打回|驳回|退回去|打回去|退了|批掉)",
        ),
        (  # "理赔部那个 #1 俺看完了，能批，意见写：…"
            "review_plan",
            r"(?:^|[，,。\s])(?:[\u4e00-\u9fff]{1,8}?(?:那个|那份|的))?\s*"
            + _ZH_NUMBER
            + r"[^。？?！!\d]{0,12}?[，,\s]?\s*"
            r"(?:能批|可以批|能过|可以过|批了|批准|通过|同意|准了|不批|退回|打回|驳回)(?:吧|了|啦)?(?=[，,。.!！;；:：\s]|$)",
        ),
        (
            "review_plan",
            r"(?<!\d)(?P<id>(?!20\d\d(?!\d))\d{1,6})(?!\d)\s*(?:号|號)?(?:计划)?[^，,。\d]{0,4}[，,]?\s*"
            r"(?:打回去|退回去|打回|退回|驳回)(?:吧|了)?$",
        ),
        # "This one is looking fine to me, I approve it."
        (
            "review_plan",
            r"(?:^|[,.;!]\s*)(?:(?:so|then|and)\s+)?(?:i|we|i'?ll|we'?ll|i will|we will|i'?m happy to|happy to)\s+"
            r"(?:approve|sign off on|green[- ]?light) (?:that|this|it)(?: one| plan)?(?=\s*(?:[.!,;]|$))|"
            r"(?:^|[,.;!]\s*)(?:i|we) (?:give|am giving|'?m giving) (?:it |this |that )?(?:my|our) "
            r"(?:approval|sign-?off|blessing)\b|"
            r"(?:^|[,.;!]\s*)(?:it|this|that)(?: one)? (?:has|gets) my (?:approval|sign-?off|blessing)\b",
        ),
        # a decision said as a clause of its own, on the plan shown last:
        # "这个写得挺完整，批了吧", "I'm sending #2 back"
        (
            "review_plan",
            r"\b(?:must|have to|need to|will|i'?ll|going to|gonna|want to|would like to|'d like to)\s+(?:return|reject|"
            r"bounce)\s+"
            r"(?:that|this|it)(?: one| plan)?\b",
        ),
        (
            "review_plan",
            r"^(?:这份|那份|这个|那个)(?:计划)?(?:我|我们)?(?:想|要|得|准备|还是)?(?:给|把它)?(?:退回|打回|驳回)",
        ),
        (
            "review_plan",
            r"(?:^|[,，。.!！;；]\s*)(?:那|就|那就|我|我就|可以|行|好|得|要|只能|还是|先|那先|就先)?(?:给)?(?:批了|批准|通过|退回|打回|驳回|退回去|打回去)"
            r"(?:他|它|佢)?(?:吧|了|啦)?(?:\s*[,，。.!！;；]|$)",
        ),
        (
            "review_plan",
            r"\b(?:i'?m |we'?re |i'?ll |we'?ll )?(?:send|sending|bounce|bouncing|return|returning|kick|kicking)\s+"
            r"(?:plan\s*)?#\s*(?P<id>\d{1,6})(?!\d)\s+back\b",
        ),
        # a decision on the plan in view, said of "this one": "this needs to go back to them", "该计划予以批准",
        # "呢份唔批住，退返去俾佢哋再改"
        (
            "review_plan",
            r"\b(?:this|it|that)(?: one| plan)?(?:\s+(?:needs?|has|have|must|should|will|is|to|be|got|gotta|can|"
            r"probably|definitely|really|just)){0,3}\s+(?:send|sent|go|goes|going|went) back\b(?! to (?:me|us|you)\b)|"
            r"\b(?:going to|gonna|will|'ll|want to|have to|need to|must|shall|happy to|ready to)\s+(?:approve|"
            r"reject)\s+(?:it|this|that)\b",
        ),
        (
            "review_plan",
            r"(?:^|[，,。.!！;；]\s*)(?:经研究，?)?(?:这份|那份|这个|那个|该|此|本)(?:计划|方案)?[^，,。？?]{0,12}?"
            r"(?:予以|准予|可以|我想|想|要|得|就)?(?:批准|核准|批了|通过|同意|不批|退回|打回|驳回)|"
            r"(?:^|[，,。.!！;；]\s*)(?:我|我们)?(?:要|得|需要|想|准备|只能|还是)(?:给|把它)?(?:退回去|打回去|退回|打回|驳回)|"
            r"(?:想|要|就|可以)批了?(?:他|它)(?:吧)?[。.!！]?$",
        ),
        (  # "Looks solid leh. Approve it, note: metrics clear", the plan just opened
            "review_plan",
            r"(?:^|[.!;]\s+)(?:(?:ok|okay|right|so|then)[,\s]+)?(?:approve|reject|send back) "
            r"(?:it|this|this one|that one)(?:\s*[,.:;]|\s+(?:please|pls|with)\b|$)",
        ),
        (
            "review_plan",
            r"\b(?:approving|rejecting)\s+(?:plan\s*)?#?\s*(?P<id>\d{1,6})(?!\d)",
        ),  # "where was I... approving #1"
        (  # "#1 looks good, tick it off. note: …", "plan 2 - nah, back to them"
            "review_plan",
            r"^(?:(?:and|so|ok|okay|right|then|now)[,\s]+)*(?:plan\s*#?|#)\s*(?P<id>\d{1,6})(?!\d)[^.!?\d]{0,40}?"
            r"\b(?:approve\w*|tick\w* (?:it |this |that )?off|sign\w* (?:it |this |that )?off|"
            r"looks (?:good|fine|great|solid)|"
            r"lgtm|good to go|send (?:it |this |that )?back|back to (?:them|the lead|the team)|(?:bounce|kick|flick) "
            r"(?:it|this|that) back|reject\w*)\b",
        ),
        (  # "back to them", "send it back to the lead": the plan just opened
            "review_plan",
            r"^(?:(?:ok|okay|right|so|nah|no|nope|hmm)[,.!\s]+)*(?:(?:send|sending|kick|bounce|return) "
            r"(?:it|this|that|this one|that one) )?back to (?:them|the (?:lead|unit|team|owner|department)s?)"
            r"(?:\s+(?:with it|it goes|please|for (?:more |further )?work|for rework))*[.!]*$",
        ),
        (  # "I will be returning this one to the unit for further work", the plan just opened
            "review_plan",
            r"\b(?:return|returning|send|sending|hand|handing|kick|kicking|bounce|bouncing|pass|passing)\s+"
            r"(?:it|this|this one|that one|the plan|this plan)(?:\s+back)?\s+"
            r"(?:to (?:the )?(?:unit|lead|owner|team|them|department)"
            r"(?:\s+for (?:further |more )?(?:work|rework|revision|changes))?|for (?:further |more )?"
            r"(?:work|rework|revision|changes))\b",
        ),
        # withdraw_plan: taking back a plan
        (
            "withdraw_plan",
            r"\b(?:withdraw|pull back|pull out|take back|retract|delete|remove|scrap|cancel|drop|rescind)\b"
            r"(?:\s+(?:our|my|the|this|that|unit's|team's|department's|submitted|whole|\w+'s))*\s*" + _ML + _PLAN,
        ),
        (
            "withdraw_plan",
            r"\b(?:withdraw|retract|delete|scrap|scratch|cancel|rescind|kill|retire|shelve|abandon|axe|ditch)\s+"
            r"(?:(?:the|our|my)\s+(?=plan|proposal|#|no\.))?" + _NUMBER,
        ),
        (
            "withdraw_plan",
            r"\b(?:withdraw|withdrawing|retract|retracting|pull|pulling|scrap|scrapping|scratch|drop|dropping|"
            r"take back|"
            r"taking back|cancel|cancelling|canceling)\s+(?:our|my|the|this|that)\s+"
            r"(?:(?!no\b|not\b|for\b|of\b|from\b|in\b|into\b|on\b|out\b|to\b|with\b|about\b)[\w&'-]+\s+){0,4}?"
            + _ML
            + r"(?:plan|proposal|submission)\b",
        ),
        (
            "withdraw_plan",
            r"^(?:plan\s*|#\s*)"
            + r"(?P<id>\d{1,6})(?!\d)\s*[-—–,:]*\s*(?:please\s+)?(?:withdraw|retract|delete|cancel|pull|scrap)\s+it\b",
        ),
        (
            "withdraw_plan",
            r"把(?:我们|我的|咱们|咱)?(?:部门)?的?(?:那个|这个|那份|这份)?[^，,。]{0,8}?(?:计划|方案)(?:给)?(?:撤了|撤回|撤掉|撤销|删了|删掉|作废)",
        ),
        ("withdraw_plan", r"\bpull (?:it|the plan|our plan|our ml plan|my plan) back\b"),
        (  # "That drone thing, plan #1? Fuggedaboutit. Pull it, we ain't doin' it"
            "withdraw_plan",
            r"(?:\bplan\s*#?|#|\bnumber\s*|\bno\.\s*)(?P<id>\d{1,6})(?!\d)[^.!?]{0,30}[.!?]\s*(?:[^.!?]{0,30}[.!?]\s*)?"
            r"(?:(?:ok|so|just|yeah|yep)[,\s]+)?(?:pull|scrap|kill|drop|bin|ditch|axe|withdraw|retract|delete|cancel) "
            r"(?:it|that|that one|this one)\b",
        ),
        ("withdraw_plan", r"\b(?:get rid of|bin|ditch|axe)\s+(?:(?:the|our|my)\s+)?" + _NUMBER),  # "get rid of plan 1"
        (  # "that pick route one, number 1, we need to pull it"
            "withdraw_plan",
            r"(?:\bnumber\s*|\bplan\s*#?|#|\bno\.\s*)(?P<id>\d{1,6})(?!\d)[^.!?]{0,40}?"
            r"\b(?:need|have|want|going|got|decided)\s+to\s+"
            r"(?:pull|drop|kill|scrap|bin|ditch|get rid of|withdraw|retract|delete)\s+(?:it|that one|this one)\b",
        ),
        ("withdraw_plan", r"\b(?:need|have|want|going|got|decided) to (?:pull|drop|kill)\s+" + _NUMBER),
        (  # "so that claims triage plan we sent in, go ahead and withdraw it"
            "withdraw_plan",
            r"\b(?:that|the|our|my) [\w&' -]{1,40}? plan\b[^.!?]{0,40}?\b(?:withdraw|scrap|cancel|retract|delete|"
            r"take back) (?:it|that one|this one)\b",
        ),
        (  # "We need to pull the quote pricing one, 1 - the pricing team's been restructured"
            "withdraw_plan",
            r"\b(?:need|have|want|going|got|decided|'d like|would like) to (?:pull|drop|kill|withdraw|scrap|retract) "
            r"(?:the|our|my) [\w&' -]{1,40}? one,?\s*(?:#|no\.?|number|plan)?\s*(?P<id>\d{1,6})(?!\d)",
        ),
        (  # "Please pull #3, we are not doing it anymore"
            "withdraw_plan",
            r"\b(?:pull|drop|scrap|kill|bin|ditch)\s+" + _NUMBER + r"\s*[,;.:-]+\s*(?:(?:as|since|because) )?"
            r"(?:we(?:'re| are)|they(?:'re| are)|it'?s|it is) (?:not (?:doing|pursuing|going ahead with|happening)|"
            r"no longer|dropping|cancell?ing|shelving|dead|off)\b",
        ),
        (  # "ok can u pull plan 1? manufacturing is doing basically the same thing so ours is kinda redundant now"
            "withdraw_plan",
            r"\b(?:pull|drop)\s+" + _NUMBER + r"\s*[?.!,;:-]+\s*(?!.*\b(?:show|where|compare|display)\b)"
            r".{0,100}?\b(?:redundant|duplicat\w*|the same thing|overlap\w*|"
            r"no longer (?:needed|relevant|necessary|required)|not needed any ?more|covered by|already covers?|"
            r"merg(?:e|ing) (?:it |them )?(?:into|with))\b",
        ),
        (  # "we're pulling plan 1, the concessions one", "The plan 1 about lead scoring, we need to take it back"
            "withdraw_plan",
            r"\b(?:we'?re|we are|i'?m|i am)\s+(?:pulling|withdrawing|scrapping|dropping|retracting|killing)\s+"
            + _NUMBER
            + r"|(?:\bplan\s*#?|#)\s*(?P<id2>\d{1,6})(?!\d)[^.!?]{0,60}?\b(?:need|have|want|going|got|decided)\s+to\s+"
            r"(?:take|pull|get)\s+it\s+back\b",
        ),
        (  # "we need to pull the credit limit recommender plan, the board has parked it"
            "withdraw_plan",
            r"\b(?:need|have|want|going|got|decided|'d like|would like) to (?:pull|drop|kill|withdraw|scrap|retract) "
            r"(?:the|our|my) (?:(?!(?:from|of|into|in|out|for|with|on|off|up|together)\b)[\w-]+ ){1,6}?"
            r"(?:plan|proposal|initiative|project)\b(?! (?:for|of) (?:next|20\d\d))",
        ),
        (  # "hi, pls pull plan #1, we will merge it into next year's one": the request opens the message
            "withdraw_plan",
            r"^(?:(?:hi|hey|hello|ok|okay|so|yeah|right)[,!.\s]+)*(?:(?:please|pls|plz|kindly|can you|could you)\s+)*"
            r"(?:withdraw|retract|scrap)\s+" + _NUMBER,
        ),
        (  # "Then I want plan 1, the FAQ auto-reply bot, withdrawn."
            "withdraw_plan",
            r"\b(?:want|need|would like|'d like|like|get)\s+(?:plan\s*#?|#|number\s*|no\.\s*)(?P<id>\d{1,6})(?!\d)"
            r"[^.!?]{0,50}?\s(?:withdrawn|pulled(?: back)?|scrapped|deleted|retracted|cancell?ed|dropped|taken back|"
            r"killed|"
            r"binned|ditched)\b",
        ),
        (  # "ok can u scrap plan 1?", "pls drop plan 4" ("pull plan 30" shows it)
            "withdraw_plan",
            r"(?:^(?:(?:ok|okay|so|hey|hi)[,\s]+)*(?:please |pls |plz )?|"
            r"\b(?:can|could|would) (?:u|you) (?:please |pls )?)"
            r"(?:drop|scrap|kill)\s+" + _NUMBER,
        ),
        (  # "Yeah, plan 1 is a dud. … Can you scrap that one?"
            "withdraw_plan",
            r"\b(?:can|could|would) (?:u|you) (?:please |pls )?(?:scrap|withdraw|delete|kill|drop|bin|ditch|retract) "
            r"(?:that|this|it)(?: one| plan)?\b",
        ),
        ("withdraw_plan", r"(?:撤回|删除|删掉|取消|作废)\s*" + _ZH_NUMBER),
        (
            "withdraw_plan",
            r"(?:撤回|撤销|撤掉|删除|删掉|删了|取消|作废|收回)(?:一下|掉|了)?(?:我们|我的|这个|那个|我们的|我们部门的|咱们的)?"
            r"(?:提交的|交的|报的|写的|交上去的|报上去的)?(?:那个|这个|那份|这份)?" + _ZH_ML + _ZH_PLAN,
        ),
        ("withdraw_plan", r"^(?:我要|我想|我们要|帮我)?撤回(?:吧|一下)?$"),
        ("withdraw_plan", r"^#?\s*(?P<id>\d{1,6})(?!\d)\s*(?:号)?.{0,10}?(?:撤了|撤回|撤掉|删了|删掉|不要了|取消掉)"),
        (
            "withdraw_plan",
            r"(?<!\d)(?P<id>\d{1,6})\s*(?:号|號)(?:计划)?[，,\s]*(?:就)?(?:撤了|撤回|撤掉|删了|删掉|不要了)",
        ),
        ("withdraw_plan", r"(?:那个|这个|那份|这份).{0,16}?(?:计划|方案)?(?:撤了|撤回|撤掉|删了|删掉)(?:吧)?"),
        (  # "那个1号欠费风险预测，公司好像说明年不立项了，要不……撤了吧"
            "withdraw_plan",
            r"(?<!\d)(?P<id>\d{1,6})\s*(?:号|號)(?![^。！!?？]*(?:数据|指标|基线|发起人|回答|答案|一项|那项|这项|团队|专家|标题|名字))"
            r"[^。！!?？]{0,40}?(?:要不|干脆|那就|就|还是)?(?:…+|\.{2,})?"
            r"(?:撤了|撤回|撤掉|删了|删掉)(?:吧|算了|得了)?[。.!！]*$",
        ),
        (  # "我部前已报送之1号计划，因经费未获批准，拟予撤回。": the plan, why, then the withdrawal
            "withdraw_plan",
            r"(?<!\d)(?P<id>\d{1,6})\s*(?:号|號)(?:计划|規劃|规划|方案)[^。！!?？]{0,40}?[，,；;]\s*"
            r"(?:现|现在|故|因此|所以|特此|我部|我们|决定|拟|申请|请求|请)*(?:予以|予|将其|把它|给)?(?:撤回|撤销|撤掉|收回)"
            r"(?:该计划|此计划)?(?:吧|了)?[。.!！]?$",
        ),
        (  # "…1号网点现金需求预测项目拟并入总行统一建设，我部申请撤回该计划。": the plan named before
            "withdraw_plan",
            r"(?:申请|请求|拟|决定|特此)(?:予以|予)?(?:撤回|撤销|收回)(?:该|此|本|这个|这份|上述)(?:计划|项目|方案|规划)[。.!！]?$",
        ),
        # declare_no_plan: the unit files no ML plan
        (
            "declare_no_plan",
            r"(?:^|\b(?:have|has|got|with|there's|there is|there are)\s+)no " + _ML + r"plans?\b(?! yet for| for scal)",
        ),
        (
            "declare_no_plan",
            r"\b(?:not doing|(?:won't|wont|shan't|shall not) (?:have|do|submit|file|make|write|prepare)|"
            r"will not (?:have|do|submit|file|make|write|prepare)|"
            r"don't have|doesn't have|does not have|hasn't got|haven't got|has no|has not|have not|hasn't|haven't|"
            r"(?:won't|will not|aren't|are not|isn't|is not|not) (?:be )?(?:putting in|putting forward|submitting|"
            r"filing|sending in|handing in|doing|having|bringing)|"
            r"(?:not|never) (?:going to|gonna) (?:have|do|submit|file|put in|put forward|bother with|make)|"
            r"do not have|not planning|not submitting|not filing|sitting out|opt(?:ing)? out of|skipping)\s+"
            r"(?:an? |any |the )?(?:new )?(?:"
            + _ML
            + r"(?:plans?|planning)|(?:ml|machine learning|ai|a\.i\.|data science) (?:initiatives?|projects?|"
            r"use cases?))\b",
        ),
        (
            "declare_no_plan",
            r"(?:^|我们|我|咱们|咱|部门|部|组|中心|这边|这次|今年|明年|后年|20\d\d\s*年|fy\d\d)\S{0,10}?"
            r"(?:没有|没|不做|不搞|不开展|不启动|不立项|不推进|不上马|不报|不打算做|不打算|暂不|暂无|尚无|并无|不提交|不交|不参加|不参与|放弃|"
            r"不会有|不会做|不会报|不会交)(?:编制|编报|制定|申报)?(?:任何)?\s?"
            r"(?:机器学习|ml|ai|人工智能)\s?(?:方面|相关)?(?:的)?(?:计划|规划|需求|项目|打算)",
        ),
        (
            "declare_no_plan",
            r"(?:我们|我|咱们|咱|部门|部|组|中心|这边|这次|今年|明年)\S{0,10}?(?:没有|没|不做|不报|不交)(?:任何)?"
            r"(?:计划|规划)(?:了|吧|啊)?(?:[，,。]|$)",
        ),
        (
            "declare_no_plan",
            r"(?:(?:就|我们|要|帮我|想|那就|直接)(?:报|登记|声明|填)(?:一个|一下|个)?|^(?:报|填)个)[“\"]?(?:没有|无)(?:(?:机器学习)?计划|[”\"]|(?=吧|哈|啦|了|[。！!，,\s]|$))",
        ),
        (
            "declare_no_plan",
            r"\b(?:skipping|sitting out|not doing|won't do|will not do|not pursuing)\s+(?:ml|machine learning|ai)\b",
        ),
        (  # "we're gonna pass on the ML plan", "will not participate in the 2027 ML planning"
            "declare_no_plan",
            r"\b(?:pass(?:ing)? on|opt(?:ing)? out of|sit(?:ting)? out|skip(?:ping)?|"
            r"not (?:be )?(?:participat\w*|tak\w* part) in|(?:not|never) (?:go(?:ing)? for|pursue|pursuing)|"
            r"not to (?:go for|do|file|submit|have|pursue|make|put in))\s+"
            r"(?:the |an? |any |our |this year'?s |next year'?s )?(?:20\d\d\s+|fy\s?\d\d\s+)?"
            r"(?:ml|machine learning|ai)\s+(?:plans?|planning|cycle|round)\b",
        ),
        (  # "Nothing to submit from Procurement this round", "we're not putting anything forward this year"
            "declare_no_plan",
            r"(?:\bnothing (?:to (?:submit|file|put (?:in|forward)|send in|hand in)|"
            r"from (?:us|our side|[\w&'-]+))|"
            r"\b(?:not|won'?t be|will not be) (?:putting|submitting|filing|sending|handing) "
            r"(?:anything|any plan|a plan)"
            r"(?: (?:forward|in))?)\b[^?]{0,40}?"
            r"\b(?:this (?:round|year|cycle|time)|next year|for (?:the )?(?:20\d\d|fy\s?\d\d|next year))\b",
        ),
        (  # "那就按没有计划报吧"
            "declare_no_plan",
            r"按(?:照)?[“\"]?(?:没有|无)(?:机器学习|ml|ai)?(?:计划|规划)[”\"]?(?:来)?(?:报|填|登记|处理|算)",
        ),
        (  # "肯定没有啊，明年不报。"
            "declare_no_plan",
            r"(?:^|[，,。！!？?\s])(?:明年|今年|后年|20\d\d\s*年度?)(?:就|都|也|肯定|干脆)?(?:不报|不交|不提交)(?:了|啦|吧|啊)?(?:[。！!，,]|$)",
        ),
        (  # "Can we just put down no plan?"
            "declare_no_plan",
            r"\b(?:put|mark|write|note) (?:us )?down (?:as )?(?:for )?(?:no|zero) (?:ml )?plans?\b",
        ),
        (  # "Can you mark Sales as no plan for 2027?"
            "declare_no_plan",
            r"\b(?:mark|put|record|register|log|list|note)\s+(?:us|[\w&'-]+(?: [\w&'-]+)?)\s+(?:down\s+)?as\s+"
            r"(?:having\s+)?(?:no|no ml|zero)\s+plans?\b",
        ),
        (  # "今年俺们生产部就不整机器学习了 忙着搬厂呢"
            "declare_no_plan",
            r"(?:^|[我俺咱部门今明年这次回]\S{0,10}?)(?:就|先|暂时|都|也)?(?:不做|不搞|不整|不弄|不碰|不上|不参与)(?:任何)?"
            r"(?:机器学习|ml|ai|人工智能)(?:了|啦|哈|吧)+(?=[\s，,。!！;；]|$)",
        ),
        (  # Hinglish: "IT dept ka is saal koi ML plan nahi hai"
            "declare_no_plan",
            r"\b(?:koi|kuch)\s+(?:ml|machine learning|ai)\s+plan\s+(?:nahi|nahin|nai)\b",
        ),
        (  # "…our ML plan for next year. Let me be honest with you, Marketing will not have one this time."
            "declare_no_plan",
            r"\b(?:ml|machine learning|ai)\b[^?]*\bplans?\b[^?]*\b(?:won't|will not|shan't|not going to|"
            r"(?:are|is) not going to|aren't going to|isn't going to)\s+"
            r"(?:(?:have|do|submit|file|put forward|put in|send in)\s+one|"
            r"(?:be\s+)?(?:putting|sending|submitting|filing|doing|having|handing)\s+one(?:\s+(?:in|forward))?)"
            r"\b(?!\s+(?:more|other))",
        ),
        (
            "declare_no_plan",
            r"(?:明年|今年|我们|我|部门|这边|这次|这块|那边)\S{0,10}?(?:就|先|暂时|都)?(?:不报|不交|不提交|不参与|不参加)"
            r"(?:机器学习|ml|ai|人工智能)?(?:的)?(?:计划|规划)?了(?:[，,。!！]|$)",
        ),
        (
            "declare_no_plan",
            r"(?:没有|没啥|没什么|没|无)(?:任何)?(?:机器学习|ml|ai|人工智能)(?:相关)?的?(?:打算|计划|规划|项目|需求)",
        ),
        (
            "declare_no_plan",
            r"(?<!要)(?<!想)(?<!会)(?<!打算)(?<!准备)(?<!计划)(?:没有|没|不)(?:要|打算|准备|想|会|计划)(?:做|搞|报|交|提交|上|弄)"
            r"(?:任何)?(?:机器学习|ml|ai|人工智能)"
            r"(?:的|相关的)?(?:计划|规划|项目|方案)?",
        ),
        (
            "declare_no_plan",
            r"(?:机器学习|ml|ai)的?(?:计划|规划)\S{0,8}?(?:不参与|不参加|不报|不交|不提交|不提了|是零|为零|为空|空着)|报个空|交个白卷|"
            r"没有(?:要|需要|打算|准备|可以)?(?:做|搞|报|上|弄)的(?:机器学习|ml|ai|人工智能)(?:项目|计划|规划)",
        ),
        (
            "declare_no_plan",
            r"\b(?:zero|no) (?:ml|machine learning|ai) (?:projects?|initiatives?|plans?|use cases?)\b(?! yet for)|"
            r"^(?:(?:hi|hey|hello)[,!\s]+)?(?:no (?:ml|machine learning|ai)|nothing) from (?:us|our side|"
            r"[a-z&-]+(?: [a-z&-]+)?)"
            r" (?:next year|this (?:round|year|cycle|time))\b",
        ),
        (
            "declare_no_plan",
            r"\b(?:have|has|got|see)\s+(?:honestly\s+|really\s+|just\s+)?no (?:real )?(?:use case|need|use)s? for "
            r"(?:ml|machine learning|ai)\b",
        ),
        (
            "declare_no_plan",
            r"(?:^|我们|我|咱们|部门|部|组|中心|这边|明年|今年|20\d\d\s*年)\S{0,8}?(?:不做|不搞|不上|不碰|不整|不弄)"
            r"(?:任何|那个|这个|那些|啥|什么)?"
            r"(?:机器学习|ml|ai|人工智能)(?:了|啦|吧)?[。.!！]?$",
        ),
        (
            "declare_no_plan",
            r"\b(?:don'?t|do not|doesn'?t|does not|won'?t|will not) have anything (?:ml|machine learning|ai)"
            r"(?:[- ]related)? to (?:put forward|submit|file|put in|send in)\b|"
            r"\bcount (?:us|[a-z&]+(?: [a-z&]+)?) out\b[^?]*\b(?:ml|machine learning|ai)\b|"
            r"\b(?:we are|we're|we'll be) not doing any (?:ml|machine learning|ai)\b|"
            r"\b(?:isn'?t|is not|aren'?t|are not|won'?t be|will not be|not) (?:doing|planning) any "
            r"(?:ml|machine learning|ai)\b(?! (?:yet|until)\b)|"
            r"\bno " + _ML + r"plans? (?:from (?:us|our (?:side|team|unit|department))|this (?:time|year|round|cycle)|"
            r"for (?:next|this|the coming) year)\b|\b(?:sitting|sit) (?:this|that) (?:one|year|round|cycle) out\b",
        ),
        # edit_plan: a change to a numbered plan ("I need to correct one thing in our plan number 1")
        (
            "edit_plan",
            r"\b(?:correct|change|fix|amend|update|edit|modify|adjust|revise)\s+(?:one thing|something|a thing|"
            r"an answer|one answer|a detail|one detail|a few things|some things|two things|a couple of things)\s+"
            r"(?:in|on|of)\s+(?:(?:our|my|the)\s+)?(?:plan\s+)?" + _NUMBER,
        ),
        (
            "edit_plan",
            r"\b(?:correct|amend|edit|modify|revise|update|revisit|reopen|circle back (?:on|to)|"
            r"(?:need|needs|want|have|has|would like|'d like)\s+to\s+(?:change|update|fix))\s+"
            r"(?:(?:our|my|the)\s+)?(?:plan\s*(?:no\.?\s*|number\s*)?#?\s*|#\s*)"
            r"(?P<id>\d{1,6})(?!\d)",
        ),
        ("edit_plan", r"(?:修改|更正|改一下|改改|调整一下)(?:我们|我的|咱们)?的?" + _ZH_NUMBER + r"(?!.*(?:撤|删))"),
        (  # "1号计划需修改一项：…" (a planner's "计划7需要修改" sends it back)
            "edit_plan",
            _ZH_NUMBER
            + r"(?:需|要|得|需要|想|想要)(?:修改|更改|变更|更正|改)"
            + r"(?:一项|一处|一个地方|几项|几处|两处|两项)(?!.*(?:撤|删))",
        ),
        (  # "Need to change summat on our solder inspection plan, number 1"
            "edit_plan",
            r"\b(?:need|want|have|got|'d like|would like) to (?:change|correct|fix|amend|update) "
            r"(?:something|summat|somethin'?|a thing|one thing|a detail|an answer)\s+(?:on|in|of) (?:our|my|the) "
            r"[\w&' -]{0,40}?plan\b,?\s*(?:number|no\.?|#)\s*(?P<id>\d{1,6})(?!\d)",
        ),
        (  # "change the sponsor on plan #1", "update the metric of plan 3 to …"
            "edit_plan",
            r"\b(?:change|update|correct|fix|amend)\s+(?:the\s+)?(?:[a-z-]+\s+){1,3}?(?:in|on|of|for)\s+"
            r"(?:(?:our|my|the)\s+)?(?:plan\s*#?\s*|#\s*)(?P<id>\d{1,6})(?!\d)",
        ),
        (
            "edit_plan",
            r"把?"
            + _ZH_NUMBER
            + r"(?:里的?|的)?(?:一处|一个地方|一项|几项|几个地方|一些地方|内容)?(?:改一下|修改一下|改改|更正一下)",
        ),
        (  # "我们上个月提交的 #1 有两处要改一下", "1号计划（片剂外观检测），有一项需要修改"
            "edit_plan",
            _ZH_NUMBER
            + r"(?:[（(][^）)]{1,40}[）)])?[，,\s]*"
            + r"(?:里|里面|中)?(?:还)?有(?:一|两|几|三|个|些)?(?:处|个地方|项|点|个|些)(?:地方|内容|回答)?"
            r"(?:要|得|需要|想|需)(?:改|修改|更正|调整)",
        ),
        # "the sponsor is wrong", "mali pala yung sponsor" (Tagalog: the sponsor is wrong after all)
        (
            "edit_plan",
            r"\b(?:wrong|mali|incorrect|not right|a mistake (?:in|with))\s+(?:pala\s+)?"
            r"(?:yung\s+|ang\s+|the\s+|our\s+|my\s+)?"
            r"(?:executive\s+)?(?:sponsor|metric|baseline|title|data sources?|pilot team|scaling path)\b|"
            r"\b(?:executive\s+)?(?:sponsor|metric|baseline|title|data sources?)\s+(?:is|was|pala|are|were)\s+"
            r"(?:wrong|mali|incorrect|not right)\b",
        ),
        # resume_plan: back to a draft
        (
            "resume_plan",
            r"\b(?:continue|resume|pick(?: back)? up|carry on(?: with)?|get back (?:to|on)|go back to|keep going with|"
            r"go on with|return to)\s+(?:(?:with|on|to|at)\s+)?(?:my|our|the|that|this)\s+(?:[\w&'-]+\s+)?"
            r"(?:ml |machine learning |unfinished )?(?:plan|draft)\b",
        ),
        (
            "resume_plan",
            r"\bpick up where (?:we|i) left off\b|"
            r"\bwhere (?:were we|was i|did we stop|did i stop|did (?:we|i) leave off)\b",
        ),
        # "I'd like to finish the plan I started this afternoon"
        (
            "resume_plan",
            r"\b(?:finish|complete|finali[sz]e|wrap up)\s+(?:off\s+)?(?:my|our|the|that|this)\s+(?:[\w&'-]+\s+)?"
            r"(?:ml |machine learning |unfinished )?(?:plan|draft)\b|"
            r"\bthe (?:ml )?(?:plan|draft) (?:i|we) (?:started|began|was working on|were working on)\b",
        ),
        (
            "resume_plan",
            r"(?:继续|接着)(?:填|写|弄|做)?(?:刚刚|刚才|之前|上次|我的|我们的|咱们的)?(?:那份|那个|这份|的)?(?:机器学习)?(?:计划|草稿|规划)",
        ),
        # back from a break: "好了我回来了，继续", "继续吧", "ok I'm back, let's continue"
        (
            "resume_plan",
            r"^(?:(?:好了|好的|好|ok|okay|嗯|行)[，,!！\s]*)?(?:我)?(?:回来了|开完了|忙完了)[，,!！\s]*(?:我们|咱们)?"
            r"(?:继续|接着来|接着填|接着弄|继续填|接着)(?:吧|啦)?[。!！]?$|^(?:我们|咱们)?(?:继续填|接着填|接着弄)(?:吧|啦)?[。!！]?$|"
            r"^(?:ok |okay )?(?:i'?m |im )?back[,.!\s]+(?:let'?s |lets )?(?:continue|carry on|go on|keep going)\b",
        ),
        (  # "ok I'm back", "好了，我回来了": back from the break the bot was told about
            "resume_plan",
            r"^(?:(?:ok|okay|right|alright|hi|hey|sorry|so)[,.!\s]+)*(?:i'?m|im|i am|we'?re|we are) back"
            r"(?: now| again)?[.!\s]*$|"
            r"^(?:(?:好了|好的|好|ok|嗯|行)[，,!！\s]*)?(?:我)?回来了[。!！]?$",
        ),
        # "厂长那边说好了 接着填吧", "厂长那边问好了，咱们接着填": a message that ends by going on
        (
            "resume_plan",
            r"(?:^|[，,。!！\s])(?:那|好)?(?:我们|咱们|俺们|咱)?(?:接着|继续)(?:填|写|弄)(?:吧|啦|嘛|呗|哈)?[。!！~]?$",
        ),
        # "我问到了，接到刚才那个填嘛" (接到: 接着, in Sichuan), "问完了，接着刚才的填"
        (
            "resume_plan",
            r"^(?:(?:好了|好的|好|ok|嗯|行)[，,!！\s]*)?(?:我)?(?:问到了|问完了|问好了|确认好了|确认完了|查到了|搞清楚了)[，,!！\s]*"
            r"(?:我们|咱们)?(?:接到|接着|继续)(?:刚才|之前|上次)?(?:那个|那份|的)?(?:计划|草稿)?(?:填|写|弄)?(?:嘛|吧|啦)?[。!！]?$",
        ),
        (
            "resume_plan",
            r"(?:继续|接着)(?:填|写|弄)?(?:我的|我们的|刚才|上次|之前)(?:的|那个|那份)?(?:计划|草稿|规划)|"
            r"(?:上次|刚才|之前)(?:那个|那份|的)(?:计划|草稿)(?:接着|继续)",
        ),
        # a bare "let's start" outside any question: "那咱们开始吧", "好 开整", "let's get started then"
        (
            "start_plan",
            r"(?:^|[。.!！]\s*)(?:(?:好|好的|行|嗯|ok|okay|可以|那|那就|那么|那我们|那咱们|咱们|我们)[，,\s]*)*(?:就)?"
            r"(?:开始|开整|走起|搞起|整起|开干|开搞|开始吧)(?:吧|呗|啦|了|哈|呀|咯)*[。!！~～]*$|"
            r"^(?:那|那就|那我|我来|那我来|我要)(?:就)?(?:填|报|写)(?:一下|一个|一份|个|吧|呗)+[。!！~～]*$|"
            r"^(?:帮我|给我)(?:建|开|新建|创建)(?:一个|一份|个)[。!！~～]*$|"
            r"(?:^|[.!]\s+)(?:(?:ok|okay|right|alright|so|sure|go on|great|cool)[,.!\s]+)*(?:then[,\s]+)?"
            r"(?:let'?s|lets) "
            r"(?:get started|get going|start|begin|kick off|crack on|get cracking)(?: then| now| with it)?[.!]*$|"
            r"^(?:(?:ok|okay|go on|right)[,\s]+)*(?:then[,\s]+)?start it(?: then)?[.!]*$",
        ),
        # "can i do a real plan instead??"
        (
            "start_plan",
            r"\b(?:can|could|may) (?:i|we) (?:do|file|write|start|make|submit|fill in) (?:a|an|our|my) "
            r"(?:real |proper |actual |new |full )?(?:ml |machine learning |ai )?plan\b"
            r"(?: instead| after all| then)?\s*[?？!.]*$",
        ),
        # "hi, Operations needs an ML plan for 2028 actually"
        (
            "start_plan",
            r"\b(?:needs?|has to (?:do|file|write)|must (?:do|file|write)) (?:an? |our |its |their |the )?"
            r"(?:ml|machine learning|ai) plan\b",
        ),
        # "Can we turn this into next year's plan?" (after a pasted list)
        (
            "start_plan",
            r"\b(?:turn|make|put|convert) (?:this|it|these|that|them) into (?:a |an |our |the |my |next year'?s |"
            r"\d{4} )*(?:ml |machine learning )?plan\b",
        ),
        # "IT部要提一个AIOps的plan", "我们想报一个机器学习项目"
        (
            "start_plan",
            r"(?<![不没别])(?:要|想|准备|打算)(?:提|报|交|申报|提交|写|填)(?:一个|个|一份|份)[^，,。？?]{0,16}?"
            r"(?:ml|ai|机器学习|人工智能|模型|算法)[^，,。？?]{0,8}?(?:plan|计划|规划|项目)(?![a-z])",
        ),
        # "关于明年机器学习计划申报事宜，我部拟申报一项，烦请指导。", "兹有我部…，现申请填报计划。"
        (
            "start_plan",
            r"^(?=.*(?:机器学习|人工智能|\bml\b|\bai\b|计划|规划|项目)).*(?<![不没别无暂])(?:拟|准备|打算|要|想)"
            r"(?:申报|填报|报送|上报|提交)(?:一项|一个|一份|1项|1个)|"
            r"(?<![不没别无])(?:现|特此)?申请(?:填报|申报|提交|报送)(?:明年的?|年度)?(?:机器学习)?(?:计划|规划)",
        ),
        # "明年想用AI给经销商那边做个需求预测 题目就叫…"
        (
            "start_plan",
            r"(?<![不没别])(?:明年|下一年|下年|来年|20\d\d\s*年)[^，,。？?]{0,4}?(?:想|要|准备|打算|计划)(?:用|拿|上)"
            r"\s*(?:ai|ml|机器学习|人工智能|模型|算法)\s*[^，,。？?]{0,16}?(?:做|搞|整|弄)(?:一个|个|一套|套)?"
            r"(?!不|没)[^，,。？?吗么]{2,}",
        ),
        # "想把我们客户支持部的ticket自动分类做进明年计划"
        (
            "start_plan",
            r"(?<![不没别])(?:想|要|准备|打算)?把[^，,。？?]{2,30}?(?:做进|放进|列进|写进|加进|纳入|列入|放到|写到|报进)"
            r"(?:我们的?|咱们的?)?(?:明年|下一年|下年|来年|20\d\d\s*年)(?:的|度的?)?\s*(?:ml|机器学习|ai|人工智能)?\s*"
            r"(?:计划|规划|plan)(?![a-z])",
        ),
        # "嗨～市场部来交明年的 ML plan 啦 🎉"
        (
            "start_plan",
            r"(?<![不没别])来(?:交|提交|报|填|写)(?:一下|个|一份)?(?:我们|咱们)?(?:的)?(?:明年|下一年|来年|20\d\d\s*年?)?(?:的|度的?)?\s*"
            r"(?:ml|机器学习|ai|人工智能)\s*(?:计划|规划|plan)(?![a-z])",
        ),
        # "生产制造部，整个明年的ML计划" (整: 做), "我想開一個明年嘅ML plan"
        (
            "start_plan",
            r"(?:^|[，,。\s]|我|我们|咱|想|要)(?:整|弄|搞|开|開)(?:个|一个|一個|一份)(?:新的)?(?:明年|下一年|下年|来年|20\d\d\s*年?)"
            r"(?:的|嘅|度的?)?\s*(?:ml|机器学习|ai|人工智能)\s*(?:计划|规划|plan)(?![a-z])",
        ),
        # "跟你同步一下：财务部明年不做 ML plan 了，原因是…"
        (
            "declare_no_plan",
            r"(?:不做|不搞|不报|不交|不提交|不整|不弄)(?:任何)?\s*(?:机器学习|ml|ai|人工智能)\s*(?:plan|计划|规划|项目)?\s*(?:了|啦)?"
            r"\s*(?:[，,。;；!！]|$)",
        ),
        # "明年应该是搞不了机器学习计划 这个要怎么跟你们报一声"
        (
            "declare_no_plan",
            r"(?:做|搞|整|弄|报|交)不(?:了|成|起来)[^，,。？?]{0,8}?(?:机器学习|ml|ai|人工智能)?\s*(?:计划|规划)",
        ),
        # "经研究，我部明年暂不开展机器学习相关工作，特此报备。"
        (
            "declare_no_plan",
            r"(?:暂不|暂时不|不|无)(?:开展|安排|启动|推进|立项|申报)[^，,。？?]{0,8}?(?:机器学习|ml|ai|人工智能)",
        ),
        # "我是财务部沈国华，需提交我部门明年度的机器学习规划，烦请协助。"
        (
            "start_plan",
            r"(?<![不没别无])(?:需|需要|须|要|想|准备|打算|拟)(?:提交|申报|报送|上报|填报|编制|撰写|起草)[^，,。？?]{0,12}?"
            r"(?:机器学习|ml|ai|人工智能)[^，,。？?]{0,6}?(?:计划|规划|方案|plan)(?![a-z])",
        ),
        # "I've had the reminder about the ML plans. Legal won't be submitting one this time round."
        (
            "declare_no_plan",
            r"\b(?:ml|machine learning|ai)\s+plans?\b.{0,80}?\b(?:won'?t|will not|aren'?t|are not|isn'?t|is not|not)\s+"
            r"(?:be\s+)?(?:submitting|filing|putting in|sending in|handing in)\s+(?:one|any|anything)\b"
            r"(?!\s+(?:yet|just yet|now|today|until))",
        ),
        # start_plan: writing a new one
        (
            "start_plan",
            r"\b(?:draft|write|start|create|fill in|fill out|submit|file|put together|prepare|"
            r"begin|set up|kick off|enter|register|drafting|writing|starting|creating|filling in|filling out|"
            r"submitting|filing|putting together|preparing|beginning|setting up|kicking off)\b(?:\s+(?!no\b|"
            r"not\b)[\w'-]+){0,5}?\s+" + _ML + r"(?:plan|proposal)s?\b",
        ),
        (  # "现就我单位法务部机器学习应用计划进行填报，请予受理。": office wording
            "start_plan",
            r"(?:现就|现对|现将|兹就|兹将|特就|拟就)[^。！!?？]{0,30}?(?:机器学习|ml|ai|人工智能)[^。！!?？]{0,12}?"
            r"(?:计划|规划|方案)(?:进行|予以)?(?:填报|申报|报送|上报|提报)",
        ),
        (  # "let's do a proper plan after all", "we'll file one after all"
            "start_plan",
            r"\b(?:let'?s|lets|let us|we'?ll|we will|i'?ll|i will)\s+"
            r"(?:do|file|submit|write|put in|put together|make|start)\s+"
            r"(?:(?:a|an|the|our)\s+(?:proper |real |full |actual |route |new )?"
            + _ML
            + r"plan\b(?!\s+(?:review|of|for|meeting|check))|"
            r"one after all\b)",
        ),
        (
            "start_plan",
            r"\b(?:ready|time|let's|lets|want|need|going|here) to (?:knock out|knock off|bang out|crank out|tackle|"
            r"get going on|get started on|sort out|get through|nail|do|write|draft|start|fill in|fill out|work on)\b"
            r"(?:\s+(?!no\b|not\b)[\w'-]+){0,4}?\s+" + _ML + r"(?:plan|proposal)s?\b",
        ),
        # "Want to get our ML plan for next year on the books", "Looking to get our FY ML plan into the system"
        (
            "start_plan",
            r"^(?!.*\b(?:no|not|don'?t|won'?t|withdraw\w*|pull\w*|cancel\w*|delete\w*)\b)(?:.*\b)?(?:want|wanna|looking|need|like|going|ready|"
            r"trying|hoping|time|here|let'?s|lets)\b(?: to)?\s+(?:get|put|enter|log|register|lodge|"
            r"record)\b(?:\s+[\w'-]+){0,5}?\s+" + _ML + r"(?:plan|proposal)\b(?!\s+(?:of|from)\b)",
        ),
        # "we wanna get an ML thing on the books for next year", "looking to kick off an AI project next year"
        (
            "start_plan",
            r"^(?!.*\b(?:no|not|don'?t|won'?t|withdraw\w*|pull\w*|cancel\w*|delete\w*)\b).*"
            r"\b(?:want|wanna|would like|'d like|need|needs|looking|hoping|planning|trying|going|gonna|here)\b"
            r"(?: to)?\s+"
            r"(?:get|put|do|file|submit|start|kick off|register|log|launch|pitch|propose|add|enter)\b"
            r"(?:\s+[\w'-]+){0,3}?\s+(?:ml|machine learning|ai|a\.i\.)\s+"
            r"(?:project|initiative|thing|idea|use case|pilot|piece of work)s?\b(?!\s+(?:of|from)\b)",
        ),
        (
            "start_plan",
            r"\b(?:make|do|fill|complete|put in|work on)\b(?:\s+(?!no\b|not\b)[\w'-]+){0,5}?\s+"
            r"(?:ml|machine learning|ai|a\.i\.) (?:plan|proposal)s?\b",
        ),
        (
            "start_plan",
            r"^(?:(?:hi|hello|hey|hiya|morning|afternoon|evening|good (?:morning|afternoon|evening))[,!.\s-]+)?"
            r"(?:the |our |my |an |a )?(?:[\w&'-]+ ){0,2}?(?:ml|machine learning|ai) plan(?:ning)?"
            r"(?: for(?: the)?(?: (?!no\b|not\b)[\w&'-]+){1,2}?(?=[,.!;:]| 20\d\d| fy| next| this|$))?"
            r"(?:,? ?(?:for )?(?:fy\s?\d\d|20\d\d|next year|this year|the coming year))?(?:,? (?:please|pls))?"
            r"(?:[.!]?$|[,;:.!-]+\s*(?:it'?s|it is|this is|for|we|i|our)\b)",
        ),
        (
            "start_plan",
            r"\b(?:do|make|start|write|fill in|fill out|file|draft|submit|begin)\s+(?:the |our |my )?"
            r"(?:20\d\d|fy\s?\d\d|next year'?s|yearly|annual)\s+(?:ml |ai |machine learning )?plan\b",
        ),
        (
            "start_plan",
            r"\b(?:get|send|hand|put)\b(?:\s+[\w'-]+){0,4}?\s+" + _ML + r"(?:plan|proposal)s?"
            r"(?:\s+for\s+(?:next year|20\d\d|the coming year|fy\s?\d\d))?\s+in\b",
        ),
        (
            "start_plan",
            r"\b(?:get|got|getting)\b(?:\s+[\w'-]+){0,3}?\s+" + _ML + r"plans?\s+(?:sorted|done|going|started|filed|"
            r"submitted|written)\b",
        ),
        (
            "start_plan",
            r"\b(?:hand in|send in|turn in)\s+(?:its|our|my|the|a)\s+(?:ml |machine learning |ai )?plan"
            r"(?: for (?:machine learning|ml|ai))?\b",
        ),
        # a terse start in fragments: "ML plan. next year. sales."
        (
            "start_plan",
            r"^(?:(?:our |my |the )?[\w&'-]+[.,:;-]\s*)?(?:(?:our|my|the|new) )?(?:ml|machine learning|"
            r"ai) plan[.,:;!\s-]+(?:for )?(?:[\w&'-]+(?: [\w&'-]+)?[.,:;!]\s*)?"
            r"(?:next year|20\d\d|fy\s?\d\d|the coming year)(?:[.,:;!\s-]+(?:for )?(?:[\w&'-]+(?: [\w&'-]+)?))?[.!]?$",
        ),
        # "I'm told every unit needs an ML plan for next year, so here's legal's"
        (
            "start_plan",
            r"^(?=.*\b(?:ml|ai|machine learning) plans?\b)(?!.*\b(?:no|not|don'?t|won'?t)\b).*\bso here'?s (?:the |"
            r"our |my )?[\w&'-]+",
        ),
        # "HR's ML plan for next year - can we get going on it?"
        (
            "start_plan",
            r"^(?=.*\b(?:ml|ai|machine learning) plan\b)(?!.*\b(?:no|not|don'?t|won'?t|withdraw\w*|delete\w*|cancel\w*|"
            r"pull\w*)\b).*\b(?:can|could|shall) (?:we|i|you) (?:get going|get started|start|begin|kick off|crack on|"
            r"make a start|dive in)\b",
        ),
        # "Can we start the HR one for next year?" after a sentence about the plan
        (
            "start_plan",
            r"^(?=.*\b(?:ml|ai|machine learning) plans?\b).*\b(?:start|begin|draft|write|file|kick off|do)\s+"
            r"(?:the|our|my)\s+(?:[\w&'-]+\s+){0,2}one\b",
        ),
        (
            "start_plan",
            r"(?:^|[，,。\s])(?:我要|我想|帮我|我来|开始|来)?(?:写|做|报|填|交|新建|创建)(?:一个|一份|个|份)?(?:新的)?(?:计划|规划)"
            r"(?:吧|啦|了)?[。!！]?$",
        ),
        # "请问机器学习计划在这里填吗"
        (
            "start_plan",
            r"(?:机器学习|ml|ai|人工智能)\s*(?:的)?(?:计划|规划)(?:是)?(?:在|就在)(?:这里|这儿|这)(?:填|报|交|提交|写)",
        ),
        # "算了 不报了 我们还是写一个计划吧": a plan after all
        (
            "start_plan",
            r"(?:^|[，,。\s])(?:我们|咱们|俺们|那|那就|那我们)?(?P<after_all>还是|就)(?:写|报|做|交|填)(?:一个|一份|个|份)(?:新的)?"
            r"(?:机器学习|ml|ai)?(?:计划|规划)(?:吧|好了|算了)?[。!！]?$",
        ),
        # "想现在开始把这份计划填起来", "我想把我们生产部明年的那个机器学习计划填一下"
        (
            "start_plan",
            r"(?<!不)(?<!别)(?:开始|想|要|准备|打算|帮我)(?:现在)?(?:开始)?把[^，,。！？!?]{0,20}?(?:机器学习|ml|ai)?(?:的)?(?:计划|规划)"
            r"(?:给)?(?:填|写|报|做)(?:起来|一下|上来|出来|了|好)",
        ),
        (
            "start_plan",
            r"(?:帮我|给我|我要|我想|想|要|麻烦)(?:起|建|开|拟|做|写|弄|搞|新建|创建)(?:个|一个|一份|份)(?:新的)?"
            r"(?:\S{1,8}?部|我们|部门)?(?:的)?(?:明年|下一年|20\d\d\s*年?)?(?:的)?(?:机器学习|ml|ai)?(?:的)?(?:计划|规划)"
            r"(?:吧)?(?:$|[,，。 ])",
        ),
        (
            "start_plan",
            r"(?:我要|我想|帮我|我来|准备|打算)(?:写|做|报|填|交|提交|新建|创建)(?:一个|一份|个|份)?(?:明年度?|今年|下一年|"
            r"20\d\d\s*年?度?|fy\d\d)(?:的)?(?:\s?(?:机器学习|machine learning|ml|ai|人工智能)\s?)?"
            r"(?:的)?(?:计划|规划)",
        ),
        (
            "start_plan",
            r"(?:帮我|我想|我要|给我)?(?:起|建|开|拟|写)(?:个|一个|一份|份)(?:明年|下一年|今年|20\d\d\s*年?)?的?(?:机器学习|ml|ai)?的?"
            r"(?:计划|规划)?草稿",
        ),
        (
            "start_plan",
            r"\b(?:ml|machine learning|ai) plans?\b.{0,80}\b(?:can|could|shall) we "
            r"(?:get (?:it|this|that) (?:done|sorted|going)|"
            r"do (?:it|this|that)|start|fill (?:it|this) (?:in|out)|knock (?:it|this) out)"
            r"(?: now| today| here)?\s*\??$",
        ),
        (
            "start_plan",
            r"(?:写|做|报|填|开始|创建|新建|建立|编制|拟定|建|起草|提交|弄|搞|准备|申报|录入|开|交)(?:一下|一个|一份|个|份|下)?"
            r"(?:我们|我们部门|部门|咱们|咱|\S{1,8}?部|\S{1,6}?中心)?(?:的)?(?:明年度|下年度|明年|今年|下一年|20\d\d\s*年?度?|fy\d\d)?(?:的)?\s?"
            r"(?:机器学习|ml|ai|人工智能|智能化)\s?(?:的)?(?:项目)?(?:计划|规划|方案|项目)",
        ),
        (
            "start_plan",
            r"^(?=.*(?:机器学习|ml|ai|人工智能|智能|模型|算法|预测|识别|检测|推荐|自动|筛选|质检|优化|明年|下一年|20\d\d|年度|部门|部|中心|项目))"
            r".*?(?:想|要|准备|打算|需要|得|来|帮我|我们)(?:做|报|写|交|提|弄|搞|整|申报|上报|提交|填|起草|建|新建|创建|立|开)(?:个|一个|一份|份|一下|下)?"
            r"[^。！？?!]{0,16}?(?:计划|规划|项目|方案)(?:吧|了)?(?:[，,。！!？?\s:：]|$)",
        ),
        (
            "start_plan",
            r"(?:想|要|准备|打算)(?:做|搞|上|弄)(?:个|一个)?[^。！？?!，,]{0,16}?(?:模型|系统|项目)[，,]\s*(?:要|能|可以|是不是|是否)?"
            r"(?:在这里?|在这儿)?(?:登记|申报|报|提交|填)(?:吗|么|嘛)?[?？]?$",
        ),
        (
            "start_plan",
            r"\bhelp (?:me|us) (?:fill|complete|do|write|draft|start)\b(?:\s+[\w'-]+){0,4}?\s+(?:ml |machine learning |"
            r"ai )?"
            r"(?:plan(?:ning)?|proposal)(?: form)?\b(?!'s)",
        ),
        (
            "start_plan",
            r"\b(?:idea|proposal|project|initiative|use case)\b.{0,60}\bhow (?:do|can|should) (?:i|we) (?:submit|"
            r"register|file|enter|"
            r"put (?:it|this|that) in|log)\b",
        ),
        (
            "start_plan",
            r"^(?:来|给我|帮我|咱|咱们|我们)?整(?:个|一个|一份)(?:明年|下一年|今年|20\d\d\s*年?)的?(?:机器学习|ml|ai)?的?(?:计划|规划)",
        ),
        (
            "start_plan",
            r"(?:再|另|重新)?(?:新建|创建|建|开|起)(?:一个|个|一份|份)?新的?(?:机器学习|ml|ai)?(?:计划|规划)|"
            r"(?:给\S{1,8}?|想|要)(?:再|另)(?:新建|创建|建|开|起)(?:一个|个|一份|份)(?:计划|规划)",
        ),
        (
            "start_plan",
            r"把[^。！？?!]{0,24}?(?:计划|规划|项目|方案)(?:报上去|报上来|交上去|交上来|提交上去|报了|报一下|提交一下|交一下)",
        ),
        (
            "start_plan",
            r"(?:报|交|写|提交)(?:一下)?(?:明年|今年|下一年|20\d\d\s*年?度?)的?(?:机器学习|ml|ai)?(?:计划|规划)",
        ),
        # show_plan: one numbered plan
        (  # "Good morning. I am reviewing the plans. Kindly show me plan number 1"
            "show_plan",
            r"(?:^|[.!?]\s+)(?:(?:kindly|please|pls|can you|could you)\s+)*(?:show|open|pull up|display|bring up)"
            r"(?:\s+me)?\s+(?:the\s+)?(?:plan\s+)?" + _NUMBER + r"(?:\s+for (?:us|me))?(?:[,\s]+please)?[.!?]?$",
        ),
        (
            "show_plan",
            r"^(?:请|麻烦)?(?:帮我)?(?:调阅|调出|查阅|打开|查看|调取)(?:一下)?\s*" + _ZH_NUMBER + r"[。.!！]?$",
        ),  # "调阅计划 #2。"
        (
            "show_plan",
            r"^(?:(?:please|pls|can you|could you)\s+)?(?:show|open|pull up|display|view|read|see|look at|bring up)"
            r"(?:\s+me)?\s+(?:the\s+)?" + _NUMBER + r"(?:\s+for (?:us|me))?(?:[,\s]+please)?[.!?]?$",
        ),
        (  # "I wanted to go over plan 1, the mushroom grading one"
            "show_plan",
            r"\b(?:want(?:ed)? to|would like to|'d like to|need to|let'?s|can we|could we|gonna|going to)\s+"
            r"(?:go over|look at|look over|go through|talk about|discuss|see|check)\s+" + _NUMBER,
        ),
        # "… but pull up #1 again would you, so I've got it in front of me"
        (
            "show_plan",
            r"(?:^|[,;.!]\s*|\b(?:but|so|and|then)\s+)(?:(?:please|pls|can you|could you|would you)\s+)?"
            r"(?:pull up|bring up|open up|show me|call up)\s+(?:plan\s*|#\s*|number\s*|no\.\s*)(?P<id>\d{1,6})(?!\d)"
            r"(?:\s+(?:again|once more|for me|please))*(?:[,\s]+(?:would|could|can) you)?\b",
        ),
        (  # "Right, pull up the claims one for me, number 3."
            "show_plan",
            r"^(?:(?:ok|okay|so|then|and|now|right)[,\s]+)*(?:(?:please|pls|can you|could you)\s+)?"
            r"(?:show(?: me)?|open(?: up)?|pull up|display|bring up)\s+the\s+[\w&' -]{1,30}?\s+one(?:\s+for (?:me|us))?"
            r"[,\s]+(?:number|no\.?|#|plan)\s*#?(?P<id>\d{1,6})(?!\d)[\s.!]*$",
        ),
        # a place in the list shown last: "open the first one", "打开第二个"
        (
            "show_plan",
            r"^(?:(?:ok|okay|so|then|and|now)[,\s]+)?(?:(?:please|pls|can you|could you|can i|could i|let me|"
            r"let's)\s+)?"
            r"(?:show(?: me)?|open(?: up)?|pull up|display|view|see|look at|bring up|check)\s+the\s+(?:first|second|"
            r"third|fourth|fifth|last|1st|2nd|3rd|4th|5th)(?: one| plan| item)?(?: please| pls)?[.!?]?$|"
            r"^(?:麻烦|帮我|请)?(?:打开|看一下|看下|看看|查看|显示)(?:一下)?(?:第\s*(?:\d{1,2}|[一二两三四五六七八九十])\s*(?:个|份|条)|最后(?:一|那)?(?:个|份))"
            r"(?:吧|看看)?$",
        ),
        (
            "show_plan",
            r"^(?:(?:ok|okay|so|then)[,\s]+)?(?:let me see|let me look at|let me have a look at|show me the details of|"
            r"the details of|details of|can i see|could i see|may i see|i'?d like to see|open up)\s+(?:plan\s*|"
            r"no\.?\s*)?#?\s*"
            r"(?P<id>\d{1,6})(?!\d)[\s,.!]*(?:please)?[.!]?$",
        ),
        ("show_plan", r"(?:打开|看一下|看下|看看|查看)[^，,。0-9#]{0,10}?[，,]?\s*#\s*(?P<id>\d{1,6})(?!\d)\s*$"),
        (
            "show_plan",
            r"^(?:麻烦|帮我|请|麻烦你)?(?:看一下|看下|看看|显示|打开|查看|调出|展示)(?:一下)?\s*"
            + _ZH_NUMBER
            + r"\s*(?:这份|那份|这个|那个)?(?:看看|看一下|吧)?[。.!！]?$",
        ),
        (
            "show_plan",
            r"^(?:麻烦|帮我|请|麻烦你)?(?:看一下|看下|看看|显示|打开|查看|调出|展示)(?:一下)?[^，,。0-9#]{1,14}?(?:那份|那个|这份|那一份)"
            r"[\s，,]*(?:#|第)?\s*(?P<id>\d{1,6})(?:号)?\s*[。.!！]?$",
        ),
        (
            "show_plan",
            r"^(?:把)?\s*" + _ZH_NUMBER + r"\s*的?(?:详细内容|详情|内容|细节|具体内容)?\s*(?:给我|发我|让我)?\s*"
            r"(?:看看|看一下|看下|打开|调出来|展示一下)",
        ),
    )
)
# "销售部的呢？", "what about legal?": the planning office's next question about another unit.
_FOLLOW_UP = re.compile(
    r"^(?:那|那么|还有)?.{1,14}?(?:的呢|呢|的计划呢|的情况呢|的也列一下|也列一下|的也看看|的也看一下)[?？]?$|"
    r"^(?:and |so )?(?:what|how) about\b|^and (?:for )?\S+\??$|"
    r"^(?:and )?(?:anything|any plans?|something|what's there|what is there|what's in) (?:from|for|by|of) \S|"
    r"^(?:(?:ok|okay|right|thanks|cool|great)[.,!]*\s+)?(?:and |so )?what (?:do |did |have )?we (?:have|got|get) "
    r"(?:in )?(?:from|for|by|of) \S"
)
# Not a request: a question about one ("can a withdrawn plan be restored?"), or a negation.
_QUESTION = re.compile(
    r"^(?:what|why|which|when|where|who|whom|is|are|was|were|does|do|did|should|would it|if|"
    r"(?:can|could|may|must) (?:our|a|an|the|my|units?|leads?|departments?|teams?|every)\b|"
    r"(?:can|could|may|must|do) (?:we|i) (?:declare|say|skip|have no|not)\b)\b|"
    r"^(?:please|pls|sorry|excuse me|hi|hello|hey)[,!\s]+(?:is|are|what|why|which|when|where|who|should|must)\b|"
    r"(?<!没)什么|为什么|为啥|怎么|怎样|如何|哪些|是否|是不是|能不能|可不可以|有没有|吗[?？。!！\s]*$|么[?？\s]*$|呢[?？]+\s*$|"
    rf"(?:^|[，,。\s])(?![^，,。\s]*{ONGOING})[^，,。\s]*呢\s*$"  # "忙着搬厂呢" tells, it does not ask
)
_NOT_AN_ACT = {
    "start_plan": re.compile(
        r"\b(?:no|not|never|don't|dont|won't|wont|can't|cant|aren't|arent|isn't|isnt|"
        r"withdraw|delete|cancel|pull back|pull|kill|drop|remove|scrap|list|show|count|"
        r"how many|approve|reject|review|open|view|back to|"
        r"which|all|unfinished|continue|resume|go on|carry on|my draft|our draft|draft plans|units|departments)\b|"
        r"不|没|别|无需|无须|撤|删|取消|暂停|哪些|哪几|列出|列一下|继续|接着|看看|看一下|看下|查看|交的|交了的|交过的|报的|报过的|查一下|显示|统计|多少|几个|几份|部门们|"
        r"各部门(?!报|交|写|提交|都要|都得)|所有部门(?!报|交|写|提交|都要|都得)|已经提交|已提交"
    ),
    "withdraw_plan": re.compile(
        r"(?:不|别|没|don't|do not|not|won't|never)\s*(?:要|想|用|打算)?\s*"
        r"(?:撤|删|取消|withdraw|delete|cancel|pull|scrap|remove|drop|kill|retract)"
    ),
    "declare_no_plan": re.compile(
        r"(做|搞|报|交|上|弄|要|想|会|有|打算|准备|提交)[不没]\1"
    ),  # "做不做", "要不要" ask, not decline
    "resume_plan": re.compile(
        r"\b(?:later|tomorrow|stop|another time|next time|next week|monday|tuesday|wednesday|"
        r"thursday|friday|after)\b|不|没|回头|改天|下次|明天"
    ),
}
_HOW_TO_START = re.compile(
    r"从哪(?:里|儿)?开始|怎么(?:弄|开始|填|搞)|how do i (?:start|begin)|where do i (?:start|begin)|"
    r"where (?:do|can|should) (?:i|we) (?:enter|submit|file|put in|register|send|hand in|start|begin)|"
    r"在哪(?:里|儿)?(?:填|提交|报|登记|录入)|(?:在)?(?:这儿|这里|这)(?:报|填|提交)(?:计划)?|"
    r"(?:现在|这会儿|今天|马上)(?:就)?(?:能|可以)(?:开始)?(?:填|报|写|开始)(?:了)?(?:吗|么|不)|"
    r"\bcan (?:i|we) get (?:it|this|that) (?:done|sorted|going)\b|在此办理|在这里(?:办理|填|提交|写|弄|登记|申报|报)|"
    r"在这(?:儿)?(?:登记|申报)|这里(?:可以|能)(?:办|填|提交|写|登记|报)|can (?:i|we) do (?:it|this|that) "
    r"(?:here|now)|is this (?:the place|where)|can (?:i|we) (?:do|start|fill) (?:it|this|the|my|our)"
)
# "…won't have an ML plan next year. How do I register that?" asks to do it
_HOW_TO_TELL = re.compile(
    r"\bhow (?:do|can|should) (?:i|we) (?:let (?:you|you lot|you guys|you all|y'?all|the planning office|"
    r"planning|the office|people) know|register|record|declare|tell you|report|log|"
    r"enter|submit|file)(?: (?:that|this|it))?\b|怎么(?:登记|申报|报|告诉你|声明)|如何(?:登记|申报|声明)|"
    r"(?:要|该|得)?(?:怎么|咋|如何)(?:跟|和|向)(?:你们|你|规划办|规划办公室)?(?:报|说|讲|报备|登记)"
)
ACTING = frozenset({"start_plan", "withdraw_plan", "declare_no_plan", "review_plan"})


def asks_something(text: str) -> bool:
    """ "我们部门今年也要交那个计划吗": a question, which no guessed act overrules."""
    folded = fold(text)
    return bool(_QUESTION.search(folded)) or folded.rstrip().endswith(("?", "？"))


def fold(text: str) -> str:
    folded = re.sub(r"\s+", " ", simplify(unicodedata.normalize("NFKC", text or "").casefold())).strip()
    folded = _CAN_YOU_SLIP.sub("can you", folded)  # "cam you open #1": a slip of "can"
    folded = re.sub(r"\s*:[a-z0-9_+-]{2,30}:\s*", " ", folded).strip()  # Slack's ":coffee:", ":thumbsup:"
    folded = _SCOTS.sub(lambda found: _SCOTS_WORDS[found.group()], folded)  # "nae ML plan fae us"
    folded = _SCOTS_NOT.sub(r"\1 not \2", folded)  # "IT's no doing a machine learning plan"
    folded = _WU_WORDS.sub(lambda found: _WU[found.group()], folded)  # "搿份勿要了，帮我撤脱伊"
    folded = _ZH_SLANG_NO.sub("没有", folded)  # "今年木有ML计划哈"
    return _TAG_QUESTION.sub("", folded)  # "can show me all the plans or not?" negates nothing


_SCOTS_WORDS = {
    "nae": "no",
    "fae": "from",
    "dinnae": "don't",
    "cannae": "can't",
    "willnae": "won't",
    "wullnae": "won't",
}
_SCOTS = re.compile(r"(?<![a-z'])(?:" + "|".join(_SCOTS_WORDS) + r")(?![a-z'])")
_ZH_SLANG_NO = re.compile(r"木有|冇得|沒得|没得(?=\s*(?:ml|ai|机器学习|人工智能)?\s*(?:计划|规划|方案|项目))")
_SCOTS_NOT = re.compile(
    r"\b('s|is|are|'re|am|'m|we're|we are) no (doing|putting|filing|submitting|having|making|bothering)\b"
)
_WU = {"勿要": "不要", "撤脱": "撤掉", "搿份": "这份", "搿个": "这个"}
_WU_WORDS = re.compile("|".join(_WU))
_CAN_YOU_SLIP = re.compile(r"(?<![a-z])(?:cam|csn|cab|cna|xan|van) you(?![a-z])")


_TAG_QUESTION = re.compile(r"[,\s]+(?:or not|anot|or no|or what)(?=\s*[?？]?\s*$)")


def recognise(text: str) -> Optional[Tuple[str, Optional[int]]]:
    """(intent, plan number) when the message has the shape of an acting request, else None."""
    lines = [line.strip() for line in (text or "").splitlines() if line.strip()]
    if len(lines) > 2:  # a pasted list: "Hi! … pasting the main points:\n- Title: …\nCan we turn this into a plan?"
        said = {_recognise(line) for line in lines if not _LISTED_LINE.match(line)} - {None}
        return said.pop() if len(said) == 1 else None
    found = _recognise(text)
    acknowledged = _ACKNOWLEDGEMENT_OPENING.match(text.strip())
    if found is None and acknowledged:  # "中 这个批了吧", "ok, approve it": the request after the "ok"
        found = _recognise(text.strip()[acknowledged.end() :])
    after_questions = re.split(r"[?？]", text.strip())[-1].strip()
    if found is None and after_questions and after_questions != text.strip():
        found = _recognise(after_questions)  # "Is it too late to pull a plan? No? Then I want plan 1 withdrawn."
    sentences = _FIRST_SENTENCE.match(text.strip())
    if found is None and sentences:  # "Show me #2. The title alone worries me.": the request, then a remark
        opening = _recognise(sentences.group(1))
        if opening is not None and opening[0] == "show_plan" and _recognise(sentences.group(2)) is None:
            return opening
    clauses = [c.strip() for c in re.split(r"[，,]\s*", text.strip()) if c.strip()]
    if found is None and 2 <= len(clauses) <= 4 and not any(_ASKED_CLAUSE.search(c) for c in clauses):
        requests = [
            _recognise(_CLOSING_TAG.sub("", c)) for c in clauses
        ]  # "喂，我是…，要搞那个机器学习规划是吧，来来来"
        if [r for r in requests if r is not None] == [("start_plan", None)]:
            found = ("start_plan", None)
    if found is not None and found[0] == "start_plan" and _ASKS_BEFORE_STARTING.search(fold(text)):
        return None  # "before i start this plan thing - whats the difference between AI and ML": a question first
    return found


_CLOSING_TAG = re.compile(r"(?:是吧|对吧|是不是|对不对|吧|哈|啊|呀|\bright)[?？]?$")
_ASKED_CLAUSE = re.compile(r"(?:吗|么|嘛|伐|不|没有)[?？]?$|[?？]$|^(?:请问|想问|问下|问一下|我想问)")
_ASKS_BEFORE_STARTING = re.compile(
    r"\bbefore (?:i|we) (?:start|begin|get going|get started|fill|do)\b.*(?:\?|\b(?:what|whats|why|how|which|who|"
    r"is|are|does|do|can)\b)|(?:开始|填|写)(?:之前|以前|前)\S*?(?:什么|为什么|怎么|吗|呢|？|\?)"
)


_ACKNOWLEDGEMENT_OPENING = re.compile(
    r"^(?:中|好|好的|行|嗯|嗯嗯|可以|得嘞|好吧|行吧|谢谢|多谢|ok|okay|okey|alright|all right|right|fine|sure|"
    r"thx|thanks|thank you|ta|cheers|great|perfect|cool|nice|lovely|good|very good|excellent|brilliant|grand|super|"
    r"good morning|morning|hi|hello|hey(?: team| there)?)"
    r"(?:[\s,，.。!！~]+)(?=\S)",
    re.IGNORECASE,
)
_FIRST_SENTENCE = re.compile(r"^(.+?[.!。！])\s*(.+)$", re.DOTALL)


_LISTED_LINE = re.compile(r"^(?:[-*•·]|\d+[.)、]|[一二三四五六七八九十]+、|[①-⑩])")


def _recognise(text: str) -> Optional[Tuple[str, Optional[int]]]:
    folded = fold(text).replace("machine-learning", "machine learning")
    if not folded or folded.startswith("/"):
        return None
    last = re.split(r"(?<=[.!?。！？,，:;])\s*|\s+[-–—]+\s+", folded.rstrip(" .!?。！？"))[
        -1
    ]  # "…. Shall we get started?", "HR's ML plan for next year - can we get going on it?"
    asked = bool(_QUESTION.search(folded)) or (
        folded.endswith(("?", "？"))
        and not re.match(
            r"^(?:can|could|would|will|shall) (?:you|we|i)\b|^(?:please|pls|let's|lets)\b|"
            r"^(?:can|could) (?:help|assist|or not|anot|ah|lah|boh)\b|"  # "…, can help?"
            r"^if (?:that'?s|that is|it'?s|it is) (?:ok|okay|alright|all right|fine)|^if you don'?t mind|^please$",
            last,
        )
    )
    if (
        asked
        and (_HOW_TO_START.search(folded) or _HOW_TO_TELL.search(folded))
        and not re.search(r"什么|为什么|哪些|\bwhat\b|\bwhy\b", folded)
    ):
        asked = False  # "IT部要交明年的机器学习计划，从哪开始？" asks to be walked through it
    for intent, pattern in PATTERNS:
        found = pattern.search(folded)
        if not found:
            continue
        if asked and (intent != "review_plan" or _QUESTION.search(folded)):
            return None
        blocker = _NOT_AN_ACT.get(intent)
        sentence_start = (
            max(folded.rfind(mark, 0, found.start()) for mark in "。！？.!?") + 1
        )  # an earlier sentence is a preamble
        if (
            blocker
            and not found.groupdict().get("after_all")
            and blocker.search(folded if intent == "resume_plan" else folded[sentence_start : found.end()])
        ):
            continue  # ("算了 不报了 我们还是写一个计划吧": what comes before "还是" is taken back)
        number = found.groupdict().get("id")
        if number is None and intent in _TAKES_A_NUMBER:  # "withdraw plan 3", "把12号计划撤了"
            named = _NUMBER_AFTER.match(folded[found.end() :]) or _NUMBERED.search(found.group())
            number = (named.groupdict().get("id") or named.groupdict().get("zh")) if named else None
        if number is None and intent in ("withdraw_plan", "review_plan"):  # "plan 1 is a dud … can you scrap that one?"
            said = {a or b for a, b in _NUMBERED.findall(folded)} - {y for y in map(str, range(2000, 2100))}
            number = said.pop() if len(said) == 1 else None
        if number is None and intent == "review_plan":  # "I am not convinced by 1, return it to the team: …"
            bare = set(_BARE_NUMBER.findall(folded))
            number = bare.pop() if len(bare) == 1 else None
        return intent, int(number) if number else None
    return None


_ALL_OF_THEM = re.compile(r"都|两份|两个|三份|三个|俩|全部|\b(?:both|all|each|all of them|all three)\b")


def plans_decided_together(text: str) -> List[int]:
    """The plan numbers of "#1 和 #2 …两份都批准", "approve both 3 and 4: …": one decision for all of them."""
    folded = fold(text)
    numbers = list(dict.fromkeys(int(a or b) for a, b in _NUMBERED.findall(folded) if not (a or b).startswith("20")))
    return numbers if len(numbers) > 1 and _ALL_OF_THEM.search(folded) else []


_BARE_NUMBER = re.compile(
    r"\b(?:by|on|for|of|about|with)\s+(\d{1,4})(?![\d%])(?![.,]\d)"
    r"(?!\s*(?:percent|per cent|days?|weeks?|months?|years?|hours?|people|staff|units?|k|m|x)\b)"
)
_TAKES_A_NUMBER = frozenset({"withdraw_plan", "show_plan", "review_plan", "edit_plan"})
_NUMBER_AFTER = re.compile(
    r"^\s*(?:#|no\.?\s*|number\s*)?(?!20\d\d(?!\d))(?P<id>\d{1,6})(?!\d)(?!\s*(?:年|%|percent|\.\d))"
)
_NUMBERED = re.compile(r"(?:#|第|\bplan\s*#?|\bnumber\s*|\bno\.\s*)\s*(?P<id>\d{1,6})(?!\d)|(?P<zh>\d{1,6})\s*号")


# A start the intent model guessed, said with words no start carries.
_RESUMING = re.compile(
    r"继续|接着|写到一半|没写完|没填完|补完|\b(?:continue|resume|pick up where|"
    r"carry on|unfinished|half-?finished|where (?:we|i) left off)\b"
)
_COUNTING = re.compile(
    r"(?:交|报|提交)(?:了|咗)(?:啥|什么|咩|哪些)|几个|几份|哪些|多少|列出|列一下|\b(?:how many|which|list|show me)\b"
)


_ASKED_ABOUT = re.compile(
    r"^(?:is it|is that|can (?:a|an|the|we|i) .{0,40}\b(?:be|get)|what happens|what if|does|do (?:i|we) have to|"
    r"should (?:i|we))\b.*\?$|(?:还能|能不能|可以|能否|会不会|是不是|是否).{0,12}(?:吗|么)?[?？]?$|吗[?？]?$"
)
_A_PLANNING_YEAR = re.compile(r"明年|今年|后年|本年度|下一?年度|20\d\d|\b(?:next|this|coming) (?:year|cycle|round)\b")


_WANTS_ONE_AFTER_ALL = re.compile(
    r"想做|想写|想报|要做一|打算做|准备做|"
    r"\b(?:want|would like|'d like|plan|going|hope) to (?:do|file|write|make|start|submit)\b"
)


def _states_no_plan_for_a_year(text: str, folded: str) -> bool:
    """A statement, not a question, that the unit has no ML plan for a named year."""
    from bot.dialogue.answers import declares_no_plan

    return (
        bool(_A_PLANNING_YEAR.search(folded))
        and (_ML_TOPIC.search(folded) or sounds_like_machine_learning(folded))
        and not _QUESTION.search(folded)
        and not _WANTS_ONE_AFTER_ALL.search(folded)
        and declares_no_plan(text)
    )


_NOTHING_FOR_ML = re.compile(
    r"(?:没啥|没什么|没有什么|没有)(?:能|可以|需要|适合)?(?:用|上)?(?:机器学习|ml|ai)|填个无|报个无|报无|填无|"
    r"\bno (?:use case|need|use) for (?:ml|machine learning|ai)\b"
)
_ASKED_STATUS = re.compile(
    r"(?:批了|通过了|批准了|退回了|审了|审完了|过了)(?:没有|没|吗|么)[?？]?$|有没有(?:批|通过|审)|"
    r"^(?:has|have|is|was|were|did)\b.{0,40}\b(?:approved|reviewed|rejected|sent back|passed|signed off)\b.*\?$"
)
_WHICH_UNITS = re.compile(
    r"^(?:which|what|how many) (?:units?|departments?|teams?)\b|哪些部门|哪几个部门|多少个?部门|哪个部门"
)
_NOT_STARTING = re.compile(
    r"(?:没有|没|不|别)(?:要|打算|准备|想|会|用)?(?:做|搞|报|交|提交|写|开始)|\b(?:not|no|don'?t|won'?t|never)\b"
    r"(?:\s+\w+){0,2}\s+(?:start|do|write|file|submit|make)\b"
)
# "do we really have to submit an ML plan every year?", "每个部门都必须交计划吗？": asks about the rule
_MUST_WE = re.compile(
    r"^(?:(?:so|but|and|hmm|please|pls|sorry|excuse me|quick question)[,\s]+)*(?:do|does|did) "
    r"(?:we|i|you|they|units?|everyone|every unit|all units)"
    r"(?: really| actually| still| even)? (?:have|need|got) to\b.*\?$|"
    r"^(?:(?:so|but|and|hmm|please|pls|sorry|excuse me|quick question)[,\s]+)*(?:is|are) (?:it|this|that|a plan|"
    r"an? ml plan|(?:the )?plans?|filing|submitting)(?: really)? (?:mandatory|required|compulsory|obligatory|a must)\b|"
    r"^must (?:we|i|every)\b.*\?$|"
    r"(?:是(?:不是|否)|是不是)(?:一定要|必须|都要|每年都要|每个部门都要)|(?:必须|一定要|都得|都要)(?:交|提交|写|填|报)[^？?]{0,16}[吗嘛么][？?]?$"
)
_FAREWELL = re.compile(r"拜拜?|再见|回见|\b(?:bye|cya|see you|later)\b")


# "remind me later" / "明天提醒我" is a pause, not the planning office reminding the units
_REMIND_ME = re.compile(r"\b(?:remind|ping|nudge) me\b|提醒(?:一下)?我|叫我|喊我")
_REMIND_WHOM = re.compile(
    r"\b(?:units?|departments?|teams?|leads?|everyone|everybody|stragglers|divisions?)\b|"
    r"部门|负责人|单位|大家|各部|事业部"
)


# A withdrawal names what it takes back: a plan, a draft, a number, "it"
_PLAN_REFERENCE = re.compile(
    r"计划|规划|方案|项目|草稿|提交|交的|报的|交上去|那份|这份|那个|这个|\d|"
    r"\b(?:plans?|proposals?|submissions?|initiatives?|drafts?|submitted|it|that|this|one)\b"
)
_ANSWER_REFERENCE = re.compile(r"回答|答案|答的|填的|\b(?:answers?|responses?)\b")


# "show me the units with no ML plan for 2027", "2027年没有机器学习计划的部门": a query that says "no plan"
_ASKS_FOR_A_LIST = re.compile(
    r"\b(?:show|list|which|what|who|units|departments|teams|unsubmitted|not submitted)\b|"
    r"的部门|部门(?:有)?(?:哪些|是哪些)?$|"
    r"哪些|哪个|哪几|列出|列一下|看看|查一下|查查|(?:没有|没|未)(?:提交|交|报)的"
)
_MAY_STATE_NO_PLAN = frozenset(
    {"ask_faq", "nlu_fallback", "out_of_scope", "start_plan", "inform", "greet", "query_plans", "show_my_plans"}
)


def second_opinion(text: str, intent: Optional[str]) -> Optional[str]:
    """The intent a model-guessed start really is, when its words say so ("…计划，现在接着来" resumes;
    "我们报了几个ML计划了" asks for the unit's plans); a guessed withdrawal of no plan ("上一个回答删掉" edits,
    "delete the reminder in my calendar" is not for this bot); None to keep the guess."""
    folded = fold(text)
    if intent == "remind_units":  # it acts at once: only a request that says whom to remind, not asked as a question
        if _REMIND_ME.search(folded):
            return "cancel"
        asked = _QUESTION.search(folded) or (
            folded.endswith(("?", "？")) and not re.match(r"(?:can|could|would|will) you\b", folded)
        )
        return "ask_faq" if asked else None if _REMIND_WHOM.search(folded) else "nlu_fallback"
    if intent == "review_plan" and _ASKED_STATUS.search(folded):
        return (
            "show_plan" if re.search(r"\d", folded) else "query_plans"
        )  # "9号计划批了吗", "has plan 9 been approved?"
    if (
        intent in _MAY_STATE_NO_PLAN
        and _states_no_plan_for_a_year(text, folded)
        and not _ASKS_FOR_A_LIST.search(folded)
    ):
        return "declare_no_plan"  # "俺们采购部明年不报那个机器学习计划了"
    if intent == "declare_no_plan" and _WHICH_UNITS.search(folded):
        return "query_plans"  # "which departments declared no plan?"
    if intent == "withdraw_plan" and _ASKED_ABOUT.search(folded):
        # "撤回的计划还能恢复吗" (a guessed no-plan that asks is answered by action_start_no_plan, with an offer)
        return "ask_faq"
    if intent == "show_plan" and _RESUMING.search(folded):
        return "resume_plan"  # "接着写12号计划"
    if intent == "start_plan" and _NOTHING_FOR_ML.search(folded):
        return "declare_no_plan"  # "我们确实没啥能用机器学习的，填个无吧"
    if intent == "withdraw_plan":
        if _FAREWELL.search(folded) and not re.search(r"计划|规划|方案|\d|\bplans?\b", folded):
            return "goodbye"  # "撤了撤了，拜"
        if _ANSWER_REFERENCE.search(folded):
            return "edit_plan"
        if not _PLAN_REFERENCE.search(folded) and (len(folded.split()) > 1 or len(folded) > 4):
            return "nlu_fallback"  # "把我日历里的提醒都删了"
        return None
    if (
        (
            intent in ("greet", "nlu_fallback", "out_of_scope")
            or (intent == "declare_no_plan" and not _negated_plan(folded))
        )
        and _FILING_REQUEST.search(folded)
        and not _QUESTION.search(folded)
        and not folded.rstrip().endswith(("?", "？", "吗"))
    ):
        return "start_plan"  # "在不在 品质部要填计划", "hi 我要填机器学习计话"
    if intent == "declare_no_plan" and _COUNTING.search(folded) and not _NEGATION.search(folded):
        return "show_my_plans"  # "我们风控部现在有几个计划来着" counts the unit's plans
    if intent != "start_plan":
        return None
    folded = fold(text)
    if _RESUMING.search(folded):
        return "resume_plan"
    if _COUNTING.search(folded):
        return "show_my_plans"
    if _NOT_STARTING.search(folded):
        return "nlu_fallback"  # a start said with a negation the patterns did not read: ask, do not start
    if _MUST_WE.search(folded):
        return "ask_faq"
    return None


# "品质部要填计划", "我们准备报一个项目" (the model may read the greeting before it, or a typo, instead)
# A message that only asks about ML: "想问下…啥区别", "what's the difference between ML and AI?"
_ONLY_ASKING = re.compile(
    r"^(?:想问下|想问一下|请问|问一下|问下|我想问|我想请教|请教一下|请教)|(?:啥|什么)区别|区别是(?:啥|什么)|有(?:啥|什么)不同|"
    r"\bdifference between\b|^what(?:'s| is) the difference\b"
)
# "我们一定要交计划吗？", "do we have to submit an ML plan?": whether one must, asked
_WHETHER_OBLIGED = re.compile(
    r"(?:一定|必须|非得|非要|是否|是不是|需不需要|要不要|用不用|得不得|都要|都得|也要|也得)(?:要|得|需要)?"
    r"(?:填|写|报|做|交|提交|上报|申报)[^。！!]{0,20}?(?:吗|嘛|么|伐|呢|不)?[?？]?\s*$|"
    r"^(?:(?:so|and|but|quick question|question)[,:]?\s+)?(?:do|does|must|should|shall) (?:we|i|my (?:team|unit|"
    r"department)|"
    r"every (?:unit|team|department)|each (?:unit|team|department)|all (?:units|teams|departments)|everyone|everybody) "
    r"(?:really |actually |even |still )?(?:have to|need to|got to|must|has to)? ?(?:file|submit|send|hand in|do|write|"
    r"prepare|put in) (?:an? |the |one )?[^.!]{0,30}\?\s*$|"
    r"\b(?:is|are) (?:it|an? (?:ml )?plans?|(?:ml )?plans?|filing|submitting) (?:mandatory|compulsory|obligatory|"
    r"required)\b"
)
_FILING_REQUEST = re.compile(
    r"(?<![不没别])(?:要|想|准备|打算|来|得|需要|帮我|请)(?:明年|今年|下一年|20\d\d年?)?"
    r"(?:填|写|报|做|弄|整|登记|提交|交)(?:一下|一个|一份|个|份)?"
    r"[^，,。？?]{0,14}?(?:计划|计话|规划|方案|项目)"
)


def follow_up_query(text: str) -> bool:
    """ "销售部的呢？", "what about legal?": shaped like the next question about another unit."""
    return len(text) <= 40 and bool(_FOLLOW_UP.search(fold(text)))


_PLANS_OF = re.compile(
    r"\bdid\b[^.?!]{0,40}\b(?:file|submit|send in|hand in)\b|"
    r"\b(?:has|have)\b[^.?!]{0,30}\b(?:sent|submitted|filed|handed|put) (?:anything|something|any plans?)\b|"
    r"\b(?:has|have|did)\b.{0,12}\bput (?:in|forward)\b|"
    r"\bplans?\b|\bfiled\b|\bsubmitted\b|\bsent in\b|\bhanded in\b|\bin the (?:pipeline|works)\b|\blined up\b|"
    r"\bgot in for\b|\bwhat (?:does|do|did) [\w&' -]{1,30} have\b|\bwhat(?:'s| has) [\w&' -]{1,30} got\b|"
    r"\banything (?:new |else )?(?:in )?from\b|\bin the (?:pile|queue|inbox|stack)\b|"
    r"\bsent (?:us|over|through)\b|\b(?:come|came) in\b|\bsubmissions?\b|\b(?:had|got|received) in from\b|"
    r"\b(?:got|gotten|get) anything in\b|"
    r"计划|规划|方案|提案|交了|报了|提交了"
)
_FIRST_PERSON = re.compile(r"\b(?:our|my|we|us|i)\b|我们|咱们|我的|本部门")


_FILING = re.compile(
    r"没有|不做|不报|填|写|做|报|交|提交|起草|\b(?:no (?:ml |machine learning )?plans?|start|write|(?<!in )draft|"
    r"fill|submit|file|create|do|make)\b"
)


def about_units_plans(text: str) -> bool:
    """Asks about other units' plans ("submitted plans from IT", "风控和财务的计划里…"), not one's own, and
    files nothing."""
    folded = fold(text)
    folded_people = re.sub(
        r"\b(?:for |waiting for |awaiting )?(?:our|my) (?:review|approval|sign-?off)\b|"
        r"\b(?:sent|send|given|gave|shown|showed) us\b|\b(?:waiting|sitting) on us\b|\bfor us to\b|"
        r"\b(?:i|we)(?: want|'d like| would like| need| wish) to (?:see|view|look at|check|review|go through)\b|"
        r"\b(?:can|could|may) (?:i|we) (?:see|view|look at|check|have a look at|get)\b|"
        r"\b(?:let me|lemme) (?:see|look at)\b|"
        r"\b(?:give|show|get) me\b|\b(?:have we|we have|we've|did we) (?:had|got|received|get)\b",
        " ",
        folded,
    )
    return (
        bool(_PLANS_OF.search(folded))
        and not _FIRST_PERSON.search(folded_people)
        and recognise(text) is None
        and (not _FILING.search(folded) or bool(_WHAT_WAS_FILED.search(folded)))
    )


# "理赔部明年报了啥", "what has Procurement filed so far?"
_WHAT_WAS_FILED = re.compile(
    r"(?:报|交|提交|申报)了?些?(?:啥|什么|哪些|哪几份|哪几个|几个|几份|多少|咩)|"
    r"(?:谁|哪些部门|哪几个部门|哪个部门|哪些单位)(?:都|已经)?(?:交|报|提交|申报)(?:上来)?了|"
    r"(?:交|报|提交|申报)(?:上来)?了的(?:计划|规划|方案)|"
    r"(?:已经|已)(?:报送|报|交|提交|申报)(?:上来|上去)?的|(?:报送|提交|申报|交|报)上来的|"
    r"(?:调阅|查阅|调取|调出|查看|拉一下|拉下|看下|看一下|查一下|查查|查下|列出|列一下|列下|列个)\S{0,20}?(?:报送|报|交|提交|申报)(?:的|了的|过的)|"
    r"\b(?:what|which|how many)\b.{0,40}\b(?:did|has|have)\b.{0,30}\b(?:file|submit|send in|hand in|put in|"
    r"put forward)\b|\b(?:what|which|how many)\b.{0,40}\b(?:filed|submitted|sent in|handed in|put in|put forward)\b|"
    r"\b(?:what|which|how many)\b[^.]{0,40}\b(?:submit|file|send in|hand in|got in)\b|"
    r"\b(?:what|which|how many)\b.{0,40}\b(?:did|has|have)\b.{0,30}\b(?:sent|send)(?: us| in| over| through)?\b|"
    r"\bwhat'?s (?:come|came) in\b|\b(?:anything|what)\b.{0,30}\b(?:come|came|sent) in from\b|"
    r"^(?:and |so |ok,? )?(?:did|has|have) [\w&' -]{2,30}? "
    r"(?:submit(?:ted)?|file[d]?|sen[dt] (?:it |anything )?in)\b[^.]*\?\s*$|"
    r"\bsubmissions?\b|\b(?:got|gotten|get) anything in\b|"
    r"\b(?:has|have|did)\b.{1,30}\b(?:sent|send|submitted|submit|filed|file|handed|hand|put) (?:anything|something|"
    r"a plan|any plans?|theirs)\b|"  # "Has Sales sent anything in for next year?"
    # "销售部交了没有？", "有没有收到销售部的计划？"
    r"(?:报|交|提交|申报|报送)(?:上来)?了(?:没有|没|吗|么|冇|未)|收到\S{0,12}?的(?:计划|规划|方案)"
)


# "请把财务部的机器学习计划列给我看一下": a listing verb, so a question, whatever the model guessed.
_LISTING = re.compile(
    r"列给我|列出|列一下|列个|列下|列表|给我看|发我看|调出来|调出|调一下|调下|拉出来|拉出|调阅|查阅|调取|查一下|查查|查看|看一下|看看|拉一下|拉下|拉个|"
    r"捋一遍|捋一下|捋捋|过一遍|看下|"
    r"\b(?:list|show me|pull up|give me|let me see|(?:i )?(?:want|would like|'d like|need) to see|"
    r"(?:a |quick )*(?:snapshot|rundown|overview) of)\b|\bwhat(?:'s| has) (?:come|came) in\b|"
    r"\bwhat(?:'s| is| has| have)?\b[^?]{0,30}\b(?:got |have )?(?:in the pipeline|in the works|lined up|"
    r"in the (?:pile|queue|inbox|stack))\b"
)  # "What's Marketing got in the pipeline for 2027?"
_DECLINING = re.compile(r"没有|不做|不报|不交|不提交|不搞|暂不|放弃|\b(?:no|not|won't|don't|skip|skipping)\b")


def lists_plans(text: str) -> bool:
    """Asks to see other units' plans with a listing verb ("把财务部的计划列给我看一下", "list legal's plans")."""
    folded = fold(text)
    return about_units_plans(text) and bool(_LISTING.search(folded)) and not _DECLINING.search(folded)


_STATUS_OR_YEAR = re.compile(
    r"20\d\d|明年|今年|已提交|已经提交|提交了的|待审|草稿|已批准|退回的|\b(?:submitted|drafts?|approved|returned|"
    r"next year|this year)\b"
)


_STATUS_OR_YEAR_WORD = (
    r"20\d\d\s*年?|\bfy\s?\d\d\b|\bnext year\b|\bthis year\b|明年|今年|"
    r"\b(?:submitted|drafts?|approved|needs? work|returned|sent back|withdrawn|pending|in review)\b|"
    r"已提交|提交了的|草稿|已批准|批准了的|退回的?|待审|撤回的?"
)
_TERSE_LISTING = re.compile(
    r"(?:[\s.,;:!?/&+|-]|\band\b|\bplans?\b|\bfor\b|\bin\b|的|和|计划|" + _STATUS_OR_YEAR_WORD + r")+"
)


def terse_listing(text: str, unit_spans: List[Tuple[int, int]]) -> bool:
    """ "claims. submitted.", "法务 2027 已提交": units with a status or year and nothing else, a listing."""
    kept = list(text)
    for start, end in unit_spans:
        kept[start:end] = [" "] * (end - start)
    rest = fold("".join(kept))
    return bool(rest) and bool(_TERSE_LISTING.fullmatch(rest)) and bool(re.search(_STATUS_OR_YEAR_WORD, rest))


def lists_by_status_or_year(text: str) -> bool:
    """A listing of plans narrowed by status or year, not by unit ("2027年已经提交的计划")."""
    return bool(_STATUS_OR_YEAR.search(fold(text)))


def change_of_answer(text: str) -> Optional[str]:
    """The plan field a message asks to change ("把数据来源改成…", "change the sponsor to Dana"), if it does."""
    from bot.dialogue.commands import match_edit
    from bot.plan_schema import ANSWER_FIELD_NAMES

    found = match_edit(text, ANSWER_FIELD_NAMES)
    return found.field if found else None


# What an acting request the intent model guessed must say to be one ("help me plan a team offsite" is not a start).
# Latin words may touch Chinese ("开个新plan", "能用ML的"), so they are bounded by letters, not by \b.
_ML_TOPIC = re.compile(
    r"机器学习|人工智能|模型|算法|智能|(?<![a-z])(?:ml|ai|a\.i\.|machine learning|data science|models?)(?![a-z])"
)
_PLAN_TOPIC = re.compile(
    r"计划|规划|方案|申报|填报|项目|表单|一份|新的|(?<![a-z])(?:plans?|planned|planning|proposals?|submissions?|"
    r"initiatives?|projects?|forms?|use cases?)(?![a-z])"
)
_OTHER_TOPIC = re.compile(
    r"活动|推广|旅行|旅游|出差|学习计划|健身|减肥|婚礼|团建|聚会|诗|歌|故事|笑话|作文|食谱|行程|会议|排班|(?<![a-z])(?:offsite|trip|"
    r"travel|holiday|vacation|party|wedding|workout|diet|meals?|events?|campaigns?|poem|song|story|joke|essay|lesson|"
    r"itinerary|birthday|meeting|agenda|shifts?|roster)(?![a-z])"
)
_NEGATION = re.compile(
    r"没|不|无(?!人机|线)|(?<![识区特个类分告级性鉴辨差派])别|莫得|冇|唔|"
    r"(?<![a-z])(?:no|not|none|nothing|zero|skip|skipping|sitting out|opt(?:ing)? out)(?![a-z])|"
    r"n't\b|(?<![a-z])(?:dont|cant|wont|isnt|arent|doesnt|didnt|wouldnt|shouldnt|couldnt|havent|hasnt|aint|"
    r"wasnt|werent)(?![a-z])"  # not the "nt" of "department"
)
_WITHDRAWING = re.compile(
    r"撤|删|取消|作废|收回|拿回|要回|不要了|(?<![a-z])(?:withdraw\w*|retract\w*|pull\w*|delet\w*|remov\w*|cancel\w*|"
    r"scrap\w*|drop\w*|kill|take back|rescind\w*|undo)(?![a-z])"
)
_DECIDING = re.compile(
    r"批|审|通过|退回|打回|驳回|同意|过了|过吧|不行|返工|重写|修改|改改|补充|(?<![a-z])(?:approv\w*|accept\w*|reject\w*|review\w*|"
    r"send\w* (?:\w+ )?back|sign\w* off|green[- ]?li\w*|bounc\w*|return\w*|lgtm|needs? (?:more )?work|rework|"
    r"good to go|thumbs (?:up|down)|(?:a|is a) (?:yes|no) from (?:me|us)|back to (?:them|the lead|the team|the unit)|"
    r"tick\w* (?:it |this |that )?(?:one )?off)(?![a-z])"
)


def names_a_decision(text: str) -> bool:
    """Words that only a review decision uses ("退回", "approve", "thumbs up"), not a bare "ok" or "no"."""
    return bool(_DECIDING.search(fold(text)))


def says_enough_for(intent: Optional[str], text: str) -> bool:
    """Whether a message the intent model read as an acting request has the words of one."""
    folded = fold(text)
    if intent == "start_plan":
        ml = bool(_ML_TOPIC.search(folded)) or sounds_like_machine_learning(folded)
        if _ONLY_ASKING.search(folded) and not _FILING_REQUEST.search(folded):
            return False  # "想问下，机器学习跟AI到底啥区别啊" asks, and starts nothing
        if _WHETHER_OBLIGED.search(folded):
            return False  # "我们法务部一定要交机器学习计划伐？" asks whether, and starts nothing
        return (
            ml or bool(_PLAN_TOPIC.search(folded)) or bool(re.search(r"^(?:开始|开始填|开始写|start|begin)", folded))
        ) and (ml or not _OTHER_TOPIC.search(folded))
    if intent == "declare_no_plan":
        return _negated_plan(folded)
    if intent == "withdraw_plan":
        return bool(_WITHDRAWING.search(folded))
    if intent == "review_plan":
        return bool(_DECIDING.search(folded))
    if intent == "remind_units":
        return bool(_REMINDING.search(folded)) and bool(_WHOM_TO_REMIND.search(folded))
    if intent in CYCLE_INTENTS:  # "量子计算机什么时候能普及到企业里？" asks no deadline
        return bool(_DEADLINE_TOPIC.search(folded))
    return True


def sounds_like_machine_learning(folded: str) -> bool:
    """ "急切学习", "及其学习": 机器学习 as voice input or a pinyin slip wrote it."""
    from bot.spelling import sounds_like

    return any(
        sounds_like(folded[found.start() - 2 : found.start()], ("ji", "qi"))
        for found in re.finditer("学习", folded)
        if found.start() >= 2
    )


def _negated_plan(folded: str) -> bool:
    """A refusal: a negation and ML or a plan named ("…ML plans. Marketing won't be putting one in").
    In a request to file one, the negation must be in the clause that names it: "同物不同价" is no refusal."""
    if not (_NEGATION.search(folded) and (_ML_TOPIC.search(folded) or _PLAN_TOPIC.search(folded))):
        return False
    return not _FILING_REQUEST.search(folded) or any(
        _NEGATION.search(clause) and (_ML_TOPIC.search(clause) or _PLAN_TOPIC.search(clause))
        for clause in re.split(r"[，,。.!！?？；;]", folded)
    )


_AT_RISK = re.compile(
    r"(?:哪些|哪几份|哪几个|哪份|\bwhich|\bwhat (?=plans?\b)|\blist|\bshow)[^。.!！?？]{0,12}?"
    r"(?:计划|规划|plans?)[^。.!！]{0,16}?"
    r"(?:风险|有问题|没准备好|不达标|at risk|risky|not ready|weak)|"
    r"(?:有风险|风险|at risk|not ready)\S{0,8}?(?:的)?\s*(?:计划|规划|plans?)\S{0,4}?"
    r"(?:有哪些|是哪些|哪些|有几份|有多少)"
)


def asks_plans_at_risk(text: str) -> bool:
    """ "哪些计划在数据这块有风险？", "which plans are at risk on data?": the planning office's query."""
    return bool(_AT_RISK.search(fold(text)))


_HELP = re.compile(
    r"\bwhat (?:can|do) you do\b|\bwhat are you (?:for|able to do)\b|\bhow do i use (?:you|this)\b|"
    r"你(?:能|会|可以)(?:做|干|帮我?做?)(?:些)?(?:什么|啥)|你有(?:什么|啥)(?:功能|用)|怎么用你|这个(?:机器人|助手)怎么用"
)


_OWN_PLANS_ON_FILE = re.compile(
    r"\bwhat (?:we'?ve|we have|i'?ve|i have|our (?:unit|team|department) has)(?: got)? "
    r"(?:on file|filed|submitted|in the system|put in|sent in|handed in)\b|"
    r"\bwhat (?:ml )?plans (?:have|did) (?:we|i)(?: got)? (?:got |put |sent |handed )?in\b|"
    r"\b(?:which|what) (?:ml |machine learning )?plans? (?:does|do|has|have|did) (?:my|our) "
    r"(?:unit|team|department|dept)\b|"
    r"(?:我们|我|咱们|俺们)(?:已经|都)?(?:报|交|提交|填)了(?:些)?(?:啥|什么|哪些)"
)


def asks_for_own_plans(text: str) -> bool:
    """ "can you give me a quick snapshot of what we've got on file for FY27": the lead's own plans."""
    return bool(_OWN_PLANS_ON_FILE.search(fold(text)))


def asks_for_help(text: str) -> bool:
    """ "hi, I am wang.fang from the planning office, what can you do?": a greeting that asks for help."""
    return bool(_HELP.search(fold(text)))


_INTRODUCTION = re.compile(
    r"^(?:(?:hi|hello|hey|hiya|good (?:morning|afternoon|evening|day)|你好|您好)[.,!，。！\s]*)?"
    r"(?:i (?:manage|run|head|lead|look after|oversee|work (?:in|for|at))|(?:i'?m|i am|this is) "
    r"(?:\w+ )?(?:the )?(?:head|manager|lead|director|in charge) (?:of|for)|"
    r"我(?:是|负责|管|在)(?!.*(?:计划|规划|方案|[?？]))[^，,。.!！?？]{1,16}(?:的)?(?:负责人|经理|主管|部长|总监)?)"
)


def introduces_self(text: str) -> bool:
    """ "Hi. I manage the call centre, which is Customer Support in your list.": who is speaking, no request."""
    folded = fold(text)
    return (
        bool(_INTRODUCTION.search(folded))
        and not folded.rstrip().endswith(("?", "？"))
        and not lists_plans(text)
        and not _QUESTION.search(folded)
        and not re.search(
            r"(?<![a-z])(?:plans?|show me|list (?:the|all|our|my)|see (?:the|our|my|all))(?![a-z])|"
            r"计划|规划|方案|看看|列",
            folded,
        )
    )


def names_a_plan_to_file(text: str) -> bool:
    """An unread statement about an ML plan, with no negation and no question ("物流部准备弄个机器学习的方案"):
    for a lead, most likely the wish to file one, so the unit-and-year question is asked."""
    folded = fold(text)
    return (
        bool(_ML_TOPIC.search(folded))
        and bool(_PLAN_TOPIC.search(folded) or re.search(r"(?<![a-z])(?:plan|计划|规划)", folded))
        and not _NEGATION.search(folded)
        and not _OTHER_TOPIC.search(folded)
        and not _QUESTION.search(folded)
        and not folded.rstrip().endswith(("?", "？"))
    )


_BACK_TO_IT = re.compile(
    r"继续|接着|回来了|忙完了|开完了|问好了|问到了|问清楚了|确认好了|搞定了|定下来了|有结果了|回话了|"
    r"(?<![a-z])(?:continue|carry on|go on|keep going|resume|i'?m back|back now|back again|sorted|found out|"
    r"got (?:an )?answer|heard back|got back to me)(?![a-z])"
)


def back_to_the_draft(text: str) -> bool:
    """An unread message, with a draft paused, that says the lead is back to it ("我这边问好了，咱接着整")."""
    folded = fold(text)
    return bool(_BACK_TO_IT.search(folded)) and not _NEGATION.search(folded) and not folded.endswith(("?", "？"))


CYCLE_INTENTS = frozenset({"ask_deadline", "set_deadline", "remind_units"})
_DEADLINE_TOPIC = re.compile(
    r"截止|期限|交|报|计划|规划|周期|这一轮|本轮|(?<![a-z])(?:deadlines?|due|cut-?off|submit\w*|fil(?:e|ed|ing)|"
    r"hand(?:ed)? in|send in|plans?|planning|cycle|rounds?)(?![a-z])"
)
_REMINDING = re.compile(r"提醒|催|通知|(?<![a-z])(?:remind\w*|chase|nudge|ping|follow up)(?![a-z])")
_WHOM_TO_REMIND = re.compile(
    r"部门|单位|负责人|大家|没交|未交|计划|规划|(?<![a-z])(?:units?|departments?|teams?|leads?|everyone|everybody|"
    r"stragglers|laggards|plans?|filed)(?![a-z])"
)


_AWAITING_REVIEW = re.compile(
    r"\b(?:waiting|pending|awaiting|queued|up) (?:for )?(?:a )?(?:review|approval|decision|sign-?off)\b|"
    r"\b(?:to be|yet to be|not yet|still to be) (?:reviewed|approved)\b|\bin the review queue\b|"
    r"\bin the queue for (?:review|approval|a decision|sign-?off)\b|"
    r"待审|待审批|待批|等待审批|等着审|还没审|未审|没审的|等审|"
    r"\b(?:waiting|sitting|pending) (?:on|for) us\b|\bfor us to (?:look at|review|decide on|sign off)\b|"
    r"\b(?:sitting|stuck|waiting|sat) (?:at|in) submitted\b|"
    r"\b(?:still )?waiting on (?:a |our )?(?:review|decision|look)\b|"
    r"\b(?:anything|what'?s|what is) (?:new |left |else )?(?:to|for me to|for us to) (?:review|approve|sign off)\b|"
    r"\bwaiting for me\b|\bon my (?:desk|plate)\b|\bin my (?:queue|inbox)\b|"  # "anything new to review?"
    r"(?:有什么|有啥|有哪些|还有)(?:要|需要|待)?(?:我)?(?:审|审批|批)的"
)
_REVIEWERS_OWN = re.compile(r"\b(?:on|in) my (?:desk|plate|queue|inbox)\b|\bfor me\b|要我审|给我审|让我审")
_MINE = re.compile(r"我的|我们|咱们|本部门|\b(?:my|our|mine|ours)\b")


# "and is anything still sitting in draft?", "还有哪些是草稿？": the drafts
_STILL_IN_DRAFT = re.compile(
    r"(?:^|[.!?;]\s+)(?:(?:and|so|also|ok|okay|k|kk|and also|right|now)[,\s]+)*(?:(?:is|are) (?:there )?"
    r"(?:anything|any(?: plans?| ones?)?)|"
    r"(?:what|which)(?: ones?| plans?)?(?:'s| is| are)?) (?:still )?(?:only |just )?(?:sitting |stuck |left |lying )?"
    r"(?:in|as|at) (?:the )?drafts?(?: stage| form| status)?\b|"
    r"^(?:现在|目前|那|还有|另外|那现在)*(?:哪些|什么|啥|嘛|有没有|有哪些|还有哪些|还有嘛|还有啥|还有什么|还有没有)"
    r"(?:计划|部门的计划)?(?:还|仍然|仍)?(?:是|在|停在|处于|只是|还是)草稿|"
    r"^(?:那|还有|另外)?(?:还在|仍在|停在)?草稿(?:里|中|状态)?(?:的|里的)?(?:还?没(?:有)?(?:交|提交)的?)?(?:计划)?"
    r"(?:呢|有哪些|有几个|有几份)[?？]?$|"  # "还在草稿里没交的呢？"
    r"^(?:and |so |ok,? )?(?:what about|how about|and) (?:the |any )?(?:ones? (?:still )?in )?drafts?\??$"
)


def awaiting_review(text: str) -> Optional[str]:
    """ "what's waiting for review?" asks for the submitted plans: query_plans, or show_my_plans about one's own."""
    listed = listing_by_status(text)
    return listed[0] if listed else None


_NO_PLAN_RECORDS = re.compile(
    r"\bno[- ]plan (?:declarations?|records?|units?|statements?|filings?)\b|"
    r"\b(?:declared|declaring|filed|recorded|said they have|with|that have) no (?:ml )?plans?\b|"
    r"\b(?:put (?:their|a|his|her) hands? up|signed up|opted|gone|gone in|asked) for no (?:ml )?plans?\b|"
    r"(?:声明|登记|申报|报)(?:了)?(?:没有|无)(?:机器学习)?计划的(?:部门|记录|单位)?|没有计划的(?:部门|记录|声明)|无计划(?:声明|记录)|"
    r"哪些(?:部门|单位)(?:声明|登记|申报|报)了?(?:没有|无)(?:机器学习)?计划"
)


_WITH_STATUS = re.compile(
    r"\b(?:list|show|give)(?: me| us)?\b.{0,30}?\bplans?\b.{0,12}?\b(?:with|in|of|having) (?:the |a )?"
    r"(?:status|state) (?:of )?[\"'“]?(?P<status>draft|submitted|approved|needs_work|withdrawn)\b"
)


# A short follow-up to a listing that names only a state: "那被退回修改的呢", "what about the approved ones?"
_STATUS_FOLLOW_UP = re.compile(
    r"^(?:(?:嗯嗯|嗯|好的|好|ok|okay)[，,\s]*)?(?:那|还有|另外)?(?:现在|目前)?(?:还在|仍在|处于|被|已经|已)?"
    r"(?:(?P<draft>草稿(?:状态)?)|(?P<needs_work>退回(?:修改)?|打回)|(?P<approved>批准|通过)|(?P<withdrawn>撤回|撤销)"
    r"|(?P<submitted>提交))(?:了)?的?(?:计划)?(?:呢|有哪些|有几个|有几份|都有哪些)(?:呀|嘞|啊|呢)?[?？]?$|"
    r"^(?:and |so |ok,? )?(?:what about|how about|and) (?:the |any )?(?:ones? )?"
    r"(?:(?P<needs_work_en>sent back|returned)|(?P<approved_en>approved)|(?P<withdrawn_en>withdrawn))"
    r"(?: ones?| plans?)?\??$"
)
_FOLLOW_UP_STATUS = {
    "draft": "draft",
    "needs_work": "needs_work",
    "approved": "approved",
    "withdrawn": "withdrawn",
    "submitted": "submitted",
    "needs_work_en": "needs_work",
    "approved_en": "approved",
    "withdrawn_en": "withdrawn",
}


def listing_by_status(text: str) -> Optional[Tuple[str, str]]:
    """(intent, status) of a request for the plans in one state: "what's waiting for review?" (submitted),
    "is anything still in draft?" (draft); show_my_plans about one's own, query_plans otherwise."""
    folded = fold(text)
    status = "submitted" if _AWAITING_REVIEW.search(folded) else "draft" if _STILL_IN_DRAFT.search(folded) else None
    named = _WITH_STATUS.search(folded) if status is None else None
    if named:  # "please list every plan with the status submitted for 2027"
        status = named.group("status")
    followed = _STATUS_FOLLOW_UP.match(folded) if status is None and named is None else None
    if followed:  # "那被退回修改的呢", "嗯嗯，那现在还在草稿状态的有哪些嘞？"
        status = next(value for key, value in _FOLLOW_UP_STATUS.items() if followed.group(key))
    if status is None and _NO_PLAN_RECORDS.search(folded):
        return "query_plans", "no_plan"  # "show me the no-plan declarations", "哪些部门声明了没有计划"
    if status is None:
        return None
    mine = _MINE.search(_REVIEWERS_OWN.sub(" ", folded))  # "what's on my desk?" is the office's queue
    return ("show_my_plans" if mine else "query_plans"), status


# --- the planning cycle: "when is the deadline?", "set the deadline to …", "remind the units …" -------
_DEADLINE = r"(?:deadline|due date|cut-?off(?: date)?)"
_CYCLE_PATTERNS: Tuple[Tuple[str, Pattern[str]], ...] = tuple(
    (intent, re.compile(pattern))
    for intent, pattern in (
        (
            "set_deadline",
            r"\b(?:set|move|change|push|extend|bring|make|fix|postpone|update|open)\b(?:\s+[\w'-]+){0,5}?\s+"
            + _DEADLINE
            + r"|\b"
            + _DEADLINE
            + r"s?\b(?:\s+[\w'-]+){0,4}?\s+(?:should be|to|until|till)\s+\w|"
            r"\bopen\b(?:\s+[\w'-]+){0,3}?\s+(?:planning )?cycle\b",
        ),
        (
            "set_deadline",
            r"截止(?:日期|时间|日)?(?:定在|定为|定成|改到|改成|改为|设为|设在|设置为|设成|延到|延长到|延期到|推迟到|推到|往后推到|"
            r"提前到|调整为|调整到|挪到)|截止(?:日期|时间)?(?:延后|推迟|延长|延期|提前|往后推)|"
            r"(?:设定|设置|定|改|调整|修改)(?:一下)?\S{0,10}?截止(?:日期|时间)|(?:开启|开始|启动|打开)\S{0,8}(?:计划|规划)周期",
        ),
        (
            "remind_units",
            r"\b(?:remind|chase|nudge|ping|follow up with|send (?:a |"
            r"out )?reminders? to)\b(?:\s+up)?(?:\s+[\w'-]+){0,3}?\s+"
            r"(?:units?|departments?|teams?|leads?|everyone|everybody|stragglers|all units)\b|"
            r"^(?:please |pls |ok,? )?send (?:out )?(?:the )?reminders?\b",
        ),
        (
            "remind_units",
            r"(?<![的个份条])(?:提醒|催|催促|催催|通知)(?!了)(?:一下)?[^，,。！？!?；;\s]{0,14}?(?:部门|负责人|单位|大家)|"
            r"(?:给|向)[^，,。！？!?；;\s]{0,14}?(?:部门|负责人|单位)\S{0,4}?"
            r"(?:发|送)(?:个|一下|一个)?(?:提醒|通知)|^(?:请|帮我)?发(?:送)?(?:一下)?提醒[。!！]?$|把提醒发给",
        ),
        (
            "ask_deadline",
            r"\bwhen(?:'s| is| was)?\s+(?:the |our |my )?(?:[\w'-]+ ){0,3}?" + _DEADLINE + r"\b|"
            r"\bwhat(?:'s| is| was)\s+(?:the |our |my )?(?:[\w'-]+ ){0,3}?" + _DEADLINE + r"\b(?! mean)|"
            r"\bwhen (?:is|are|must|do|does|should)\b(?:\s+[\w'-]+){0,5}?\s+(?:due|be in|submit|file|hand in|send in|"
            r"close)\b|"
            r"\bwhen\b(?:\s+[\w'-]+){0,4}?\s+due\b|\bwhat date\b.{0,40}\b(?:due|submitted|filed)\b|\bby when\b|"
            r"\bhow (?:many days|much time|long)\b.{0,30}\b(?:left|until|before)\b.{0,30}(?:deadline|due|plans?\b|file|"
            r"submit)|"
            r"\b(?:is there|do we have) a " + _DEADLINE + r"|^" + _DEADLINE + r"\s*\?$",
        ),
        (
            "ask_deadline",
            r"截止(?:日期|时间|日)?(?:是|定在|在)?(?:哪天|哪一天|什么时候|几号|何时|几月几[号日])|什么时候(?:截止|要交|交|提交|之前|结束)|"
            r"(?:哪天|几号|最晚|最迟)\S{0,6}?(?:交|提交|报)|(?:还剩|还有)(?:几|多少)天\S{0,6}?(?:交|提交|截止|报)|(?:哪天|几号|什么时候|何时)截止|(?:离|距离)截止\S{0,4}(?:几|多少)|"
            r"还有多久截止|有截止(?:日期|时间)吗|截止(?:日期|时间)定了吗|deadline\S{0,2}(?:是)?(?:哪天|什么时候|几号)",
        ),
    )
)


def cycle_request(text: str) -> Optional[str]:
    """`set_deadline`, `remind_units` or `ask_deadline` when the message is plainly one of those."""
    folded = fold(text)
    if not folded or folded.startswith("/"):
        return None
    for intent, pattern in _CYCLE_PATTERNS:
        if pattern.search(folded):
            return intent
    return None
