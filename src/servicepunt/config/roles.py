"""Who may do what: the permissions of each role, listed here so that a code review shows exactly
what each role may do. It names the permissions of every context, so it sits at the top floor;
accounts reads it through the setting SERVICEPUNT_ROLE_PERMISSIONS when it syncs the groups.
"""

from __future__ import annotations

from servicepunt.accounts.roles import Role

CATALOGUE_READ = (
    "catalogue.view_lifedomain",
    "catalogue.view_organisation",
    "catalogue.view_location",
    "catalogue.view_entrypoint",
    "catalogue.view_product",
)
CATALOGUE_MAINTAIN = tuple(
    f"catalogue.{action}_{model}"
    for model in ("lifedomain", "organisation", "location", "entrypoint", "product", "searchterm", "productcontent")
    for action in ("add", "change", "delete", "view")
) + ("catalogue.view_cataloguerelease", "catalogue.view_uplentry")
TRIAGE_USE = ("triage.use_triage",)
INFOFLITS_RUN = ("infoflits.run_infoflits",)
INFOFLITS_ALL = ("infoflits.run_infoflits", "infoflits.view_all_infoflits")
CASES_WORK = ("cases.work_cases",)
CASES_ALL = ("cases.work_cases", "cases.view_all_cases")
PARTNER_INBOX = ("handovers.work_partner_inbox",)
AGENDAS_MANAGE = ("appointments.manage_agendas",)
VIDEO_REQUEST = ("videocalls.request_videocall",)
VIDEO_ANSWER = ("videocalls.answer_videocall",)
SECURITY_LOG_READ = ("accounts.view_securityevent",)


ROLE_PERMISSIONS: dict[Role, tuple[str, ...]] = {
    Role.SERVICEPUNT: CATALOGUE_READ + TRIAGE_USE + INFOFLITS_ALL + CASES_ALL + VIDEO_ANSWER,
    # Wijkbureau staff register residents and run an infoflits themselves, but see only the cases
    # and infoflitsen they started. They start video calls to the Servicepunt and see only their own.
    Role.WIJKBUREAU: CATALOGUE_READ + TRIAGE_USE + INFOFLITS_RUN + CASES_WORK + VIDEO_REQUEST,
    # Partner staff see only the handovers addressed to their own organisation.
    Role.PARTNER: CATALOGUE_READ + PARTNER_INBOX + AGENDAS_MANAGE,
    # Team leads see aggregated figures only, never a case or a resident.
    Role.TEAMLEIDER: CATALOGUE_READ + TRIAGE_USE + ("reporting.view_figures",),
    # The catalogue administrator tries vocabulary changes out in the triage page, and reads the
    # security log (sign-in events) in the admin site.
    Role.BEHEERDER: CATALOGUE_READ + CATALOGUE_MAINTAIN + TRIAGE_USE + AGENDAS_MANAGE + SECURITY_LOG_READ,
    # The privacy officer reads the access log, never the cases themselves.
    Role.PRIVACY: CATALOGUE_READ + ("audit.view_accesslog",),
}

# The roles that see personal data must sign in with a second factor where
# SERVICEPUNT_2FA_REQUIRED is on (accounts.second_factor): residents, cases and handovers, the
# access log, and the admin site (appointments with their residents). Team leads see totals
# only; they may still set one up (/accounts/tweede-stap/instellen/).
SECOND_FACTOR_ROLES: frozenset[Role] = frozenset(
    {Role.SERVICEPUNT, Role.WIJKBUREAU, Role.PARTNER, Role.PRIVACY, Role.BEHEERDER}
)
