"""The web chat page in Debian's headless Chromium, driven by Playwright, in each
language: sign in with a token, greet, click a button, ask a question, start a plan."""

from __future__ import annotations

import pytest

from bot import messages
from bot.channels import tokens
from tests.e2e.test_report_browser import CHROMIUM, LAUNCH_ARGS
from tests.support.servers import TEST_JWT_SECRET

pytestmark = pytest.mark.servers


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        yield browser
        browser.close()


def bot_texts(page):
    return page.eval_on_selector_all(".msg.bot", "els => els.map(e => e.textContent)")


def wait_for_bot(page, count, timeout=30000):
    page.wait_for_function(f"document.querySelectorAll('.msg.bot').length >= {count}", timeout=timeout)


def say(page, text):
    page.fill("#text", text)
    page.click("form#send button")


@pytest.mark.parametrize(
    "person, lang, hello, question, start",
    [
        ("li.wei", "zh", "你好", "我想问一下 data lake 是什么", "我要写明年的机器学习计划"),
        ("anna.smith", "en", "hello", "what is a value tree?", "I want to write next year's ML plan"),
    ],
)
def test_a_conversation_in_the_browser(assistant, browser, person, lang, hello, question, start):
    page = browser.new_page()
    external = []
    page.on("request", lambda r: external.append(r.url) if not r.url.startswith(assistant.base) else None)
    token = tokens.issue(person, 10, key=TEST_JWT_SECRET)
    page.goto(f"{assistant.base}/chat#token={token}")
    say(page, hello)
    wait_for_bot(page, 1)
    assert bot_texts(page)[0] == messages.text(
        "greet_known", lang, name={"li.wei": "李伟", "anna.smith": "Anna Smith"}[person]
    )

    say(page, question)
    wait_for_bot(page, 3)  # the answer, then the related topics with buttons
    related = page.locator(".buttons button").first
    chosen = related.text_content()
    related.click()
    wait_for_bot(page, 5)
    assert chosen in page.eval_on_selector_all(".msg.user", "els => els.map(e => e.textContent)")
    answers = bot_texts(page)
    assert len(answers) >= 5 and answers[3] not in ("", answers[1])

    before = len(bot_texts(page))
    say(page, start)
    wait_for_bot(page, before + 1)
    confirm = bot_texts(page)[-1]
    assert ("年的机器学习计划" if lang == "zh" else "ML plan for") in confirm
    page.locator(".buttons button").last.wait_for()
    page.locator(".buttons button", has_text=messages.text("button_yes", lang)).last.click()
    wait_for_bot(page, before + 3)  # the introduction, then the first question
    assert messages.text("ask.title", lang) in bot_texts(page)[-1]
    assert external == [], external
    page.close()


def test_the_page_refuses_a_bad_token(assistant, browser):
    page = browser.new_page()
    page.goto(f"{assistant.base}/chat#token=forged")
    page.wait_for_selector(".note", timeout=15000)
    assert "refused" in page.inner_text(".note") or "拒绝" in page.inner_text(".note")
    page.close()
