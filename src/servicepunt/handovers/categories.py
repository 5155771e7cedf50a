"""The kinds of data a resident can agree to share with an organisation: the categories of a
consent, as data. One list, with the words the employee and the resident read (Dutch, B1).

A consent names fixed categories (`Category`) and, separately, the life domains of the infoflits
whose answers may be shared (`catalogue.LifeDomain` codes). The name is always shared: without it
the partner cannot know whom the handover is about. The question is ticked by default. What the
partner reads is cut to these categories in one place: `handovers.sharing`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from django.conf import settings
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from collections.abc import Iterable

    from django_stubs_ext import StrOrPromise

# The form's code for "the answers of the infoflits about one life domain": infoflits:<domain code>.
INFOFLITS_PREFIX = "infoflits:"


class Category(StrEnum):
    NAME = "name"
    QUESTION = "question"  # the question and the summary in the resident's words
    PHONE = "phone"
    EMAIL = "email"
    ADDRESS = "address"  # postcode and house number
    COMMUNICATION = "communication"  # language, interpreter, reads with difficulty, contact preference
    ZRM = "zrm"  # the infoflits' self-sufficiency scores per life domain (Zelfredzaamheid-Matrix)
    DOCUMENTS = "documents"  # the app holds no documents of residents yet: shares nothing


@dataclass(frozen=True)
class CategoryInfo:
    code: Category
    label: StrOrPromise  # what the employee ticks and the resident reads
    held: bool = True  # False: the app holds no such data yet; the category shares nothing


CATEGORIES: tuple[CategoryInfo, ...] = (
    CategoryInfo(Category.NAME, _("Naam")),
    CategoryInfo(Category.QUESTION, _("De vraag, in de woorden van de inwoner")),
    CategoryInfo(Category.PHONE, _("Telefoonnummer")),
    CategoryInfo(Category.EMAIL, _("E-mailadres")),
    CategoryInfo(Category.ADDRESS, _("Adres (postcode en huisnummer)")),
    CategoryInfo(
        Category.COMMUNICATION, _("Hoe we met de inwoner praten: taal, tolk, leest moeilijk, contactvoorkeur")
    ),
    CategoryInfo(Category.ZRM, _("Scores van de Zelfredzaamheid-Matrix (per leefdomein, 1 tot en met 5)")),
    CategoryInfo(Category.DOCUMENTS, _("Documenten"), held=False),
)
LABELS: dict[str, StrOrPromise] = {info.code.value: info.label for info in CATEGORIES}
CODES: tuple[str, ...] = tuple(info.code.value for info in CATEGORIES)

# Shared under every consent that is not withdrawn, also an expired one.
ALWAYS: frozenset[str] = frozenset({Category.NAME.value})
# Ticked on the form until the employee changes it.
DEFAULT: tuple[str, ...] = (Category.NAME.value, Category.QUESTION.value)
# What a consent recorded as free text (before categories existed) is read as.
LEGACY: tuple[str, ...] = (Category.NAME.value, Category.QUESTION.value)


def infoflits_label(domain_name: str) -> StrOrPromise:
    return _("Antwoorden uit de infoflits over: %(domain)s") % {"domain": domain_name}


def labels(categories: Iterable[str], domains: Iterable[str], domain_names: dict[str, str]) -> list[str]:
    """The categories of a consent in plain words, in the order of CATEGORIES, then the domains."""
    chosen = set(categories)
    words = [str(info.label) for info in CATEGORIES if info.code.value in chosen]
    return words + [str(infoflits_label(domain_names.get(code, code))) for code in domains]


def default_valid_until(today: dt.date) -> dt.date:
    """Until when a consent given today holds, unless the employee sets another date
    (`SERVICEPUNT_CONSENT_VALID_DAYS`)."""
    return today + dt.timedelta(days=settings.SERVICEPUNT_CONSENT_VALID_DAYS)
