-- The secret calendar feed of each user: only the token's SHA-256 is kept.
-- One row per user; rotating replaces it, revoking deletes it.

-- +goose Up
CREATE TABLE calendar_feeds (
    owner_id   INTEGER PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    token_hash TEXT NOT NULL UNIQUE CHECK (length(token_hash) = 64),
    created_at TIMESTAMP NOT NULL
);

-- +goose Down
DROP TABLE calendar_feeds;
