from django.urls import path

from servicepunt.appointments.resident import staff, views

app_name = "resident_appointments"
urlpatterns = [
    # The resident's page; the signed key is in the query string (?sleutel=).
    path("", views.overview, name="page"),
    path("<uuid:uuid>/annuleren/", views.cancel, name="cancel"),
    path("<uuid:uuid>/verzetten/", views.reschedule, name="reschedule"),
    # Staff: the confirmation letter of an appointment or combination.
    path("brief/<uuid:uuid>/", staff.letter_page, name="letter"),
    path("brief/<uuid:uuid>/pdf/", staff.letter_pdf, name="letter-pdf"),
]
