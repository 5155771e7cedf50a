"""Triage engine ("Waar moet ik beginnen?"): from a resident's own words to ranked products.

Pure Python, no Django: build a :class:`TriageIndex` from :class:`ProductDoc` objects once
(it pickles, so it can be cached on disk) and call :meth:`TriageIndex.search` per question.
"""

from __future__ import annotations

from servicepunt.triage.engine.index import TriageIndex
from servicepunt.triage.engine.language import detect_language
from servicepunt.triage.engine.model import EmptyQueryError, Match, Need, NeedDoc, ProductDoc, TriageAnswer
from servicepunt.triage.engine.needs import default_needs

__all__ = [
    "EmptyQueryError",
    "Match",
    "Need",
    "NeedDoc",
    "ProductDoc",
    "TriageAnswer",
    "TriageIndex",
    "default_needs",
    "detect_language",
]
