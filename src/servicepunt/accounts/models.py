from __future__ import annotations

from typing import Any, NoReturn

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from servicepunt.accounts.choices import SecurityEventKind
from servicepunt.core.errors import AppendOnlyError


class User(AbstractUser):
    """A staff member. Partner staff are bound to the one organisation whose work they see."""

    organisation = models.ForeignKey(
        "catalogue.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="staff",
        verbose_name=_("organisatie"),
        help_text=_("Verplicht voor partner-medewerkers: zij zien alleen het werk van deze organisatie."),
    )

    class Meta:
        verbose_name = _("medewerker")
        verbose_name_plural = _("medewerkers")


class SecurityEventQuerySet(models.QuerySet["SecurityEvent"]):
    def update(self, **kwargs: Any) -> NoReturn:
        raise AppendOnlyError("security events cannot be changed")


class SecurityEvent(models.Model):
    """One sign-in event (BIO 12.4.1, event logging): signing in and out, a failed sign-in, the
    second step passed or failed (with which means: the app or a recovery code) and setting up the
    app. For the functioneel beheerder to see an attack on an account; no resident data."""

    at = models.DateTimeField(_("moment"), default=timezone.now, db_index=True)
    kind = models.CharField(_("gebeurtenis"), max_length=30, choices=SecurityEventKind.choices)
    user = models.ForeignKey(
        User, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("medewerker")
    )
    username = models.CharField(_("gebruikersnaam"), max_length=150, help_text=_("Zoals ingetypt bij inloggen."))
    address = models.GenericIPAddressField(_("IP-adres"), null=True, blank=True)
    means = models.CharField(_("middel"), max_length=20, blank=True, help_text=_("wachtwoord, sso, app of herstelcode"))

    objects = SecurityEventQuerySet.as_manager()

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("inloggebeurtenis")
        verbose_name_plural = _("inloggebeurtenissen")
        default_permissions = ("view",)
        constraints = [
            models.CheckConstraint(
                condition=models.Q(kind__in=SecurityEventKind.values), name="security_event_kind_known"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.username} {self.kind}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise AppendOnlyError("security events cannot be changed")
        super().save(*args, **kwargs)
