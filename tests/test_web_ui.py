"""The web UI in a real browser (Debian's chromium driven by Playwright) over the sample stories: the events
page with its table, timeline and map; filters; an article with its highlights and evidence; an actor; the
article search; a pasted article. Screenshots go to out/screenshots/."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from wirecoder import Pipeline, Settings
from wirecoder.api import create_app

from .browser import find_chromium, running

pytestmark = pytest.mark.model
SCREENSHOTS = Path(__file__).resolve().parent.parent / "out" / "screenshots"
PASTED = ("(Goma) Des rebelles ont attaqué samedi un camp de déplacés près de Goma, dans l'est de la République "
          "démocratique du Congo, tuant au moins cinq civils, a indiqué l'armée congolaise dans un communiqué.")


@pytest.fixture(scope="module")
def base_url(demo_db: str, pipeline: Pipeline) -> Iterator[str]:
    app = create_app(Settings({"store.url": demo_db}))
    app.state.annotate = lambda _settings, article: next(iter(pipeline.process([article])))
    with running(app) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    path, why = find_chromium()
    if path is None:
        pytest.skip(f"no browser for the UI tests: {why}")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=path, args=["--no-sandbox", "--disable-gpu"])
        yield b
        b.close()


@pytest.fixture
def page(browser: Any, base_url: str) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, base_url=base_url)
    pg = context.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    # The server's Content-Security-Policy must not block anything the UI does (Chromium logs each refusal).
    pg.on("console", lambda msg: errors.append(msg.text) if "Content Security Policy" in msg.text else None)
    # Every request must stay on this server: the UI is offline (no CDN).
    outside: list[str] = []
    pg.on("request", lambda req: None if req.url.startswith(base_url) else outside.append(req.url))
    yield pg
    context.close()
    assert not errors, f"JavaScript errors: {errors}"
    assert not outside, f"requests off the server: {outside}"


def _shot(page: Any, name: str) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    return path


def test_events_page_shows_table_timeline_and_map(page: Any) -> None:
    page.goto("/#/events")
    page.wait_for_selector("#events-table tbody tr")
    total = int(re.sub(r"\D", "", page.text_content("#events-total") or ""))
    assert total > 50 and page.locator("#events-table tbody tr").count() == 50
    page.wait_for_selector("#map svg circle.point")
    assert page.locator("#map svg path").count() > 100  # the countries of world-atlas
    assert page.locator("#map svg circle.point").count() > 10
    assert page.locator("#timeline svg rect").count() > 5
    _shot(page, "events")


def test_filtering_events_by_type_and_country(page: Any) -> None:
    page.goto("/#/events")
    page.wait_for_selector("#events-table tbody tr")
    before = page.text_content("#events-total")
    page.select_option("#filters select[name=type]", "ASSAULT")
    page.fill("#filters input[name=country]", "UKR")
    page.click("#apply-filters")
    # Locator assertions, not wait_for_function: a string predicate is evaluated in the page, where the
    # server's Content-Security-Policy (no 'unsafe-eval') refuses it whenever the first check fails.
    expect(page.locator("#events-total")).not_to_have_text(before or "", timeout=30_000)
    page.wait_for_selector("#events-table tbody tr")
    rows = page.locator("#events-table tbody tr")
    assert 0 < rows.count() < 50
    assert all(t.strip().startswith("ASSAULT") for t in rows.locator("td:nth-child(2)").all_text_contents())
    assert "type=ASSAULT" in page.url and "country=UKR" in page.url
    page.reload()  # the filters live in the URL
    page.wait_for_selector("#events-table tbody tr")
    assert page.locator("#events-table tbody tr").count() == rows.count()
    assert page.input_value("#filters input[name=country]") == "UKR"


def test_an_event_opens_its_article_with_highlights_and_evidence(page: Any) -> None:
    page.goto("/#/events?type=ASSAULT")
    row = page.locator("#events-table tbody tr").first
    row.wait_for()
    event_id = row.get_attribute("data-event-id")
    row.click()
    page.wait_for_selector("#article-text mark")
    assert "#/article/" in page.url
    for kind in ("hl-event", "hl-trigger", "hl-actor", "hl-place", "hl-time", "hl-quote"):
        assert page.locator(f"#article-text mark.{kind}").count() > 0, kind
    current = page.locator(f"#article-events li.event.current[data-event-id='{event_id}']")
    assert current.count() == 1
    trigger = current.locator("button.field[data-field=trigger]")
    start, end = int(trigger.get_attribute("data-start")), int(trigger.get_attribute("data-end"))
    trigger.click()
    selected = page.locator("#article-text mark.selected")
    assert selected.count() >= 1
    assert all(start <= int(m.get_attribute("data-start")) and int(m.get_attribute("data-end")) <= end
               for m in selected.all())
    text = page.evaluate("fetch('/api/events?article=' + encodeURIComponent(location.hash.split('/')[2]"
                         ".split('?')[0])).then(r => r.json())")
    event = next(e for e in text["items"] if str(e["id"]) == event_id)
    assert "".join(selected.all_text_contents()) == event["trigger"]["text"]
    _shot(page, "article")


def test_legend_hides_a_kind_of_highlight(page: Any) -> None:
    page.goto("/#/article/04-lyon-interpellation")
    page.wait_for_selector("#article-text mark.hl-place")
    place = page.locator("#article-text mark.hl-place").first
    shadow = "m => getComputedStyle(m).boxShadow"
    assert place.evaluate(shadow) != "none"
    page.locator("label", has_text="place").locator("input[type=checkbox]").uncheck()
    assert place.evaluate(shadow) == "none"


def test_actor_page(page: Any, base_url: str) -> None:
    page.goto("/#/events")
    page.wait_for_selector("#events-table tbody tr")
    page.goto("/#/article/01-kiev-frappes")
    link = page.locator("#article-actors a[href^='#/actor/']").first
    link.wait_for()
    name = link.text_content()
    link.click()
    page.wait_for_selector("#actor-name")
    assert (page.text_content("#actor-name") or "").strip() in (name or "")
    assert page.locator("#actor-articles li").count() >= 1
    _shot(page, "actor")


def test_article_search(page: Any) -> None:
    page.goto("/#/articles")
    page.fill("#article-search input[name=q]", "synagogue")
    page.press("#article-search input[name=q]", "Enter")
    # The unfiltered list is on the page first: wait for the search's own answer.
    page.wait_for_url(re.compile(r".*q=synagogue.*"))
    links = page.locator("#articles-list li a")
    expect(links).to_have_count(1, timeout=30_000)
    assert links.count() == 1 and "04-lyon-interpellation" in (links.first.get_attribute("href") or "")


def test_pasting_an_article_shows_its_events(page: Any) -> None:
    page.goto("/#/paste")
    page.fill("#paste-form textarea[name=text]", PASTED)
    page.fill("#paste-form input[name=date]", "2024-07-13")
    page.click("#paste-form button[type=submit]")
    page.wait_for_selector("#paste-result li.event", timeout=60_000)
    assert "ASSAULT" in (page.text_content("#paste-result") or "")
    assert page.locator("#paste-result mark.hl-place").count() >= 1
    _shot(page, "paste")


def test_an_api_error_is_shown_to_the_user(page: Any) -> None:
    page.goto("/#/article/no-such-article")
    page.wait_for_selector("#error", state="visible")
    assert "no article with id" in (page.text_content("#error") or "")


def test_the_api_docs_render_under_the_content_security_policy(page: Any) -> None:
    response = page.goto("/api/docs")
    assert "script-src 'self'" in response.headers["content-security-policy"]
    page.wait_for_selector(".opblock-summary-path")  # Swagger UI built the list of endpoints
    assert page.locator(".opblock").count() >= 10
