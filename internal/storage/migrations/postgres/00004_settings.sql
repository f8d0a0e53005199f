-- Per-user settings in one row: the promptness durations, the no-reply
-- prompt, the time zone, and the letter defaults that used to sit in the
-- profile. A user without a row has the service's defaults. Existing
-- profiles keep their tone and channel: they move into settings with the
-- durations the product shipped with (24h window, 72h follow-up).

-- +goose Up
CREATE TABLE settings (
    owner_id                BIGINT PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    response_window_minutes INTEGER NOT NULL CHECK (response_window_minutes BETWEEN 60 AND 43200),
    follow_up_after_minutes INTEGER NOT NULL CHECK (follow_up_after_minutes BETWEEN 60 AND 86400),
    no_reply_days           INTEGER NOT NULL CHECK (no_reply_days BETWEEN 1 AND 365),
    time_zone               TEXT NOT NULL CHECK (char_length(time_zone) BETWEEN 1 AND 100),
    default_tone            TEXT NOT NULL CHECK (default_tone IN ('formal', 'warm')),
    default_channel         TEXT NOT NULL CHECK (default_channel IN ('email', 'phone', 'message')),
    updated_at              TIMESTAMPTZ NOT NULL
);
INSERT INTO settings (owner_id, response_window_minutes, follow_up_after_minutes, no_reply_days, time_zone,
                      default_tone, default_channel, updated_at)
    SELECT owner_id, 1440, 4320, 21, 'UTC', default_tone, default_channel, updated_at FROM profiles;
ALTER TABLE profiles DROP COLUMN default_tone;
ALTER TABLE profiles DROP COLUMN default_channel;

-- +goose Down
ALTER TABLE profiles ADD COLUMN default_tone TEXT NOT NULL DEFAULT 'formal' CHECK (default_tone IN ('formal', 'warm'));
ALTER TABLE profiles ADD COLUMN default_channel TEXT NOT NULL DEFAULT 'email' CHECK (default_channel IN ('email', 'phone', 'message'));
UPDATE profiles SET default_tone = (SELECT default_tone FROM settings WHERE settings.owner_id = profiles.owner_id),
                    default_channel = (SELECT default_channel FROM settings WHERE settings.owner_id = profiles.owner_id)
    WHERE owner_id IN (SELECT owner_id FROM settings);
DROP TABLE settings;
