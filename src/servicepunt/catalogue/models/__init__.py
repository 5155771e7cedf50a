from servicepunt.catalogue.choices import EntryChannel, OrganisationKind
from servicepunt.catalogue.models.domain import LifeDomain
from servicepunt.catalogue.models.organisation import EntryPoint, Location, OpeningException, OpeningHours, Organisation
from servicepunt.catalogue.models.product import Product, ProductContent, SearchTerm
from servicepunt.catalogue.models.release import CatalogueRelease, CatalogueRevision, UplEntry

__all__ = [
    "CatalogueRelease",
    "CatalogueRevision",
    "EntryChannel",
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
