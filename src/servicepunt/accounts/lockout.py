"""Two login limits with django-axes: one per account (across addresses) and one per address
(across accounts).

Axes counts the failures of each lockout parameter (settings.AXES_LOCKOUT_PARAMETERS =
["username", "ip_address"]) and locks when the largest count reaches one limit. An office
behind one address needs a higher limit for the address than for an account, so the limit
is this function: the account's limit once the account has reached it, else the address's.
Then a request is locked exactly when its account has SERVICEPUNT_LOGIN_ACCOUNT_FAILURE_LIMIT
failures or its address SERVICEPUNT_LOGIN_ADDRESS_FAILURE_LIMIT (both within the cool-off).
"""

from __future__ import annotations

from typing import Any

from axes.handlers.database import AxesDatabaseHandler
from django.conf import settings
from django.db.models import Sum
from django.http import HttpRequest


def account_failures(request: HttpRequest, credentials: dict[str, Any] | None) -> int:
    """Failed logins on the account named in the request, from any address, within the cool-off."""
    per_account = AxesDatabaseHandler().get_user_attempts(request, credentials)[0]  # "username" comes first
    return int(per_account.aggregate(total=Sum("failures_since_start"))["total"] or 0)


def failure_limit(request: HttpRequest, credentials: dict[str, Any] | None) -> int:
    account_limit = int(settings.SERVICEPUNT_LOGIN_ACCOUNT_FAILURE_LIMIT)
    if account_failures(request, credentials) >= account_limit:
        return account_limit
    return int(settings.SERVICEPUNT_LOGIN_ADDRESS_FAILURE_LIMIT)
