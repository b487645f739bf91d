from bot import messages


def test_every_message_exists_in_both_languages_with_the_same_placeholders():
    for key, entry in messages.catalogue().items():
        assert set(entry) == {"zh", "en"}, key
        assert entry["zh"].strip() and entry["en"].strip(), key
        assert messages.placeholders(entry["zh"]) == messages.placeholders(entry["en"]), key


def test_text_fills_placeholders_and_tolerates_missing_values():
    assert messages.text("greet_known", "en", name="Anna") == messages.catalogue()["greet_known"]["en"].replace(
        "{name}", "Anna"
    )
    assert messages.text("greet_known", "en", name="Anna").startswith("Hi Anna!")
    assert "李伟" in messages.text("greet_known", "zh", name="李伟")
    assert "{name}" in messages.text("greet_known", "en")
    assert messages.text("goodbye", "fr") == messages.text("goodbye", "zh")


def test_user_text_is_not_reinterpreted_as_a_template():
    assert "{language}" in messages.text("greet_known", "en", name="{language}")


def _told(name: str, channel: str, status: str = "sent"):
    from bot.reminders import Reminded

    return Reminded(name.lower(), name, "hr", "人力资源部", "HR", "decision", "approved", 1, channel, status)


def test_a_decision_told_to_many_leads_is_one_line_per_channel():
    from bot.cycle_text import decision_told_text

    told = [_told(f"Lead {i}", "web", "pending-web") for i in range(12)] + [_told("Ann", "slack")]
    text = decision_told_text(told, "en")
    assert text.count("web-chat visit") == 1 and "Lead 0, Lead 1, Lead 2, Lead 3, Lead 4 and 7 more" in text
    assert "Ann has been told in a Slack direct message." in text and "Lead 5" not in text
    assert "张三、李四 没有用 Slack" in decision_told_text([_told("张三", "web"), _told("李四", "web")], "zh")
    assert decision_told_text([_told("Bo", "web"), _told("Al", "web")], "en").startswith("Bo and Al aren't on Slack")
