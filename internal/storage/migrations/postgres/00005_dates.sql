-- Dates: when the user applied (empty for a wishlist job; existing
-- applications take their creation time, as the tracker assumed before),
-- and an index that reads the history in the order things happened.

-- +goose Up
ALTER TABLE applications ADD COLUMN applied_at TIMESTAMPTZ;
UPDATE applications SET applied_at = created_at WHERE status <> 'wishlist';
CREATE INDEX history_application_at ON history (application_id, at, id);

-- +goose Down
DROP INDEX history_application_at;
ALTER TABLE applications DROP COLUMN applied_at;
