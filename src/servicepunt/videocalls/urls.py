from django.urls import path, register_converter

from servicepunt.videocalls import views, views_guest


class GuestKeyConverter:
    """A guest link's key: up to 64 URL-safe characters (a broken one still reaches the page
    that says so)."""

    regex = "[A-Za-z0-9_-]{1,64}"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(GuestKeyConverter, "guestkey")

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
    path("<uuid:uuid>/uitnodigen/", views_guest.invite, name="invite"),
    # A third party (videocalls/guests.py): no login, the key is in the path, never in a log line
    path("gast/<guestkey:token>/", views_guest.guest_page, name="guest"),
    path("gast/<guestkey:token>/status/", views_guest.guest_status, name="guest-status"),
    path("gast/<guestkey:token>/toegang/", views_guest.guest_access_view, name="guest-access"),
]
