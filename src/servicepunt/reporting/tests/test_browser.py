"""The figures page passes axe and works from the menu."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from servicepunt.core.testing.browser import assert_accessible, login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_team_lead_reads_the_figures(page: Page, loaded_live_server: object) -> None:
    base_url = str(loaded_live_server)
    login(page, base_url, "teamleider")
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Cijfers").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Cijfers")
    assert_accessible(page)
