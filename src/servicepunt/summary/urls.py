from django.urls import path

from servicepunt.summary import views

app_name = "summary"
urlpatterns = [
    path("vraagstukken/<uuid:uuid>/afspraken/", views.summary_page, name="page"),
    path("vraagstukken/<uuid:uuid>/afspraken.pdf", views.summary_pdf, name="pdf"),
]
