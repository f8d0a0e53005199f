-- +goose Up
-- Secrets (session ids, API tokens, setup tokens) are stored only as the
-- SHA-256 hex of the value the client holds.
CREATE TABLE sessions (
    id_hash      TEXT NOT NULL PRIMARY KEY CHECK (length(id_hash) = 64),
    user_id      INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at   TIMESTAMP NOT NULL,
    last_seen_at TIMESTAMP NOT NULL,
    expires_at   TIMESTAMP NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE api_tokens (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id      INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name         TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    prefix       TEXT NOT NULL,
    token_hash   TEXT NOT NULL UNIQUE CHECK (length(token_hash) = 64),
    created_at   TIMESTAMP NOT NULL,
    last_used_at TIMESTAMP,
    revoked_at   TIMESTAMP
);
CREATE INDEX api_tokens_user ON api_tokens (user_id);

CREATE TABLE setup_tokens (
    token_hash TEXT NOT NULL PRIMARY KEY CHECK (length(token_hash) = 64),
    expires_at TIMESTAMP NOT NULL,
    used_at    TIMESTAMP
);
-- At most one setup token is marked used (a new setup token clears the used
-- ones): of two set-ups racing with two different tokens, the second fails
-- on this index instead of creating a second first user.
CREATE UNIQUE INDEX setup_tokens_used_once ON setup_tokens ((used_at IS NOT NULL)) WHERE used_at IS NOT NULL;

-- Failed and pending sign-ins, kept in the database so that the limits hold
-- across several server processes.
CREATE TABLE login_attempts (
    id  INTEGER PRIMARY KEY AUTOINCREMENT,
    key TEXT NOT NULL,
    at  TIMESTAMP NOT NULL
);
CREATE INDEX login_attempts_key_at ON login_attempts (key, at);
CREATE INDEX login_attempts_at ON login_attempts (at);

-- +goose Down
DROP TABLE login_attempts;
DROP TABLE setup_tokens;
DROP TABLE api_tokens;
DROP TABLE sessions;
