from __future__ import annotations

from typing import Any

from rest_framework import serializers

from servicepunt.core.errors import InvalidInput
from servicepunt.infoflits.selectors import situation_checked


class SituationSerializer(serializers.BaseSerializer[Any]):
    """A Situation per situation.schema.json; amounts may also be written as at the counter
    ("1.800,50"). The same checks and words as the step forms and the CLI (situation_checked)."""

    def to_internal_value(self, data: Any) -> dict[str, Any]:
        try:
            return situation_checked(data)
        except InvalidInput as error:
            raise serializers.ValidationError({error.field or "situation": [error.message]}) from error
