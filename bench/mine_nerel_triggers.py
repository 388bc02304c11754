"""Mine NEREL v1.1 train EVENT mentions for trigger-lexicon candidates.

Prints each EVENT mention's head-word lemma (pymorphy3, first word of the mention) with its count and
whether letopis/data/triggers.tsv already lists it. The PLOVER type is assigned by hand when a candidate
is added to triggers.tsv (NEREL EVENT has no type); this script only ranks what a reader meets in news.

Usage: .venv/bin/python bench/mine_nerel_triggers.py [NEREL train dir] [min count]
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

import pymorphy3

from letopis.events.triggers import lexicon

DEFAULT = Path(__file__).resolve().parents[2] / "shared/data/nerel/NEREL-v1.1/train"


def mine(root: Path) -> Counter[str]:
    morph = pymorphy3.MorphAnalyzer()
    counts: Counter[str] = Counter()
    for ann in sorted(root.glob("*.ann")):
        for line in ann.read_text(encoding="utf-8").splitlines():
            parts = line.split("\t")
            if len(parts) < 3 or not parts[1].startswith("EVENT "):
                continue
            words = re.findall(r"[А-Яа-яЁё-]+", parts[2])
            if words:
                counts[morph.parse(words[0].lower())[0].normal_form.replace("ё", "е")] += 1
    return counts


def main() -> None:
    root = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT
    floor = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    known = lexicon()
    for lemma, n in mine(root).most_common():
        if n >= floor:
            mark = ",".join(sorted({e.type.value for e in known[lemma]})) if lemma in known else "-"
            print(f"{n}\t{lemma}\t{mark}")


if __name__ == "__main__":
    main()
