-- +goose Up
CREATE TABLE profile (
    id              INTEGER PRIMARY KEY CHECK (id = 1),
    name            TEXT NOT NULL DEFAULT '',
    email           TEXT NOT NULL DEFAULT '',
    phone           TEXT NOT NULL DEFAULT '',
    link            TEXT NOT NULL DEFAULT '',
    default_tone    TEXT NOT NULL DEFAULT 'formal' CHECK (default_tone IN ('formal', 'warm')),
    default_channel TEXT NOT NULL DEFAULT 'email' CHECK (default_channel IN ('email', 'phone', 'message')),
    updated_at      TIMESTAMP NOT NULL
);

-- +goose Down
DROP TABLE profile;
