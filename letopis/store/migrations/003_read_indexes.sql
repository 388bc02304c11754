-- letopis store, schema version 3: indexes for the read side (letopis.queries), both dialects.
-- Measured with bench/bench_api.py on 10,000 documents / 50,000 events: every filter the API
-- offers is served by an index, and each event order reads only the rows of its page.

-- Event pages in date order, undated last, in both directions (queries._EVENT_SORT).
CREATE INDEX events_by_date ON events ((date_start IS NULL), date_start, id);
CREATE INDEX events_by_date_desc ON events ((date_start IS NULL), date_start DESC, id DESC);
CREATE INDEX events_date_end ON events (date_end);
CREATE INDEX events_type_by_date ON events (type, (date_start IS NULL), date_start, id);
DROP INDEX events_type;

-- Actor filters and the actor network: covering indexes, so event_actors itself is never read.
CREATE INDEX event_actors_by_actor ON event_actors (actor, role, event_id);
CREATE INDEX event_actors_by_event ON event_actors (event_id, role, actor);
DROP INDEX event_actors_actor;
DROP INDEX event_actors_event;

-- Mention counts per entity (the entity list) without reading the mentions table.
CREATE INDEX mentions_by_entity ON mentions (entity_id, document_id);
DROP INDEX mentions_entity;

-- Filters by news source, and map coordinates by GeoNames id.
CREATE INDEX documents_source ON documents (source);
CREATE INDEX entities_geonameid ON entities (geonameid);
