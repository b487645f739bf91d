"""Reading answers the way people give them (bot/dialogue/answers.py), in both languages."""

import pytest

from bot.dialogue import answers


@pytest.mark.parametrize(
    "field, text, expected",
    [
        # a leading yes/no settles it, whatever follows
        ("q_unused_data", "有，车辆GPS轨迹数据一直没用起来", "yes"),
        ("q_needs_ml", "yes, the fixed matching rules flag way too many false positives", "yes"),
        ("q_important", "yes, it's a board priority", "yes"),
        # an acknowledgement opens, the answer follows; "it's not that …, it's that …"
        ("data_quality", "ok, it's poor", "poor"),
        ("q_can_ship", "ok, no we don't", "no"),
        (
            "q_unused_data",
            "it's not that we have no data, it's that nobody's ever looked at the adjuster reports",
            "yes",
        ),
        ("q_important", "it's the single biggest cost line in home claims, the CFO asks about it every quarter", "yes"),
        # where data lives: all of it in one place, or partly
        ("data_location", "It all sits in Snowflake now, in the finance warehouse", "central"),
        (
            "data_location",
            "mostly sits in the claims data mart, but the adjuster reports are on a shared drive",
            "mixed",
        ),
        (
            "data_location",
            "the ledgers are in the finance data lake, bank data still comes as files into Kyriba",
            "mixed",
        ),
        # confirming a submission with the verb itself
        ("q_can_do_alone", "不能独立，要IT做数据对接；上线没问题", "no"),
        ("q_can_do_alone", "not on our own", "no"),
        ("yes_no", "系，冇错", "yes"),
        ("yes_no", "无误。", "yes"),
        ("yes_no", "唔得", "no"),
        ("data_location", "传感器数据进了IoT平台，维修工单还在纸上和Excel里", "mixed"),
        ("data_location", "一半在数仓一半在费控", "mixed"),
        ("data_location", "some in the datawarehouse some only in coupa", "mixed"),
        ("data_location", "都在能源管理系统里", "central"),
        ("data_location", "都在各部门自己手里", "siloed"),
        ("failure_tolerance", "领导说这个必须做成，不能白花钱", "must_succeed"),
        ("data_quality", "数据挺全的 就是有几个表老掉线", "mixed"),
        ("q_unused_data", "有好多，历史工单同通话录音都冇人用过", "yes"),
        ("failure_tolerance", "唔知喎，未倾过", "unsure"),
        ("q_can_do_alone", "我们自己肯定搞不定，得靠信息技术部的数据团队", "no"),
        ("q_can_do_alone", "我们有两个数据分析师，但是建模和上线还得IT支持，独立完成不了", "no"),
        ("data_quality", "images are good but the labels not so good", "mixed"),
        ("failure_tolerance", "风控的东西不能出错，必须一次做成", "must_succeed"),
        ("data_location", "scattered, some in the repository and the redlines in lawyers' email", "siloed"),
        ("data_location", "照片在影像平台上，定损单已经进数仓了", "mixed"),
        ("data_location", "都在合同管理系统里，集中", "central"),
        ("data_location", "全在WMS数据库里，集中", "central"),
        ("data_location", "影像在影像平台，理赔数据在核心系统，还有一部分在医院那边，互相不通", "siloed"),
        ("data_location", "大部分都再data lake里，订单数据在销售的系统", "mixed"),
        ("data_quality", "数据质量不太好有很多缺的", "poor"),
        ("failure_tolerance", "we've got a test-and-learn budget so a couple of duds are fine", "budgeted"),
        # formal written Chinese
        ("q_real_problem", "确属实际业务问题。", "yes"),
        ("q_needs_ml", "确有必要。", "yes"),
        ("q_can_do_alone", "恐难独立完成，需信息技术部协作。", "no"),
        ("data_quality", "尚可，惟GPS轨迹偶有缺失。", "mixed"),
        ("yes_no", "all good, send", "yes"),
        ("yes_no", "go on so, submit", "yes"),
        ("yes_no", "提交吧", "yes"),
        ("q_can_do_alone", "不行，得靠IT", "no"),
        ("q_can_do_alone", "no way, we'd need IT for the integration", "no"),
        ("q_can_ship", "可以，能直接接到WMS里", "yes"),
        ("pilot_team", "会，先在华东仓试点", "yes"),
        ("q_important", "I think so, our spreadsheet forecast is off by 30% most weeks", "yes"),
        ("q_needs_ml", "我觉得需要，规则写了一堆还是不准", "yes"),
        # hedges
        ("q_important", "not really", "no"),
        ("q_important", "kind of", "unsure"),
        ("q_important", "不太确定", "unsure"),
        ("q_unused_data", "有一些吧，考勤、绩效、调薪记录都有，但没人分析过", "yes"),
        # the question's own words, without a leading yes/no
        ("q_important", "重要，去年光积压就亏了几百万", "yes"),
        ("q_can_do_alone", "需要IT帮忙", "no"),
        ("q_needs_ml", "rules are enough for this one", "no"),
        # where the data lives: places combine
        ("data_location", "数据都在data lake里", "central"),
        ("data_location", "差不多都在数据湖", "central"),
        ("data_location", "照片在影像系统，定损单在核心系统，各管各的", "siloed"),
        ("data_location", "工单在CRM，录音在呼叫中心系统，有一部分已经同步到数据湖了", "mixed"),
        ("data_location", "partly, half of it sits in the warehouse and the rest in spreadsheets", "mixed"),
        (
            "data_location",
            "Mostly in the enterprise data warehouse, but the case notes are still in the case tool.",
            "mixed",
        ),
        (
            "data_location",
            "phone logs are in the vendor's cloud, tickets in Zendesk, and the calendar is a shared sheet",
            "siloed",
        ),
        ("data_location", "the CRM and orders are both in the central data warehouse", "central"),
        ("data_location", "不清楚，得问IT", "unknown"),
        # how good it is: one good and one bad part is mixed
        ("data_quality", "质量还可以", "mixed"),
        ("data_quality", "一般般，不少照片拍得很糊", "mixed"),
        ("data_quality", "录音还可以，工单分类标签乱七八糟", "mixed"),
        ("data_quality", "挺好的，去年刚清洗过", "good"),
        ("data_quality", "OK-ish", "mixed"),
        ("data_quality", "meh, descriptions are free text", "mixed"),
        ("data_quality", "decent mostly, billing is clean but app events have gaps", "mixed"),
        ("data_quality", "it's poor, not good", "poor"),
        ("data_quality", "很差，好多传感器经常掉线", "poor"),
        ("failure_tolerance", "预算里留了试错的钱", "budgeted"),
        ("failure_tolerance", "no, it has to work first time", "must_succeed"),
        ("scaling_path", "先纳入年度规划", "annual_planning"),
        ("scaling_path", "想搞个卓越中心，以后其他部门也能用", "coe"),
        ("scaling_path", "haven't thought that far yet", "none_yet"),
        # typos
        ("scaling_path", "centre of excelence", "coe"),
    ],
)
def test_choices_are_read_from_natural_answers(field, text, expected):
    assert answers.parse_choice(field, text) == expected


