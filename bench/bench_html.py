"""Throughput and peak memory of the HTML and WARC readers, with trafilatura alone as the yardstick.

Generates a corpus of news pages (default 10,000) from the dev texts with five site templates
(navigation, ad slots with erid labels, "Читайте также" blocks, Russian date and author lines,
footers), writes them as HTML files and as one WARC.gz, then in a fresh process per mode reads
them all: `html` (letopis.ingest.html.read per file), `warc` (letopis.ingest.warc.read, streamed),
`trafilatura` (trafilatura.bare_extraction with metadata on the same bytes). Peak memory is the
child's max RSS.

    .venv/bin/python bench/bench_html.py [--pages 10000] [--workdir DIR]
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TEXTS = [ROOT / "tests/fixtures/events/dev.docs.jsonl", ROOT / "tests/fixtures/text-junk/text_junk_dev.jsonl"]
MONTHS = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря"]

TEMPLATES = [
    """<!DOCTYPE html><html lang="ru"><head><meta charset="utf-8"><title>{title} - РИА Пример</title>
<meta property="og:site_name" content="РИА Пример"><link rel="canonical" href="https://ria.example.ru/{ymd}/{n}.html">
<script>window.dataLayer=[];function gtag(){{dataLayer.push(arguments)}}</script></head><body>
<header><nav><a href="/">Главная</a> <a href="/politics/">Политика</a> <a href="/world/">В мире</a> <a href="/economy/">Экономика</a></nav></header>
<div class="adfox_banner">Реклама. ООО «Ромашка», erid: 2Vtzq{n}</div>
<article><h1>{title}</h1><div class="article__info">Опубликовано: {day} {month} {year} г. | Автор: {author}</div>
{body}<div class="read-also">Читайте также: {related}</div></article>
<aside><h3>Популярное</h3><ul><li><a href="/a">{related}</a></li><li><a href="/b">Курс рубля</a></li></ul></aside>
<footer>© {year} РИА Пример. Все права защищены. 18+</footer></body></html>""",
    """<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"><title>{title}</title></head><body>
<div id="top"><a href="/">Новости региона</a> | <a href="/sport">Спорт</a> | <a href="/weather">Погода</a></div>
<div class="content"><div class="news-item"><h2>{title}</h2><p class="date">{dd}.{mm}.{year} 14:{minute}</p>
{body}<p class="source">Источник: Интерфакс</p></div>
<div class="yandex_rtb_R-A-{n}">Яндекс.Директ</div></div>
<div class="footer">Подписывайтесь на наш канал в Telegram. Перепечатка материалов запрещена.</div></body></html>""",
    """<!doctype html><html><head><meta charset="utf-8"><meta property="article:published_time" content="{year}-{mm}-{dd}T10:{minute}:00+03:00">
<title>{title} | Вести Севера</title><script type="application/ld+json">{{"@type":"NewsArticle","headline":"{title}"}}</script></head><body>
<nav class="menu"><ul><li>Новости</li><li>Статьи</li><li>Видео</li><li>Контакты</li></ul></nav>
<main><h1>{title}</h1><span class="byline">Текст: {author}</span>
{body}<div class="incut">Смотрите также: {related}</div>
<div class="share">Поделиться: ВКонтакте Одноклассники Telegram</div></main>
<div class="comments"><h4>Комментарии (0)</h4><p>Войдите, чтобы оставить комментарий.</p></div></body></html>""",
    """<html><head><meta charset="utf-8"><title>{title}</title></head><body><table><tr><td class="left">
<a href="/">Газета</a><br><a href="/archive">Архив</a><br><a href="/subscribe">Подписка</a></td><td class="main">
<h1>{title}</h1><i>{day} {month} {year}</i>{body}<p><b>Фото:</b> пресс-служба</p></td>
<td class="right"><div class="banner">Реклама</div><div class="smi2-widget">Новости партнёров: {related}</div></td></tr></table></body></html>""",
    """<!DOCTYPE html><html><head><meta charset="utf-8"><title>{title} — Лента Примера</title><meta name="author" content="{author}"></head><body>
