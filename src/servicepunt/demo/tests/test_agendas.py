"""The demo agendas `servicepunt demo` loads: idempotent, and they offer both kinds of combination."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from servicepunt.appointments.selectors import combination_search
from servicepunt.appointments.testing import agenda_rows
from servicepunt.catalogue.selectors import products_any
from servicepunt.demo.agendas import agendas_load_demo

pytestmark = pytest.mark.django_db


def test_demo_agendas_load_idempotently_and_offer_both_kinds_of_combination() -> None:
    agendas_load_demo()
    out = io.StringIO()
    call_command("demo", stdout=out)
    assert "7 demo-agenda's geladen" in out.getvalue()
    assert agenda_rows().count() == 7
    assert agenda_rows().filter(code="werk-inkomen-stadskantoor").get().offers.count() == 4
    bijstand, verhuizing, studiefinanciering = (
        products_any().get(code=code) for code in ("bijstand", "verhuizing-doorgeven", "studiefinanciering")
    )
    consecutive = combination_search(products=[bijstand, verhuizing], kind="consecutive", limit=1)
    assert {p.agenda.code for p in consecutive[0].parts} == {"werk-inkomen-stadskantoor", "burgerzaken-stadskantoor"}
    joint = combination_search(products=[bijstand, studiefinanciering], kind="joint", limit=1)
    assert {p.agenda.code for p in joint[0].parts} == {"werk-inkomen-stadskantoor", "duo-servicekantoor"}
    assert joint[0].mode == "video"


def test_a_broken_agenda_file_names_the_file_and_loads_nothing(tmp_path: Path) -> None:
    file = tmp_path / "agendas.yaml"
    file.write_text("agendas:\n  - code: x\n    entry_point: nergens\n", encoding="utf-8")
    with pytest.raises(CommandError) as refused:
        call_command("demo", "--agendas", str(file), stdout=io.StringIO())
    assert refused.value.returncode == 2 and "agendas.yaml" in str(refused.value)
    assert not agenda_rows().exists()
