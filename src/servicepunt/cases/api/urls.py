from django.urls import path

from servicepunt.cases.api.views import CaseCloseView, CaseDetailView, ResidentSearchView

urlpatterns = [
    path("cases/<uuid:uuid>", CaseDetailView.as_view(), name="case-detail"),
    path("cases/<uuid:uuid>/close", CaseCloseView.as_view(), name="case-close"),
    path("residents/search", ResidentSearchView.as_view(), name="resident-search"),
]
