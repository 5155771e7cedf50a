from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command
from stdnum.nl import bsn

from servicepunt.cases.identifiers import bsn_decrypt
from servicepunt.cases.models import Case, Resident

pytestmark = pytest.mark.django_db


def test_demo_makes_synthetic_residents_with_test_range_bsns_and_cases(settings: object) -> None:
    out = StringIO()
    call_command("demo", "--residents", "30", stdout=out)
    assert "30 fictieve inwoners" in out.getvalue()
    residents = list(Resident.objects.all())
    assert len(residents) == 30
    assert Case.objects.filter(resident__in=residents).count() >= 30
    numbers = [bsn_decrypt(r.bsn_encrypted, settings.SERVICEPUNT_BSN_KEY) for r in residents if r.has_bsn]  # type: ignore[attr-defined]
    assert numbers and all(n.startswith("9999") and bsn.is_valid(n) for n in numbers)
    assert all(r.postcode.startswith("35") for r in residents)
