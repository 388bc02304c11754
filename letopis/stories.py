"""Near-duplicate documents grouped into stories (placeholder: every document is its own story)."""

from __future__ import annotations

from collections.abc import Iterable

__all__ = ["StoryIndex"]


class StoryIndex:
    """Assigns each new document to the story of its near-duplicates, or to a new story.

    Built from the signatures already stored (`(document_id, story_id, signature)` rows), so a
    re-run or a second batch joins the stories that exist.
    """

    def __init__(self, entries: Iterable[tuple[str, str, str]] = ()) -> None:
        self.stories = {document_id: story_id for document_id, story_id, _ in entries}

    def assign(self, document_id: str, text: str) -> tuple[str, str]:
        """Return `(story_id, signature)` for a document; the signature is stored with it."""
        story_id = self.stories.setdefault(document_id, document_id)
        return story_id, ""
