"""Two hot spots of Rasa 3.6 made cheaper in the Rasa server, with the same results.

Installed when the Rasa server loads the model (`bot.nlu.context`); found by profiling a
turn (docs/performance.md):

- The action server's replies: `RemoteAction._validate_action_result` checks each reply
  with `jsonschema.validate(reply, schema)`, which first validates the large events
  schema against its metaschema, on every call (about a third of the Rasa server's CPU
  time). Here every reply is checked against the same schema by a validator built once,
  and a bad reply raises the same `ValidationError` with the same message.
- Reading a stored conversation: `Event.resolve_by_type` walks every subclass of
  `Event` for every event of the tracker (a quarter of the CPU time after the first
  fix). Here the type names are looked up in a table, rebuilt when a name is missing.
"""

from __future__ import annotations

import functools
from typing import Any, Dict, Optional, Text, Type

_MARK = "_mlplan_speedup"


@functools.cache
def _validator(action_class: Any):
    import jsonschema

    schema = action_class.action_response_format_spec()
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)  # once, as jsonschema.validate does on each call
    return cls(schema)


def validate_action_result(self, result: Dict[Text, Any]) -> bool:
    """`RemoteAction._validate_action_result`, with a validator built once."""
    from jsonschema.exceptions import best_match
    from rasa.shared.constants import DOCS_BASE_URL

    error = best_match(_validator(self.__class__).iter_errors(result))
    if error is not None:
        error.message += (
            f". Failed to validate Action server response from API, "
            f"make sure your response from the Action endpoint is valid. "
            f"For more information about the format visit "
            f"{DOCS_BASE_URL}/custom-actions"
        )
        raise error
    return True


_event_types: Dict[Text, type] = {}


def _event_table() -> Dict[Text, type]:
    from rasa.shared.core.events import Event
    from rasa.shared.utils.common import all_subclasses

    table: Dict[Text, type] = {}
    for cls in all_subclasses(Event):
        table.setdefault(cls.type_name, cls)  # the first, as Rasa's loop finds it
    return table


def resolve_by_type(type_name: Text, default: Optional[Type[Any]] = None) -> Optional[Type[Any]]:
    """`Event.resolve_by_type` from a table of the event classes."""
    cls = _event_types.get(type_name)
    if cls is None:
        _event_types.clear()
        _event_types.update(_event_table())  # an event class imported since
        cls = _event_types.get(type_name)
    if cls is not None:
        return cls
    if type_name == "topic":
        return None  # as Rasa: old TopicSet events
    if default is not None:
        return default
    raise ValueError(f"Unknown event name '{type_name}'.")


def install() -> None:
    from rasa.core.actions.action import RemoteAction
    from rasa.shared.core.events import Event

    if not getattr(RemoteAction._validate_action_result, _MARK, False):
        setattr(validate_action_result, _MARK, True)
        RemoteAction._validate_action_result = validate_action_result
    if not getattr(Event.resolve_by_type, _MARK, False):
        setattr(resolve_by_type, _MARK, True)
        Event.resolve_by_type = staticmethod(resolve_by_type)
