-- letopis store, schema version 2 (SQLite): full-text search over lemmas and headline.
-- An FTS5 table keyed by documents.rowid, kept in sync by triggers. It keeps its own copy of the
-- indexed text with ё folded to е (unicode61 does not fold it), so `елка` finds `ёлка`.
-- Queries join back on rowid, so an index row whose document is gone never shows up.
-- Writers should upsert with ON CONFLICT ... DO UPDATE (fires the update trigger), not
-- INSERT OR REPLACE, which skips the delete trigger unless recursive_triggers is on.

CREATE VIRTUAL TABLE documents_fts USING fts5 (
    headline,
    lemmas,
    tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN
    INSERT INTO documents_fts (rowid, headline, lemmas) VALUES (
        new.rowid,
        replace(replace(coalesce(new.headline, ''), 'ё', 'е'), 'Ё', 'Е'),
        replace(replace(new.lemmas, 'ё', 'е'), 'Ё', 'Е')
    );
END;

CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN
    DELETE FROM documents_fts WHERE rowid = old.rowid;
END;

CREATE TRIGGER documents_fts_update AFTER UPDATE OF headline, lemmas ON documents BEGIN
    DELETE FROM documents_fts WHERE rowid = old.rowid;
    INSERT INTO documents_fts (rowid, headline, lemmas) VALUES (
        new.rowid,
        replace(replace(coalesce(new.headline, ''), 'ё', 'е'), 'Ё', 'Е'),
        replace(replace(new.lemmas, 'ё', 'е'), 'Ё', 'Е')
    );
END;

INSERT INTO documents_fts (rowid, headline, lemmas)
    SELECT rowid,
           replace(replace(coalesce(headline, ''), 'ё', 'е'), 'Ё', 'Е'),
           replace(replace(lemmas, 'ё', 'е'), 'Ё', 'Е')
    FROM documents;
