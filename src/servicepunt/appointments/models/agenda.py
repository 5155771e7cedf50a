"""An agenda: the bookable time of one entry point (loket) with its products, weekly hours,
exceptions, desks and booking rules. Empty rule fields take the dated default of
data/parameters.yaml."""

from __future__ import annotations

import datetime as dt
import uuid

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from servicepunt.appointments.choices import ExceptionKind, GoodFridayChoice, LiberationDayChoice
from servicepunt.appointments.engine import Mode


class Agenda(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    code = models.SlugField(_("code"), max_length=80, unique=True, help_text=_("Vaste code; verandert nooit."))
    name = models.CharField(_("naam"), max_length=200)
    entry_point = models.ForeignKey(
        "catalogue.EntryPoint",
        on_delete=models.PROTECT,
        related_name="agendas",
        verbose_name=_("loket"),
        help_text=_("Het loket van de organisatie waar deze agenda bij hoort."),
    )
    desks = models.PositiveSmallIntegerField(
        _("aantal balies"),
        default=1,
        validators=[MinValueValidator(1)],
        help_text=_("Zoveel afspraken kunnen tegelijk plaatsvinden."),
    )
    in_person = models.BooleanField(_("op locatie"), default=True)
    phone = models.BooleanField(_("telefoon"), default=False)
    video = models.BooleanField(_("videobellen"), default=False)
    slot_step_minutes = models.PositiveSmallIntegerField(
        _("tijdrooster (minuten)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_("Leeg: de standaard uit de parameters."),
    )
    lead_time_minutes = models.PositiveIntegerField(
        _("minimale tijd vooraf (minuten)"), null=True, blank=True, help_text=_("Leeg: de standaard uit de parameters.")
    )
    horizon_days = models.PositiveSmallIntegerField(
        _("zo ver vooruit (dagen)"), null=True, blank=True, help_text=_("Leeg: de standaard uit de parameters.")
    )
    liberation_day = models.CharField(
        _("Bevrijdingsdag (5 mei)"),
        max_length=20,
        choices=LiberationDayChoice.choices,
        blank=True,
        help_text=_("Leeg: de standaard uit de parameters."),
    )
    good_friday = models.CharField(
        _("Goede Vrijdag"),
        max_length=10,
        choices=GoodFridayChoice.choices,
        blank=True,
        help_text=_("Leeg: de standaard uit de parameters."),
    )
    building = models.CharField(
        _("gebouw"),
        max_length=80,
        blank=True,
        help_text=_(
            "Leeg: het gebouw volgt uit de locatie van het loket. Agenda's in hetzelfde gebouw kunnen "
            "afspraken na elkaar combineren."
        ),
    )
    active = models.BooleanField(_("actief"), default=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("agenda")
        verbose_name_plural = _("agenda's")
        permissions = [("manage_agendas", _("Mag agenda's beheren (partners alleen die van de eigen organisatie)"))]

    def __str__(self) -> str:
        return self.name

    @property
    def modes(self) -> frozenset[Mode]:
        flags = {Mode.IN_PERSON: self.in_person, Mode.PHONE: self.phone, Mode.VIDEO: self.video}
        return frozenset(mode for mode, on in flags.items() if on)

    def clean(self) -> None:
        if not self.modes:
            raise ValidationError(_("Kies minstens één manier: op locatie, telefoon of videobellen."))


class AgendaProduct(models.Model):
    """A product this agenda offers, and how long its appointment takes here."""

    agenda = models.ForeignKey(Agenda, on_delete=models.CASCADE, related_name="offers")
    product = models.ForeignKey(
        "catalogue.Product", on_delete=models.PROTECT, related_name="agenda_offers", verbose_name=_("product")
    )
    duration_minutes = models.PositiveSmallIntegerField(_("duur (minuten)"), validators=[MinValueValidator(1)])

    class Meta:
        ordering = ["agenda", "product__name"]
        constraints = [models.UniqueConstraint(fields=["agenda", "product"], name="one_duration_per_agenda_product")]
        verbose_name = _("product in agenda")
        verbose_name_plural = _("producten in agenda")

    def __str__(self) -> str:
        return f"{self.product} ({self.duration_minutes} min)"


MIDNIGHT = dt.time(0)  # as a closing time: the end of the day
LAST_WEEKDAY = 6  # 0 = Monday … 6 = Sunday, as Python's date.weekday()
WEEKDAY_MESSAGE = _("Kies een weekdag van 0 (maandag) tot en met 6 (zondag).")
HOURS_ORDER_MESSAGE = _("‘Open tot’ moet later zijn dan ‘open vanaf’ (00:00 is middernacht, het einde van de dag).")


def _closes_after_opens() -> models.Q:
    return models.Q(closes__gt=models.F("opens")) | models.Q(closes=MIDNIGHT)


class AgendaHours(models.Model):
    """One weekly opening interval (0 = Monday). A day may have several intervals."""

    agenda = models.ForeignKey(Agenda, on_delete=models.CASCADE, related_name="hours")
    weekday = models.PositiveSmallIntegerField(
        _("weekdag"),
        validators=[MaxValueValidator(LAST_WEEKDAY, message=WEEKDAY_MESSAGE)],
        help_text=_("0 = maandag … 6 = zondag"),
    )
    opens = models.TimeField(_("open vanaf"))
    closes = models.TimeField(_("open tot"), help_text=_("00:00 betekent middernacht (einde van de dag)."))

    class Meta:
        ordering = ["agenda", "weekday", "opens"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(weekday__lte=LAST_WEEKDAY),
                name="agenda_hours_weekday",
                violation_error_message=WEEKDAY_MESSAGE,
            ),
            # 17:00–09:00 would open no time at all (the engine skips it): refuse it where it is typed.
            models.CheckConstraint(
                condition=_closes_after_opens(),
                name="agenda_hours_close_after_open",
                violation_error_message=HOURS_ORDER_MESSAGE,
            ),
        ]
        verbose_name = _("openingstijd")
        verbose_name_plural = _("openingstijden")

    def __str__(self) -> str:
        return f"{self.weekday} {self.opens:%H:%M}-{self.closes:%H:%M}"


class AgendaException(models.Model):
    """A dated deviation: closed (the whole day, or from–to), or extra hours (also on a holiday)."""

    agenda = models.ForeignKey(Agenda, on_delete=models.CASCADE, related_name="exceptions")
    date = models.DateField(_("datum"))
    kind = models.CharField(_("soort"), max_length=10, choices=ExceptionKind.choices)
    opens = models.TimeField(_("vanaf"), null=True, blank=True, help_text=_("Leeg bij dicht: de hele dag."))
    closes = models.TimeField(_("tot"), null=True, blank=True)
    note = models.CharField(_("toelichting"), max_length=200, blank=True)

    class Meta:
        ordering = ["agenda", "date", "opens"]
        indexes = [models.Index(fields=["agenda", "date"], name="agenda_exception_day")]
        verbose_name = _("afwijkende dag")
        verbose_name_plural = _("afwijkende dagen")

    def __str__(self) -> str:
        return f"{self.date} {self.get_kind_display()}"

    def clean(self) -> None:
        if (self.opens is None) != (self.closes is None):
            raise ValidationError(_("Vul vanaf én tot in, of laat allebei leeg."))
        if self.kind == ExceptionKind.EXTRA and self.opens is None:
            raise ValidationError(_("Vul in van hoe laat tot hoe laat de agenda extra open is."))
        if (
            self.opens is not None
            and self.closes is not None
            and not (self.closes > self.opens or self.closes == MIDNIGHT)
        ):
            raise ValidationError({"closes": HOURS_ORDER_MESSAGE})
