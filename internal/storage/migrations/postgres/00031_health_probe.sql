-- +goose Up
-- One row that the health check rewrites, to learn whether the database
-- takes writes (a read-only file or server, a full disk).
CREATE TABLE health_probe (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    checked_at TIMESTAMP NOT NULL
);
INSERT INTO health_probe (id, checked_at) VALUES (1, CURRENT_TIMESTAMP);

-- +goose Down
DROP TABLE health_probe;
