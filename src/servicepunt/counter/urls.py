from django.urls import path

from servicepunt.counter.views import appointments, cases, residents, worklist

app_name = "counter"
urlpatterns = [
    path("werkvoorraad/", worklist.worklist, name="worklist"),
    path("inwoners/", residents.search, name="resident-search"),
    path("inwoners/nieuw/", residents.register, name="resident-register"),
    path("inwoners/<uuid:uuid>/", residents.detail, name="resident"),
    path("inwoners/<uuid:uuid>/vraagstuk/", residents.open_case, name="resident-open-case"),
    path("inwoners/<uuid:uuid>/bsn/", residents.reveal_bsn, name="resident-bsn"),
    path("vraagstukken/<uuid:uuid>/", cases.detail, name="case"),
    path("vraagstukken/<uuid:uuid>/afspraak/", appointments.slot_page, name="case-slots"),
    path("vraagstukken/<uuid:uuid>/afspraak/boeken/", appointments.book, name="case-book"),
    path("vraagstukken/<uuid:uuid>/afspraak/verzetten/", appointments.reschedule, name="case-reschedule"),
    path("vraagstukken/<uuid:uuid>/afspraak/annuleren/", appointments.cancel, name="case-cancel-appointment"),
    path("vraagstukken/<uuid:uuid>/afspraak/nieuwe-link/", appointments.renew_link, name="case-renew-link"),
    path("vraagstukken/<uuid:uuid>/combinatieafspraak/", appointments.combination_page, name="case-combination"),
    path(
        "vraagstukken/<uuid:uuid>/combinatieafspraak/boeken/",
        appointments.book_combination,
        name="case-combination-book",
    ),
    path("vraagstukken/<uuid:uuid>/infoflits/", cases.start_infoflits, name="case-infoflits"),
    path("vraagstukken/<uuid:uuid>/<slug:action>/", cases.act, name="case-act"),
]
