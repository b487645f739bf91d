"""Where a conversation stands: the values of the dialogue's state slots.

The dialogue is rules and forms (docs/architecture.md, "The plan conversation"). Between
messages, where a conversation stands is held in four slots of domain.yml (the "every form"
and "plan" groups), and only these values are ever written to them:

| slot           | set by                                    | read by                                   |
|----------------|-------------------------------------------|-------------------------------------------|
| `form_exit`    | a form's validation, when the user leaves  | the form's `action_*_done` (what next)    |
| `confirming`   | the request that needs a yes first          | confirm_form's validation and its done    |
| `reask`        | a validation that answered something else  | the next `action_ask_*` (how to ask again) |
| `plan_editing` | a request to change an answer               | plan_form's `required_slots` (asked first) |

Each is None when nothing is pending. The constants are plain strings, so they can be put in
slots and compared with what a tracker holds.
"""

from __future__ import annotations


class FormExit:
    """`form_exit`: why the user left a form; the form's `action_*_done` acts on it."""

    PAUSE = "pause"  # "pause", "算了，不填了", "I'll finish later": the form stops, the draft stays
    LEAVE = "leave"  # "bye" mid-form: as PAUSE, with a goodbye
    WITHDRAW = "withdraw"  # "withdraw our plan" mid-form: the form stops, then action_confirm_withdraw
    NO_PLAN = "no_plan"  # "we have no ML plan" mid-form: the form stops, then action_start_no_plan
    EDIT = "edit"  # "change the sponsor" in a form other than the plan's: it stops, then action_edit_plan
    START_PLAN = "start_plan"  # "we'll file one after all" at the no-plan reason: it stops, then action_start_plan
    REFUSED = "refused"  # the draft may no longer be changed by this person (bot/roles.py): the form stops

    LEAVING = (PAUSE, LEAVE, WITHDRAW, NO_PLAN)  # read from the message as a command of that name


class Confirming:
    """`confirming`: what the pending yes/no of confirm_form is about."""

    START = "start"  # start a plan for this unit and year?
    START_YEAR = "start_year"  # which year, then (after a no to START); the question takes a year
    SUBMIT = "submit"  # submit the plan whose summary was just shown?
    WITHDRAW = "withdraw"  # withdraw plan N?
    REVIEW = "review"  # record this review decision (a review request read with less confidence)?

    ALL = (START, START_YEAR, SUBMIT, WITHDRAW, REVIEW)


class Reask:
    """`reask`: how the next `action_ask_*` asks the pending question (bot.dialogue.prompts)."""

    SHORT = "short"  # after a complaint ("that is not one of the options"): the question alone
    BACK = "back"  # after a digression (an FAQ answer, an explanation, a change): "back to: ..."
    AGAIN = "again"  # after repeated failed tries: every option as a button, with skip and pause
    SILENT = "silent"  # after "hold on": nothing; the question stands as it was asked

    ALL = (SHORT, BACK, AGAIN, SILENT)


CHOOSING_A_FIELD = "?"  # `plan_editing` while the lead is asked which answer to change
