-- +goose Up
-- The due-time index carries what the warnings' classes test besides the
-- due time (critical_at, shows_at, kind), so a page that passes over rows
-- of another class reads only the index.
DROP INDEX warning_due_owner_due;
CREATE INDEX warning_due_owner_due ON warning_due (owner_id, due_at, application_id, critical_at, shows_at, kind);

-- +goose Down
DROP INDEX warning_due_owner_due;
CREATE INDEX warning_due_owner_due ON warning_due (owner_id, due_at, application_id);
