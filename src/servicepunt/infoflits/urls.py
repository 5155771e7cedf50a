from django.urls import path

from servicepunt.infoflits import views

app_name = "infoflits"
urlpatterns = [
    path("", views.start, name="start"),
    path("<uuid:uuid>/", views.flow, name="flow"),
    path("<uuid:uuid>/stap/<slug:step>/", views.save_step, name="save-step"),
    path("<uuid:uuid>/voorstellen/", views.suggestions, name="suggestions"),
    path("<uuid:uuid>/besluit/", views.decide, name="decide"),
    path("<uuid:uuid>/versies/", views.versions, name="versions"),
]
