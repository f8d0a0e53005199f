-- +goose Up
-- Only an invited application has a pending invitation: the service logs
-- one only with a move to invited and answers it on every move out, so a
-- move from any other stage need not look for one. Versions that let one
-- stay pending after the application moved on left rows this cancels, as
-- a move out of invited does, dated when the application last changed.
UPDATE invitations SET response = 'cancelled',
       responded_at = (SELECT a.updated_at FROM applications a WHERE a.id = invitations.application_id)
WHERE response = 'pending'
  AND application_id IN (SELECT id FROM applications WHERE status <> 'invited');

-- +goose Down
