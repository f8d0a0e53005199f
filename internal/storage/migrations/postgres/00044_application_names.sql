-- +goose Up
-- The names of the user's applications (companies and contacts), each once,
-- under its first two words as the letter checker splits them (its key),
-- so that a letter's check for a name of another application looks up
-- the few names that can be in the letter instead of reading the user's
-- applications. A name stays when its application goes; the lookup then
-- finds no application holding it. Rows are written by the application
-- (the key is the checker's) when an application is created or renamed,
-- and for the applications already stored by migration 00045.
CREATE TABLE application_names (
    owner_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name_key TEXT NOT NULL,
    name     TEXT NOT NULL,
    PRIMARY KEY (owner_id, name_key, name)
);
-- Which application holds a contact's name, newest first, as
-- applications_owner_company answers it for a company.
CREATE INDEX applications_owner_contact ON applications (owner_id, contact_name, id);

-- +goose Down
DROP INDEX applications_owner_contact;
DROP TABLE application_names;
