-- +goose Up
-- A phone letter's voicemail, the message left when the call is not
-- answered; empty for other letters and for letters stored before.
ALTER TABLE letters ADD COLUMN voicemail TEXT NOT NULL DEFAULT '';

-- +goose Down
ALTER TABLE letters DROP COLUMN voicemail;
