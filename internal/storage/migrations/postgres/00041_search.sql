-- +goose Up
-- Full-text search over company, role, contact, location and notes: a GIN
-- index on the words of the application, which storage.search queries with
-- the same expression (prefix matching, so "acm" finds Acme).
CREATE INDEX applications_search ON applications USING GIN
    ((to_tsvector('simple', company || ' ' || role || ' ' || contact_name || ' ' || contact_email || ' ' || location || ' ' || notes)));

-- +goose Down
DROP INDEX applications_search;
