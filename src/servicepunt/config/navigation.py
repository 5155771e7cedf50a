"""Main navigation, filtered by the permissions of the signed-in user. It names the URLs and
permissions of the apps, so it lives in `config`, the only floor that may know them all."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.contrib.auth.models import AnonymousUser, PermissionsMixin
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class NavItem:
    label: str
    url: str
    current: bool


_ITEMS: tuple[tuple[Any, str, str | None], ...] = (
    (_("Mijn werkvoorraad"), "counter:worklist", "cases.work_cases"),
    (_("Inwoners"), "counter:resident-search", "cases.work_cases"),
    (_("Overdrachten"), "handovers:inbox", "handovers.work_partner_inbox"),
    (_("Videobellen"), "videocalls:request", "videocalls.request_videocall"),
    (_("Wachtrij video"), "videocalls:board", "videocalls.answer_videocall"),
    (_("Waar moet ik beginnen?"), "triage:search", "triage.use_triage"),
    (_("Infoflits"), "infoflits:start", "infoflits.run_infoflits"),
    (_("Sociale kaart"), "catalogue:product-list", "catalogue.view_product"),
    (_("Organisaties"), "catalogue:organisation-list", "catalogue.view_organisation"),
    (_("Cijfers"), "reporting:overview", "reporting.view_figures"),
    (_("Toegangslog"), "audit:log", "audit.view_accesslog"),
    (_("Privacy per inwoner"), "privacy:residents", "audit.view_accesslog"),
    (_("Bewaartermijnen"), "privacy:retention", "audit.view_accesslog"),
)


def navigation_for(user: PermissionsMixin | AnonymousUser, path: str) -> list[NavItem]:
    if not getattr(user, "is_authenticated", False):
        return []
    items = []
    for label, url_name, permission in _ITEMS:
        if permission and not user.has_perm(permission):
            continue
        url = reverse(url_name)
        items.append(NavItem(label=str(label), url=url, current=path.startswith(url)))
    if user.has_perm("catalogue.change_product"):
        items.append(NavItem(label=str(_("Beheer")), url=reverse("admin:index"), current=path.startswith("/beheer/")))
    return items
