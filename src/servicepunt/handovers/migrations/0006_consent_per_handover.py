"""The consent's free text goes (kept as the note), validity is required, one consent per
handover and the categories checked in the database (see 0004)."""

import json

import django.db.models.deletion
from django.db import migrations, models


# The categories are checked in the database where it can: PostgreSQL's jsonb operators. SQLite
# (the embedded default) has no CHECK that can look inside a JSON list, so there the service
# (handovers.services.consent.consent_record) is the only guard; the constraint is not in the
# model's Meta for that reason, and handovers/tests/test_sharing.py tests it on PostgreSQL.
CATEGORIES = ["name", "question", "phone", "email", "address", "communication", "zrm", "documents"]
# Our own constant (JSON uses double quotes only), so it can stand in the SQL as a literal.
KNOWN = json.dumps(CATEGORIES)
JSON_CHECKS = {
    "consent_categories_known_with_name": f"categories <@ '{KNOWN}'::jsonb AND categories @> '[\"name\"]'::jsonb",
    "consent_infoflits_domains_list": "jsonb_typeof(infoflits_domains) = 'array'",
}


def json_checks_add(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, check in JSON_CHECKS.items():
        schema_editor.execute(f"ALTER TABLE handovers_consent ADD CONSTRAINT {name} CHECK ({check})")


def json_checks_drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in JSON_CHECKS:
        schema_editor.execute(f"ALTER TABLE handovers_consent DROP CONSTRAINT {name}")


class Migration(migrations.Migration):
    dependencies = [("handovers", "0005_consent_fill")]

    operations = [
        migrations.RemoveField(model_name="consent", name="what_is_shared"),
        migrations.AlterField(
            model_name="consent",
            name="valid_until",
            field=models.DateField(verbose_name="geldig tot en met"),
        ),
        migrations.AlterField(
            model_name="handover",
            name="consent",
            field=models.OneToOneField(
                on_delete=django.db.models.deletion.PROTECT, related_name="handover", to="handovers.consent"
            ),
        ),
        migrations.RunPython(json_checks_add, json_checks_drop),
        migrations.AddConstraint(
            model_name="consent",
            constraint=models.CheckConstraint(
                condition=models.Q(("method__in", ["verbal", "signed", "representative", "video"])),
                name="consent_method_known",
            ),
        ),
    ]
