"""The resident's own appointments page behind a signed, expiring link (no login), and the
staff's printable confirmation letter."""
