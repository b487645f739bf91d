"""The Rasa server's check of the action server's replies, with the JSON-schema validator
built once instead of on every call.

Rasa 3.6 (`RemoteAction._validate_action_result`) checks each reply with
`jsonschema.validate(reply, schema)`, which first validates the large events schema
against its metaschema, every time: profiled, that was the largest single cost of a turn
(about a third of the Rasa server's CPU time). The replacement checks every reply against
the same schema and raises the same `ValidationError` with the same message; it is
installed when the Rasa server loads the model (`bot.nlu.context`).
"""
from __future__ import annotations

import functools
from typing import Any, Dict, Text

_MARK = "_mlplan_cached_validator"


@functools.lru_cache(maxsize=None)
def _validator(action_class: type):
    import jsonschema

    schema = action_class.action_response_format_spec()
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)  # once, as jsonschema.validate does on each call
    return cls(schema)


def validate_action_result(self, result: Dict[Text, Any]) -> bool:
    """`RemoteAction._validate_action_result`, with a cached validator."""
    from jsonschema.exceptions import best_match

    from rasa.shared.constants import DOCS_BASE_URL

    error = best_match(_validator(type(self)).iter_errors(result))
    if error is not None:
        error.message += (
            f". Failed to validate Action server response from API, "
            f"make sure your response from the Action endpoint is valid. "
            f"For more information about the format visit "
            f"{DOCS_BASE_URL}/custom-actions"
        )
        raise error
    return True


def install() -> None:
    from rasa.core.actions.action import RemoteAction

    if not getattr(RemoteAction._validate_action_result, _MARK, False):
        setattr(validate_action_result, _MARK, True)
        RemoteAction._validate_action_result = validate_action_result
