"""The fetcher against a real HTTP server on 127.0.0.1: robots.txt, rate, size cap, retries, timeout."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from click.testing import CliRunner

from letopis.errors import TooLarge
from letopis.fetch import Fetcher, FetchError, RobotsDisallowed
from letopis.ingest import warc
from letopis.record import Document

PAGE = (Path(__file__).parent / "fixtures" / "html" / "russian-date.html").read_bytes()


class Site(BaseHTTPRequestHandler):
    hits: list[tuple[float, str, str]] = []
    flaky_left = 0

    def log_message(self, *args: object) -> None:  # keep test output quiet
        pass

    def _send(self, status: int, body: bytes, kind: str = "text/html; charset=utf-8") -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        Site.hits.append((time.monotonic(), self.path, self.headers.get("User-Agent", "")))
        if self.path == "/robots.txt":
            self._send(200, b"User-agent: *\nDisallow: /private/\n", "text/plain")
        elif self.path == "/flaky":
            if Site.flaky_left > 0:
                Site.flaky_left -= 1
                self._send(503, b"busy")
            else:
                self._send(200, PAGE)
        elif self.path == "/slow":
            time.sleep(1.5)
            self._send(200, PAGE)
        elif self.path == "/big":
            self._send(200, b"<html><body>" + b"x" * 200_000 + b"</body></html>")
        elif self.path == "/gone":
            self._send(404, b"not here")
        elif self.path == "/feed.xml":
            base = f"http://{self.headers['Host']}"
            rss = (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Тест</title>'
                   f'<item><title>Протест</title><link>{base}/page.html</link><description>Коротко.</description></item>'
                   '</channel></rss>').encode()
            self._send(200, rss, "application/rss+xml")
        else:
            self._send(200, PAGE)


@pytest.fixture()
def site() -> Iterator[str]:
    Site.hits = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), Site)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def _paths() -> list[str]:
    return [path for _, path, _ in Site.hits]


def test_robots_disallow_is_respected_and_user_agent_names_letopis(site: str) -> None:
    with Fetcher(rate=0) as fetcher:
        with pytest.raises(RobotsDisallowed):
            fetcher.fetch(f"{site}/private/secret.html")
        result = fetcher.fetch(f"{site}/page.html")
    assert result.status == 200 and result.body == PAGE
    assert "/private/secret.html" not in _paths()
    assert _paths().count("/robots.txt") == 1  # cached per site
    assert all(agent.startswith("letopis/") for _, _, agent in Site.hits)


def test_rate_limit_per_host(site: str) -> None:
    with Fetcher(rate=0.3) as fetcher:
        for name in ("a", "b", "c"):
            fetcher.fetch(f"{site}/{name}.html")
    times = [when for when, _, _ in Site.hits]
    gaps = [later - earlier for earlier, later in zip(times, times[1:], strict=False)]
    assert len(times) == 4 and min(gaps) >= 0.28


def test_size_cap(site: str) -> None:
    with Fetcher(rate=0, max_bytes=50_000) as fetcher:
        with pytest.raises(TooLarge):
            fetcher.fetch(f"{site}/big")


def test_retry_after_503(site: str) -> None:
    Site.flaky_left = 2
    with Fetcher(rate=0, retries=3, backoff=0.05) as fetcher:
        result = fetcher.fetch(f"{site}/flaky")
    assert result.status == 200
    assert _paths().count("/flaky") == 3


def test_gives_up_after_retries(site: str) -> None:
    Site.flaky_left = 10
    with Fetcher(rate=0, retries=1, backoff=0.05) as fetcher:
        with pytest.raises(FetchError, match="503"):
            fetcher.fetch(f"{site}/flaky")
        with pytest.raises(FetchError, match="404"):
            fetcher.fetch(f"{site}/gone")
    assert _paths().count("/flaky") == 2
    assert _paths().count("/gone") == 1  # a 404 is not retried


def test_timeout(site: str) -> None:
    started = time.monotonic()
    with Fetcher(rate=0, timeout=0.3, retries=0) as fetcher:
        with pytest.raises(FetchError, match="Timeout"):
            fetcher.fetch(f"{site}/slow")
    assert time.monotonic() - started < 1.4


def test_cli_fetch_follows_feed_into_a_warc_that_process_reads(site: str, tmp_path: Path) -> None:
    from letopis.cli import main

    result = CliRunner().invoke(main, ["fetch", f"{site}/feed.xml", f"{site}/private/x", "--out", str(tmp_path), "--rate", "0", "--follow"])
    assert result.exit_code == 0, result.output
    assert "fetched 2 of 3 URLs" in result.output
    (archive,) = tmp_path.glob("*.warc.gz")
    docs = [item for item in warc.read(archive) if isinstance(item, Document)]
    assert [doc.format for doc in docs] == ["rss", "html"]
    assert docs[1].text.startswith("Правительство Японии")
    assert docs[1].url == "https://news.example.ru/world/japan-protest.html"  # the page's canonical URL
