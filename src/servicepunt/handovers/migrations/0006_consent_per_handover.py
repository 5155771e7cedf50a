"""The consent's free text goes (kept as the note), validity is required, one consent per
handover and the categories checked in the database (see 0004)."""

import django.db.models.deletion
from django.db import migrations, models


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
        migrations.AddConstraint(
            model_name="consent",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("categories__contained_by", ["name", "question", "phone", "email", "address", "communication", "zrm", "documents"]),
                    ("categories__contains", ["name"]),
                ),
                name="consent_categories_known_with_name",
            ),
        ),
        migrations.AddConstraint(
            model_name="consent",
            constraint=models.CheckConstraint(
                condition=models.Q(("infoflits_domains__contains", [])), name="consent_infoflits_domains_list"
            ),
        ),
        migrations.AddConstraint(
            model_name="consent",
            constraint=models.CheckConstraint(
                condition=models.Q(("method__in", ["verbal", "signed", "representative", "video"])),
                name="consent_method_known",
            ),
        ),
    ]
