from django.urls import path

from servicepunt.reporting import views

app_name = "reporting"
urlpatterns = [path("", views.overview, name="overview")]