<div class="topline">Москва {dd}.{mm}.{year} <a href="/login">Войти</a></div>
<div class="layout"><div class="article"><div class="topic__header"><h1 class="topic__title">{title}</h1><time datetime="{year}-{mm}-{dd}">{day} {month} {year}</time></div>
<div class="topic-body">{body}</div><div class="subscribe-box">Подписывайтесь на «Ленту Примера» в Дзене</div></div>
<div class="sidebar"><div class="mediametrics">Самое читаемое: {related}</div></div></div>
<footer>Сетевое издание. Свидетельство о регистрации СМИ Эл № ФС77-00000. Все права защищены.</footer></body></html>""",
]
AUTHORS = ["Иван Петров", "Анна Смирнова", "Олег Кузнецов", "Мария Иванова"]


def load_texts() -> list[str]:
    texts = []
    for path in TEXTS:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                item = json.loads(line)
                text = item.get("text") or ""
                if len(text) > 400:
                    texts.append(text)
    return texts


def make_page(number: int, texts: list[str], rng: random.Random) -> bytes:
    text = texts[number % len(texts)]
    paragraphs = [p.strip() for p in text.split("\n") if p.strip()]
    title = paragraphs[0][:90].rstrip(" ,.") if len(paragraphs) > 1 else f"Новость номер {number}"
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    related = texts[(number * 7 + 3) % len(texts)][:80].replace("\n", " ")
    year, month, day = rng.randint(2015, 2024), rng.randint(1, 12), rng.randint(1, 28)
    page = TEMPLATES[number % len(TEMPLATES)].format(
        title=title.replace('"', "'"), body=body, related=related, n=number, author=AUTHORS[number % len(AUTHORS)],
        year=year, month=MONTHS[month - 1], day=day, mm=f"{month:02d}", dd=f"{day:02d}", minute=f"{number % 60:02d}",
        ymd=f"{year}{month:02d}{day:02d}",
    )
    return page.encode("utf-8")


def generate(pages: int, workdir: Path) -> tuple[Path, Path]:
    from letopis.ingest.warc import write_record

    html_dir = workdir / "html"
    html_dir.mkdir(parents=True, exist_ok=True)
    archive = workdir / "pages.warc.gz"
    texts = load_texts()
    rng = random.Random(1)
    with archive.open("wb") as out:
        for number in range(pages):
            page = make_page(number, texts, rng)
            (html_dir / f"{number:06d}.html").write_bytes(page)
            write_record(out, f"https://site{number % 5}.example.ru/news/{number}.html", page)
    return html_dir, archive


def run_mode(mode: str, html_dir: Path, archive: Path) -> dict[str, float]:
    """Inside the child process: read everything once, count documents and errors."""
    from letopis.record import Document

    started = time.perf_counter()
    docs = errors = chars = 0
    if mode == "html":
        from letopis.ingest import html

        for path in sorted(html_dir.glob("*.html")):
            for item in html.read(path):
                docs, errors, chars = _count(item, Document, docs, errors, chars)
    elif mode == "warc":
        from letopis.ingest import warc

        for item in warc.read(archive):
            docs, errors, chars = _count(item, Document, docs, errors, chars)
    else:
        import trafilatura

        for path in sorted(html_dir.glob("*.html")):
            result = trafilatura.bare_extraction(path.read_bytes(), with_metadata=True)
            if result is not None and result.text:
                docs, chars = docs + 1, chars + len(result.text)
            else:
                errors += 1
    seconds = time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"mode": mode, "documents": docs, "errors": errors, "seconds": round(seconds, 2),
            "docs_per_s": round(docs / seconds, 1), "peak_rss_mb": round(peak_mb, 1), "mean_chars": round(chars / max(docs, 1))}


def _count(item: object, document_type: type, docs: int, errors: int, chars: int) -> tuple[int, int, int]:
    if isinstance(item, document_type):
        return docs + 1, errors, chars + len(item.text)  # type: ignore[attr-defined]
    return docs, errors + 1, chars


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=int, default=10_000)
    parser.add_argument("--workdir", type=Path)
    parser.add_argument("--mode", choices=["html", "warc", "trafilatura"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.mode:
        print(json.dumps(run_mode(args.mode, args.workdir / "html", args.workdir / "pages.warc.gz")))
        return
    with tempfile.TemporaryDirectory(prefix="letopis-bench-") as scratch:
        workdir = args.workdir or Path(scratch)
        started = time.perf_counter()
        _, archive = generate(args.pages, workdir)
        print(json.dumps({"generated_pages": args.pages, "warc_mb": round(archive.stat().st_size / 2**20, 1),
                          "seconds": round(time.perf_counter() - started, 1)}), flush=True)
        for mode in ("html", "warc", "trafilatura"):
            child = subprocess.run([sys.executable, __file__, "--mode", mode, "--workdir", str(workdir)],
                                   capture_output=True, text=True, check=True)
            print(child.stdout.strip(), flush=True)


if __name__ == "__main__":
    main()
