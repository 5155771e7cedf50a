"""Parse and cross-check the catalogue files into CatalogueData. Refuses with file, line, field."""

from __future__ import annotations

import dataclasses
import hashlib
from pathlib import Path

from servicepunt.catalogue.loading.fields import Block
from servicepunt.catalogue.loading.model import (
    CatalogueData,
    ContentData,
    DomainData,
    EntryPointData,
    ExceptionData,
    Interval,
    LocationData,
    OrganisationData,
    ProductData,
)
from servicepunt.catalogue.loading.reader import CatalogueFileError, read_yaml

DEFAULT_DATA_DIR = Path(__file__).resolve().parent.parent / "data"
KINDS = ("gemeente", "rijk", "partner")
CHANNELS = ("balie", "telefoon", "video", "e-mail", "website")
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
REQUIRED_CONTENT_LANGUAGES = ("nl", "en")
CONTENT_KEYS = ("summary", "for_whom", "what_you_get", "how_to_apply", "what_to_bring")


def _files(data_dir: Path, folder: str) -> list[Path]:
    return sorted((data_dir / folder).glob("*.yaml"))


def _content_hash(paths: list[Path]) -> str:
    digest = hashlib.sha256()
    for path in paths:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _domains(path: Path) -> list[DomainData]:
    root = Block(path, read_yaml(path), "")
    result = []
    for position, block in enumerate(root.blocks("domains")):
        block.check_keys({"code", "name", "name_en", "zrm"})
        result.append(
            DomainData(
                code=block.code("code"),
                name=block.text("name"),
                name_en=block.text("name_en"),
                zrm_name=block.text("zrm", required=False),
                position=position,
            )
        )
    return result


def _entry_point(block: Block, location_codes: set[str]) -> EntryPointData:
    block.check_keys(
        {
            "code",
            "name",
            "location",
            "channels",
            "phone",
            "email",
            "website",
            "languages",
            "accessibility",
            "appointments",
            "opening_hours",
            "exceptions",
        }
    )
    location = block.text("location", required=False) or None
    if location and location not in location_codes:
        raise block.error("location", f"locatie '{location}' bestaat niet bij deze organisatie")
    channels = block.text_list("channels")
    for channel in channels:
        if channel not in CHANNELS:
            raise block.error("channels", f"'{channel}' is geen kanaal; kies uit {', '.join(CHANNELS)}")
    hours: dict[int, list[Interval]] = {}
    raw_hours = block.raw("opening_hours", required=False)
    if raw_hours is not None:
        hours_block = block.child("opening_hours", raw_hours)
        hours_block.check_keys(set(WEEKDAYS))
        for day, intervals in hours_block.mapping.items():
            hours[WEEKDAYS.index(day)] = hours_block.intervals(day, intervals)
    exceptions = []
    for exc in block.blocks("exceptions", required=False):
        exc.check_keys({"date", "closed", "hours", "note"})
        closed = exc.boolean("closed")
        raw = exc.raw("hours", required=not closed)
        if closed and raw:
            raise exc.error("hours", "een gesloten dag heeft geen tijden")
        if raw is not None:
            exc.intervals("hours", raw)
        exceptions.append(
            ExceptionData(
                date=exc.date("date"),
                closed=closed,
                hours=[str(h) for h in raw or []],
                note=exc.translated("note", required=False),
            )
        )
    return EntryPointData(
        code=block.code("code"),
        name=block.translated("name"),
        location=location,
        channels=channels,
        phone=block.text("phone", required=False),
        email=block.text("email", required=False),
        website=block.text("website", required=False),
        languages=block.text_list("languages", required=False),
        accessibility=block.translated("accessibility", required=False),
        appointments=block.boolean("appointments"),
        opening_hours=hours,
        exceptions=exceptions,
    )


def _organisations(path: Path) -> list[OrganisationData]:
    root = Block(path, read_yaml(path), "")
    result = []
    for block in root.blocks("organisations"):
        block.check_keys(
            {"code", "name", "name_en", "kind", "website", "phone", "description", "locations", "entry_points"}
        )
        kind = block.text("kind")
        if kind not in KINDS:
            raise block.error("kind", f"'{kind}' is geen soort; kies uit {', '.join(KINDS)}")
        locations = []
        for loc in block.blocks("locations", required=False):
            loc.check_keys({"code", "name", "street", "house_number", "postcode", "city", "accessibility"})
            locations.append(
                LocationData(
                    code=loc.code("code"),
                    name=loc.text("name"),
                    street=loc.text("street", required=False),
                    house_number=loc.text("house_number", required=False),
                    postcode=loc.text("postcode", required=False),
                    city=loc.text("city", required=False),
                    accessibility=loc.translated("accessibility", required=False),
                )
            )
        codes = {loc.code for loc in locations}
        if len(codes) != len(locations):
            raise block.error("locations", "twee locaties hebben dezelfde code")
        entry_points = [_entry_point(ep, codes) for ep in block.blocks("entry_points")]
        if not entry_points:
            raise block.error("entry_points", "een organisatie heeft minstens één loket")
        result.append(
            OrganisationData(
                code=block.code("code"),
                name=block.text("name"),
                name_en=block.text("name_en", required=False),
                kind=kind,
                website=block.text("website", required=False),
                phone=block.text("phone", required=False),
                description=block.translated("description", required=False),
                locations=locations,
                entry_points=entry_points,
            )
        )
    return result


