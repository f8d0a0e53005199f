-- +goose Up
-- invitations_application (application_id) is a prefix of the unique
-- invitations_round (application_id, round), which answers every lookup of
-- an application's invitations (and the cascade from applications) as
-- well: one index fewer to write for each invitation logged or answered.
DROP INDEX invitations_application;

-- +goose Down
CREATE INDEX invitations_application ON invitations (application_id);
