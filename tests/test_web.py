"""The web page in a real browser (Debian's chromium through Playwright) against a real server."""

from __future__ import annotations

import socket
import threading
import time
from pathlib import Path

import pytest
from test_search import build_store

from letopis.record import Document

pytestmark = [pytest.mark.browser, pytest.mark.slow]

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]  # fmt: skip
SHOTS = Path(__file__).resolve().parent.parent / "test-output" / "screenshots"
XSS = (
    "Хакеры атаковали сайт министерства обороны Германии.\n\n"
    "Злоумышленники вставили в страницу код <script>alert(1)</script> и <img src=x onerror=alert(2)>, "
    "сообщил представитель ведомства в Берлине.\n\n"
    "window.yaContextCb.push( function () { Ya.adfoxCode.createAdaptive({ ownerId: 173858 }); });"
)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def server(pipeline, tmp_path_factory):  # type: ignore[no-untyped-def]
    if not Path(CHROMIUM).exists():
        pytest.skip("chromium is missing: apt-get install -y chromium (make browser does it)")
    import uvicorn

    from letopis.web.app import create_app

    path = tmp_path_factory.mktemp("web") / "store.db"
    extra = [Document(text=XSS, id="xss", published="2020-05-01", source="test")]
    build_store(pipeline, path, extra=extra, dev_docs=12).close()
    port = _free_port()
    config = uvicorn.Config(create_app(str(path)), host="127.0.0.1", port=port, log_level="warning")
    uvicorn_server = uvicorn.Server(config)
    thread = threading.Thread(target=uvicorn_server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not uvicorn_server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    uvicorn_server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser():  # type: ignore[no-untyped-def]
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="ru-RU")
    page = context.new_page()
    page.dialogs = []  # type: ignore[attr-defined]
    page.on("dialog", lambda dialog: (page.dialogs.append(dialog.message), dialog.dismiss()))  # type: ignore[attr-defined]
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    context.close()
    assert errors == [], errors


def shot(page, name: str) -> None:  # type: ignore[no-untyped-def]
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def test_search_an_inflected_form_then_open_the_document(server, page) -> None:  # type: ignore[no-untyped-def]
    page.goto(server + "/#/search")
    page.fill("input[name=q]", "Казахстана")
    page.click("button[type=submit]")
    hit = page.locator(".results li").first
    hit.wait_for()
    assert page.locator(".results li").count() == 1
    assert page.locator(".results mark").first.inner_text().startswith("Казахстан")
    shot(page, "search")
    hit.locator("a.title").click()
    page.locator(".text").wait_for()
    assert "договорились" in page.locator("h1").inner_text()
    assert page.locator(".text a.ent").count() >= 5
    kaz = page.locator(".text a.ent", has_text="Казахстана").first
    assert "ent-LOC" in (kaz.get_attribute("class") or "")
    shot(page, "document")
    page.click("text=Исходный текст")
    assert "window.yaContextCb" in page.locator("pre.raw").inner_text()


def test_document_events_highlight_their_evidence(server, page) -> None:  # type: ignore[no-untyped-def]
    page.goto(server + "/#/doc/factru-261")
    page.locator(".events li").first.wait_for()
    marked = page.evaluate("() => [...document.querySelectorAll('mark.evidence.active')].map(m => m.textContent).join('')")
    assert "Японии выразило решительный протест" in marked


def test_filter_events_by_actor_changes_the_timeline(server, page) -> None:  # type: ignore[no-untyped-def]
    page.goto(server + "/#/events")
    page.locator("#timeline svg rect").first.wait_for()
    before = page.locator("#event-total").inner_text()
    shot(page, "events")
    page.fill("input[name=actor]", "JPN")
    page.click("form.filters button[type=submit]")
    page.wait_for_function("() => location.hash.includes('actor=JPN')")
    page.locator("#timeline svg rect").first.wait_for()
    page.wait_for_function(f"() => document.querySelector('#event-total').textContent !== {before!r}")
    assert int(page.locator("#event-total").inner_text().split()[-1]) < int(before.split()[-1])
    assert page.locator("#map svg path").count() > 100  # the offline world map drew its countries
    shot(page, "events-jpn")


def test_entity_page(server, page) -> None:  # type: ignore[no-untyped-def]
    page.goto(server + "/#/entity/JPN")
    page.locator("h1").wait_for()
    page.locator("table").first.wait_for()
    assert page.locator("table tbody tr").count() >= 1
    shot(page, "entity")


def test_script_in_a_document_is_shown_as_text_and_never_runs(server, page) -> None:  # type: ignore[no-untyped-def]
    page.goto(server + "/#/doc/xss")
    page.locator(".text").wait_for()
    assert "<script>alert(1)</script>" in page.locator(".text").inner_text()
    page.click("text=Исходный текст")
    page.goto(server + "/#/search?q=" + "хакер")
    page.locator(".results li").first.wait_for()
    page.wait_for_timeout(300)
    assert page.dialogs == []  # type: ignore[attr-defined]
    assert page.locator("script:not([src])").count() == 0
    shot(page, "xss")


def test_phone_sized_window(server, browser) -> None:  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="ru-RU")
    page = context.new_page()
    page.goto(server + "/#/doc/seed")
    page.locator(".text").wait_for()
    width = page.evaluate("() => document.documentElement.scrollWidth")
    shot(page, "document-phone")
    context.close()
    assert width <= 390
