-- +goose Up
-- PostgreSQL scopes its search index to the owner here; SQLite's FTS5
-- index is set up when the database opens (storage.ensureSearch) and has
-- been scoped to the owner since it was. This migration keeps the number
-- in step with PostgreSQL's.
SELECT 1;

-- +goose Down
SELECT 1;
