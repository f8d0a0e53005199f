-- +goose Up
CREATE TABLE users (
    id                  INTEGER PRIMARY KEY AUTOINCREMENT,
    email               TEXT NOT NULL UNIQUE CHECK (email = lower(email) AND length(email) BETWEEN 3 AND 254),
    password_hash       TEXT NOT NULL,
    created_at          TIMESTAMP NOT NULL,
    password_changed_at TIMESTAMP NOT NULL
);

CREATE TABLE applications (
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
CREATE INDEX applications_owner_id ON applications (owner_id, id);
CREATE INDEX applications_owner_status_id ON applications (owner_id, status, id);

CREATE TABLE invitations (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    application_id INTEGER NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
    received_at    TIMESTAMP NOT NULL,
    respond_by     TIMESTAMP,
    interview_at   TIMESTAMP,
    format         TEXT NOT NULL CHECK (format IN ('phone', 'video', 'onsite', 'other')),
    round          INTEGER NOT NULL CHECK (round >= 1),
    message        TEXT NOT NULL DEFAULT '',
    response       TEXT NOT NULL CHECK (response IN ('pending', 'accepted', 'declined', 'cancelled')),
    responded_at   TIMESTAMP
);
CREATE INDEX invitations_application ON invitations (application_id);
CREATE INDEX invitations_pending ON invitations (application_id) WHERE response = 'pending';

CREATE TABLE letters (
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
CREATE INDEX letters_application ON letters (application_id);

CREATE TABLE history (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    application_id INTEGER NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
    from_status    TEXT NOT NULL DEFAULT '',
    to_status      TEXT NOT NULL,
    at             TIMESTAMP NOT NULL,
    note           TEXT NOT NULL DEFAULT ''
);
CREATE INDEX history_application ON history (application_id);

CREATE TABLE profiles (
    owner_id        INTEGER PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    name            TEXT NOT NULL DEFAULT '',
    email           TEXT NOT NULL DEFAULT '',
    phone           TEXT NOT NULL DEFAULT '',
    link            TEXT NOT NULL DEFAULT '',
    default_tone    TEXT NOT NULL DEFAULT 'formal' CHECK (default_tone IN ('formal', 'warm')),
    default_channel TEXT NOT NULL DEFAULT 'email' CHECK (default_channel IN ('email', 'phone', 'message')),
    updated_at      TIMESTAMP NOT NULL
);

-- +goose Down
DROP TABLE profiles;
DROP TABLE history;
DROP TABLE letters;
DROP TABLE invitations;
DROP TABLE applications;
DROP TABLE users;
