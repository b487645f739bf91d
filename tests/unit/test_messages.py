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
