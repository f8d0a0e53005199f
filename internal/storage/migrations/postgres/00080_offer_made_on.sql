-- +goose Up
-- The day the employer made the offer, which an offer's decline letter
-- names: a date without a time or a zone (NULL when not known).
ALTER TABLE applications ADD COLUMN offer_made_on DATE;

-- +goose Down
ALTER TABLE applications DROP COLUMN offer_made_on;
