"""The catalogue revision counter (see CatalogueRevision)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django.db.models import F

from servicepunt.catalogue.models import CatalogueRevision

_ROW_ID = 1
_suppressed: ContextVar[bool] = ContextVar("catalogue_revision_suppressed", default=False)


def revision_bump() -> None:
    if _suppressed.get():
        return
    updated = CatalogueRevision.objects.filter(pk=_ROW_ID).update(revision=F("revision") + 1)
    if not updated:
        CatalogueRevision.objects.get_or_create(pk=_ROW_ID, defaults={"revision": 1})


def revision_current() -> int:
    row = CatalogueRevision.objects.filter(pk=_ROW_ID).values_list("revision", flat=True).first()
    return row or 0


@contextmanager
def revision_bumps_suppressed() -> Iterator[None]:
    """During a bulk load: one bump at the end instead of one per saved row."""
    token = _suppressed.set(True)
    try:
        yield
    finally:
        _suppressed.reset(token)
