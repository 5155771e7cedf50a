from django.urls import path, register_converter

from servicepunt.appointments.resident import staff, views


class KeyConverter:
    """The resident's link key: up to 64 URL-safe characters (a broken one still reaches the
    page that says so)."""

    regex = "[A-Za-z0-9_-]{1,64}"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(KeyConverter, "key")

app_name = "resident_appointments"
urlpatterns = [
    # Staff: the confirmation letter of an appointment or combination (before the key patterns).
    path("brief/<uuid:uuid>/", staff.letter_page, name="letter"),
    path("brief/<uuid:uuid>/pdf/", staff.letter_pdf, name="letter-pdf"),
    # The resident's page; the key is in the path and is taken out of every log line.
    path("<key:token>/", views.overview, name="page"),
    path("<key:token>/<uuid:uuid>/annuleren/", views.cancel, name="cancel"),
    path("<key:token>/<uuid:uuid>/verzetten/", views.reschedule, name="reschedule"),
]
