"""The roles of the Servicepunt: each is a Django group. Which permissions each role holds is the
policy of the whole product, so it lives at the top floor (`config/roles.py`, named by the
setting SERVICEPUNT_ROLE_PERMISSIONS); `roles_sync` makes the database match that table.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    SERVICEPUNT = "servicepunt-medewerker", _("Servicepunt-medewerker")
    WIJKBUREAU = "wijkbureau-medewerker", _("Wijkbureau-medewerker")
    PARTNER = "partner-medewerker", _("Partner-medewerker")
    TEAMLEIDER = "teamleider", _("Teamleider")
    BEHEERDER = "functioneel-beheerder", _("Functioneel beheerder")
    PRIVACY = "privacy-officer", _("Privacy officer")


# Roles whose members work in the admin site (Django requires is_staff for it).
# Partner staff maintain their own organisation's agendas there (the admin scopes them to it).
ADMIN_SITE_ROLES = frozenset({Role.BEHEERDER, Role.PARTNER})
# Roles that only make sense bound to one organisation.
ORGANISATION_BOUND_ROLES = frozenset({Role.PARTNER})