@pytest.mark.parametrize(
    "field, text",
    [
        ("q_important", ""),
        ("q_important", "banana"),
        ("q_important", "😀"),
        ("q_can_ship", "不过得先过安全评审"),
        ("data_location", "the usual place"),  # "in the CRM" names one system: evidence of a silo
    ],
)
def test_answers_that_name_no_option_are_not_guessed(field, text):
    assert answers.parse_choice(field, text) is None


@pytest.mark.parametrize(
    "text, expected",
    [
        ("省时间，客户服务", ["time_saved", "customer_service"]),
        ("客户服务和省时间，说不定还能带点追加销售", ["time_saved", "customer_service", "upsell"]),
        ("revenue, customer service and upsell", ["revenue", "customer_service", "upsell"]),
        ("all of these", ["revenue", "time_saved", "new_opportunities", "customer_service", "upsell"]),
        ("mostly faster payouts and happier customers", ["time_saved", "customer_service"]),
        ("主要是省电费 算收入吧 还有节省值班员的时间", ["revenue", "time_saved"]),
        ("revenue, and it frees up the analysts' time", ["revenue", "time_saved"]),
        ("nothing", []),
    ],
)
def test_value_branches_from_free_text(text, expected):
    assert answers.parse_branches(text) == expected


def test_a_title_given_with_its_problem_is_split():
    title, problem = answers.clean_text(
        "title", '就叫"工单智能分类"吧。现在每天三四千张工单，全靠人工一张张分给二线，经常分错'
    )
    assert title == "工单智能分类" and problem.startswith("现在每天三四千张工单")
    assert answers.clean_text("title", "let's call it Claims triage") == ("Claims triage", None)
    assert answers.clean_text("title", "<Claims> triage v2") == ("<Claims> triage v2", None)
    assert answers.clean_text("executive_sponsor", "the sponsor is Dana Wu") == ("Dana Wu", None)


