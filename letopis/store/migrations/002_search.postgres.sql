-- letopis store, schema version 2 (PostgreSQL): full-text search over lemmas and headline.
-- The lemmas are already normal forms, so the 'simple' configuration (lower-case, no stemming)
-- is right; a stored generated tsvector with a GIN index keeps itself in sync without triggers.
-- ё is folded to е as in the SQLite index.

ALTER TABLE documents ADD COLUMN search tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('simple', translate(coalesce(headline, ''), 'ёЁ', 'еЕ')), 'A')
    || setweight(to_tsvector('simple', translate(lemmas, 'ёЁ', 'еЕ')), 'B')
) STORED;

CREATE INDEX documents_search ON documents USING GIN (search);
