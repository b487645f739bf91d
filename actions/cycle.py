"""The planning cycle in chat: the deadline (anyone), setting it and reminding the units
that have not filed (the planning office). The work is in bot/cycle.py and bot/reminders.py."""

from __future__ import annotations

from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.context import identify
from actions.forms import Request
from actions.replies import Turn
from bot import cycle, cycle_text, planning, reminders, roles
from bot.roles import Permission
from bot.store.db import session_scope

EventList = List[Dict[Text, Any]]


def year_asked(tracker: Tracker) -> Optional[int]:
    """A planning year the message names (the `year` entity), when it is one of the cycle's years."""
    years = [int(y) for y in tracker.get_latest_entity_values("year")]
    return next((y for y in years if planning.in_cycle(y)), None)


class ActionTellDeadline(Request):
    def name(self) -> Text:
        return "action_tell_deadline"

    def handle(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> EventList:
        turn = Turn(dispatcher, tracker)
        with session_scope() as session:
            dispatcher.utter_message(text=cycle_text.deadline_answer(session, year_asked(tracker), turn.lang))
        return []


class ActionSetDeadline(Request):
    """ "Set the 2027 deadline to 15 December": opens the cycle, or moves its deadline."""

    def name(self) -> Text:
        return "action_set_deadline"

    def handle(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> EventList:
        turn = Turn(dispatcher, tracker)
        identity = identify(tracker)
        if not roles.can(identity, Permission.RUN_CYCLE):
            turn.say("deadline_not_allowed")
            return []
        text = tracker.latest_message.get("text") or ""
        deadline = cycle.read_date(text)
        if deadline is None:
            turn.say("deadline_set_which_date")
            return []
        with session_scope() as session:
            current = cycle.current(session)
            year = cycle.year_in_request(text) or (current.year if current else planning.default_year())
            try:
                change = cycle.open_cycle(session, year, deadline, actor=identity.person_id)
            except cycle.CycleError as error:
                dispatcher.utter_message(text=cycle_text.cycle_error_text(error, turn.lang))
                return []
            dispatcher.utter_message(text=cycle_text.cycle_change_text(change, turn.lang))
        return []


class ActionRemindUnits(Request):
    """ "Remind the units that haven't filed": the same run as `mlplan remind`, reported in chat."""

    def name(self) -> Text:
        return "action_remind_units"

    def handle(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> EventList:
        turn = Turn(dispatcher, tracker)
        if not roles.can(identify(tracker), Permission.RUN_CYCLE):
            turn.say("remind_not_allowed")
            return []
        with session_scope() as session:
            current = cycle.current(session)
            year = year_asked(tracker) or (current.year if current else planning.default_year())
            try:
                report = reminders.remind(session, year)
            except cycle.CycleError as error:
                dispatcher.utter_message(text=cycle_text.cycle_error_text(error, turn.lang))
                return []
            dispatcher.utter_message(text=cycle_text.remind_report_text(report, turn.lang))
        return []
