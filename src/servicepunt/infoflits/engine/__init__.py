"""The infoflits suggestion engine: rules as data (data/rules/*.yaml), dated parameters
(data/parameters.yaml), three-valued conditions. Pure Python, no Django.

    from servicepunt.infoflits.engine import load_ruleset, suggest, validate_situation
    ruleset = load_ruleset()            # cache it: loading validates every rule
    validate_situation(situation)       # SituationError names the field
    suggest(situation, ruleset).to_dict()
"""

from __future__ import annotations

from servicepunt.infoflits.engine.engine import suggest
from servicepunt.infoflits.engine.parameters import ParameterError
from servicepunt.infoflits.engine.results import NotSuggested, Suggestion, SuggestionResult
from servicepunt.infoflits.engine.rules import RuleError, RuleSet, load_ruleset
from servicepunt.infoflits.engine.schema import SituationError, validate_situation

__all__ = [
    "NotSuggested",
    "ParameterError",
    "RuleError",
    "RuleSet",
    "SituationError",
    "Suggestion",
    "SuggestionResult",
    "load_ruleset",
    "suggest",
    "validate_situation",
]
