"""Resident search and the case page at scale, on PostgreSQL, measured server-side: the view
through Django's test Client (middleware, queries, template), not over HTTP.

Run: .venv/bin/python bench/cases.py [--residents N]
Last line: search_p95_ms=… case_page_p95_ms=… case_page_queries=…

DATABASE_URL selects the database (default postgres://postgres@127.0.0.1:5432/servicepunt_bench_cases,
created when missing). The script migrates it, loads the catalogue and the demo accounts and
makes demo residents (`servicepunt.demo.residents`, 3 cases each on average, with handovers) up to N;
a database that already holds N residents is reused, so re-runs are quick. Migration cases 0004
adds pg_trgm indexes for the name search: CREATE EXTENSION needs a role that may create it
(pg_trgm is a trusted extension from PostgreSQL 13: the database owner suffices).

The case page must take the same number of queries whatever the case holds: the script fails
when cases of the same shape (with or without infoflits, with or without linked products) differ.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import percentile

DEFAULT_DATABASE = "postgres://postgres@127.0.0.1:5432/servicepunt_bench_cases"
SEARCH_RESIDENTS = 40
CASE_PAGES = 300
BUDGET_MS = 50.0


def _environment() -> None:
    os.environ.setdefault("DATABASE_URL", DEFAULT_DATABASE)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "servicepunt.config.settings.local")
    os.environ.setdefault("DATABASE_CONN_MAX_AGE", "600")
    os.environ["SERVICEPUNT_ALLOW_DEMO_DATA"] = "1"
    os.environ["DEBUG"] = "0"  # as in production: no debug toolbar of queries kept per request
    os.environ["ALLOWED_HOSTS"] = "testserver"
    os.environ.setdefault("LOG_LEVEL", "WARNING")


def _database_create() -> None:
    """Create the bench database when it does not exist yet (PostgreSQL only)."""
    import dj_database_url
    import psycopg

    config = dj_database_url.parse(os.environ["DATABASE_URL"])
    if "postgresql" not in config["ENGINE"]:
        sys.exit("bench/cases.py measures PostgreSQL: set DATABASE_URL to a postgres:// address")
    with psycopg.connect(
        host=config["HOST"],
        port=config["PORT"] or 5432,
        user=config["USER"],
        password=config["PASSWORD"] or None,
        dbname="postgres",
        autocommit=True,
    ) as connection:
        exists = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [config["NAME"]]).fetchone()
        if not exists:
            connection.execute(f'CREATE DATABASE "{config["NAME"]}"')
            print(f"database {config['NAME']} created")


def _prepare(residents: int) -> Any:
    """Migrate, load the catalogue and demo accounts, make the residents; the demo employee."""
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from servicepunt.accounts.models import User
    from servicepunt.accounts.services import roles_sync
    from servicepunt.cases.models import Resident
    from servicepunt.catalogue.models import Product
    from servicepunt.catalogue.services import catalogue_load, upl_load
    from servicepunt.demo.accounts import demo_accounts_create
    from servicepunt.demo.handovers import demo_handovers_add
    from servicepunt.demo.residents import demo_residents_create

    call_command("migrate", verbosity=0)
    if not Product.objects.exists():
        upl_load()
        catalogue_load()
    roles_sync()
    demo_accounts_create()
    employee = User.objects.get(username="medewerker")
    existing = Resident.objects.count()
    if existing < residents:
        started = time.perf_counter()
        demo_residents_create(
            count=residents - existing, registered_by=employee, seed=2026 + existing, extend=[demo_handovers_add]
        )
        print(f"made {residents - existing} residents in {time.perf_counter() - started:.0f} s")
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
    with connection.cursor() as cursor:  # statistics for indexes a new migration just made
        cursor.execute("ANALYZE cases_resident")
    return employee


def _timed(client: Any, url: str, expect: str = "", data: dict[str, str] | None = None) -> tuple[float, Any]:
    """One page, timed; with `data` it is POSTed (the resident search takes no personal data in
    its URL)."""
    started = time.perf_counter()
    response = client.get(url) if data is None else client.post(url, data)
    elapsed = (time.perf_counter() - started) * 1000
    assert response.status_code == 200, f"{url}: {response.status_code}"
    assert expect in response.content.decode(), f"{url}: {expect!r} not on the page"
    return elapsed, response


def _random_pks(rng: random.Random, model: Any, count: int) -> list[int]:
    """Random primary keys between the lowest and the highest (a few may be gaps)."""
    from django.db.models import Max, Min

    bounds = model.objects.aggregate(low=Min("pk"), high=Max("pk"))
    if bounds["low"] is None:
        return []
    return [rng.randint(bounds["low"], bounds["high"]) for _ in range(count)]


def _search_urls(rng: random.Random) -> list[tuple[str, str, str]]:
    """(variant, url, a name the page must show) for random residents."""
    from urllib.parse import urlencode

    from django.conf import settings

    from servicepunt.cases.identifiers import bsn_decrypt
    from servicepunt.cases.models import Resident

    picked = list(Resident.objects.filter(pk__in=_random_pks(rng, Resident, SEARCH_RESIDENTS * 3)))
    with_bsn = list(Resident.objects.exclude(bsn_encrypted="").order_by("-pk")[:200])
    urls: list[tuple[str, str, str]] = []
    for resident in picked[:SEARCH_RESIDENTS]:
        full = f"{resident.given_name} {resident.surname}"
        urls += [
            ("surname", urlencode({"name": resident.surname}), ""),
            ("surname_start", urlencode({"name": resident.surname[:4]}), ""),
            ("given_surname", urlencode({"name": full}), resident.surname),
            ("postcode_house", urlencode({"postcode": resident.postcode, "house_number": resident.house_number}), ""),
        ]
        if resident.phone:
            urls.append(("phone", urlencode({"phone": "0" + resident.phone[3:]}), resident.surname))
        if resident.date_of_birth:
            urls.append(("date_of_birth", urlencode({"date_of_birth": resident.date_of_birth.isoformat()}), ""))
    for resident in rng.sample(with_bsn, min(SEARCH_RESIDENTS, len(with_bsn))):
        bsn = bsn_decrypt(resident.bsn_encrypted, settings.SERVICEPUNT_BSN_KEY)
        urls.append(("bsn", urlencode({"bsn": bsn}), resident.surname))
    return urls


def _case_sample(rng: random.Random) -> list[Any]:
    """Random cases, plus cases with handovers, open tasks, an infoflits, and the biggest ones."""
    from django.db.models import Count

    from servicepunt.cases.models import Case, Task
    from servicepunt.handovers.models import Handover
    from servicepunt.infoflits.models import Infoflits

    ids = set(_random_pks(rng, Case, CASE_PAGES))
    handovers = Handover.objects.filter(pk__in=_random_pks(rng, Handover, 60))
    ids |= set(handovers.values_list("question__case_id", flat=True))
    tasks = Task.objects.filter(pk__in=_random_pks(rng, Task, 200), done_at__isnull=True)
    ids |= set(tasks.values_list("case_id", flat=True)[:40])
    ids |= set(Case.objects.filter(infoflits_id__in=_random_pks(rng, Infoflits, 60)).values_list("pk", flat=True))
    window = Case.objects.filter(pk__in=_random_pks(rng, Case, 5000)).annotate(n=Count("events"))
    ids |= set(window.order_by("-n").values_list("pk", flat=True)[:20])  # the biggest
    ids |= set(window.order_by("n").values_list("pk", flat=True)[:20])  # and the smallest
    cases = list(
        Case.objects.filter(pk__in=ids).annotate(
            size=Count("events", distinct=True), linked=Count("questions__product", distinct=True)
        )
    )
    rng.shuffle(cases)
    return cases


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--residents", type=int, default=100_000, help="scale: demo residents in the database")
    args = parser.parse_args()
    _environment()
    _database_create()
    employee = _prepare(args.residents)

    from django.db import connection, reset_queries
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from servicepunt.cases.models import Case, Resident
    from servicepunt.handovers.models import Handover

    print(
        f"residents={Resident.objects.count()} cases={Case.objects.count()} handovers={Handover.objects.count()} "
        f"database={connection.vendor} {connection.settings_dict['NAME']}"
    )
    rng = random.Random(7)
    client = Client()
    client.force_login(employee)

    searches = _search_urls(rng)
    for _, url, expect in searches[:10]:  # warm up: templates, translations, the triage of imports
        _timed(client, "/inwoners/", expect, data=dict(parse_qsl(url)))
    by_variant: dict[str, list[float]] = defaultdict(list)
    search_queries: set[int] = set()
    for variant, url, expect in searches:
        reset_queries()  # the log keeps 9,000 queries; a full log would count nothing
        with CaptureQueriesContext(connection) as captured:
            by_variant[variant].append(_timed(client, "/inwoners/", expect, data=dict(parse_qsl(url)))[0])
        search_queries.add(len(captured))
    for variant, timings in by_variant.items():
        print(
            f"  search {variant:<15} n={len(timings):<4} p50_ms={percentile(timings, 0.5):6.1f} "
            f"p95_ms={percentile(timings, 0.95):6.1f}"
        )
    search_all = [t for timings in by_variant.values() for t in timings]
    print(f"  search queries per page {min(search_queries)}–{max(search_queries)} (the access log: a row per result)")

    cases = _case_sample(rng)
    for case in cases[:10]:
        _timed(client, f"/vraagstukken/{case.uuid}/")
    page_ms: list[float] = []
    queries: dict[tuple[bool, bool], set[int]] = defaultdict(set)
    for case in cases:
        reset_queries()  # the log keeps 9,000 queries; a full log would count nothing
        with CaptureQueriesContext(connection) as captured:
            elapsed, _ = _timed(client, f"/vraagstukken/{case.uuid}/")
        page_ms.append(elapsed)
        queries[(case.infoflits_id is not None, case.linked > 0)].add(len(captured))
    sizes = [case.size for case in cases]
    print(f"  case page n={len(cases)} events per case {min(sizes)}–{max(sizes)} p50_ms={percentile(page_ms, 0.5):.1f}")
    for (infoflits, linked), counts in sorted(queries.items()):
        print(f"  case page queries infoflits={infoflits!s:<5} linked_products={linked!s:<5} {sorted(counts)}")
    varying = {shape: counts for shape, counts in queries.items() if len(counts) > 1}
    if varying:
        sys.exit(f"FAIL: the case page's query count varies with the size of the case: {varying}")
    search_p95, page_p95 = percentile(search_all, 0.95), percentile(page_ms, 0.95)
    if max(search_p95, page_p95) > BUDGET_MS:
        print(f"  over the budget of {BUDGET_MS:.0f} ms")
    most = max(count for counts in queries.values() for count in counts)
    print(f"search_p95_ms={search_p95:.1f} case_page_p95_ms={page_p95:.1f} case_page_queries={most}")


if __name__ == "__main__":
    main()