def test_answers_given_in_passing_only_count_near_their_question():
    assert answers.volunteered_answers("WMS 拣货日志和库位表，数据都在数据湖里，质量还可以", "data_sources") == {
        "data_location": "central",
        "data_quality": "mixed",
    }
    assert answers.volunteered_answers(
        "重要肯定重要，也确实是个真问题。数据嘛，三年的工单都躺在那没人用", "q_important"
    ) == {"q_real_problem": "yes", "q_unused_data": "yes"}
    assert answers.volunteered_answers("一次分派准确率从70%提到90%", "metric") == {}
    assert answers.volunteered_answers("能，营销自动化平台有API", "q_can_ship") == {}


@pytest.mark.parametrize(
    "text, decision, note",
    [
        ("approve plan 1: solid metric, start with the pilot", "approved", "solid metric, start with the pilot"),
        ("批准12号计划，意见：先从试点做起", "approved", "先从试点做起"),
        ("12号退回去，让他们把数据来源写清楚", "needs_work", "让他们把数据来源写清楚"),
        (
            "send 12 back - the baseline is vague, need current numbers",
            "needs_work",
            "the baseline is vague, need current numbers",
        ),
        ("这个计划12可以过了", "approved", None),
        ("approve plan 5", "approved", None),
        ("1号可以，给过吧", "approved", None),
        ("风控那个2不行，打回去", "needs_work", None),
        # an approval word under a negation sends back; a "note" that only restates the decision is no note
        ("I'm not comfortable approving this one as it stands. I'll send it back.", "needs_work", None),
        ("This one is not ready at all. Please send #1 back to them", "needs_work", None),
        ("Ok, looks solid. I approve it.", "approved", None),
        ("不能批准，数据来源没写清楚", "needs_work", None),
    ],
)
def test_a_review_in_one_message(text, decision, note):
    assert answers.split_review(text) == (decision, note)


@pytest.mark.parametrize(
    "text, reason",
    [
        ("我们法务部明年不做机器学习计划了，主要精力要放在合规系统迁移上", "主要精力要放在合规系统迁移上"),
        (
            "we're skipping ML this cycle because the team is tied up with the ERP migration",
            "the team is tied up with the ERP migration",
        ),
        ("our unit has no ML plan this year", None),
        ("你好，我们法务部明年没有机器学习计划，想报备一下", None),
        ("we won't have an ML plan this year, just letting you know", None),
    ],
)
def test_the_reason_given_with_no_plan(text, reason):
    assert answers.reason_in(text) == reason


@pytest.mark.parametrize("text", ["不确定", "not sure", "idk", "还没想好", "no idea"])
def test_a_bare_not_sure_is_a_skip_at_a_text_question(text):
    assert answers.unsure_alone(text)


@pytest.mark.parametrize(
    "text", ["门店补货", "Demand forecasting", "缺货导致销售损失", "we predict demand", "2", "Priya"]
)
def test_real_answers_have_substance(text):
    assert answers.has_substance(text)


@pytest.mark.parametrize("text", ["", "   ", "asdf", "qwer", "😀😀", "哈哈哈", "aaaa", "?!"])
def test_mash_and_empty_answers_do_not(text):
    assert not answers.has_substance(text)


def test_skipped_values_follow_the_field():
    assert answers.skipped_value("data_location") == "unknown"
    assert answers.skipped_value("q_important") is None
    assert answers.skipped_value("value_branches") == []
    assert answers.skipped_value("title") is None


@pytest.mark.parametrize(
    "text, asked, expected",
    [
        (
            "CRM and ERP; the data is siloed and the quality is poor",
            "data_sources",
            {"data_location": "siloed", "data_quality": "poor"},
        ),
        (
            "CRM 和 ERP，数据分散在各个系统，质量也很差",
            "data_sources",
            {"data_location": "siloed", "data_quality": "poor"},
        ),
        ("数据质量一般", "data_sources", {"data_quality": "mixed"}),
        (
            "王总. Failures are budgeted, and we will scale through a platform",
            "executive_sponsor",
            {"failure_tolerance": "budgeted", "scaling_path": "platform"},
        ),
        ("the data quality is good but the data is siloed", "data_location", {"data_quality": "good"}),
        # where the data lives combines over the whole message
        (
            "工单的都同步到公司数据湖了，通话转写还在供应商那边的平台上，没拉回来。质量嘛参差不齐",
            "data_sources",
            {"data_location": "mixed", "data_quality": "mixed"},
        ),
        (
            "SAP order history and web analytics. some of it is in the data lake, "
            "the web stuff only lives in Google Analytics",
            "data_sources",
            {"data_location": "mixed"},
        ),
    ],
)
def test_answers_given_in_passing_are_found_clause_by_clause(text, asked, expected):
    assert answers.volunteered_answers(text, asked) == expected


