-- Stages: wishlist and withdrawn join the status CHECK, and a withdrawal can
-- store its letter (kind 'withdraw'). SQLite cannot change a CHECK in place,
-- so both tables are rebuilt and every row copied as it is. Foreign keys are
-- off while the parent table is swapped (a DROP with them on would cascade
-- to the invitations, letters and history); foreign_key_check proves the
-- copy kept every reference before the commit.

-- +goose NO TRANSACTION
-- +goose Up
PRAGMA foreign_keys = OFF;
BEGIN;

CREATE TABLE applications_new (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    owner_id      INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    company       TEXT NOT NULL CHECK (length(company) BETWEEN 1 AND 200),
    role          TEXT NOT NULL CHECK (length(role) BETWEEN 1 AND 200),
    location      TEXT NOT NULL DEFAULT '',
    job_url       TEXT NOT NULL DEFAULT '',
    source        TEXT NOT NULL DEFAULT '',
    contact_name  TEXT NOT NULL DEFAULT '',
    contact_email TEXT NOT NULL DEFAULT '',
    notes         TEXT NOT NULL DEFAULT '',
    status        TEXT NOT NULL CHECK (status IN ('wishlist', 'applied', 'invited', 'scheduled', 'interviewed', 'offered',
                                                  'hired', 'declined', 'followed_up', 'withdrawn', 'rejected', 'ghosted')),
    created_at    TIMESTAMP NOT NULL,
    updated_at    TIMESTAMP NOT NULL
);
INSERT INTO applications_new (id, owner_id, company, role, location, job_url, source, contact_name, contact_email,
                              notes, status, created_at, updated_at)
    SELECT id, owner_id, company, role, location, job_url, source, contact_name, contact_email,
           notes, status, created_at, updated_at FROM applications;
-- Keep AUTOINCREMENT's promise: ids of deleted rows are not given out again.
DELETE FROM sqlite_sequence WHERE name = 'applications_new';
INSERT INTO sqlite_sequence (name, seq) SELECT 'applications_new', seq FROM sqlite_sequence WHERE name = 'applications';
DROP TABLE applications;
ALTER TABLE applications_new RENAME TO applications;
CREATE INDEX applications_owner_id ON applications (owner_id, id);
CREATE INDEX applications_owner_status_id ON applications (owner_id, status, id);

CREATE TABLE letters_new (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    application_id INTEGER NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
    kind           TEXT NOT NULL CHECK (kind IN ('decline', 'follow_up', 'withdraw')),
    reason         TEXT NOT NULL DEFAULT '',
    reason_detail  TEXT NOT NULL DEFAULT '',
    channel        TEXT NOT NULL,
    tone           TEXT NOT NULL,
    sender_name    TEXT NOT NULL DEFAULT '',
    subject        TEXT NOT NULL DEFAULT '',
    body           TEXT NOT NULL,
    checks         TEXT NOT NULL DEFAULT '[]',
    sent_at        TIMESTAMP NOT NULL,
    created_at     TIMESTAMP NOT NULL
);
INSERT INTO letters_new SELECT id, application_id, kind, reason, reason_detail, channel, tone, sender_name,
                               subject, body, checks, sent_at, created_at FROM letters;
-- Keep AUTOINCREMENT's promise: ids of deleted rows are not given out again.
DELETE FROM sqlite_sequence WHERE name = 'letters_new';
INSERT INTO sqlite_sequence (name, seq) SELECT 'letters_new', seq FROM sqlite_sequence WHERE name = 'letters';
DROP TABLE letters;
ALTER TABLE letters_new RENAME TO letters;
CREATE INDEX letters_application ON letters (application_id);

PRAGMA foreign_key_check;
COMMIT;
PRAGMA foreign_keys = ON;

-- +goose Down
-- Going back refuses (a CHECK failure) while any application is wishlist
-- or withdrawn or any letter is a withdrawal: nothing is dropped silently.
PRAGMA foreign_keys = OFF;
BEGIN;

CREATE TABLE applications_old (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    owner_id      INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    company       TEXT NOT NULL CHECK (length(company) BETWEEN 1 AND 200),
    role          TEXT NOT NULL CHECK (length(role) BETWEEN 1 AND 200),
    location      TEXT NOT NULL DEFAULT '',
    job_url       TEXT NOT NULL DEFAULT '',
    source        TEXT NOT NULL DEFAULT '',
    contact_name  TEXT NOT NULL DEFAULT '',
    contact_email TEXT NOT NULL DEFAULT '',
    notes         TEXT NOT NULL DEFAULT '',
    status        TEXT NOT NULL CHECK (status IN ('applied', 'invited', 'scheduled', 'interviewed', 'offered',
                                                  'hired', 'declined', 'followed_up', 'rejected', 'ghosted')),
    created_at    TIMESTAMP NOT NULL,
    updated_at    TIMESTAMP NOT NULL
);
INSERT INTO applications_old (id, owner_id, company, role, location, job_url, source, contact_name, contact_email,
                              notes, status, created_at, updated_at)
    SELECT id, owner_id, company, role, location, job_url, source, contact_name, contact_email,
           notes, status, created_at, updated_at FROM applications;
-- Keep AUTOINCREMENT's promise: ids of deleted rows are not given out again.
DELETE FROM sqlite_sequence WHERE name = 'applications_old';
INSERT INTO sqlite_sequence (name, seq) SELECT 'applications_old', seq FROM sqlite_sequence WHERE name = 'applications';
DROP TABLE applications;
ALTER TABLE applications_old RENAME TO applications;
CREATE INDEX applications_owner_id ON applications (owner_id, id);
CREATE INDEX applications_owner_status_id ON applications (owner_id, status, id);

CREATE TABLE letters_old (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    application_id INTEGER NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
    kind           TEXT NOT NULL CHECK (kind IN ('decline', 'follow_up')),
    reason         TEXT NOT NULL DEFAULT '',
    reason_detail  TEXT NOT NULL DEFAULT '',
    channel        TEXT NOT NULL,
    tone           TEXT NOT NULL,
    sender_name    TEXT NOT NULL DEFAULT '',
    subject        TEXT NOT NULL DEFAULT '',
    body           TEXT NOT NULL,
    checks         TEXT NOT NULL DEFAULT '[]',
    sent_at        TIMESTAMP NOT NULL,
    created_at     TIMESTAMP NOT NULL
);
INSERT INTO letters_old SELECT id, application_id, kind, reason, reason_detail, channel, tone, sender_name,
                               subject, body, checks, sent_at, created_at FROM letters;
-- Keep AUTOINCREMENT's promise: ids of deleted rows are not given out again.
DELETE FROM sqlite_sequence WHERE name = 'letters_old';
INSERT INTO sqlite_sequence (name, seq) SELECT 'letters_old', seq FROM sqlite_sequence WHERE name = 'letters';
DROP TABLE letters;
ALTER TABLE letters_old RENAME TO letters;
CREATE INDEX letters_application ON letters (application_id);

COMMIT;
PRAGMA foreign_keys = ON;
