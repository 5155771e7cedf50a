"""The live video queue at load, in-process (Django's test Client: middleware, queries,
template; no HTTP, no media): 50 waiting calls, 20 employees polling the queue board, and the
pick-up action. The board is compared with a bare page of the same base template, measured in
the same run, and its queries per poll must not grow with the queue.

Run: .venv/bin/python bench/videoqueue.py [--waiting 50] [--employees 20] [--polls 30]
Last line: board_p95_ms=… pickup_p95_ms=… board_ratio=… queries_per_poll=…
(queries_per_poll: a poll that renders the rows, the same with 5 and with 50 calls; a poll that
finds the shared rendering of the current queue version needs fewer, printed on the line before.)

DATABASE_URL selects the database (default postgres://postgres@127.0.0.1:5432/servicepunt_bench_video,
created when missing). Rooms are made by the in-memory provider: the media server is not what
is measured here (tests/test_janus_provider.py covers Janus).
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import percentile

DEFAULT_DATABASE = "postgres://postgres@127.0.0.1:5432/servicepunt_bench_video"
TARGET_RATIO = 2.0


def _environment() -> None:
    os.environ.setdefault("DATABASE_URL", DEFAULT_DATABASE)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "servicepunt.config.settings.local")
    os.environ.setdefault("DATABASE_CONN_MAX_AGE", "600")
    os.environ["SERVICEPUNT_ALLOW_DEMO_DATA"] = "1"
    os.environ["SERVICEPUNT_MEDIA_PROVIDER"] = "servicepunt.videocalls.media.memory.MemoryProvider"
    os.environ["DEBUG"] = "0"
    # The bench signs its employees in with force_login; the second factor is a sign-in step, not
    # what this bench measures.
    os.environ["SERVICEPUNT_2FA_REQUIRED"] = "0"
    os.environ["ALLOWED_HOSTS"] = "testserver"
    os.environ.setdefault("LOG_LEVEL", "WARNING")


def _database_create() -> None:
    import dj_database_url
    import psycopg

    config = dj_database_url.parse(os.environ["DATABASE_URL"])
    if "postgresql" not in config["ENGINE"]:
        sys.exit("bench/videoqueue.py measures PostgreSQL: set DATABASE_URL to a postgres:// address")
    with psycopg.connect(
        host=config["HOST"],
        port=config["PORT"] or 5432,
        user=config["USER"],
        password=config["PASSWORD"] or None,
        dbname="postgres",
        autocommit=True,
    ) as connection:
        if not connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [config["NAME"]]).fetchone():
            connection.execute(f'CREATE DATABASE "{config["NAME"]}"')


# A bare page with the same base template (and so the same navigation and context processors).
urlpatterns: list[Any] = []


def _bare_urls() -> None:
    from django.contrib.auth.decorators import login_required
    from django.shortcuts import render
    from django.urls import include, path

    @login_required
    def bare(request: Any) -> Any:
        return render(request, "base.html", {})

    urlpatterns[:] = [path("bench-bare/", bare, name="bench-bare"), path("", include("servicepunt.config.urls"))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--waiting", type=int, default=50)
    parser.add_argument("--employees", type=int, default=20)
    parser.add_argument("--polls", type=int, default=30, help="polls per employee")
    args = parser.parse_args()
    _environment()
    _database_create()

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client, override_settings
    from django.test.utils import CaptureQueriesContext

    from servicepunt.accounts.models import User
    from servicepunt.accounts.roles import Role
    from servicepunt.accounts.services import roles_sync, user_create
    from servicepunt.catalogue.models import Product
    from servicepunt.catalogue.selectors import entry_points_video
    from servicepunt.catalogue.services import catalogue_load, upl_load
    from servicepunt.demo.accounts import demo_accounts_create
    from servicepunt.videocalls.models import VideoCall
    from servicepunt.videocalls.services import CallRequestInput, call_end, call_request

    call_command("migrate", verbosity=0)
    if not Product.objects.exists():
        upl_load()
        catalogue_load()
    roles_sync()
    demo_accounts_create()
    host = User.objects.get(username="wijkbureau")
    VideoCall.objects.all().delete()
    employees = [
        User.objects.filter(username=f"bench-video-{n}").first()
        or user_create(username=f"bench-video-{n}", password="bench-password-long", role=Role.SERVICEPUNT)
        for n in range(args.employees)
    ]
    wijkbureaus = list(entry_points_video())

    def request_one(n: int) -> VideoCall:
        topic = f"Benchvraag {n}"
        return call_request(host=host, data=CallRequestInput(wijkbureau=wijkbureaus[n % len(wijkbureaus)], topic=topic))

    def queries_of_poll(client: Client) -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/video/wachtrij/rijen/").status_code == 200
        return len(queries)

    _bare_urls()
    with override_settings(ROOT_URLCONF=__name__):
        clients = []
        for employee in employees:
            client = Client()
            client.force_login(employee)
            clients.append(client)
        # Queries per poll, with a short queue and a full one: they must be the same.
        # A client's first request also loads and saves its session (idle timeout, second
        # factor), so one poll before counting.
        queries_of_poll(clients[0])
        for n in range(5):
            request_one(n)
        short = queries_of_poll(clients[0])
        for n in range(5, args.waiting):
            request_one(n)
        full = queries_of_poll(clients[0])
        if short != full:
            sys.exit(f"queries per poll grow with the queue: {short} with 5 calls, {full} with {args.waiting}")

        for client in clients[:2]:  # warm up
            client.get("/video/wachtrij/rijen/")
            client.get("/bench-bare/")
        board, bare = [], []
        for _ in range(args.polls):
            for client in clients:  # interleaved, so both see the same machine state
                started = time.perf_counter()
                answer = client.get("/video/wachtrij/rijen/")
                board.append((time.perf_counter() - started) * 1000)
                assert answer.status_code == 200 and b"Benchvraag" in answer.content
                started = time.perf_counter()
                answer = client.get("/bench-bare/")
                bare.append((time.perf_counter() - started) * 1000)
                assert answer.status_code == 200

        # The same polls with the shared rendering missed every time (a queue that moves at once).
        from django.core.cache import cache

        uncached = []
        for client in clients * 5:
            cache.clear()
            started = time.perf_counter()
            assert client.get("/video/wachtrij/rijen/").status_code == 200
            uncached.append((time.perf_counter() - started) * 1000)
        hit = queries_of_poll(clients[1])

        pickups = []
        counter = args.waiting
        for _ in range(3):
            for client, employee in zip(clients, employees, strict=True):
                call = VideoCall.objects.filter(state="waiting").order_by("requested_at", "id").first()
                assert call is not None
                started = time.perf_counter()
                answer = client.post(f"/video/{call.uuid}/oppakken/")
                pickups.append((time.perf_counter() - started) * 1000)
                assert answer.status_code == 302 and answer["Location"].endswith("/gesprek/"), answer
                call_end(call=VideoCall.objects.get(pk=call.pk), by=employee, outcome="bench")
                request_one(counter)  # keep the queue full
                counter += 1

    board_p95, bare_p95, pickup_p95 = percentile(board, 0.95), percentile(bare, 0.95), percentile(pickups, 0.95)
    ratio = board_p95 / bare_p95
    print(
        f"waiting={args.waiting} employees={args.employees} polls={len(board)} "
        f"board_p50_ms={percentile(board, 0.5):.1f} bare_p95_ms={bare_p95:.1f} target_ratio<={TARGET_RATIO} "
        f"board_uncached_p95_ms={percentile(uncached, 0.95):.1f} queries_per_poll_shared={hit}"
    )
    VideoCall.objects.filter(requested_by=host).delete()
    print(
        f"board_p95_ms={board_p95:.1f} pickup_p95_ms={pickup_p95:.1f} board_ratio={ratio:.2f} queries_per_poll={full}"
    )


if __name__ == "__main__":
    main()