@pytest.mark.parametrize(
    "text, asked",
    [
        ("sales data from the CRM", "data_sources"),
        ("not sure", "data_quality"),
        ("the quality is good, no wait, the quality is poor", "data_sources"),
        ("siloed", "data_location"),
        ("then not really, we already feed all the bank data into the Excel model", "q_unused_data"),
        ("那有，考勤、绩效、调薪记录、内部调查问卷都在HR系统里，基本只拿来出报表", "q_unused_data"),
    ],
)
def test_nothing_is_taken_from_a_passing_remark_unless_it_is_clear(text, asked):
    assert answers.volunteered_answers(text, asked) == {}


def test_markup_around_a_passing_answer_yields_only_the_option():
    assert answers.volunteered_answers("<script>alert('data is siloed')</script>" * 200, "data_sources") == {
        "data_location": "siloed"
    }


def test_a_labelled_title_keeps_its_dash_and_gives_the_problem():
    title, problem = answers.clean_text(
        "title", "Title: Spend-mix optimiser (MMM) - FY27. What it fixes: we split a 9 million media budget by habit"
    )
    assert (title, problem) == ("Spend-mix optimiser (MMM) - FY27", "we split a 9 million media budget by habit")


@pytest.mark.parametrize(
    "field, text, expected",
    [
        # an option that concludes a long answer decides it
        (
            "data_location",
            "The contracts are all in iManage, the tickets in ServiceNow, neither is in the data lake. So siloed.",
            "siloed",
        ),
        (
            "data_location",
            "Mostly in our own observability stack, not the company data lake, so siloed, I'd say.",
            "siloed",
        ),
        ("data_location", "mostly siloed, each branch keeps its own folders", "siloed"),
        (
            "data_location",
            "影像和理赔数据去年已经同步进集团的数据湖了，配件价格库也在里面，所以基本是集中的。",
            "central",
        ),
        (
            "data_quality",
            "the alert data is fine but the incident records are badly categorised. So poor, unfortunately.",
            "poor",
        ),
        ("q_needs_ml", "可能需要吧，用简单的规则打分效果有限。我就答需要好了。", "yes"),
        # a budget under a negation is no budget; a hedge followed by more hedging stays a hedge
        (
            "failure_tolerance",
            "there's no separate budget for experiments, so realistically it has to work. Must succeed.",
            "must_succeed",
        ),
        ("failure_tolerance", "领导的原话是“要做就要做成”，没有给试错留预算。", "must_succeed"),
        ("failure_tolerance", "not sure, havent talked budget for failures with sandra yet", "unsure"),
        ("q_can_do_alone", "我部有两名建模人员，但工程化能力不足，独立完成有困难。", "no"),
        ("pilot_team", "會，先以香港和深圳兩個共享中心做試點。", "yes"),  # traditional characters
        ("scaling_path", "after the pilot we put it into the annual planning", "annual_planning"),
    ],
)
def test_conclusions_negations_and_traditional_characters(field, text, expected):
    assert answers.parse_choice(field, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Time saved for the planners, and revenue... no, scratch revenue, it's a cost saving. "
            "Time saved and customer service.",
            ["time_saved", "customer_service"],
        ),
        (
            "Time saved mainly, and customer service. Also new opportunities, "
            "a faster turnaround as part of the sales process.",
            ["time_saved", "new_opportunities", "customer_service"],
        ),
        ("主要是節省時間和收入（挽回損失）兩方面。", ["revenue", "time_saved"]),
        (
            "time saved, customer service and new opportunities - all three",
            ["time_saved", "new_opportunities", "customer_service"],
        ),
        ("all of them", ["revenue", "time_saved", "new_opportunities", "customer_service", "upsell"]),
    ],
)
def test_branches_taken_back_or_only_looking_like_one_are_left_out(text, expected):
    assert answers.parse_branches(text) == expected


@pytest.mark.parametrize(
    "text, title",
    [
        ("名字嘛，就叫智能排班好了", "智能排班"),
        ("嗯 那个 就叫供应商风险预警吧", "供应商风险预警"),
        ("标题：AR 逾期预测", "AR 逾期预测"),
        ("叫它“客服工单分流”就行", "客服工单分流"),
        ("暂定名：设备预测性维护", "设备预测性维护"),
        ("let's go with 'Churn radar'", "Churn radar"),
        ("I'd call it demand sensing, working title", "demand sensing"),
        ("门店补货需求预测", "门店补货需求预测"),
    ],
)
def test_a_title_is_kept_without_the_words_around_it(text, title):
    assert answers.clean_text("title", text)[0] == title
