from servicepunt.catalogue.models.domain import LifeDomain
from servicepunt.catalogue.models.organisation import (
    Channel,
    EntryPoint,
    Location,
    OpeningException,
    OpeningHours,
    Organisation,
    OrganisationKind,
)
from servicepunt.catalogue.models.product import Product, ProductContent, SearchTerm
from servicepunt.catalogue.models.release import CatalogueRelease, CatalogueRevision, UplEntry

__all__ = [
    "CatalogueRelease",
    "CatalogueRevision",
    "Channel",
    "EntryPoint",
    "LifeDomain",
    "Location",
    "OpeningException",
    "OpeningHours",
    "Organisation",
    "OrganisationKind",
    "Product",
    "ProductContent",
    "SearchTerm",
    "UplEntry",
]
