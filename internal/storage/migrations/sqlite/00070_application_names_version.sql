-- +goose Up
-- The version of each user's filed names (application_names): a new
-- value, never one the user had before, whenever a name is filed, in the
-- transaction that files it. A server keeps a summary of each user's name
-- keys for the letter checker's lookup and trusts it only while the
-- version it read with the keys is still the stored one, so a name filed
-- by any process is seen by the next lookup of every process. A user
-- whose names were filed before this migration has no row: version 0.
-- SQLite has no sequence: the value is random, 63 bits.
CREATE TABLE application_names_version (
    owner_id BIGINT PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    version  BIGINT NOT NULL
);
-- +goose StatementBegin
CREATE TRIGGER application_names_filed AFTER INSERT ON application_names
BEGIN
    INSERT INTO application_names_version (owner_id, version) VALUES (NEW.owner_id, random() & 9223372036854775807)
        ON CONFLICT (owner_id) DO UPDATE SET version = excluded.version;
END;
-- +goose StatementEnd

-- +goose Down
DROP TRIGGER application_names_filed;
DROP TABLE application_names_version;
