from django.urls import path

from servicepunt.triage import views

app_name = "triage"
urlpatterns = [path("", views.search, name="search")]
