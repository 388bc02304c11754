-- letopis store, schema version 4: one event row per story, every document that reports it listed.
-- A reprint of a stored story (letopis.stories) whose event equals one already stored for the story
-- (type, sources, targets, place, date, modality) adds a row here instead of a second event, so
-- `sources_count` (distinct news sources, or documents when a source is unknown) comes from this table.

CREATE TABLE event_sources (
    event_id    INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    source      TEXT,                      -- documents.source of the reporting document
    url         TEXT,
    PRIMARY KEY (event_id, document_id)
);
CREATE INDEX event_sources_document ON event_sources (document_id, event_id);
CREATE INDEX event_sources_source ON event_sources (source, event_id);

-- A new document's events are matched against the stored events of its story.
CREATE INDEX events_story ON events (story_id, type);

-- Every event stored before this version was reported by its own document alone.
INSERT INTO event_sources (event_id, document_id, source, url)
    SELECT e.id, e.document_id, d.source, d.url FROM events e JOIN documents d ON d.id = e.document_id;
