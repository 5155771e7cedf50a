"""The vocabularies of cases: the values its rows take, importable by other apps without its models."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class CaseStatus(models.TextChoices):
    OPEN = "open", _("Open")
    IN_PROGRESS = "in_behandeling", _("In behandeling")
    AWAITING_APPOINTMENT = "wacht_op_afspraak", _("Wacht op afspraak")
    CLOSED = "afgesloten", _("Afgesloten")


class ClosingReason(models.TextChoices):
    ALL_ARRANGED = "all_arranged", _("Alles geregeld")
    RESIDENT_WITHDREW = "resident_withdrew", _("Inwoner ziet af van hulp")
    OTHER = "other", _("Anders")


class EventKind(models.TextChoices):
    """What a line on a case's timeline says happened. Closed list: a new kind is added here (with
    its migration), so the timeline never shows a code nobody translated."""

    CASE_OPENED = "case_opened", _("Vraagstuk geopend")
    CASE_CLOSED = "case_closed", _("Vraagstuk afgesloten")
    CASE_REOPENED = "case_reopened", _("Vraagstuk opnieuw geopend")
    QUESTION_ADDED = "question_added", _("Vraag toegevoegd")
    QUESTION_LINKED = "question_linked", _("Product gekoppeld")
    QUESTION_REOPENED = "question_reopened", _("Vraag opnieuw geopend")
    QUESTION_BOOKED = "question_booked", _("Afspraak gemaakt")
    QUESTION_ANSWERED = "question_answered", _("Direct beantwoord")
    QUESTION_DECLINED = "question_declined", _("Inwoner ziet ervan af")
    QUESTION_PARTNER_ACCEPTED = "question_partner_accepted", _("Partner heeft overgenomen")
    INFOFLITS_STARTED = "infoflits_started", _("Infoflits gestart")
    CONTACT_MOMENT = "contact_moment", _("Contactmoment")
    TASK_CREATED = "task_created", _("Taak gemaakt")
    TASK_DONE = "task_done", _("Taak afgerond")
    NOTE_ADDED = "note_added", _("Notitie geschreven")
    REPRESENTATIVE_ADDED = "representative_added", _("Vertegenwoordiger vastgelegd")
    APPOINTMENT_OVERLAP_CONFIRMED = "appointment_overlap_confirmed", _("Afspraak op dezelfde tijd bevestigd")


class ContactPreference(models.TextChoices):
    PHONE = "phone", _("Telefoon")
    EMAIL = "email", _("E-mail")
    LETTER = "letter", _("Brief")
    NONE = "none", _("Geen contact")


class RepresentativeKind(models.TextChoices):
    FAMILY = "family", _("Familielid")
    BEWINDVOERDER = "bewindvoerder", _("Bewindvoerder")
    MENTOR = "mentor", _("Mentor of curator")
    OTHER = "other", _("Anders")


class ContactChannel(models.TextChoices):
    """How a conversation with the resident took place (not how an organisation can be reached:
    that is catalogue.EntryChannel)."""

    COUNTER = "balie", _("Balie Servicepunt")
    PHONE = "telefoon", _("Telefoon")
    VIDEO_WIJKBUREAU = "video_wijkbureau", _("Videobellen vanuit wijkbureau")
    EMAIL = "email", _("E-mail")
    WIJKBUREAU_COUNTER = "wijkbureau_balie", _("Balie wijkbureau")


class TaskKind(models.TextChoices):
    CALL_BACK = "call_back", _("Terugbelverzoek")
    FOLLOW_UP = "follow_up", _("Opvolgen")
