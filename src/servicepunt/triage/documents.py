"""Turning the catalogue into the triage engine's documents: from the database, or from the
bundled catalogue files when the database holds no catalogue yet (a fresh checkout)."""

from __future__ import annotations

from servicepunt.catalogue.loading.model import CatalogueData
from servicepunt.catalogue.selectors import products_with_search_texts
from servicepunt.triage.engine import ProductDoc


def documents_from_database() -> list[ProductDoc]:
    products = products_with_search_texts()
    documents = []
    for product in products:
        vocabulary: dict[str, list[str]] = {}
        for term in product.search_terms.all():
            vocabulary.setdefault(term.language, []).append(term.phrase)
        texts = {c.language: (c.summary, c.for_whom, c.what_you_get) for c in product.contents.all()}
        documents.append(
            ProductDoc(
                code=product.code,
                name=product.name,
                name_en=product.name_en,
                domains=tuple(d.code for d in product.domains.all()),
                urgent=product.urgent,
                vocabulary={lang: tuple(phrases) for lang, phrases in vocabulary.items()},
                texts=texts,
            )
        )
    return documents


def documents_from_files(data: CatalogueData) -> list[ProductDoc]:
    return [
        ProductDoc(
            code=p.code,
            name=p.name,
            name_en=p.name_en,
            domains=tuple(p.domains),
            urgent=p.urgent,
            vocabulary={lang: tuple(phrases) for lang, phrases in p.vocabulary.items()},
            texts={lang: (c.summary, c.for_whom, c.what_you_get) for lang, c in p.content.items()},
        )
        for p in data.products
    ]
