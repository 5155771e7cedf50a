"""The vocabularies of appointments: the values its rows take, importable by other apps without its models."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from servicepunt.appointments.engine import LiberationDay, Mode


class ModeChoice(models.TextChoices):
    IN_PERSON = Mode.IN_PERSON.value, _("Op locatie")
    PHONE = Mode.PHONE.value, _("Telefoon")
    VIDEO = Mode.VIDEO.value, _("Videobellen")


class LiberationDayChoice(models.TextChoices):
    EVERY_YEAR = LiberationDay.EVERY_YEAR.value, _("Elk jaar dicht")
    LUSTRUM = LiberationDay.LUSTRUM.value, _("Alleen in lustrumjaren dicht (2025, 2030, …)")
    NEVER = LiberationDay.NEVER.value, _("Nooit dicht")


class GoodFridayChoice(models.TextChoices):
    CLOSED = "closed", _("Dicht")
    OPEN = "open", _("Open")


class ExceptionKind(models.TextChoices):
    CLOSED = "closed", _("Dicht")
    EXTRA = "extra", _("Extra open")


class AppointmentStatus(models.TextChoices):
    BOOKED = "booked", _("Gepland")
    CANCELLED = "cancelled", _("Geannuleerd")


class ArrangementKind(models.TextChoices):
    CONSECUTIVE = "consecutive", _("Na elkaar")
    JOINT = "joint", _("Samen tegelijk")


class EventKind(models.TextChoices):
    BOOKED = "booked", _("Geboekt")
    CANCELLED = "cancelled", _("Geannuleerd")
    RESCHEDULED = "rescheduled", _("Verzet")
    OVERLAP_CONFIRMED = "overlap_confirmed", _("Bevestigd op dezelfde tijd als een andere afspraak")


class ActorKind(models.TextChoices):
    STAFF = "staff", _("Medewerker")
    RESIDENT = "resident", _("Inwoner")
    SYSTEM = "system", _("Systeem")


class NotificationKind(models.TextChoices):
    CONFIRMATION = "confirmation", _("Bevestiging")
    REMINDER = "reminder", _("Herinnering")
    CANCELLATION = "cancellation", _("Annulering")


class NotificationChannel(models.TextChoices):
    EMAIL = "email", _("E-mail")
    SMS = "sms", _("Sms")
    LETTER = "letter", _("Brief")
    NONE = "none", _("Geen")


class NotificationStatus(models.TextChoices):
    QUEUED = "queued", _("Wordt verstuurd")
    SENT = "sent", _("Verstuurd")
    FAILED = "failed", _("Mislukt")
    SKIPPED = "skipped", _("Niet verstuurd")
