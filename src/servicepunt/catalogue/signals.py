"""Every change to catalogue content raises the catalogue revision, so the triage index and
other caches rebuild. Bulk loads raise it once themselves."""

from __future__ import annotations

from typing import Any

from django.db.models.signals import m2m_changed, post_delete, post_save

from servicepunt.catalogue.models import (
    EntryPoint,
    LifeDomain,
    Organisation,
    Product,
    ProductContent,
    SearchTerm,
)
from servicepunt.catalogue.services.revision import revision_bump

_WATCHED = (LifeDomain, Organisation, EntryPoint, Product, ProductContent, SearchTerm)


def _on_change(sender: Any, **kwargs: Any) -> None:
    if kwargs.get("raw"):
        return
    revision_bump()


for _model in _WATCHED:
    post_save.connect(_on_change, sender=_model, dispatch_uid=f"catalogue-revision-save-{_model.__name__}")
    post_delete.connect(_on_change, sender=_model, dispatch_uid=f"catalogue-revision-delete-{_model.__name__}")
m2m_changed.connect(_on_change, sender=Product.domains.through, dispatch_uid="catalogue-revision-domains")
m2m_changed.connect(_on_change, sender=Product.entry_points.through, dispatch_uid="catalogue-revision-entry-points")
