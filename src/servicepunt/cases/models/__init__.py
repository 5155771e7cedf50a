from servicepunt.cases.models.resident import ContactPreference, Representative, RepresentativeKind, Resident

__all__ = ["ContactPreference", "Representative", "RepresentativeKind", "Resident"]
