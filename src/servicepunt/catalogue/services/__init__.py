"""State changes of the catalogue: loading the YAML files, importing the UPL list."""

from servicepunt.catalogue.services.load import LoadReport, catalogue_load
from servicepunt.catalogue.services.revision import revision_bump, revision_current
from servicepunt.catalogue.services.upl import UplReport, upl_load

__all__ = ["LoadReport", "UplReport", "catalogue_load", "revision_bump", "revision_current", "upl_load"]
