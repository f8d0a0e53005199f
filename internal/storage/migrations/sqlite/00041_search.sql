-- +goose Up
-- Full-text search: on SQLite the index is an FTS5 table kept in step by
-- triggers, which the database sets up when it opens (storage.ensureSearch):
-- the driver has FTS5 only when built with the sqlite_fts5 tag, and a build
-- without it must still open and write this database (it then searches
-- with LIKE). This migration keeps the number in step with PostgreSQL's.
SELECT 1;

-- +goose Down
SELECT 1;
