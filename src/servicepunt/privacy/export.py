"""AVG art. 15: everything held about one resident, gathered from each owning app through its own
selectors, as JSON and as PDF. Every export is itself written to the access log under the
resident."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied
from django.template.loader import render_to_string
from django.utils import timezone

from servicepunt.appointments.selectors import appointments_record
from servicepunt.audit.selectors import access_log_for_subjects
from servicepunt.audit.services import access_record
from servicepunt.cases.selectors import resident_by_uuid, resident_record
from servicepunt.core.pdf import pdf_from_html
from servicepunt.handovers.selectors import handovers_record
from servicepunt.infoflits.selectors import infoflits_record

if TYPE_CHECKING:
    from servicepunt.accounts.models import User

OFFICER_PERMISSION = "audit.view_accesslog"
EXPORT_PURPOSE = "inzageverzoek (AVG art. 15)"


def resident_export(*, user: User, resident: Any, channel: str) -> dict[str, Any]:
    """The whole record of this resident (public id), for the privacy officer only."""
    if not user.has_perm(OFFICER_PERMISSION):
        raise PermissionDenied
    person = resident_by_uuid(resident)
    record = resident_record(person)
    infoflits_ids = [case["infoflits"] for case in record["cases"] if case["infoflits"]]
    # Who viewed it: entries under the resident, and older ones filed under an infoflits id.
    viewed = access_log_for_subjects(user=user, subject_ids=[str(person.uuid), *infoflits_ids]).order_by("at", "id")
    data = {
        "generated_at": timezone.now().isoformat(),
        **record,
        "infoflits": infoflits_record(infoflits_ids),
        **handovers_record(person),
        **appointments_record(person),
        "access_log": [
            {
                "at": entry.at.isoformat(),
                "by": entry.user.username,
                "what": entry.subject_type,
                "screen": entry.screen,
                "purpose": entry.purpose,
            }
            for entry in viewed
        ],
    }
    access_record(
        user=user, subject_type="resident.export", subject_id=str(person.uuid), screen=channel, purpose=EXPORT_PURPOSE
    )
    return data


def export_json(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2)


def export_pdf(data: dict[str, Any]) -> bytes:
    html = render_to_string("privacy/export_pdf.html", {"data": data, "pretty": _pretty(data)})
    return pdf_from_html(html, base_url="/")


def _pretty(data: dict[str, Any]) -> list[tuple[str, str]]:
    """Each part of the record as readable text, for the PDF."""
    return [(key, json.dumps(value, ensure_ascii=False, indent=2)) for key, value in data.items()]
