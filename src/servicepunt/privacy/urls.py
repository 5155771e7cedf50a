from django.urls import path

from servicepunt.privacy import views

app_name = "privacy"
urlpatterns = [
    path("inwoners/", views.residents, name="residents"),
    path("inwoners/<uuid:uuid>/", views.resident, name="resident"),
    path("inwoners/<uuid:uuid>/toegangslog.<str:fmt>", views.resident_log, name="resident-log"),
    path("inwoners/<uuid:uuid>/inzage.<str:fmt>", views.resident_export_view, name="resident-export"),
    path("inwoners/<uuid:uuid>/wissen/", views.resident_erase, name="resident-erase"),
    path("bewaartermijnen/", views.retention, name="retention"),
]
