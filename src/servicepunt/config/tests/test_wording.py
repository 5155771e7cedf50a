"""The words people read: it is "het Servicepunt" (a neuter noun), never "de Servicepunt", in
every template (pages, e-mails, SMS), every text marked for translation and the API description."""

from __future__ import annotations

import re
from pathlib import Path

import servicepunt

PACKAGE = Path(servicepunt.__file__).parent
WRONG_ARTICLE = re.compile(r"\bde Servicepunt\b", re.IGNORECASE)


def _sources() -> list[Path]:
    templates = [path for path in (PACKAGE / "templates").rglob("*") if path.suffix in {".html", ".txt"}]
    code = [path for path in PACKAGE.rglob("*.py") if "migrations" not in path.parts and "tests" not in path.parts]
    return [*templates, *code, PACKAGE.parent.parent / "docs" / "openapi.yaml"]


def test_it_is_het_servicepunt_everywhere_people_read_it() -> None:
    wrong = [
        f"{path.relative_to(PACKAGE.parent.parent)}:{number}"
        for path in _sources()
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if WRONG_ARTICLE.search(line)
    ]
    assert not wrong, "write 'het Servicepunt': " + ", ".join(wrong)
