"""Fill the consent's new fields from the old ones and give every handover its own consent
(see 0004)."""

import datetime as dt

from django.conf import settings
from django.db import migrations

LEGACY = ["name", "question"]


def forwards(apps, schema_editor):
    Consent = apps.get_model("handovers", "Consent")
    Handover = apps.get_model("handovers", "Handover")
    days = dt.timedelta(days=settings.SERVICEPUNT_CONSENT_VALID_DAYS)
    for consent in Consent.objects.all().iterator():
        consent.note = consent.what_is_shared
        consent.categories = LEGACY
        consent.infoflits_domains = []
        consent.valid_until = consent.given_at.date() + days
        handovers = list(Handover.objects.filter(consent_id=consent.pk).order_by("created_at", "id"))
        consent.question_id = handovers[0].question_id if handovers else None
        consent.save()
        for handover in handovers[1:]:
            copy = Consent.objects.create(
                resident_id=consent.resident_id,
                organisation_id=consent.organisation_id,
                question_id=handover.question_id,
                what_is_shared=consent.what_is_shared,
                note=consent.note,
                categories=LEGACY,
                infoflits_domains=[],
                method=consent.method,
                recorded_by_id=consent.recorded_by_id,
                valid_until=consent.valid_until,
                withdrawn_at=consent.withdrawn_at,
                withdrawn_by_id=consent.withdrawn_by_id,
            )
            # given_at is auto_now_add: set the original's afterwards.
            Consent.objects.filter(pk=copy.pk).update(given_at=consent.given_at)
            Handover.objects.filter(pk=handover.pk).update(consent_id=copy.pk)


def backwards(apps, schema_editor):
    Consent = apps.get_model("handovers", "Consent")
    for consent in Consent.objects.all().iterator():
        consent.what_is_shared = consent.note or ", ".join(consent.categories)
        consent.save(update_fields=["what_is_shared"])


class Migration(migrations.Migration):
    dependencies = [("handovers", "0004_consent_categories")]

    operations = [migrations.RunPython(forwards, backwards)]
