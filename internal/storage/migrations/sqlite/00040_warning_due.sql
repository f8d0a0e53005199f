-- +goose Up
-- The due time of each application's warning (an answer, a follow-up, an
-- interview passed, no reply), stored so that "what is due before T" is an
-- index range over (owner_id, due_at) instead of a scan of every pending
-- invitation and decline letter. Times are Unix seconds. The service
-- rewrites an application's row on every write that can change it, and a
-- user's rows when their settings change (storage.RefreshDue, whose rules
-- the backfill below repeats, with the product's defaults for users
-- without settings).
CREATE TABLE warning_due (
    application_id INTEGER PRIMARY KEY REFERENCES applications (id) ON DELETE CASCADE,
    owner_id       INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind           TEXT NOT NULL CHECK (kind IN ('response', 'follow_up', 'interview_passed', 'no_reply')),
    invitation_id  INTEGER NOT NULL DEFAULT 0,
    due_at         INTEGER NOT NULL,
    shows_at       INTEGER NOT NULL,
    critical_at    INTEGER,
    interview_at   INTEGER
);
CREATE INDEX warning_due_owner_due ON warning_due (owner_id, due_at, application_id);

INSERT INTO warning_due (application_id, owner_id, kind, invitation_id, due_at, shows_at, critical_at, interview_at)
SELECT application_id, owner_id, 'response', invitation_id, due_at, due_at - 21600,
       CASE WHEN interview_at IS NULL THEN NULL
            WHEN interview_at - 86400 > due_at THEN interview_at - 86400 ELSE due_at END, interview_at
FROM (SELECT a.id AS application_id, a.owner_id, i.id AS invitation_id, CAST(strftime('%s', i.interview_at) AS INTEGER) AS interview_at,
             COALESCE(CAST(strftime('%s', i.respond_by) AS INTEGER), CAST(strftime('%s', i.received_at) AS INTEGER) + 60 * COALESCE(s.response_window_minutes, 1440)) AS due_at
      FROM applications a
      JOIN invitations i ON i.application_id = a.id AND i.response = 'pending'
      LEFT JOIN settings s ON s.owner_id = a.owner_id
      WHERE a.status = 'invited') p
UNION ALL
SELECT application_id, owner_id, 'follow_up', 0, due_at, due_at - 21600, due_at + 86400, NULL
FROM (SELECT a.id AS application_id, a.owner_id,
             CAST(strftime('%s', l.sent_at) AS INTEGER) + 60 * COALESCE(s.follow_up_after_minutes, 4320) AS due_at
      FROM applications a
      JOIN letters l ON l.application_id = a.id
      LEFT JOIN settings s ON s.owner_id = a.owner_id
      WHERE a.status = 'declined'
        AND l.id = (SELECT MAX(m.id) FROM letters m WHERE m.application_id = a.id AND m.kind = 'decline')) f
UNION ALL
SELECT a.id, a.owner_id, 'interview_passed', i.id, CAST(strftime('%s', i.interview_at) AS INTEGER), CAST(strftime('%s', i.interview_at) AS INTEGER), NULL, CAST(strftime('%s', i.interview_at) AS INTEGER)
FROM applications a
JOIN invitations i ON i.application_id = a.id
WHERE a.status = 'scheduled' AND i.interview_at IS NOT NULL
  AND i.id = (SELECT MAX(m.id) FROM invitations m WHERE m.application_id = a.id AND m.response = 'accepted')
UNION ALL
SELECT application_id, owner_id, 'no_reply', 0, due_at, due_at, NULL, NULL
FROM (SELECT a.id AS application_id, a.owner_id,
             CAST(strftime('%s', h.at) AS INTEGER) + 86400 * COALESCE(s.no_reply_days, 21) AS due_at
      FROM applications a
      JOIN history h ON h.application_id = a.id
      LEFT JOIN settings s ON s.owner_id = a.owner_id
      WHERE a.status IN ('applied', 'interviewed')
        AND h.id = (SELECT m.id FROM history m WHERE m.application_id = a.id ORDER BY m.at DESC, m.id DESC LIMIT 1)) n;

-- +goose Down
DROP TABLE warning_due;
