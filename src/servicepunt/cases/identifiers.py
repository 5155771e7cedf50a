"""Personal identifiers: BSN (11-proef, encryption at rest, masking), phone numbers, postcodes.
Pure functions; the keys come from settings through the caller."""

from __future__ import annotations

import base64
import hashlib
import hmac
import re

import phonenumbers
from cryptography.fernet import Fernet
from stdnum.exceptions import ValidationError as StdnumError
from stdnum.nl import bsn as stdnum_bsn

POSTCODE = re.compile(r"^[1-9][0-9]{3}[A-Z]{2}$")
VISIBLE_BSN_DIGITS = 3


class IdentifierError(ValueError):
    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


def bsn_normalise(raw: str) -> str:
    """The BSN as nine digits, or IdentifierError when it fails the 11-proef."""
    try:
        return str(stdnum_bsn.validate(raw))
    except StdnumError as error:
        raise IdentifierError("bsn", "dit is geen geldig BSN (de 11-proef klopt niet)") from error


def bsn_mask(plain: str) -> str:
    return "*" * (len(plain) - VISIBLE_BSN_DIGITS) + plain[-VISIBLE_BSN_DIGITS:]


def _fernet(key_material: str) -> Fernet:
    key = base64.urlsafe_b64encode(hashlib.sha256(("bsn-encryption:" + key_material).encode()).digest())
    return Fernet(key)


def bsn_encrypt(plain: str, key_material: str) -> str:
    return _fernet(key_material).encrypt(plain.encode()).decode()


def bsn_decrypt(token: str, key_material: str) -> str:
    return _fernet(key_material).decrypt(token.encode()).decode()


def bsn_digest(plain: str, key_material: str) -> str:
    """A keyed hash: exact search on BSN without storing it in a searchable plain form."""
    return hmac.new(("bsn-digest:" + key_material).encode(), plain.encode(), hashlib.sha256).hexdigest()


def phone_normalise(raw: str) -> str:
    """E.164 (+31612345678); Dutch numbers may be given without country code."""
    try:
        number = phonenumbers.parse(raw, "NL")
    except phonenumbers.NumberParseException as error:
        raise IdentifierError("phone", "dit is geen telefoonnummer") from error
    if not phonenumbers.is_valid_number(number):
        raise IdentifierError("phone", "dit telefoonnummer bestaat niet")
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def postcode_normalise(raw: str) -> str:
    postcode = raw.replace(" ", "").upper()
    if not POSTCODE.match(postcode):
        raise IdentifierError("postcode", "vul een postcode in als 3511 AB")
    return postcode
