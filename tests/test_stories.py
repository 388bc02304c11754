"""Near-duplicate stories: a reprint joins its original's story, a different story does not."""

from __future__ import annotations

import json
from pathlib import Path

from letopis.stories import StoryIndex, signature, similarity

DOCS = [json.loads(line)["text"] for line in (Path(__file__).parent / "fixtures" / "events" / "dev.docs.jsonl").open(encoding="utf-8")]


def _reprint(text: str) -> str:
    """Another site's copy: its own header and footer, two words edited, the last paragraph cut."""
    paragraphs = text.split("\n\n")
    body = "\n\n".join(paragraphs[:-1] if len(paragraphs) > 2 else paragraphs)
    body = body.replace("решительный", "резкий").replace("пятницу", "субботу")
    return f"Главное за сутки. Подпишитесь на наш канал.\n\n{body}\n\nВсе права защищены. Перепечатка запрещена."


def test_reprint_joins_the_story_and_another_story_does_not() -> None:
    index = StoryIndex()
    story, stored = index.assign("orig", DOCS[0])
    assert story == "orig" and stored.startswith("mh1:")
    assert index.assign("reprint", _reprint(DOCS[0]))[0] == "orig"
    assert index.assign("other", DOCS[1])[0] == "other"


def test_every_dev_reprint_finds_its_original_and_no_two_dev_stories_merge() -> None:
    index = StoryIndex()
    for number, text in enumerate(DOCS):
        assert index.assign(f"d{number}", text)[0] == f"d{number}"
    for number, text in enumerate(DOCS):
        assert index.assign(f"r{number}", _reprint(text))[0] == f"d{number}"


def test_index_rebuilt_from_stored_signatures_joins_existing_stories() -> None:
    first = StoryIndex()
    story, stored = first.assign("orig", DOCS[2])
    second = StoryIndex([("orig", "story-7", stored), ("old", "old", "")])
    assert second.assign("reprint", _reprint(DOCS[2]))[0] == "story-7"
    assert second.assign("orig", DOCS[2])[0] == "story-7"  # re-assigning keeps the stored story


def test_signature_round_trip_and_short_texts() -> None:
    assert similarity(signature(DOCS[3]), signature(DOCS[3])) == 1.0
    assert similarity(signature(DOCS[3]), signature(DOCS[4])) < 0.2
    assert signature("Коротко.") == ""
    index = StoryIndex()
    assert index.assign("a", "Коротко.") == ("a", "")
    assert index.assign("b", "Коротко.") == ("b", "")  # too short to call a duplicate
    assert similarity("garbage", "mh1:affine32:!!!") == 0.0
