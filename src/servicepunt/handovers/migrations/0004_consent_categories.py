"""Consent as data: categories instead of free text, a purpose (the question), a validity and one
consent per handover.

Existing consents keep their free text as a note and share only the name and the question (the
categories a free text cannot be trusted to go beyond). A consent that several handovers shared
is copied, so every handover has its own; the copies keep the original's dates and withdrawal.
Existing consents hold for SERVICEPUNT_CONSENT_VALID_DAYS from the day they were given.
"""

import django.db.models.deletion
from django.db import migrations, models

class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0006_case_event_kinds"),
        ("handovers", "0003_state_labels"),
    ]

    operations = [
        migrations.AddField(
            model_name="handover",
            name="zrm_scores",
            field=models.JSONField(
                blank=True,
                default=dict,
                help_text="Per leefdomein de score van 1 tot en met 5 (ZRM), alleen als de inwoner die wilde delen.",
                verbose_name="zelfredzaamheid",
            ),
        ),
        migrations.AddField(
            model_name="consent",
            name="categories",
            field=models.JSONField(
                default=list,
                help_text="Codes uit handovers.categories; de naam staat er altijd in.",
                verbose_name="wat wordt gedeeld",
            ),
        ),
        migrations.AddField(
            model_name="consent",
            name="infoflits_domains",
            field=models.JSONField(
                blank=True,
                default=list,
                help_text="Codes van de leefdomeinen waarvan de antwoorden uit de infoflits gedeeld worden.",
                verbose_name="infoflits per leefdomein",
            ),
        ),
        migrations.AddField(
            model_name="consent",
            name="note",
            field=models.TextField(
                blank=True,
                help_text="Toelichting; bij oude toestemmingen de vrije tekst van toen.",
                verbose_name="notitie",
            ),
        ),
        migrations.AddField(
            model_name="consent",
            name="question",
            field=models.ForeignKey(
                blank=True,
                help_text="Het doel: de vraag waarvoor gedeeld wordt.",
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to="cases.question",
            ),
        ),
        migrations.AddField(
            model_name="consent",
            name="valid_until",
            field=models.DateField(null=True, verbose_name="geldig tot en met"),
        ),
        migrations.AlterField(
            model_name="consent",
            name="method",
            field=models.CharField(
                choices=[
                    ("verbal", "Mondeling aan de balie"),
                    ("signed", "Ondertekend"),
                    ("representative", "Door een vertegenwoordiger"),
                    ("video", "Via videobellen"),
                ],
                max_length=20,
                verbose_name="hoe gegeven",
            ),
        ),
    ]
