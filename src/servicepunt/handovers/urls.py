from django.urls import path

from servicepunt.handovers import views

app_name = "handovers"
urlpatterns = [
    path("", views.inbox, name="inbox"),
    path("<uuid:uuid>/", views.detail, name="detail"),
    path("<uuid:uuid>/<slug:action>/", views.act, name="act"),
]
