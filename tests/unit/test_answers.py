"""Reading typed answers to plan questions, in both languages."""
import pytest

from bot import answers


@pytest.mark.parametrize(
    "field, text, expected",
    [
        ("q_important", "是的", "yes"), ("q_important", "yes", "yes"), ("q_important", "Sure!", "yes"),
        ("q_important", "不是", "no"), ("q_important", "not really", "no"), ("q_important", "Nope", "no"),
        ("q_important", "不确定", "unsure"), ("q_important", "not sure", "unsure"), ("q_important", "maybe", "unsure"),
        ("q_needs_ml", "不需要", "no"), ("q_needs_ml", "需要", "yes"),
        ("pilot_team", "有的", "yes"), ("q_can_ship", "don't know", "unsure"),
        ("data_location", "都在数据湖里", "central"), ("data_location", "scattered across departments", "siloed"),
        ("data_location", "mixed", "mixed"), ("data_location", "不清楚", "unknown"),
        ("data_quality", "一般", "mixed"), ("data_quality", "pretty poor", "poor"), ("data_quality", "good", "good"),
        ("failure_tolerance", "必须成功", "must_succeed"), ("failure_tolerance", "we budget for failures", "budgeted"),
        ("failure_tolerance", "budgeted", "budgeted"),
        ("scaling_path", "卓越中心", "coe"), ("scaling_path", "none yet", "none_yet"), ("scaling_path", "annual_planning", "annual_planning"),
        ("scaling_path", "an end-to-end platform", "platform"),
    ],
)
def test_choices_are_read_in_both_languages(field, text, expected):
    assert answers.parse_choice(field, text) == expected


@pytest.mark.parametrize("text", ["", "yes and no", "banana", "/affirm", "😀"])
def test_unclear_choices_are_refused(text):
    assert answers.parse_choice("q_important", text) is None


@pytest.mark.parametrize(
    "text, expected",
    [
        ("收入和节省时间", ["revenue", "time_saved"]),
        ("revenue, customer service and upsell", ["revenue", "customer_service", "upsell"]),
        ("提升客户体验，增加追加销售", ["customer_service", "upsell"]),
        ("all of these", ["revenue", "time_saved", "new_opportunities", "customer_service", "upsell"]),
        ("以上全部", ["revenue", "time_saved", "new_opportunities", "customer_service", "upsell"]),
        ("New markets & automation", ["time_saved", "new_opportunities"]),
        ("nothing", []),
    ],
)
def test_value_branches_from_free_text(text, expected):
    assert answers.parse_branches(text) == expected


@pytest.mark.parametrize("text", ["门店补货", "Demand forecasting", "缺货导致销售损失", "we predict demand"])
def test_real_answers_have_substance(text):
    assert answers.has_substance(text)


@pytest.mark.parametrize("text", ["", "   ", "asdf", "qwer", "x", "😀😀", "哈哈哈", "aaaa", "123", "?!", "好"])
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
        ("CRM and ERP; the data is siloed and the quality is poor", "data_sources",
         {"data_location": "siloed", "data_quality": "poor"}),
        ("CRM 和 ERP，数据分散在各个系统，质量也很差", "data_sources", {"data_location": "siloed", "data_quality": "poor"}),
        ("都在数据湖里，数据很干净", "data_sources", {"data_location": "central", "data_quality": "good"}),
        ("王总. Failures are budgeted, and we will scale through a platform", "executive_sponsor",
         {"failure_tolerance": "budgeted", "scaling_path": "platform"}),
        ("the data quality is good but the data is siloed", "data_location", {"data_quality": "good"}),
    ],
)
def test_answers_given_in_passing_are_found_clause_by_clause(text, asked, expected):
    assert answers.volunteered_answers(text, asked) == expected


@pytest.mark.parametrize(
    "text, asked",
    [
        ("sales data from the CRM", "data_sources"),                     # mentions data, names no option
        ("数据质量一般", "data_sources"),                                   # vague options need a direct answer
        ("not sure", "data_quality"),
        ("the quality is good, no wait, the quality is poor", "data_sources"),  # two answers: neither is taken
        ("siloed", "data_location"),                                      # the question asked is not repeated
    ],
)
def test_nothing_is_taken_from_a_passing_remark_unless_it_is_clear(text, asked):
    assert answers.volunteered_answers(text, asked) == {}


def test_markup_around_a_passing_answer_yields_only_the_option():
    assert answers.volunteered_answers("<script>alert('data is siloed')</script>" * 200, "title") == {
        "data_location": "siloed"}
