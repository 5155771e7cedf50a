"""The keys of links that open a page without logging in (the resident's appointments link, a
guest's video call link): 32 URL-safe characters, short enough for an SMS, in the path; only
their SHA-256 is stored, so a copy of the database opens no page."""

from __future__ import annotations

import hashlib
import secrets

KEY_BYTES = 24  # 32 characters of [A-Za-z0-9_-]


def random_key() -> str:
    return secrets.token_urlsafe(KEY_BYTES)


def key_hash(key: str) -> str:
    """What is stored of a key: its SHA-256, in hex."""
    return hashlib.sha256(key.encode()).hexdigest()
