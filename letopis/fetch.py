"""A polite fetcher for feeds and news pages: robots.txt, a per-host rate, size caps, retries.

Sites that ban crawlers ban them for hammering, ignoring robots.txt or hiding who they are; this
fetcher does none of that. Everything fetched is written to a WARC file (the format CC-NEWS
uses), so `letopis process` reads it back with its URL, HTTP charset and date intact.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import time
import urllib.robotparser
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import feedparser
import httpx

from . import __version__ as _version
from .errors import InputError, TooLarge
from .ingest.warc import write_record

__all__ = [
    "Fetcher",
    "FetchResult",
    "FetchError",
    "RobotsDisallowed",
    "USER_AGENT",
    "save_warc",
    "feed_links",
]

AGENT_TOKEN = "letopis"
USER_AGENT = f"{AGENT_TOKEN}/{_version} (news research pipeline; honours robots.txt)"
# One request per host per second is the usual courtesy for small crawls.
DEFAULT_RATE = 1.0
DEFAULT_MAX_BYTES = 10_000_000
DEFAULT_TIMEOUT = 20.0
DEFAULT_RETRIES = 3
# A server asking for more than this via Retry-After is waited on no longer: we give up instead.
MAX_RETRY_AFTER = 60.0
MAX_ROBOTS_BYTES = 500_000  # RFC 9309 asks crawlers to read at least 500 KiB of robots.txt
_RETRY_STATUS = {429, 500, 502, 503, 504}


class FetchError(InputError):
    """A URL could not be fetched (HTTP error, network failure after retries)."""

    code = "fetch"


class RobotsDisallowed(FetchError):
    """The site's robots.txt does not allow letopis to fetch this URL."""

    code = "robots"
    status = 403


@dataclass(frozen=True)
class FetchResult:
    url: str
    final_url: str
    status: int
    content_type: str  # the full header, with its charset if any
    body: bytes
    fetched_at: dt.datetime = field(default_factory=lambda: dt.datetime.now(dt.UTC))

    @property
    def is_feed(self) -> bool:
        kind = self.content_type.split(";")[0].strip().lower()
        if kind in ("application/rss+xml", "application/atom+xml", "application/rdf+xml"):
            return True
        head = self.body[:1024].lstrip().lower()
        return kind in ("application/xml", "text/xml", "") and (
            b"<rss" in head or b"<feed" in head or b"<rdf" in head
        )


