"""Typed access to one YAML block, raising CatalogueFileError with file, line and field."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

from servicepunt.catalogue.loading.reader import CatalogueFileError, LineDict

CODE_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
INTERVAL_PATTERN = re.compile(r"^(\d{2}):(\d{2})-(\d{2}):(\d{2})$")


class Block:
    """One mapping in a catalogue file; `where` is its field path, e.g. products[3]."""

    def __init__(self, path: Path, mapping: Any, where: str, line: int = 0) -> None:
        if not isinstance(mapping, LineDict):
            raise CatalogueFileError(path, line or None, where, "moet een blok met sleutels zijn")
        self.path = path
        self.mapping = mapping
        self.where = where

    def error(self, key: str, message: str) -> CatalogueFileError:
        return CatalogueFileError(self.path, self.mapping.line_of(key), f"{self.where}.{key}", message)

    def check_keys(self, allowed: set[str]) -> None:
        for key in self.mapping:
            if key not in allowed:
                raise self.error(str(key), f"onbekend veld; toegestaan: {', '.join(sorted(allowed))}")

    def raw(self, key: str, *, required: bool = True) -> Any:
        if key not in self.mapping or self.mapping[key] is None:
            if required:
                raise CatalogueFileError(self.path, self.mapping.line, f"{self.where}.{key}", "ontbreekt")
            return None
        return self.mapping[key]

    def text(self, key: str, *, required: bool = True) -> str:
        value = self.raw(key, required=required)
        if value is None:
            return ""
        if not isinstance(value, (str, int, float)) or isinstance(value, bool) or not str(value).strip():
            raise self.error(key, "moet tekst zijn")
        return str(value).strip()

    def code(self, key: str) -> str:
        value = self.text(key)
        if not CODE_PATTERN.match(value):
            raise self.error(key, f"'{value}' is geen geldige code (kleine letters, cijfers en streepjes)")
        return value

    def boolean(self, key: str, default: bool = False) -> bool:
        value = self.raw(key, required=False)
        if value is None:
            return default
        if not isinstance(value, bool):
            raise self.error(key, "moet true of false zijn")
        return value

    def text_list(self, key: str, *, required: bool = True) -> list[str]:
        value = self.raw(key, required=required)
        if value is None:
            return []
        if not isinstance(value, list) or not all(isinstance(v, (str, int)) and str(v).strip() for v in value):
            raise self.error(key, "moet een lijst met tekst zijn")
        return [str(v).strip() for v in value]

    def date(self, key: str) -> dt.date:
        value = self.raw(key)
        if isinstance(value, dt.date):
            return value
        try:
            return dt.date.fromisoformat(str(value))
        except ValueError as error:
            raise self.error(key, f"'{value}' is geen datum (JJJJ-MM-DD)") from error

    def translated(self, key: str, *, required: bool = True) -> dict[str, str]:
        """A {nl: …, en: …} text; Dutch is always required when the field is."""
        value = self.raw(key, required=required)
        if value is None:
            return {}
        block = self.child(key, value)
        texts = {lang: block.text(lang, required=lang == "nl") for lang in block.mapping}
        return {lang: text for lang, text in texts.items() if text}

    def child(self, key: str, value: Any) -> Block:
        return Block(self.path, value, f"{self.where}.{key}", self.mapping.line_of(key))

    def blocks(self, key: str, *, required: bool = True) -> list[Block]:
        value = self.raw(key, required=required)
        if value is None:
            return []
        if not isinstance(value, list):
            raise self.error(key, "moet een lijst zijn")
        line = self.mapping.line_of(key)
        return [Block(self.path, item, f"{self.where}.{key}[{index}]", line) for index, item in enumerate(value)]

    def intervals(self, key: str, values: Any) -> list[tuple[dt.time, dt.time]]:
        if not isinstance(values, list):
            raise self.error(key, 'moet een lijst van "HH:MM-HH:MM" zijn')
        result = []
        for value in values:
            match = INTERVAL_PATTERN.match(str(value))
            if not match:
                raise self.error(key, f"'{value}' is geen tijdvak als \"09:00-17:00\"")
            oh, om, ch, cm = (int(g) for g in match.groups())
            if oh > 23 or om > 59 or ch > 24 or cm > 59 or (ch == 24 and cm):
                raise self.error(key, f"'{value}' bevat een ongeldige tijd")
            opens, closes = dt.time(oh, om), dt.time(0, 0) if ch == 24 else dt.time(ch, cm)
            if closes != dt.time(0, 0) and closes <= opens:
                raise self.error(key, f"'{value}': de sluitingstijd moet na de openingstijd liggen")
            result.append((opens, closes))
        return result
