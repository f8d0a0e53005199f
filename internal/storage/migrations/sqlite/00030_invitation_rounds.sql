-- +goose Up
-- One invitation per round and at most one pending per application, held
-- by the schema so that two writers logging an invitation at once cannot
-- both win. Databases written before this may hold such duplicates: the
-- older pending ones are cancelled (the newest waits for the answer, as
-- the service would have left it) and a repeated round moves after the
-- application's last round, in the order it was logged.
UPDATE invitations SET response = 'cancelled', responded_at = COALESCE(responded_at, received_at)
WHERE response = 'pending'
  AND EXISTS (SELECT 1 FROM invitations n
              WHERE n.application_id = invitations.application_id AND n.response = 'pending' AND n.id > invitations.id);

CREATE TEMPORARY TABLE invitation_renumber AS
SELECT d.id,
       (SELECT max(m.round) FROM invitations m WHERE m.application_id = d.application_id)
     + (SELECT count(*) FROM invitations e
        WHERE e.application_id = d.application_id AND e.id <= d.id
          AND EXISTS (SELECT 1 FROM invitations f
                      WHERE f.application_id = e.application_id AND f.round = e.round AND f.id < e.id)) AS new_round
FROM invitations d
WHERE EXISTS (SELECT 1 FROM invitations g WHERE g.application_id = d.application_id AND g.round = d.round AND g.id < d.id);

UPDATE invitations SET round = (SELECT r.new_round FROM invitation_renumber r WHERE r.id = invitations.id)
WHERE id IN (SELECT id FROM invitation_renumber);

DROP TABLE invitation_renumber;

DROP INDEX invitations_pending;
CREATE UNIQUE INDEX invitations_one_pending ON invitations (application_id) WHERE response = 'pending';
CREATE UNIQUE INDEX invitations_round ON invitations (application_id, round);

-- +goose Down
DROP INDEX invitations_round;
DROP INDEX invitations_one_pending;
CREATE INDEX invitations_pending ON invitations (application_id) WHERE response = 'pending';
