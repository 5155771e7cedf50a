from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from servicepunt.cases.choices import ContactPreference, RepresentativeKind


class Resident(models.Model):
    """A resident (inwoner) the Servicepunt helps. The BSN is optional, stored encrypted, and
    found only by an exact match on its keyed digest."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    given_name = models.CharField(_("voornaam"), max_length=100)
    surname_prefix = models.CharField(_("tussenvoegsel"), max_length=20, blank=True)
    surname = models.CharField(_("achternaam"), max_length=100, db_index=True)
    date_of_birth = models.DateField(_("geboortedatum"), null=True, blank=True, db_index=True)
    phone = models.CharField(
        _("telefoon"),
        max_length=20,
        blank=True,
        db_index=True,
        help_text=_("Opgeslagen in internationale vorm, bijvoorbeeld +31612345678."),
    )
    email = models.EmailField(_("e-mail"), blank=True)
    postcode = models.CharField(_("postcode"), max_length=6, blank=True, help_text=_("Zonder spatie: 3511AB."))
    house_number = models.CharField(_("huisnummer"), max_length=10, blank=True)
    preferred_language = models.CharField(
        _("voorkeurstaal"), max_length=10, default="nl", help_text=_("BCP 47, bijvoorbeeld nl, en, ar, tr.")
    )
    contact_preference = models.CharField(
        _("contactvoorkeur"), max_length=10, choices=ContactPreference.choices, default=ContactPreference.PHONE
    )
    needs_interpreter = models.BooleanField(_("tolk nodig"), default=False)
    reads_with_difficulty = models.BooleanField(_("leest moeilijk"), default=False)
    bsn_encrypted = models.TextField(_("BSN (versleuteld)"), blank=True, editable=False)
    bsn_digest = models.CharField(
        _("BSN-sleutel"),
        max_length=64,
        blank=True,
        db_index=True,
        editable=False,
        help_text=_("Keyed hash, alleen om exact op BSN te zoeken."),
    )
    registered_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    registered_at = models.DateTimeField(_("geregistreerd op"), default=timezone.now, editable=False)
    anonymised_at = models.DateTimeField(
        _("geanonimiseerd op"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("Na de bewaartermijn of op verzoek: naam, contactgegevens en BSN zijn gewist."),
    )

    class Meta:
        ordering = ["surname", "given_name"]
        indexes = [models.Index(fields=["postcode", "house_number"], name="resident_address")]
        constraints = [
            # One BSN is one resident (cases.services.resident_register refuses a second one with
            # the same words; this index decides when two registrations race).
            models.UniqueConstraint(
                fields=["bsn_digest"], condition=~models.Q(bsn_digest=""), name="one_resident_per_bsn"
            ),
            # An anonymised resident holds nothing that identifies them.
            models.CheckConstraint(
                condition=models.Q(anonymised_at__isnull=True)
                | models.Q(
                    surname="",
                    phone="",
                    email="",
                    postcode="",
                    house_number="",
                    bsn_encrypted="",
                    bsn_digest="",
                    date_of_birth__isnull=True,
                ),
                name="anonymised_resident_holds_no_identity",
            ),
        ]
        verbose_name = _("inwoner")
        verbose_name_plural = _("inwoners")

    def __str__(self) -> str:
        return self.full_name

    @property
    def full_name(self) -> str:
        return " ".join(part for part in (self.given_name, self.surname_prefix, self.surname) if part)

    @property
    def has_bsn(self) -> bool:
        return bool(self.bsn_encrypted)


class Representative(models.Model):
    """Someone who may act on the resident's behalf, recorded as such."""

    resident = models.ForeignKey(Resident, on_delete=models.CASCADE, related_name="representatives")
    name = models.CharField(_("naam"), max_length=200)
    kind = models.CharField(_("soort"), max_length=20, choices=RepresentativeKind.choices)
    phone = models.CharField(_("telefoon"), max_length=20, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)

    class Meta:
        verbose_name = _("vertegenwoordiger")
        verbose_name_plural = _("vertegenwoordigers")

    def __str__(self) -> str:
        return f"{self.name} ({self.get_kind_display()})"
