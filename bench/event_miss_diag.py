"""Why gold events are missed: the detection stage at which each one is lost, for the events engineer.

usage: OPENBLAS_NUM_THREADS=1 .venv/bin/python bench/event_miss_diag.py DOCS.jsonl GOLD.jsonl [--tree]
For every missed gold event, finds its evidence sentence in the parsed document and says which stage
dropped it: `lexicon` (no trigger of the type), `nested` (inside a speech act's complement),
`circumstance` (a noun in a passing prepositional phrase), `no-actors` (a draft with no actor),
`merged` (an extracted record of the type that a restatement took in) or `typed` (other types found).
"""

from __future__ import annotations

import sys
from collections import Counter

from letopis.evaluate import overlap, read_jsonl, score
from letopis.events import _circumstance, _suppressed, scored_events
from letopis.events.actors import ActorIndex
from letopis.events.arguments import find_arguments
from letopis.events.records import document_of, extract_records
from letopis.events.tree import Tree, segments
from letopis.events.triggers import find_triggers
from letopis.pipeline import Pipeline


def main(argv: list[str]) -> None:
    docs, gold = read_jsonl(argv[0]), read_jsonl(argv[1])
    show_tree = "--tree" in argv
    pred = list(extract_records(docs))
    report = score(docs, gold, pred)
    by_id = {d["id"]: d for d in docs}
    pipeline = Pipeline()
    parsed = {}
    causes: Counter[str] = Counter()
    for g in report.missed:
        doc = g["doc_id"]
        if doc not in parsed:
            parsed[doc] = pipeline.run(document_of(by_id[doc])).article
        article = parsed[doc]
        if article is None:
            continue
        ev = g["evidence"][0] if isinstance(g["evidence"], list) else g["evidence"]
        best, si = 0.0, -1
        for n, s in enumerate(article.sentences):
            o = overlap(ev, s.text)
            if o > best:
                best, si = o, n
        index = ActorIndex(article)
        stage, notes = "lexicon", []
        if si >= 0:
            sentence = article.sentences[si]
            for lo, hi in segments(sentence):
                tree = Tree(sentence.tokens, lo, hi)
                found = find_triggers(tree)
                kept, _ = _suppressed(tree, found)
                for t in found:
                    tok = tree.tokens[t.index]
                    tag = f"{tok.text}:{t.type.value}"
                    if t.type.value != g["type"]:
                        notes.append(tag)
                        continue
                    if t not in kept:
                        stage = "nested"
                    elif _circumstance(tree, si, t.index, index):
                        stage = "circumstance"
                    else:
                        args = find_arguments(tree, si, t.index, t.type, index)
                        stage = "no-actors" if not (args.sources or args.targets) else "merged/other"
                    notes.append(tag + "!" + stage)
                if show_tree:
                    for i in range(lo, hi):
                        tk = tree.tokens[i]
                        print(f"      {i} {tk.text} {tk.lemma} {tk.pos} {tk.rel}->{tk.head}")
        if stage == "lexicon" and notes:
            stage = "typed"
        causes[stage] += 1
        print(f"[{stage}] {doc} {g['type']} {g['sources']}->{g['targets']} {g.get('modality')} | {' '.join(notes)}")
        print(f"    {ev[:200]}")
    print(dict(causes))
    _ = scored_events  # imported for parity with the extractor's entry point


if __name__ == "__main__":
    main(sys.argv[1:])
