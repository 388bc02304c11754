-- letopis store, schema version 1. Portable SQL: runs on SQLite and PostgreSQL
-- (the PostgreSQL store swaps INTEGER PRIMARY KEY AUTOINCREMENT for BIGSERIAL PRIMARY KEY).

CREATE TABLE documents (
    id          TEXT PRIMARY KEY,          -- content hash of the raw text: same input, same row
    doc_id      TEXT NOT NULL,             -- the input's own id (or the hash)
    raw         TEXT NOT NULL,
    text        TEXT NOT NULL,             -- clean text
    headline    TEXT,
    dateline    TEXT,                      -- JSON of record.Dateline
    published   TEXT,                      -- ISO date or NULL
    source      TEXT,
    url         TEXT,
    title       TEXT,
    author      TEXT,
    origin      TEXT,                      -- file, file:line or URL
    format      TEXT NOT NULL DEFAULT 'text',
    language    TEXT,
    story_id    TEXT,                      -- near-duplicate group (issue 4); NULL = its own story
    lemmas      TEXT NOT NULL DEFAULT '',  -- space-joined lemmas of the clean text, for morphology-aware search
    article     TEXT NOT NULL,             -- JSON of the processed Article without raw/text (sentences, spans)
    created_at  TEXT NOT NULL
);
CREATE INDEX documents_doc_id ON documents (doc_id);
CREATE INDEX documents_published ON documents (published);
CREATE INDEX documents_story ON documents (story_id);

CREATE TABLE entities (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    key         TEXT NOT NULL UNIQUE,      -- code when linked (KAZ, EU, geonames:1512569), else TYPE:name
    name        TEXT NOT NULL,
    type        TEXT NOT NULL,
    kind        TEXT NOT NULL DEFAULT '',
    code        TEXT,
    geonameid   INTEGER,
    country     TEXT,
    latitude    REAL,
    longitude   REAL,
    expansion   TEXT
);
CREATE INDEX entities_code ON entities (code);
CREATE INDEX entities_type ON entities (type);

CREATE TABLE mentions (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    entity_id   INTEGER NOT NULL REFERENCES entities (id),
    text        TEXT NOT NULL,
    normal      TEXT NOT NULL,
    type        TEXT NOT NULL,
    start       INTEGER NOT NULL,
    stop        INTEGER NOT NULL,
    sentence    INTEGER NOT NULL DEFAULT -1
);
CREATE INDEX mentions_document ON mentions (document_id);
CREATE INDEX mentions_entity ON mentions (entity_id);

CREATE TABLE events (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    document_id     TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    doc_id          TEXT NOT NULL,
    type            TEXT NOT NULL,
    sources         TEXT NOT NULL,         -- JSON list of actor codes/names
    targets         TEXT NOT NULL,         -- JSON list
    location_name   TEXT,
    geonameid       INTEGER,
    location_country TEXT,
    date            TEXT,                  -- ISO date, month, year or interval
    date_start      TEXT,                  -- first day the date covers, for range filters
    date_end        TEXT,                  -- last day
    modality        TEXT NOT NULL,
    evidence        TEXT NOT NULL,
    confidence      REAL NOT NULL,
    trigger         TEXT NOT NULL DEFAULT '',
    evidence_start  INTEGER NOT NULL DEFAULT -1,
    evidence_stop   INTEGER NOT NULL DEFAULT -1,
    story_id        TEXT
);
CREATE INDEX events_document ON events (document_id);
CREATE INDEX events_type ON events (type);
CREATE INDEX events_date ON events (date_start);

CREATE TABLE event_actors (
    event_id    INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    actor       TEXT NOT NULL,
    role        TEXT NOT NULL              -- source | target
);
CREATE INDEX event_actors_actor ON event_actors (actor);
CREATE INDEX event_actors_event ON event_actors (event_id);

CREATE TABLE quarantine (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    origin      TEXT NOT NULL,             -- file or URL
    position    TEXT NOT NULL DEFAULT '',     -- line / record number / byte offset within origin; '' = the whole file
    code        TEXT NOT NULL,             -- errors.LetopisError.code
    reason      TEXT NOT NULL,
    payload     TEXT,                      -- the record itself when small enough to keep
    created_at  TEXT NOT NULL,
    resolved_at TEXT,
    UNIQUE (origin, position)
);

CREATE TABLE signatures (
    document_id TEXT PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
    story_id    TEXT NOT NULL,
    signature   TEXT NOT NULL              -- serialized MinHash of the clean text (letopis.stories)
);
CREATE INDEX signatures_story ON signatures (story_id);
