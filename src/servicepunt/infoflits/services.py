"""State changes of the infoflits: start, save a step (a new situation version), decide on a
suggestion. Each owns its transaction and validates before it writes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Mapping, Sequence
from typing import TYPE_CHECKING, Any

import structlog
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from servicepunt.catalogue.selectors import product_by_code, product_code_max_length, product_codes_unknown
from servicepunt.core.errors import InvalidInput
from servicepunt.core.validation import text_checked
from servicepunt.infoflits.amounts import amount_answer
from servicepunt.infoflits.choices import Decision
from servicepunt.infoflits.engine import SituationError, validate_situation
from servicepunt.infoflits.models import Infoflits, SituationVersion, SuggestionDecision
from servicepunt.infoflits.questionnaire import AnswerError, apply_answers
from servicepunt.infoflits.selectors import current_version, questionnaire, ruleset

if TYPE_CHECKING:
    from servicepunt.accounts.models import User

log = structlog.get_logger(__name__)
SELF_SUFFICIENCY_LEVELS = range(1, 6)


def situation_validated(situation: dict[str, Any]) -> dict[str, Any]:
    try:
        validate_situation(situation)
    except SituationError as error:
        raise InvalidInput(str(error), field=getattr(error, "path", None)) from error
    return situation


@transaction.atomic
def infoflits_start(
    *,
    started_by: User,
    question_text: str = "",
    asked_products: Sequence[str] = (),
    reference_date: dt.date | None = None,
) -> Infoflits:
    unknown = product_codes_unknown(asked_products)
    if unknown:
        raise InvalidInput(_("Onbekend product: %(codes)s") % {"codes": ", ".join(unknown)}, field="asked_products")
    infoflits = Infoflits.objects.create(started_by=started_by, reference_date=reference_date or timezone.localdate())
    situation: dict[str, Any] = {"reference_date": infoflits.reference_date.isoformat()}
    if question_text.strip() or asked_products:
        situation["question"] = {"text": question_text.strip(), "asked_products": list(asked_products)}
    SituationVersion.objects.create(
        infoflits=infoflits, number=1, situation=situation_validated(situation), saved_by=started_by
    )
    log.info("infoflits_started", infoflits=str(infoflits.uuid))
    return infoflits


@transaction.atomic
def infoflits_save_step(
    *, infoflits: Infoflits, step_code: str, form: Mapping[str, list[str]], self_sufficiency: str | None, saved_by: User
) -> SituationVersion:
    """Save one step's answers. A new version only when something changed; otherwise the current."""
    locked = Infoflits.objects.select_for_update().get(pk=infoflits.pk)
    latest = current_version(locked)
    try:
        step = questionnaire().step(step_code)
    except KeyError as error:
        raise InvalidInput(_("Deze stap bestaat niet."), field="step") from error
    try:
        situation = situation_validated(apply_answers(latest.situation, step, form, amount=amount_answer))
    except AnswerError as error:
        raise InvalidInput(error.message, field=error.field) from error
    levels = dict(latest.self_sufficiency)
    if step.domain and self_sufficiency is not None:
        if self_sufficiency == "":
            levels.pop(step.domain, None)
        elif not self_sufficiency.isdigit() or int(self_sufficiency) not in SELF_SUFFICIENCY_LEVELS:
            raise InvalidInput(_("Kies een score van 1 tot en met 5."), field="self_sufficiency")
        else:
            levels[step.domain] = int(self_sufficiency)
    if situation == latest.situation and levels == latest.self_sufficiency:
        return latest
    version = SituationVersion.objects.create(
        infoflits=locked, number=latest.number + 1, situation=situation, self_sufficiency=levels, saved_by=saved_by
    )
    log.info("infoflits_step_saved", infoflits=str(locked.uuid), step=step_code, version=version.number)
    return version


@transaction.atomic
def suggestion_decide(
    *, infoflits: Infoflits, product_code: str, decision: str, decided_by: User, rule: str = "", asked: bool = False
) -> SuggestionDecision:
    if decision not in Decision.values:
        raise InvalidInput(_("Kies een geldig besluit."), field="decision")
    product_code = text_checked(product_code, field="product", max_length=product_code_max_length())
    product = product_by_code(product_code)
    if product is None:
        raise InvalidInput(_("Onbekend product."), field="product")
    # The rule is the one that made the suggestion: a rule the rules do not know is not a reason.
    if rule and rule not in {known.id for known in ruleset().rules}:
        raise InvalidInput(_("Onbekende regel."), field="rule")
    record = SuggestionDecision.objects.create(
        infoflits=infoflits, product=product, decision=decision, rule=rule, asked=asked, decided_by=decided_by
    )
    log.info("suggestion_decided", infoflits=str(infoflits.uuid), product=product_code, decision=decision)
    return record


@transaction.atomic
def infoflits_answers_remove(*, started_before: dt.datetime, keep: Collection[str], by: User, apply: bool) -> int:
    """Remove the answers of every infoflits started before the cutoff, except those in ``keep``
    (the infoflitsen of open cases): its versions and decisions go, one empty version (only the
    reference date) takes their place, so the infoflits still opens. With apply=False only count.
    Running it again finds nothing new."""
    due = list(
        Infoflits.objects.select_for_update()
        .filter(answers_removed_at__isnull=True, started_at__lt=started_before)
        .exclude(uuid__in=list(keep))
    )
    if apply:
        now = timezone.now()
        for infoflits in due:
            number = (infoflits.versions.aggregate(last=Max("number"))["last"] or 0) + 1
            infoflits.decisions.all().delete()
            infoflits.versions.all().delete()
            situation = {"reference_date": infoflits.reference_date.isoformat()}
            SituationVersion.objects.create(infoflits=infoflits, number=number, situation=situation, saved_by=by)
            Infoflits.objects.filter(pk=infoflits.pk).update(answers_removed_at=now)
    return len(due)
