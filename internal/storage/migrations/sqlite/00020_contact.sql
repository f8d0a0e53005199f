-- +goose Up
-- The contact a letter addresses: its kind (person, team, none; empty
-- infers it from the name), a title and how the greeting names them.
-- Existing applications get empty values, which mean "derive from the name".
ALTER TABLE applications ADD COLUMN contact_kind TEXT NOT NULL DEFAULT '';
ALTER TABLE applications ADD COLUMN contact_title TEXT NOT NULL DEFAULT '';
ALTER TABLE applications ADD COLUMN greeting_name TEXT NOT NULL DEFAULT '';

-- +goose Down
ALTER TABLE applications DROP COLUMN greeting_name;
ALTER TABLE applications DROP COLUMN contact_title;
ALTER TABLE applications DROP COLUMN contact_kind;
