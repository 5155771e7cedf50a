"""Forms of the booking pages: the query of the slot and combination pages and what the booking,
moving and cancelling buttons post. They parse (uuids, numbers, dates in a plausible range) and
name the field; the appointments services decide whether the booking can be made."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from servicepunt.appointments.choices import ArrangementKind, ModeChoice
from servicepunt.appointments.selectors import agendas_any
from servicepunt.catalogue.selectors import products_any
from servicepunt.core.errors import InvalidInput

# No agenda books further ahead than this; a later date is a typing error (9999-12-31), and one
# that far would overflow when turned into UTC.
BOOKING_HORIZON = dt.timedelta(days=2 * 366)
# A start a little in the past is a page left open: the service answers "too soon" in words.
START_GRACE = dt.timedelta(days=1)
IDEMPOTENCY_KEY_LENGTH = 100

CHOOSE_QUESTION = gettext_lazy("Kies een vraag van dit vraagstuk.")
CHOOSE_TIME = gettext_lazy("Kies een tijd uit de lijst.")
CHOOSE_MODE = gettext_lazy("Kies op locatie, telefoon of videobellen.")
CHOOSE_AGENDA = gettext_lazy("Kies een agenda uit de lijst.")
VALID_DATE = gettext_lazy("Vul een geldige datum in.")


class ParsedForm(forms.Form):
    def first_error(self) -> InvalidInput:
        field, errors = next(iter(self.errors.items()))
        return InvalidInput(str(errors[0]), field=field if field != "__all__" else None)

    def parsed(self) -> dict[str, Any]:
        """The cleaned data, or the first error as the domain's InvalidInput."""
        if not self.is_valid():
            raise self.first_error()
        return self.cleaned_data


def _uuid(message: Any, *, required: bool = True) -> forms.UUIDField:
    return forms.UUIDField(required=required, error_messages={"required": message, "invalid": message})


def _mode() -> forms.ChoiceField:
    return forms.ChoiceField(
        choices=[("", "")] + list(ModeChoice.choices),
        required=False,
        error_messages={"invalid_choice": CHOOSE_MODE},
    )


class _FirstDay(ParsedForm):
    mode = _mode()
    vanaf = forms.DateField(required=False, error_messages={"invalid": VALID_DATE})

    def clean_vanaf(self) -> dt.date | None:
        day: dt.date | None = self.cleaned_data.get("vanaf")
        today = timezone.localdate()
        latest = today + BOOKING_HORIZON
        if day is not None and not today <= day <= latest:
            raise forms.ValidationError(
                _("Kies een datum tussen %(earliest)s en %(latest)s.")
                % {"earliest": f"{today:%d-%m-%Y}", "latest": f"{latest:%d-%m-%Y}"}
            )
        return day


class SlotQueryForm(_FirstDay):
    """?vraag=<uuid>&mode=…&vanaf=YYYY-MM-DD, and verzet=<uuid> when moving an appointment."""

    vraag = _uuid(gettext_lazy("Kies een vraag om een afspraak voor te maken."))
    verzet = _uuid(gettext_lazy("Kies een afspraak om te verzetten."), required=False)


class CombinationQueryForm(_FirstDay):
    vragen = forms.TypedMultipleChoiceField(required=False)
    soort = forms.ChoiceField(
        choices=ArrangementKind.choices,
        required=False,
        error_messages={"invalid_choice": gettext_lazy("Kies na elkaar of samen tegelijk.")},
    )

    def __init__(self, data: Any, questions: list[tuple[str, str]]) -> None:
        super().__init__(data)
        self.fields["vragen"].choices = questions  # type: ignore[attr-defined]
        self.fields["vragen"].error_messages["invalid_choice"] = CHOOSE_QUESTION


def _start_field(message: Any = CHOOSE_TIME) -> forms.DateTimeField:
    return forms.DateTimeField(error_messages={"required": message, "invalid": message})


def start_checked(start: dt.datetime) -> dt.datetime:
    now = timezone.now()
    if timezone.is_naive(start):
        start = timezone.make_aware(start)
    if not now - START_GRACE <= start <= now + BOOKING_HORIZON:
        raise forms.ValidationError(CHOOSE_TIME)
    return start


class _SlotChoice(ParsedForm):
    agenda = forms.ModelChoiceField(
        queryset=agendas_any(), error_messages={"required": CHOOSE_AGENDA, "invalid_choice": CHOOSE_AGENDA}
    )
    start = _start_field()

    def clean_start(self) -> dt.datetime:
        return start_checked(self.cleaned_data["start"])


class BookForm(_SlotChoice):
    question = _uuid(CHOOSE_QUESTION)
    product = forms.ModelChoiceField(
        queryset=products_any(),
        to_field_name="code",
        error_messages={"required": CHOOSE_TIME, "invalid_choice": CHOOSE_TIME},
    )
    mode = forms.ChoiceField(
        choices=ModeChoice.choices, error_messages={"required": CHOOSE_MODE, "invalid_choice": CHOOSE_MODE}
    )
    idempotency_key = forms.CharField(max_length=IDEMPOTENCY_KEY_LENGTH, required=False)
    confirm_overlap = forms.BooleanField(required=False)


class PartForm(_SlotChoice):
    """One part of a combination, from the index-wise lists the option's button posts."""

    question = _uuid(CHOOSE_QUESTION)
    product = BookForm.base_fields["product"]


class CombinationBookForm(ParsedForm):
    kind = forms.ChoiceField(
        choices=ArrangementKind.choices,
        error_messages={
            "required": gettext_lazy("Kies na elkaar of samen tegelijk."),
            "invalid_choice": gettext_lazy("Kies na elkaar of samen tegelijk."),
        },
    )
    mode = BookForm.base_fields["mode"]
    idempotency_key = forms.CharField(max_length=IDEMPOTENCY_KEY_LENGTH, required=False)
    confirm_overlap = forms.BooleanField(required=False)


class AppointmentChoiceForm(ParsedForm):
    appointment = _uuid(gettext_lazy("Kies een afspraak van dit vraagstuk."))
    reason = forms.CharField(required=False, max_length=300)


class RescheduleForm(_SlotChoice):
    appointment = AppointmentChoiceForm.base_fields["appointment"]
    confirm_overlap = forms.BooleanField(required=False)
