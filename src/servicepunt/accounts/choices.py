"""The vocabularies of accounts: the values its rows take, importable by other apps without its models."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class SecurityEventKind(models.TextChoices):
    SIGNED_IN = "signed_in", _("Ingelogd")
    SIGN_IN_FAILED = "sign_in_failed", _("Inloggen mislukt")
    SIGNED_OUT = "signed_out", _("Uitgelogd")
    SECOND_FACTOR_PASSED = "second_factor_passed", _("Tweede stap gelukt")
    SECOND_FACTOR_FAILED = "second_factor_failed", _("Tweede stap mislukt")
    SECOND_FACTOR_SET_UP = "second_factor_set_up", _("App voor de tweede stap ingesteld, nieuwe herstelcodes")
