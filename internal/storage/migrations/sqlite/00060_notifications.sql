-- Reminders: each user's channels, and one row per notification to send.
-- A warning (application, kind, severity, due time) is notified once per
-- channel: the unique key holds that even with several servers scanning.
-- A server claims a row (status sending, claimed_until a lease) with one
-- conditional update before it sends; a lease that runs out is retried.

-- +goose Up
CREATE TABLE notify_settings (
    owner_id       INTEGER PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    email          TEXT NOT NULL DEFAULT '' CHECK (length(email) <= 254),
    webhook_url    TEXT NOT NULL DEFAULT '' CHECK (length(webhook_url) <= 2000),
    webhook_format TEXT NOT NULL DEFAULT 'json' CHECK (webhook_format IN ('json', 'ntfy')),
    quiet_start    INTEGER CHECK (quiet_start BETWEEN 0 AND 1439),
    quiet_end      INTEGER CHECK (quiet_end BETWEEN 0 AND 1439),
    updated_at     TIMESTAMP NOT NULL
);

CREATE TABLE notifications (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    owner_id        INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    application_id  INTEGER REFERENCES applications (id) ON DELETE CASCADE,
    kind            TEXT NOT NULL,
    severity        TEXT NOT NULL,
    due_at          TIMESTAMP NOT NULL,
    channel         TEXT NOT NULL CHECK (channel IN ('email', 'webhook', 'ntfy')),
    target          TEXT NOT NULL,
    subject         TEXT NOT NULL,
    body            TEXT NOT NULL,
    status          TEXT NOT NULL CHECK (status IN ('pending', 'sending', 'sent', 'failed', 'cancelled')),
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMP NOT NULL,
    claimed_until   TIMESTAMP,
    last_error      TEXT NOT NULL DEFAULT '',
    created_at      TIMESTAMP NOT NULL,
    sent_at         TIMESTAMP
);
CREATE UNIQUE INDEX notifications_once ON notifications (application_id, kind, severity, due_at, channel);
CREATE INDEX notifications_next ON notifications (status, next_attempt_at);
CREATE INDEX notifications_owner ON notifications (owner_id, id);

-- +goose Down
DROP TABLE notifications;
DROP TABLE notify_settings;
