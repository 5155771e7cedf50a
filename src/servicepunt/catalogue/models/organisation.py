from __future__ import annotations

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _

from servicepunt.catalogue.choices import OrganisationKind


class Organisation(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    code = models.SlugField(_("code"), max_length=60, unique=True, help_text=_("Vaste code; verandert nooit."))
    name = models.CharField(_("naam"), max_length=200)
    name_en = models.CharField(_("naam (Engels)"), max_length=200, blank=True)
    kind = models.CharField(_("soort"), max_length=20, choices=OrganisationKind.choices)
    website = models.URLField(_("website"), blank=True)
    phone = models.CharField(_("telefoon"), max_length=40, blank=True)
    description_nl = models.TextField(_("beschrijving"), blank=True)
    description_en = models.TextField(_("beschrijving (Engels)"), blank=True)
    active = models.BooleanField(
        _("actief"), default=True, help_text=_("Niet meer in de catalogusbestanden: blijft bewaard voor de historie.")
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisatie")
        verbose_name_plural = _("organisaties")

    def __str__(self) -> str:
        return self.name


class Location(models.Model):
    """A physical address where residents can go."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="locations")
    code = models.SlugField(_("code"), max_length=80, help_text=_("Uniek binnen de organisatie."))
    name = models.CharField(_("naam"), max_length=200)
    street = models.CharField(_("straat"), max_length=200, blank=True)
    house_number = models.CharField(_("huisnummer"), max_length=20, blank=True)
    postcode = models.CharField(_("postcode"), max_length=10, blank=True)
    city = models.CharField(_("plaats"), max_length=100, blank=True)
    accessibility_nl = models.TextField(_("toegankelijkheid"), blank=True)
    accessibility_en = models.TextField(_("toegankelijkheid (Engels)"), blank=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "code"], name="unique_location_per_organisation")
        ]
        verbose_name = _("locatie")
        verbose_name_plural = _("locaties")

    def __str__(self) -> str:
        return self.name

    @property
    def address_line(self) -> str:
        street = " ".join(part for part in (self.street, self.house_number) if part)
        town = " ".join(part for part in (self.postcode, self.city) if part)
        return ", ".join(part for part in (street, town) if part)


class EntryPoint(models.Model):
    """A loket: where a resident reaches an organisation (a desk, a phone line, a video call)."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    code = models.SlugField(_("code"), max_length=80, unique=True)
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="entry_points")
    location = models.ForeignKey(
        Location,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="entry_points",
        verbose_name=_("locatie"),
    )
    name_nl = models.CharField(_("naam"), max_length=200)
    name_en = models.CharField(_("naam (Engels)"), max_length=200, blank=True)
    channels = models.JSONField(
        _("kanalen"), default=list, help_text=_("Eén of meer van: balie, telefoon, video, e-mail, website.")
    )
    phone = models.CharField(_("telefoon"), max_length=40, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    website = models.URLField(_("website"), blank=True)
    languages = models.JSONField(_("talen"), default=list, help_text=_("Talen die hier gesproken worden (BCP 47)."))
    accessibility_nl = models.TextField(_("toegankelijkheid"), blank=True)
    accessibility_en = models.TextField(_("toegankelijkheid (Engels)"), blank=True)
    appointments = models.BooleanField(
        _("afspraak mogelijk"), default=False, help_text=_("Kan het Servicepunt hier een afspraak maken?")
    )
    active = models.BooleanField(_("actief"), default=True)

    class Meta:
        ordering = ["organisation__name", "name_nl"]
        verbose_name = _("loket")
        verbose_name_plural = _("loketten")

    def __str__(self) -> str:
        return self.name_nl


class OpeningHours(models.Model):
    """One opening interval on a weekday (0 = Monday). A day may have several intervals."""

    entry_point = models.ForeignKey(EntryPoint, on_delete=models.CASCADE, related_name="opening_hours")
    weekday = models.PositiveSmallIntegerField(_("weekdag"), help_text=_("0 = maandag … 6 = zondag"))
    opens = models.TimeField(_("open vanaf"))
    closes = models.TimeField(_("open tot"), help_text=_("00:00 betekent middernacht (einde van de dag)."))

    class Meta:
        ordering = ["weekday", "opens"]
        verbose_name = _("openingstijd")
        verbose_name_plural = _("openingstijden")


class OpeningException(models.Model):
    """A dated deviation from the weekly hours: closed, or other hours."""

    entry_point = models.ForeignKey(EntryPoint, on_delete=models.CASCADE, related_name="opening_exceptions")
    date = models.DateField(_("datum"))
    closed = models.BooleanField(_("gesloten"), default=False)
    hours = models.JSONField(
        _("afwijkende tijden"),
        default=list,
        blank=True,
        help_text=_('Lijst van "HH:MM-HH:MM" als het loket anders open is.'),
    )
    note_nl = models.CharField(_("toelichting"), max_length=200, blank=True)
    note_en = models.CharField(_("toelichting (Engels)"), max_length=200, blank=True)

    class Meta:
        ordering = ["date"]
        constraints = [models.UniqueConstraint(fields=["entry_point", "date"], name="one_exception_per_day")]
        verbose_name = _("afwijkende openingstijd")
        verbose_name_plural = _("afwijkende openingstijden")
