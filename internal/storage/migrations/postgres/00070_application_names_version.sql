-- +goose Up
-- The version of each user's filed names (application_names): a new
-- value, never one the user had before, whenever a name is filed, in the
-- transaction that files it. A server keeps a summary of each user's name
-- keys for the letter checker's lookup and trusts it only while the
-- version it read with the keys is still the stored one, so a name filed
-- by any process is seen by the next lookup of every process. A user
-- whose names were filed before this migration has no row: version 0.
-- The value comes from a sequence, which a rolled-back transaction does
-- not give back; the trigger runs once a statement, for the rows it filed.
CREATE SEQUENCE application_names_versions;
CREATE TABLE application_names_version (
    owner_id BIGINT PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    version  BIGINT NOT NULL
);
-- +goose StatementBegin
CREATE FUNCTION application_names_filed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO application_names_version (owner_id, version)
        SELECT owner_id, nextval('application_names_versions') FROM filed GROUP BY owner_id
        ON CONFLICT (owner_id) DO UPDATE SET version = excluded.version;
    RETURN NULL;
END
$$;
-- +goose StatementEnd
CREATE TRIGGER application_names_filed AFTER INSERT ON application_names
    REFERENCING NEW TABLE AS filed FOR EACH STATEMENT EXECUTE FUNCTION application_names_filed();

-- +goose Down
DROP TRIGGER application_names_filed ON application_names;
DROP FUNCTION application_names_filed();
DROP TABLE application_names_version;
DROP SEQUENCE application_names_versions;