class Fetcher:
    """Fetch URLs one at a time, politely. One instance per crawl: it keeps robots and timing state."""

    def __init__(
        self,
        rate: float = DEFAULT_RATE,
        max_bytes: int = DEFAULT_MAX_BYTES,
        timeout: float = DEFAULT_TIMEOUT,
        retries: int = DEFAULT_RETRIES,
        backoff: float = 1.0,
        user_agent: str = USER_AGENT,
    ) -> None:
        self.rate = rate
        self.max_bytes = max_bytes
        self.retries = retries
        self.backoff = backoff
        self.client = httpx.Client(
            timeout=httpx.Timeout(timeout),
            follow_redirects=True,
            headers={
                "User-Agent": user_agent,
                "Accept": "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,*/*;q=0.5",
            },
        )
        self._last: dict[str, float] = {}
        self._robots: dict[str, urllib.robotparser.RobotFileParser] = {}

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.client.close()

    def _wait(self, url: str) -> None:
        host = urlsplit(url).netloc
        delay = self.rate
        robots = self._robots.get(_origin(url))
        crawl_delay = robots.crawl_delay(AGENT_TOKEN) if robots else None
        if crawl_delay:
            delay = max(delay, float(crawl_delay))
        last = self._last.get(host)
        if last is not None:
            remaining = last + delay - time.monotonic()
            if remaining > 0:
                time.sleep(remaining)
        self._last[host] = time.monotonic()

    def allowed(self, url: str) -> bool:
        """Whether robots.txt lets letopis fetch `url` (fetched once per site and cached)."""
        origin = _origin(url)
        if origin not in self._robots:
            self._robots[origin] = self._load_robots(origin)
        return self._robots[origin].can_fetch(AGENT_TOKEN, url)

    def _load_robots(self, origin: str) -> urllib.robotparser.RobotFileParser:
        parser = urllib.robotparser.RobotFileParser(origin + "/robots.txt")
        try:
            status, _, body = self._get(origin + "/robots.txt", MAX_ROBOTS_BYTES, truncate=True)
        except (FetchError, TooLarge):
            status, body = 503, b""
        if 200 <= status < 300:
            parser.parse(body.decode("utf-8", errors="replace").splitlines())
        elif 400 <= status < 500:
            parser.parse([])  # RFC 9309: robots.txt unavailable, crawl freely
        else:
            parser.parse(["User-agent: *", "Disallow: /"])  # RFC 9309: unreachable, assume disallow
        return parser

    def fetch(self, url: str) -> FetchResult:
        """GET one URL: robots.txt checked, rate kept, body capped, transient failures retried.

        Raises:
            RobotsDisallowed, TooLarge, FetchError: with the URL as `where`.
        """
        if urlsplit(url).scheme not in ("http", "https"):
            raise FetchError("only http and https URLs can be fetched", url)
        if not self.allowed(url):
            raise RobotsDisallowed("robots.txt disallows fetching this URL", url)
        status, response, body = self._get(url, self.max_bytes)
        if status >= 400:
            raise FetchError(f"HTTP {status}", url)
        return FetchResult(
            url=url,
            final_url=str(response.url) if response is not None else url,
            status=status,
            content_type=response.headers.get("content-type", "") if response is not None else "",
            body=body,
        )

    def _get(
        self, url: str, max_bytes: int, truncate: bool = False
    ) -> tuple[int, httpx.Response | None, bytes]:
        attempt = 0
        while True:
            self._wait(url)
            try:
                status, response, body = self._once(url, max_bytes, truncate)
            except httpx.TransportError as error:
                if attempt >= self.retries:
                    raise FetchError(
                        f"{type(error).__name__} after {attempt + 1} attempts: {error}", url
                    ) from None
                self._sleep_before_retry(attempt, None)
                attempt += 1
                continue
            if status in _RETRY_STATUS and attempt < self.retries:
                self._sleep_before_retry(attempt, response)
                attempt += 1
                continue
            return status, response, body

    def _once(self, url: str, max_bytes: int, truncate: bool) -> tuple[int, httpx.Response, bytes]:
        with self.client.stream("GET", url) as response:
            declared = response.headers.get("content-length")
            if declared and declared.isdecimal() and int(declared) > max_bytes and not truncate:
                raise TooLarge(
                    f"server announces {int(declared):,} bytes, more than the limit of {max_bytes:,}", url
                )
            chunks: list[bytes] = []
            size = 0
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > max_bytes:
                    if truncate:
                        chunks.append(chunk[: max_bytes - (size - len(chunk))])
                        break
                    raise TooLarge(f"response is larger than the limit of {max_bytes:,} bytes", url)
                chunks.append(chunk)
            return response.status_code, response, b"".join(chunks)

    def _sleep_before_retry(self, attempt: int, response: httpx.Response | None) -> None:
        delay = self.backoff * 2**attempt
        after = _retry_after(response.headers.get("retry-after")) if response is not None else None
        if after is not None:
            delay = max(delay, min(after, MAX_RETRY_AFTER))
        time.sleep(delay)

    def crawl(self, urls: Iterable[str], follow_feeds: bool = False) -> Iterator[FetchResult | InputError]:
        """Fetch each URL (and, with `follow_feeds`, the items a fetched feed links to)."""
        seen: set[str] = set()
        queue = list(urls)
        while queue:
            url = queue.pop(0)
            if url in seen:
                continue
            seen.add(url)
            try:
                result = self.fetch(url)
            except InputError as error:
                yield error
                continue
            yield result
            if follow_feeds and result.is_feed:
                queue.extend(link for link in feed_links(result.body, result.final_url) if link not in seen)


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def _retry_after(value: str | None) -> float | None:
    if not value:
        return None
    if value.strip().isdecimal():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, (when - dt.datetime.now(dt.UTC)).total_seconds())


def feed_links(body: bytes, base: str) -> list[str]:
    """The item links of a feed, absolute."""
    parsed = feedparser.parse(body)
    return [urljoin(base, entry.link) for entry in parsed.entries if entry.get("link")]


def save_warc(results: Iterable[FetchResult], out_dir: Path) -> tuple[Path, int]:
    """Write fetched responses to `out_dir/letopis-fetch-<time>.warc.gz`; returns (path, count)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S%f")
    path = out_dir / f"letopis-fetch-{stamp}.warc.gz"
    count = 0
    with path.open("wb") as out:
        for result in results:
            write_record(
                out,
                result.final_url,
                result.body,
                content_type=result.content_type or "application/octet-stream",
                status=result.status,
                date=result.fetched_at,
            )
            count += 1
    return path, count
