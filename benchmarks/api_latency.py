#!/usr/bin/env python3
"""Latency of the HTTP API on a generated database of 100,000 events: a real ``wirecoder serve`` process on
127.0.0.1, requests from one client, p50/p95 per request kind (target p95 < 100 ms).

    python benchmarks/api_latency.py [--events 100000] [--requests 60] [--db /tmp/wirecoder-bench-api.db]

The database is generated once (synthetic articles, actors and events with the columns and JSON the pipeline
writes) and reused while its event count matches.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import func, insert, select

from wirecoder.events import PLOVER_TYPES
from wirecoder.store import Store
from wirecoder.store.tables import actors, articles, event_data, events
from wirecoder.timex.calendar import value_bounds

EVENTS_PER_ARTICLE = 5
TARGET_P95_MS = 100
PLACES = [("Baghdad", "IRQ", 33.34, 44.40, 1), ("Kyiv", "UKR", 50.45, 30.52, 1), ("Gaza", "PSE", 31.50, 34.47, 1),
          ("Bamako", "MLI", 12.65, -8.00, 1), ("Paris", "FRA", 48.85, 2.35, 1), ("Syria", "SYR", 35.0, 38.0, 3),
          ("Marseille", "FRA", 43.30, 5.38, 1), ("Beirut", "LBN", 33.89, 35.50, 1), ("Goma", "COD", -1.68, 29.22, 1),
          ("Sahel", None, 15.0, 0.0, 3)] + [(f"Town {n}", "FRA", 42 + n / 50, -1 + n / 40, 1) for n in range(200)]
SENTENCE = ("Les forces de sécurité ont été visées mardi par une attaque à la roquette près de {place}, a indiqué "
            "un responsable local, sans faire de victime selon un premier bilan.")


def _event(rng: random.Random, pk_article: int, n: int, day: dt.date, actor: dict[str, Any],
           recipient: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """The events row and the whole record (event_data), as the store writes them."""
    place = rng.choice(PLACES)
    kind = rng.choice(PLOVER_TYPES)
    text = SENTENCE.format(place=place[0])
    start = n * (len(text) + 2)
    date = day.isoformat() if rng.random() < 0.7 else day.isoformat()[:7]
    location = {"text": place[0], "name": place[0], "country": place[1], "start": start + 80, "end": start + 90,
                "lat": place[2], "lon": place[3], "geo_precision": place[4]}
    data = {"type": kind, "mode": None, "date": date, "factuality": rng.choice(["asserted"] * 9 + ["negated"]),
            "actor": {"text": actor["name"], "name": actor["name"], "country": actor["country"], "start": start,
                      "end": start + 10, "actor": actor["id"]},
            "recipient": {"text": recipient["name"], "name": recipient["name"], "country": recipient["country"],
                          "start": start + 20, "end": start + 30, "actor": recipient["id"]},
            "location": location, "count": None, "killed": rng.choice([None, None, 0, 1, 3]), "injured": None,
            "evidence": {"start": start, "end": start + len(text), "text": text},
            "trigger": {"start": start + 50, "end": start + 57, "text": "attaque", "lemma": "attaque"},
            "mentions": [], "cameo": "19", "acled_event_type": None, "acled_sub_event_type": None}
    first, last = value_bounds(date)
    return dict(article_pk=pk_article, type=kind, mode=None, actor_id=actor["id"], recipient_id=recipient["id"],
                location=place[0], location_text=place[0], country=place[1], lat=place[2], lon=place[3],
                geo_precision=place[4], actor_country=actor["country"], recipient_country=recipient["country"],
                date=date, date_start=first, date_end=last, count=None, killed=data["killed"], injured=None,
                factuality=data["factuality"], evidence_start=start, evidence_end=start + len(text),
                trigger_start=start + 50, trigger_end=start + 57, cameo="19", acled_event_type=None,
                acled_sub_event_type=None), data


def generate(url: str, n_events: int) -> None:
    rng = random.Random(7)
    people = [{"id": f"bench:{i}", "name": f"Acteur {i:04d}", "type": rng.choice(["person", "armed_group", "state"]),
               "country": rng.choice(["IRQ", "UKR", "FRA", "MLI", "USA", "RUS"]), "qid": None} for i in range(2000)]
    with Store(url) as store, store.engine.begin() as conn:
        conn.execute(insert(actors), people)
        first_day = dt.date(2021, 1, 1)
        for a in range(n_events // EVENTS_PER_ARTICLE):
            day = first_day + dt.timedelta(days=rng.randrange(3 * 365))
            text = "\n\n".join(SENTENCE.format(place=rng.choice(PLACES)[0]) for _ in range(EVENTS_PER_ARTICLE))
            pk = conn.execute(insert(articles).values(
                id=f"bench-{a}", content_hash=str(a), date=day.isoformat(), date_precision="day",
                title=f"Dépêche {a}", source="bench", url=None, dateline=None, text=text,
                document={"id": f"bench-{a}", "text": text}, ingested_at=dt.datetime.now(dt.UTC))).inserted_primary_key
            assert pk is not None
            made = [_event(rng, pk[0], n, day, rng.choice(people), rng.choice(people))
                    for n in range(EVENTS_PER_ARTICLE)]
            pks = conn.execute(insert(events).returning(events.c.pk, sort_by_parameter_order=True),
                               [row for row, _ in made]).scalars().all()
            conn.execute(insert(event_data), [dict(event_pk=event_pk, data=data)
                                              for event_pk, (_, data) in zip(pks, made, strict=True)])


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


REQUESTS = {
    "events, first page": "/api/events",
    "events, type + country": "/api/events?type=ASSAULT&country=IRQ",
    "events, date range": "/api/events?since=2022-03&until=2022-05",
    "events, actor name": "/api/events?actor=Acteur%2001",
    "events, page 200": "/api/events?page=200",
    "aggregates month x type": "/api/aggregates?by=month&group=type",
    "aggregates week x country": "/api/aggregates?by=week&group=country",
    "aggregates month x actor": "/api/aggregates?by=month&group=actor&type=ASSAULT",
    "aggregates, filtered": "/api/aggregates?by=month&group=type&factuality=asserted&since=2022&country=FRA",
    "event points": "/api/event-points",
    "event points, filtered": "/api/event-points?type=ASSAULT&type=PROTEST&since=2022-06&actor=Acteur%2000",
    "article search": "/api/articles?q=roquette%20Baghdad",
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=60, help="timed requests per kind")
    parser.add_argument("--db", type=Path, default=Path("/tmp/wirecoder-bench-api.db"))
    args = parser.parse_args()
    url = f"sqlite:///{args.db}"
    stored = 0
    if args.db.exists():
        with Store(url) as store, store.engine.connect() as conn:
            stored = conn.execute(select(func.count()).select_from(events)).scalar_one()
    if stored != args.events:
        args.db.unlink(missing_ok=True)
        started = time.perf_counter()
        generate(url, args.events)
        print(f"generated {args.events:,} events in {time.perf_counter() - started:.0f} s: {args.db}")
    port = _free_port()
    command = [str(Path(sys.executable).parent / "wirecoder"), "--db", url, "serve", "--port", str(port)]
    server = subprocess.Popen(command, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    failed = False
    try:
        with httpx.Client(base_url=base, timeout=30) as client:
            for _ in range(100):  # the server's start-up, bounded
                try:
                    health = client.get("/api/health").json()
                    break
                except httpx.TransportError:
                    time.sleep(0.1)
            else:
                raise SystemExit("the server did not start")
            print(f"server: {health['articles']:,} articles, {health['events']:,} events\n")
            print("| request | p50 ms | p95 ms | max ms | rows/total |\n|---|---|---|---|---|")
            for name, path in REQUESTS.items():
                for _ in range(3):  # warm-up: connection, caches
                    client.get(path)
                times, body = [], {}
                for _ in range(args.requests):
                    t0 = time.perf_counter()
                    response = client.get(path)
                    times.append((time.perf_counter() - t0) * 1000)
                    response.raise_for_status()
                    body = response.json()
                p95 = statistics.quantiles(times, n=20)[-1]
                failed |= p95 >= TARGET_P95_MS
                size = (f"{len(body['items'])}/{body['total']:,}" if "items" in body else
                        f"{len(body.get('buckets') or body.get('points') or [])} buckets")
                print(f"| {name} | {statistics.median(times):.1f} | {p95:.1f} | {max(times):.1f} | {size} |")
    finally:
        server.terminate()
        server.wait(timeout=10)
    print(f"\ntarget p95 < {TARGET_P95_MS} ms: " + ("missed (see above)" if failed else "met by every request kind"))
    if failed:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
