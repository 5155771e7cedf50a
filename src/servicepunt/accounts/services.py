"""State changes for accounts: syncing role groups and creating staff members."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, cast

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _

from servicepunt.accounts.models import User
from servicepunt.accounts.roles import ADMIN_SITE_ROLES, ORGANISATION_BOUND_ROLES, Role
from servicepunt.core.errors import InvalidInput

if TYPE_CHECKING:
    from servicepunt.catalogue.models import Organisation


def _permission(dotted: str) -> Permission:
    app_label, codename = dotted.split(".", 1)
    permission = Permission.objects.filter(content_type__app_label=app_label, codename=codename).first()
    if permission is None:
        raise InvalidInput(_("Rechten ontbreken in de database: voer eerst ‘servicepunt migrate’ uit."), field=dotted)
    return permission


def role_permissions() -> Mapping[Role, tuple[str, ...]]:
    return cast(Mapping[Role, tuple[str, ...]], import_string(settings.SERVICEPUNT_ROLE_PERMISSIONS))


@transaction.atomic
def roles_sync() -> list[Group]:
    """Create or update one group per role with exactly the permissions of the role table
    (the setting SERVICEPUNT_ROLE_PERMISSIONS names it)."""
    groups = []
    for role, permissions in role_permissions().items():
        group, _created = Group.objects.get_or_create(name=role.label)
        group.permissions.set([_permission(p) for p in permissions])
        groups.append(group)
    return groups


@transaction.atomic
def system_user(*, username: str, first_name: str, last_name: str) -> User:
    """A system user that stands for someone who is not staff (a resident acting through their
    link), so that every change still records a user. It has no usable password and is not
    active, so nobody can log in with it. Made on first use."""
    user, created = User.objects.get_or_create(
        username=username, defaults={"first_name": first_name, "last_name": last_name, "is_active": False}
    )
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    return user


def user_create(
    *,
    username: str,
    password: str,
    role: Role,
    first_name: str = "",
    last_name: str = "",
    email: str = "",
    organisation: Organisation | None = None,
) -> User:
    if role in ORGANISATION_BOUND_ROLES and organisation is None:
        raise InvalidInput(
            _("Een partner-medewerker hoort bij één organisatie. Kies een organisatie."), field="organisation"
        )
    if User.objects.filter(username=username).exists():
        raise InvalidInput(_("Deze gebruikersnaam bestaat al."), field="username")
    user = User(
        username=username,
        first_name=first_name,
        last_name=last_name,
        email=email,
        organisation=organisation,
        is_staff=role in ADMIN_SITE_ROLES,
    )
    user.set_password(password)
    user.full_clean()
    user.save()
    roles_sync()
    user.groups.add(Group.objects.get(name=role.label))
    return user


def user_role(user: User) -> Role | None:
    names = set(user.groups.values_list("name", flat=True))
    return next((role for role in Role if role.label in names), None)


@transaction.atomic
def user_role_set(*, user: User, role: Role, organisation: Organisation | None = None) -> User:
    """Give `user` exactly this role (single sign-on does this at every login, from the
    identity provider's groups): the other role groups are removed."""
    if role in ORGANISATION_BOUND_ROLES and organisation is None:
        raise InvalidInput(
            _("Een partner-medewerker hoort bij één organisatie. Kies een organisatie."), field="organisation"
        )
    roles_sync()
    user.organisation = organisation if role in ORGANISATION_BOUND_ROLES else None
    user.is_staff = role in ADMIN_SITE_ROLES
    user.save(update_fields=["organisation", "is_staff"])
    user.groups.remove(*Group.objects.filter(name__in=[r.label for r in Role if r != role]))
    user.groups.add(Group.objects.get(name=role.label))
    return user
