-- +goose Up
-- The day the employer made the offer, which an offer's decline letter
-- names: a date without a time or a zone, written YYYY-MM-DD (NULL when
-- not known). Text, not a time's Unix microseconds: it is a day as the
-- user named it, never moved by a time zone.
ALTER TABLE applications ADD COLUMN offer_made_on TEXT
    CHECK (offer_made_on IS NULL OR offer_made_on GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]');

-- +goose Down
ALTER TABLE applications DROP COLUMN offer_made_on;
