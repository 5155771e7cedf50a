from __future__ import annotations

import uuid
from typing import Any, NoReturn

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from servicepunt.core.errors import AppendOnlyError


class AccessLogQuerySet(models.QuerySet["AccessLogEntry"]):
    def update(self, **kwargs: Any) -> NoReturn:
        raise AppendOnlyError("access log entries cannot be changed")

    def delete(self) -> NoReturn:  # type: ignore[override]
        raise AppendOnlyError("access log entries cannot be removed")


class AccessLogEntry(models.Model):
    """Who viewed which personal data, when, on which screen or API call, and why."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    at = models.DateTimeField(_("moment"), auto_now_add=True, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("medewerker")
    )
    subject_type = models.CharField(
        _("soort gegevens"), max_length=40, help_text=_("Bijvoorbeeld infoflits of inwoner.")
    )
    subject_id = models.CharField(
        _("kenmerk"), max_length=64, db_index=True, help_text=_("Het publieke kenmerk (uuid) van wat is bekeken.")
    )
    screen = models.CharField(_("scherm of API-aanroep"), max_length=100)
    purpose = models.CharField(_("doel"), max_length=200)

    objects = AccessLogQuerySet.as_manager()

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("toegang tot persoonsgegevens")
        verbose_name_plural = _("toegangslog")
        default_permissions = ()
        permissions = [("view_accesslog", _("Mag het toegangslog inzien"))]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.user_id} {self.subject_type}:{self.subject_id}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise AppendOnlyError("access log entries cannot be changed")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise AppendOnlyError("access log entries cannot be removed")
