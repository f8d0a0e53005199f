-- +goose Up
-- history_application_at (application_id, at, id) serves every lookup of
-- history_application (application_id), the cascade of a deleted
-- application's rows included: the narrower one only cost every move a
-- second index entry to write.
DROP INDEX history_application;

-- +goose Down
CREATE INDEX history_application ON history (application_id);
