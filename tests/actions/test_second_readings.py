"""When the intent model misreads a message, the action that gets it reads it again for what it
plainly says: a greeting that starts a plan, a "cancel" that is really "I'm back, go on", an unread
decision on the plan just shown."""

from __future__ import annotations

import pytest

from actions.faq import ActionAnswerFaq
from actions.plan_flow import ActionPausePlan
from actions.replies import ActionGreet
from bot import messages
from tests.actions.test_plan_actions import draft
from tests.support.forms import followup, texts
from tests.support.trackers import make_tracker

STARTING_GREETING = "Yeah hi, Sales here, gotta knock out our ML plan for '27"


def test_a_greeting_that_starts_a_plan_starts_it(directory_db, dispatcher):
    events = ActionGreet().run(dispatcher, make_tracker("anna.smith", STARTING_GREETING, slots={"language": "en"}), {})
    assert followup(events) == "action_start_plan" and texts(dispatcher)[0].startswith("Hi Anna Smith")


@pytest.mark.parametrize("sender, text", [("anna.smith", "hi"), ("james.lee", STARTING_GREETING)])
def test_a_plain_greeting_or_one_from_the_office_only_greets(directory_db, dispatcher, sender, text):
    assert followup(ActionGreet().run(dispatcher, make_tracker(sender, text, slots={"language": "en"}), {})) is None


def test_being_back_read_as_a_cancel_resumes_the_draft(directory_db, dispatcher):
    plan_id = draft({"title": "报销预审"})
    tracker = make_tracker(
        "li.wei", "回来了，刚才填到哪了？接着来吧", "cancel", slots={"language": "zh", "plan_draft_id": plan_id}
    )
    assert followup(ActionPausePlan().run(dispatcher, tracker, {})) == "action_resume_plan"


def test_a_real_cancel_with_a_draft_says_it_is_paused(directory_db, dispatcher):
    plan_id = draft({"title": "报销预审"})
    tracker = make_tracker("li.wei", "算了，先不填了", "cancel", slots={"language": "zh", "plan_draft_id": plan_id})
    ActionPausePlan().run(dispatcher, tracker, {})
    assert texts(dispatcher) == [messages.text("plan_paused", "zh", id=plan_id)]


@pytest.mark.parametrize(
    "sender, shown, followed",
    [("james.lee", 4, "action_start_review"), ("james.lee", None, None), ("anna.smith", 4, None)],
)
def test_an_unread_decision_on_the_plan_just_shown_starts_its_review(directory_db, dispatcher, sender, shown, followed):
    tracker = make_tracker(
        sender,
        "Yeah nah, that one needs more work. Flick it back to HR.",
        "nlu_fallback",
        slots={"language": "en", "last_plan_id": shown},
    )
    assert followup(ActionAnswerFaq().run(dispatcher, tracker, {})) == followed
