"""Mine NEREL v1.1 train EVENT mentions for trigger-lexicon candidates.

Prints each EVENT mention's head-word lemma (pymorphy3: the first noun or verb of the mention) with its
count and how letopis/data/triggers.tsv knows it: the types of its plain entries, `cond:` types that fire
only with a required dependent, `-` when unknown. The PLOVER type is assigned by hand when a candidate is
added to triggers.tsv (NEREL EVENT has no type); this script only ranks what a reader meets in news.
Documents of every gold set (tests/fixtures/events/*.docs.jsonl and ../shared/data/events/*.docs.jsonl,
ids `nerel-<stem>`, `nerel-train-<stem>`, `nerel-dev-<stem>`, `nerel-test-<stem>`) are skipped, so no tuning or
held-out set is mined from. With `--political FILE`
(one lemma a line: the hand-picked political act words), prints how many of their mentions the lexicon
covers with a plain entry (fires on the word alone) and with any entry.

Usage: .venv/bin/python bench/mine_nerel_triggers.py [--political FILE] [NEREL train dir] [min count]
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path

import pymorphy3

from letopis.events.triggers import lexicon

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "shared/data/nerel/NEREL-v1.1/train"
GOLD_DIRS = (ROOT / "tests/fixtures/events", ROOT.parent / "shared/data/events")
NEREL_ID = re.compile(r"^nerel-(?:(?:train|dev|test)-)?(.+)$")
HEAD_POS = ("NOUN", "VERB", "INFN", "PRTF", "PRTS", "GRND")


def held_out() -> set[str]:
    """Stems of NEREL files used by any gold set (tuning or held-out): mining them would leak the answers."""
    out: set[str] = set()
    for folder in GOLD_DIRS:
        for path in sorted(folder.glob("*.docs.jsonl")) if folder.is_dir() else ():
            for line in path.read_text(encoding="utf-8").splitlines():
                found = NEREL_ID.match(json.loads(line).get("id", "")) if line.strip() else None
                if found:
                    out.add(found.group(1))
    return out


def head_lemma(morph: pymorphy3.MorphAnalyzer, mention: str) -> str | None:
    """The lemma of the first noun or verb of the mention (`акции протеста` → `акция`)."""
    words = re.findall(r"[А-Яа-яЁё-]+", mention)
    parses = [morph.parse(w.lower())[0] for w in words]
    for p in parses:
        if p.tag.POS in HEAD_POS:
            return str(p.normal_form).replace("ё", "е")
    return str(parses[0].normal_form).replace("ё", "е") if parses else None


def mine(root: Path) -> Counter[str]:
    morph = pymorphy3.MorphAnalyzer()
    skip = held_out()
    counts: Counter[str] = Counter()
    for ann in sorted(root.glob("*.ann")):
        if ann.stem in skip:
            continue
        for line in ann.read_text(encoding="utf-8").splitlines():
            parts = line.split("\t")
            if len(parts) < 3 or not parts[1].startswith("EVENT "):
                continue
            lemma = head_lemma(morph, parts[2])
            if lemma:
                counts[lemma] += 1
    return counts


def known_as(lemma: str) -> str:
    entries = [e for e in lexicon().get(lemma, ()) if e.mode != "block"]
    plain = sorted({e.type.value for e in entries if not e.requires and not e.negative})
    cond = sorted({e.type.value for e in entries if e.requires or e.negative} - set(plain))
    marks = plain + [f"cond:{t}" for t in cond]
    return ",".join(marks) or "-"


def main() -> None:
    args = sys.argv[1:]
    political: set[str] = set()
    if args[:1] == ["--political"]:
        political = {w.strip() for w in Path(args[1]).read_text(encoding="utf-8").split() if w.strip()}
        args = args[2:]
    root = Path(args[0]) if args else DEFAULT
    floor = int(args[1]) if len(args) > 1 else 3
    counts = mine(root)
    if political:
        total = sum(counts[w] for w in political)
        plain = sum(counts[w] for w in political if not known_as(w).startswith(("cond:", "-")))
        anyhow = sum(counts[w] for w in political if known_as(w) != "-")
        print(
            f"political mentions {total}: plain entry {plain} ({plain / max(total, 1):.3f}), any entry {anyhow}"
        )
        return
    print(f"# {sum(counts.values())} EVENT mentions, {len(held_out())} held-out documents skipped")
    for lemma, n in counts.most_common():
        if n >= floor:
            print(f"{n}\t{lemma}\t{known_as(lemma)}")


if __name__ == "__main__":
    main()
