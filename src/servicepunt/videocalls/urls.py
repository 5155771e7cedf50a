from django.urls import path

from servicepunt.videocalls import views

app_name = "videocalls"

urlpatterns = [
    # The wijkbureau host
    path("aanvragen/", views.request_call, name="request"),
    path("<uuid:uuid>/", views.kiosk, name="kiosk"),
    path("<uuid:uuid>/status/", views.kiosk_status, name="kiosk-status"),
    path("<uuid:uuid>/stoppen/", views.cancel, name="cancel"),
    path("<uuid:uuid>/anders/", views.fallback, name="fallback"),
    path("<uuid:uuid>/toegang/wijkbureau/", views.host_access, name="host-access"),
    # The Servicepunt employee
    path("wachtrij/", views.board, name="board"),
    path("wachtrij/rijen/", views.board_rows, name="board-rows"),
    path("<uuid:uuid>/oppakken/", views.pick_up, name="pick-up"),
    path("<uuid:uuid>/gesprek/", views.call_page, name="call"),
    path("<uuid:uuid>/verbonden/", views.connect, name="connect"),
    path("<uuid:uuid>/afronden/", views.end, name="end"),
    path("<uuid:uuid>/doorzetten/", views.transfer, name="transfer"),
    path("<uuid:uuid>/toegang/medewerker/", views.employee_access, name="employee-access"),
]
