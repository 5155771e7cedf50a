"""HTML to PDF with WeasyPrint, reading only local static files: a PDF with personal data (the
case summary, an appointment letter) never makes a request over the network."""

from __future__ import annotations

import mimetypes
import posixpath
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders


def static_file(url: str) -> Path | None:
    """The local file behind a static URL: collected (STATIC_ROOT) or found by the finders."""
    prefix = urlsplit(settings.STATIC_URL).path
    path = urlsplit(url).path
    if not path.startswith(prefix):
        return None
    name = posixpath.normpath(unquote(path[len(prefix) :]))
    if name.startswith(("/", "..")) or name == ".":
        return None
    collected = Path(settings.STATIC_ROOT) / name if settings.STATIC_ROOT else None
    if collected is not None and collected.is_file():
        return collected
    found = finders.find(name)
    return Path(found) if isinstance(found, str) else None


def static_only_fetcher() -> Any:
    from weasyprint.urls import URLFetcher, URLFetcherResponse  # heavy: imported only for a PDF

    class StaticOnlyFetcher(URLFetcher):
        def fetch(self, url: str, headers: Any = None) -> Any:
            local = static_file(url)
            if local is None:
                raise ValueError(f"only local static files are read, not {urlsplit(url).path}")
            mime_type = mimetypes.guess_type(local.name)[0] or "application/octet-stream"
            return URLFetcherResponse(local.as_uri(), local.read_bytes(), {"Content-Type": mime_type})

    return StaticOnlyFetcher()


def bidi_isolates_for_print(html: str) -> str:
    """WeasyPrint ignores `unicode-bidi: isolate`, so the isolation of a `<bdi>` (names and typed
    text, core.templatetags.servicepunt_text) is made explicit with U+2068 FIRST STRONG ISOLATE
    and U+2069 POP DIRECTIONAL ISOLATE, which its text layout does honour."""
    return html.replace("<bdi>", "<bdi>\u2068").replace("</bdi>", "\u2069</bdi>")


def pdf_from_html(html: str, *, base_url: str) -> bytes:
    from weasyprint import HTML  # heavy: imported only for a PDF

    document = HTML(string=bidi_isolates_for_print(html), base_url=base_url, url_fetcher=static_only_fetcher())
    return bytes(document.write_pdf(pdf_tags=True))
