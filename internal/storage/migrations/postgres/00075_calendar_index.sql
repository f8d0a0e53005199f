-- +goose Up
-- The calendar feed reads what it shows from indexes of it rather than
-- from all of the user's applications: each invitation carries its
-- application's owner (set as it is inserted; an application never
-- changes hands), and a partial index over (owner_id, interview_at) holds
-- the interviews the feed shows (pending or accepted, with a time); the
-- answers and follow-ups due are the stored due times of those two kinds,
-- in a partial index of their own.
ALTER TABLE invitations ADD COLUMN owner_id BIGINT;
UPDATE invitations SET owner_id = (SELECT a.owner_id FROM applications a WHERE a.id = invitations.application_id);
CREATE INDEX invitations_owner_calendar ON invitations (owner_id, interview_at)
    WHERE interview_at IS NOT NULL AND response IN ('pending', 'accepted');
CREATE INDEX warning_due_owner_todo ON warning_due (owner_id, due_at)
    WHERE kind IN ('response', 'follow_up');

-- +goose Down
DROP INDEX warning_due_owner_todo;
DROP INDEX invitations_owner_calendar;
ALTER TABLE invitations DROP COLUMN owner_id;
