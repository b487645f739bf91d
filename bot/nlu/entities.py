"""Rule-based extraction of `year` and `plan_id`, normalised to integers.

"2027", "2027年", "FY27", "next year", "明年", "今年", "后年", "去年" all become a year
number (relative years against today's date, at parse time); "plan 12", "计划12",
"#12", "12号计划", "12号", and a message that is only "12" become plan id 12.
"""

from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import ENTITIES, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.nlu.numbers import find_plan_ids, find_years


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR, is_trainable=False)
class YearAndPlanIdExtractor(GraphComponent):
    @classmethod
    def create(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> YearAndPlanIdExtractor:
        return cls()

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            text = message.get(TEXT) or ""
            # these two entities are ours alone: drop any the statistical extractors guessed
            entities = [e for e in message.get(ENTITIES, []) if e.get("entity") not in ("year", "plan_id")]
            for name, spans in (("year", find_years(text)), ("plan_id", find_plan_ids(text))):
                for span in spans:
                    entities.append(
                        {
                            "entity": name,
                            "start": span["start"],
                            "end": span["end"],
                            "value": span["value"],
                            "confidence": 1.0,
                            "extractor": self.__class__.__name__,
                        }
                    )
            message.set(ENTITIES, entities, add_to_output=True)
        return messages
