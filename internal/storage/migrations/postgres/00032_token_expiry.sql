-- +goose Up
-- An API token may have a lifetime; NULL means it lasts until revoked.
ALTER TABLE api_tokens ADD COLUMN expires_at TIMESTAMP;

-- +goose Down
ALTER TABLE api_tokens DROP COLUMN expires_at;
