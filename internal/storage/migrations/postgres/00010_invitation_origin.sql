-- Where an imported invitation came from: the calendar invite's UID,
-- SEQUENCE, summary, organizer and attendees (one per line), so that an
-- answer reaches the organizer's calendar as an iTIP reply, and the
-- e-mail's Message-ID and subject, so that a letter threads onto it.
-- Invitations logged by hand keep them empty.

-- +goose Up
ALTER TABLE invitations ADD COLUMN origin_uid TEXT NOT NULL DEFAULT '';
ALTER TABLE invitations ADD COLUMN origin_sequence INTEGER NOT NULL DEFAULT 0;
ALTER TABLE invitations ADD COLUMN origin_summary TEXT NOT NULL DEFAULT '';
ALTER TABLE invitations ADD COLUMN origin_organizer TEXT NOT NULL DEFAULT '';
ALTER TABLE invitations ADD COLUMN origin_attendees TEXT NOT NULL DEFAULT '';
ALTER TABLE invitations ADD COLUMN origin_message_id TEXT NOT NULL DEFAULT '';
ALTER TABLE invitations ADD COLUMN origin_subject TEXT NOT NULL DEFAULT '';

-- +goose Down
ALTER TABLE invitations DROP COLUMN origin_subject;
ALTER TABLE invitations DROP COLUMN origin_message_id;
ALTER TABLE invitations DROP COLUMN origin_attendees;
ALTER TABLE invitations DROP COLUMN origin_organizer;
ALTER TABLE invitations DROP COLUMN origin_summary;
ALTER TABLE invitations DROP COLUMN origin_sequence;
ALTER TABLE invitations DROP COLUMN origin_uid;
