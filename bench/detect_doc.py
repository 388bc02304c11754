"""Side-by-side gold and predicted events of one document, or the events and tree of a free sentence.

usage: OPENBLAS_NUM_THREADS=1 .venv/bin/python bench/detect_doc.py DOCS.jsonl GOLD.jsonl DOC_ID [--tree]
       OPENBLAS_NUM_THREADS=1 .venv/bin/python bench/detect_doc.py --text "Россия обвинила Украину." [--tree]
For the events engineer: which sentence yields which record, next to what the gold codes there.
"""

from __future__ import annotations

import sys

from letopis.evaluate import read_jsonl
from letopis.events.records import document_of
from letopis.pipeline import Pipeline


def _show(article: object, gold: list[dict[str, object]], tree: bool, every: bool = False) -> None:
    sentences = getattr(article, "sentences", ())
    events = getattr(article, "events", ())
    for si, s in enumerate(sentences):
        pred = [e for e in events if e.sentence == si]
        golds = [g for g in gold if any(str(x)[:60] in s.text or s.text[:60] in str(x) for x in _ev(g))]
        if not pred and not golds and not every:
            continue
        print(f"[{si}] {s.text[:300]}")
        for g in golds:
            print(f"   G {g['type']} {g['sources']}->{g['targets']} {g.get('modality')}")
        for e in pred:
            print(f"   P {e.type} {list(e.sources)}->{list(e.targets)} {e.modality} ({e.trigger})")
        if tree:
            for i, t in enumerate(s.tokens):
                print(f"      {i} {t.text} {t.lemma} {t.pos} {t.rel}->{t.head} {t.feats}")


def _ev(g: dict[str, object]) -> list[str]:
    ev = g.get("evidence", "")
    return [str(x) for x in ev] if isinstance(ev, list) else [str(ev)]


def main(argv: list[str]) -> None:
    tree = "--tree" in argv
    args = [a for a in argv if a != "--tree"]
    pipeline = Pipeline()
    if args[0] == "--text":
        article = pipeline.run(document_of({"id": "x", "text": args[1], "published": "2020-01-01"})).article
        _show(article, [], tree, every=True)
        return
    docs, gold = read_jsonl(args[0]), read_jsonl(args[1])
    row = next(d for d in docs if d["id"] == args[2])
    article = pipeline.run(document_of(row)).article
    _show(article, [g for g in gold if g["doc_id"] == args[2]], tree)


if __name__ == "__main__":
    main(sys.argv[1:])
