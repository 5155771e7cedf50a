"""Test support of the infoflits: its rows and the decision values, for the tests of the apps
above it (which may not import `infoflits.models`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from servicepunt.infoflits.choices import Decision
from servicepunt.infoflits.models import Infoflits, SituationVersion, SuggestionDecision

if TYPE_CHECKING:
    from django.db.models import Manager

__all__ = ["Decision", "infoflits_rows", "situation_version_rows", "suggestion_decision_rows"]


def infoflits_rows() -> Manager[Infoflits]:
    return Infoflits.objects


def situation_version_rows() -> Manager[SituationVersion]:
    return SituationVersion.objects


def suggestion_decision_rows() -> Manager[SuggestionDecision]:
    return SuggestionDecision.objects