def _content(block: Block) -> dict[str, ContentData]:
    result = {}
    for language in block.mapping:
        text = block.child(str(language), block.mapping[language])
        text.check_keys(set(CONTENT_KEYS))
        result[str(language)] = ContentData(
            summary=text.text("summary"),
            for_whom=text.text("for_whom"),
            what_you_get=text.text("what_you_get"),
            how_to_apply=text.text("how_to_apply"),
            what_to_bring=text.text_list("what_to_bring"),
        )
    for language in REQUIRED_CONTENT_LANGUAGES:
        if language not in result:
            raise block.error(language, "tekst in deze taal ontbreekt")
    return result


def _products(path: Path) -> list[ProductData]:
    root = Block(path, read_yaml(path), "")
    result = []
    for block in root.blocks("products"):
        block.check_keys({"code", "name", "name_en", "upl", "owner", "domains", "urgent", "entry_points", "content"})
        entry_points = block.text_list("entry_points", required=False) or None
        result.append(
            ProductData(
                code=block.code("code"),
                name=block.text("name"),
                name_en=block.text("name_en"),
                upl=block.text("upl", required=False),
                owner=block.code("owner"),
                domains=block.text_list("domains"),
                urgent=block.boolean("urgent"),
                entry_points=entry_points,
                content=_content(block.child("content", block.raw("content"))),
            )
        )
    return result


def _vocabulary(path: Path) -> dict[str, tuple[Block, dict[str, list[str]]]]:
    root = Block(path, read_yaml(path), "")
    result: dict[str, tuple[Block, dict[str, list[str]]]] = {}
    for block in root.blocks("vocabulary"):
        product = block.code("product")
        if product in result:
            raise block.error("product", f"'{product}' staat al eerder in dit bestand")
        result[product] = (
            block,
            {str(lang): block.text_list(str(lang)) for lang in block.mapping if lang != "product"},
        )
    return result


def parse_catalogue(data_dir: Path = DEFAULT_DATA_DIR) -> CatalogueData:
    """Read every catalogue file and check the references between them."""
    header_path = data_dir / "catalogue.yaml"
    header = Block(header_path, read_yaml(header_path), "")
    header.check_keys({"version", "valid_from"})
    domain_path = data_dir / "domains.yaml"
    domains = _domains(domain_path)

    organisations: list[OrganisationData] = []
    org_paths: dict[str, Path] = {}
    for path in _files(data_dir, "organisations"):
        for org in _organisations(path):
            if org.code in org_paths:
                raise CatalogueFileError(
                    path, None, "organisations.code", f"'{org.code}' staat twee keer in de catalogus"
                )
            org_paths[org.code] = path
            organisations.append(org)
    entry_point_codes = [ep.code for org in organisations for ep in org.entry_points]
    duplicates = {code for code in entry_point_codes if entry_point_codes.count(code) > 1}
    if duplicates:
        raise CatalogueFileError(
            data_dir / "organisations",
            None,
            "entry_points.code",
            f"loketcode(s) dubbel: {', '.join(sorted(duplicates))}",
        )

    products: list[ProductData] = []
    product_paths: dict[str, Path] = {}
    domain_codes = {d.code for d in domains}
    for path in _files(data_dir, "products"):
        root = read_yaml(path)
        for index, product in enumerate(_products(path)):
            block = Block(path, root["products"][index], f"products[{index}]")
            if product.code in product_paths:
                raise block.error("code", f"'{product.code}' staat ook in {product_paths[product.code].name}")
            if product.owner not in org_paths:
                raise block.error("owner", f"organisatie '{product.owner}' bestaat niet")
            for domain in product.domains:
                if domain not in domain_codes:
                    raise block.error("domains", f"leefdomein '{domain}' bestaat niet")
            for code in product.entry_points or []:
                if code not in entry_point_codes:
                    raise block.error("entry_points", f"loket '{code}' bestaat niet")
            product_paths[product.code] = path
            products.append(product)

    vocabulary: dict[str, dict[str, list[str]]] = {}
    vocabulary_paths = _files(data_dir, "vocabulary")
    for path in vocabulary_paths:
        for code, (block, terms) in _vocabulary(path).items():
            if code not in product_paths:
                raise block.error("product", f"product '{code}' bestaat niet")
            merged = vocabulary.setdefault(code, {})
            for language, phrases in terms.items():
                known = merged.setdefault(language, [])
                known.extend(p for p in dict.fromkeys(phrases) if p not in known)  # files may overlap
    products = [dataclasses.replace(p, vocabulary=vocabulary.get(p.code, {})) for p in products]

    all_paths = [header_path, domain_path, *org_paths.values(), *product_paths.values(), *vocabulary_paths]
    return CatalogueData(
        version=header.text("version"),
        valid_from=header.date("valid_from"),
        content_hash=_content_hash(sorted(set(all_paths))),
        domains=domains,
        organisations=organisations,
        products=products,
    )


def read_self_sufficiency_levels(data_dir: Path = DEFAULT_DATA_DIR) -> list[tuple[int, dict[str, str]]]:
    """The five ZRM levels of domains.yaml as (score, {nl, en} name)."""
    root = Block(data_dir / "domains.yaml", read_yaml(data_dir / "domains.yaml"), "")
    return [
        (int(block.text("score")), {"nl": block.text("name"), "en": block.text("name_en")})
        for block in root.blocks("levels")
    ]
