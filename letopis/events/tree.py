"""Walking a sentence's dependency tree: children, subtrees, clause heads, line segments.

Every helper takes the sentence's tokens and indices into them, as the NLP stage stores them
(`Token.head` is the index of the head within the sentence, -1 for the root).
"""

from __future__ import annotations

from collections.abc import Sequence

from ..record import Sentence, Token

__all__ = ["Tree", "CLAUSE_RELS", "segments"]

# Relations that open a new clause: an argument's subtree stops there.
CLAUSE_RELS = frozenset(
    {"acl", "acl:relcl", "advcl", "ccomp", "parataxis", "csubj", "csubj:pass", "xcomp", "root"}
)


class Tree:
    """Children lists and bounded walks over one sentence (or one line segment of it)."""

    def __init__(self, tokens: Sequence[Token], lo: int = 0, hi: int | None = None) -> None:
        self.tokens = tokens
        self.lo = lo
        self.hi = len(tokens) if hi is None else hi
        # Walks ask for children tens of thousands of times a document: keep only those in the segment.
        self._own: list[list[int]] = [[] for _ in tokens]
        for i, token in enumerate(tokens):
            if 0 <= token.head < len(tokens) and token.head != i and self.lo <= i < self.hi:
                self._own[token.head].append(i)
        self._base_rel = [token.rel.split(":")[0] for token in tokens]

    def inside(self, i: int) -> bool:
        return self.lo <= i < self.hi

    def head(self, i: int) -> int:
        h = self.tokens[i].head
        return h if 0 <= h < len(self.tokens) and self.inside(h) else -1

    def kids(self, i: int, *rels: str) -> list[int]:
        """Children of `i` in this segment, optionally only those whose relation starts with one of `rels`."""
        if not rels:
            return list(self._own[i])
        return [c for c in self._own[i] if self._base_rel[c] in rels or self.tokens[c].rel in rels]

    def subtree(self, i: int, stop: frozenset[str] = CLAUSE_RELS) -> list[int]:
        """`i` and its descendants, not entering clauses (relations in `stop`)."""
        seen, todo = {i}, [i]
        while todo:  # parsers can emit cycles: never visit a token twice
            j = todo.pop()
            for c in self.kids(j):
                if c not in seen and self.tokens[c].rel not in stop:
                    seen.add(c)
                    todo.append(c)
        return sorted(seen)

    def case(self, i: int) -> str:
        """The preposition of a nominal (`в Ташкенте` → `в`), lower case, '' if none."""
        for c in self.kids(i, "case"):
            fixed = [self.tokens[f].lemma for f in self.kids(c, "fixed")]
            return " ".join([self.tokens[c].lemma.lower(), *fixed])
        return ""

    def case_phrase(self, i: int) -> str:
        """A nominal with its preposition as one lower-case lemma key (`во главе`, `в поддержка`), the
        way data rows spell such phrases; a nominal without a preposition keeps a leading space."""
        return f"{self.case(i)} {self.tokens[i].lemma.lower()}"

    def ancestors(self, i: int, rels: frozenset[str], limit: int = 4) -> list[int]:
        """Heads reached from `i` while the link's relation is in `rels` (xcomp, conj …)."""
        out = []
        while limit > 0 and self.tokens[i].rel in rels:
            h = self.head(i)
            if h < 0:
                break
            out.append(h)
            i, limit = h, limit - 1
        return out


def segments(sentence: Sentence) -> list[tuple[int, int]]:
    """Token ranges of the sentence split at line breaks: a line break ends a sentence (EVENTS.md)."""
    tokens = sentence.tokens
    bounds, lo = [], 0
    for i in range(1, len(tokens)):
        gap = sentence.text[tokens[i - 1].stop - sentence.start : tokens[i].start - sentence.start]
        if "\n" in gap:
            bounds.append((lo, i))
            lo = i
    bounds.append((lo, len(tokens)))
    return [b for b in bounds if b[1] > b[0]]
