PRAGMA foreign_keys=OFF;
BEGIN TRANSACTION;
CREATE TABLE goose_db_version (
		id INTEGER PRIMARY KEY AUTOINCREMENT,
		version_id INTEGER NOT NULL,
		is_applied INTEGER NOT NULL,
		tstamp TIMESTAMP DEFAULT (datetime('now'))
	);
INSERT INTO goose_db_version VALUES(1,0,1,'2026-11-28 00:00:56');
INSERT INTO goose_db_version VALUES(2,1,1,'2026-11-28 00:00:56');
INSERT INTO goose_db_version VALUES(3,2,1,'2026-11-28 00:00:56');
INSERT INTO goose_db_version VALUES(4,3,1,'2026-11-28 00:00:56');
INSERT INTO goose_db_version VALUES(5,4,1,'2026-11-28 00:00:56');
INSERT INTO goose_db_version VALUES(6,5,1,'2026-11-28 00:00:56');
INSERT INTO goose_db_version VALUES(7,10,1,'2026-11-28 00:00:56');
INSERT INTO goose_db_version VALUES(8,11,1,'2026-11-28 00:00:56');
INSERT INTO goose_db_version VALUES(9,20,1,'2026-11-28 00:00:57');
INSERT INTO goose_db_version VALUES(10,21,1,'2026-11-28 00:00:57');
INSERT INTO goose_db_version VALUES(11,22,1,'2026-11-28 00:00:57');
INSERT INTO goose_db_version VALUES(12,30,1,'2026-11-28 00:00:57');
INSERT INTO goose_db_version VALUES(13,31,1,'2026-11-28 00:00:57');
INSERT INTO goose_db_version VALUES(14,32,1,'2026-11-28 00:00:57');
INSERT INTO goose_db_version VALUES(15,40,1,'2026-11-28 00:00:57');
INSERT INTO goose_db_version VALUES(16,41,1,'2026-11-28 00:00:57');
INSERT INTO goose_db_version VALUES(17,42,1,'2026-11-28 00:00:57');
INSERT INTO goose_db_version VALUES(18,43,1,'2026-11-28 00:00:57');
INSERT INTO goose_db_version VALUES(19,44,1,'2026-11-28 00:00:57');
INSERT INTO goose_db_version VALUES(20,45,1,'2026-11-28 00:00:57');
INSERT INTO goose_db_version VALUES(21,46,1,'2026-11-28 00:00:57');
INSERT INTO goose_db_version VALUES(22,51,1,'2026-11-28 00:00:57');
INSERT INTO goose_db_version VALUES(23,52,1,'2026-11-28 00:00:57');
INSERT INTO goose_db_version VALUES(24,60,1,'2026-11-28 00:00:57');
INSERT INTO goose_db_version VALUES(25,70,1,'2026-11-28 00:00:57');
CREATE TABLE users (
    id                  INTEGER PRIMARY KEY AUTOINCREMENT,
    email               TEXT NOT NULL UNIQUE CHECK (email = lower(email) AND length(email) BETWEEN 3 AND 254),
    password_hash       TEXT NOT NULL,
    created_at          TIMESTAMP NOT NULL,
    password_changed_at TIMESTAMP NOT NULL
);
INSERT INTO users VALUES(1,'from@example.com','not-a-real-hash','2026-11-28 00:00:57.015778166+00:00','2026-11-28 00:00:57.015778246+00:00');
CREATE TABLE invitations (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    application_id INTEGER NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
    received_at    TIMESTAMP NOT NULL,
    respond_by     TIMESTAMP,
    interview_at   TIMESTAMP,
    format         TEXT NOT NULL CHECK (format IN ('phone', 'video', 'onsite', 'other')),
    round          INTEGER NOT NULL CHECK (round >= 1),
    message        TEXT NOT NULL DEFAULT '',
    response       TEXT NOT NULL CHECK (response IN ('pending', 'accepted', 'declined', 'cancelled')),
    responded_at   TIMESTAMP
, origin_uid TEXT NOT NULL DEFAULT '', origin_sequence INTEGER NOT NULL DEFAULT 0, origin_summary TEXT NOT NULL DEFAULT '', origin_organizer TEXT NOT NULL DEFAULT '', origin_attendees TEXT NOT NULL DEFAULT '', origin_message_id TEXT NOT NULL DEFAULT '', origin_subject TEXT NOT NULL DEFAULT '');
INSERT INTO invitations VALUES(1,2,'2026-03-02 08:00:00+00:00',NULL,'2026-03-04 09:00:00+00:00','video',1,'','pending',NULL,'uid-1@contoso',3,'','anna@contoso.example',replace('me@example.org\nbob@contoso.example','\n',char(10)),'m1@contoso','Interview');
INSERT INTO invitations VALUES(2,3,'2026-03-02 08:00:00+00:00',NULL,NULL,'other',1,'Hi','declined','2026-03-02 09:00:00+00:00','',0,'','','','','');
CREATE TABLE history (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    application_id INTEGER NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
    from_status    TEXT NOT NULL DEFAULT '',
    to_status      TEXT NOT NULL,
    at             TIMESTAMP NOT NULL,
    note           TEXT NOT NULL DEFAULT ''
);
INSERT INTO history VALUES(1,1,'','wishlist','2026-03-02 09:00:00+00:00','created');
INSERT INTO history VALUES(2,2,'','invited','2026-03-02 08:00:00+00:00','created');
INSERT INTO history VALUES(3,3,'','invited','2026-03-02 08:00:00+00:00','created');
INSERT INTO history VALUES(4,3,'invited','declined','2026-03-02 09:00:00+00:00','declined: another_offer');
INSERT INTO history VALUES(5,4,'','applied','2026-03-02 09:00:00+00:00','created');
INSERT INTO history VALUES(6,4,'applied','rejected','2026-03-02 09:00:00+00:00','no fit');
INSERT INTO history VALUES(7,5,'','applied','2026-03-02 09:00:00+00:00','created');
INSERT INTO history VALUES(8,5,'applied','withdrawn','2026-03-02 09:00:00+00:00','withdrawn');
CREATE TABLE profiles (
    owner_id        INTEGER PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    name            TEXT NOT NULL DEFAULT '',
    email           TEXT NOT NULL DEFAULT '',
    phone           TEXT NOT NULL DEFAULT '',
    link            TEXT NOT NULL DEFAULT '',
    updated_at      TIMESTAMP NOT NULL
);
CREATE TABLE sessions (
    id_hash      TEXT NOT NULL PRIMARY KEY CHECK (length(id_hash) = 64),
    user_id      INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at   TIMESTAMP NOT NULL,
    last_seen_at TIMESTAMP NOT NULL,
    expires_at   TIMESTAMP NOT NULL
);
CREATE TABLE api_tokens (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id      INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name         TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    prefix       TEXT NOT NULL,
    token_hash   TEXT NOT NULL UNIQUE CHECK (length(token_hash) = 64),
    created_at   TIMESTAMP NOT NULL,
    last_used_at TIMESTAMP,
    revoked_at   TIMESTAMP
, expires_at TIMESTAMP);
CREATE TABLE setup_tokens (
    token_hash TEXT NOT NULL PRIMARY KEY CHECK (length(token_hash) = 64),
    expires_at TIMESTAMP NOT NULL,
    used_at    TIMESTAMP
);
CREATE TABLE login_attempts (
    id  INTEGER PRIMARY KEY AUTOINCREMENT,
    key TEXT NOT NULL,
    at  TIMESTAMP NOT NULL
);
CREATE TABLE IF NOT EXISTS "applications" (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    owner_id      INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    company       TEXT NOT NULL CHECK (length(company) BETWEEN 1 AND 200),
    role          TEXT NOT NULL CHECK (length(role) BETWEEN 1 AND 200),
    location      TEXT NOT NULL DEFAULT '',
    job_url       TEXT NOT NULL DEFAULT '',
    source        TEXT NOT NULL DEFAULT '',
    contact_name  TEXT NOT NULL DEFAULT '',
    contact_email TEXT NOT NULL DEFAULT '',
    notes         TEXT NOT NULL DEFAULT '',
    status        TEXT NOT NULL CHECK (status IN ('wishlist', 'applied', 'invited', 'scheduled', 'interviewed', 'offered',
                                                  'hired', 'declined', 'followed_up', 'withdrawn', 'rejected', 'ghosted')),
    created_at    TIMESTAMP NOT NULL,
    updated_at    TIMESTAMP NOT NULL
, applied_at TIMESTAMP, contact_kind TEXT NOT NULL DEFAULT '', contact_title TEXT NOT NULL DEFAULT '', greeting_name TEXT NOT NULL DEFAULT '');
INSERT INTO applications VALUES(1,1,'Initech','Dev','','','','','',replace('línea 1\nline 2, "quoted"','\n',char(10)),'wishlist','2026-03-02 09:00:00+00:00','2026-03-02 09:00:00+00:00',NULL,'','','');
INSERT INTO applications VALUES(2,1,'Contoso','SRE','','','e-mail','','anna@contoso.example','','invited','2026-03-02 09:00:00+00:00','2026-03-02 09:00:00+00:00','2026-03-02 08:00:00+00:00','','','');
INSERT INTO applications VALUES(3,1,'Globex','PM','','','','Zoë','','','declined','2026-03-02 09:00:00+00:00','2026-03-02 09:00:00+00:00','2026-03-02 08:00:00+00:00','','','');
INSERT INTO applications VALUES(4,1,'Umbrella','QA','','','','','','','rejected','2026-03-02 09:00:00+00:00','2026-03-02 09:00:00+00:00','2026-03-02 09:00:00+00:00','','','');
INSERT INTO applications VALUES(5,1,'Hooli','SRE','','','','Gavin','','','withdrawn','2026-03-02 09:00:00+00:00','2026-03-02 09:00:00+00:00','2026-03-02 09:00:00+00:00','','','');
CREATE TABLE IF NOT EXISTS "letters" (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    application_id INTEGER NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
    kind           TEXT NOT NULL CHECK (kind IN ('decline', 'follow_up', 'withdraw')),
    reason         TEXT NOT NULL DEFAULT '',
    reason_detail  TEXT NOT NULL DEFAULT '',
    channel        TEXT NOT NULL,
    tone           TEXT NOT NULL,
    sender_name    TEXT NOT NULL DEFAULT '',
    subject        TEXT NOT NULL DEFAULT '',
    body           TEXT NOT NULL,
    checks         TEXT NOT NULL DEFAULT '[]',
    sent_at        TIMESTAMP NOT NULL,
    created_at     TIMESTAMP NOT NULL
, voicemail TEXT NOT NULL DEFAULT '', detail TEXT NOT NULL DEFAULT '', offer TEXT NOT NULL DEFAULT ''
    CHECK (offer IN ('', 'referral', 'reference', 'stay_in_touch', 'none')), variant INTEGER NOT NULL DEFAULT 0 CHECK (variant >= 0));
INSERT INTO letters VALUES(1,3,'decline','another_offer','','email','formal','Sam','Thank you for the invitation - PM, Sam',replace('Dear Zoë,\n\nI have decided not to go ahead with the interview for the PM position. The reason is that I have recently accepted another role. Thank you for the invitation, and for the time you have given my application. I greatly enjoyed meeting the platform team. I will gladly recommend your organisation to others who are looking.\n\nWarmly,\nSam','\n',char(10)),'[{"rule":"clear","ok":true,"severity":"error","hint":"The decline is stated plainly at the start."},{"rule":"gratitude","ok":true,"severity":"error","hint":"The letter thanks them."},{"rule":"brief_reason","ok":true,"severity":"warning","hint":"The reason, if any, is brief."},{"rule":"respectful","ok":true,"severity":"error","hint":"The wording is respectful."},{"rule":"offer","ok":true,"severity":"warning","hint":"The letter offers to stay in touch or help."},{"rule":"personal","ok":true,"severity":"error","hint":"The letter names the person, the company and the role."},{"rule":"wrong_name","ok":true,"severity":"error","hint":"No name from another application."},{"rule":"shouting","ok":true,"severity":"error","hint":"Written in normal case."},{"rule":"emoji","ok":true,"severity":"warning","hint":"No emoji."},{"rule":"signed","ok":true,"severity":"error","hint":"The letter is signed."},{"rule":"length","ok":true,"severity":"warning","hint":"60 words suits an e-mail."}]','2026-03-02 09:00:00+00:00','2026-03-02 09:00:00+00:00','','meeting the platform team','reference',2);
INSERT INTO letters VALUES(2,5,'withdraw','timing','','email','formal','Sam','Withdrawal of my application for SRE - Sam',replace('Dear Gavin,\n\nI am withdrawing my application for the SRE position at Hooli because the timing does not work for me at the moment. Thank you for all the time you have spent on me so far.\n\nI hope the role is filled quickly.\n\nBest wishes,\nSam','\n',char(10)),'[{"rule":"clear","ok":true,"severity":"error","hint":"The decline is stated plainly at the start."},{"rule":"gratitude","ok":true,"severity":"error","hint":"The letter thanks them."},{"rule":"brief_reason","ok":true,"severity":"warning","hint":"The reason, if any, is brief."},{"rule":"respectful","ok":true,"severity":"error","hint":"The wording is respectful."},{"rule":"offer","ok":true,"severity":"warning","hint":"You chose to offer nothing."},{"rule":"personal","ok":true,"severity":"error","hint":"The letter names the person, the company and the role."},{"rule":"wrong_name","ok":true,"severity":"error","hint":"No name from another application."},{"rule":"shouting","ok":true,"severity":"error","hint":"Written in normal case."},{"rule":"emoji","ok":true,"severity":"warning","hint":"No emoji."},{"rule":"signed","ok":true,"severity":"error","hint":"The letter is signed."},{"rule":"length","ok":true,"severity":"warning","hint":"47 words suits an e-mail."}]','2026-03-02 09:00:00+00:00','2026-03-02 09:00:00+00:00','','','none',0);
CREATE TABLE settings (
    owner_id                INTEGER PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    response_window_minutes INTEGER NOT NULL CHECK (response_window_minutes BETWEEN 60 AND 43200),
    follow_up_after_minutes INTEGER NOT NULL CHECK (follow_up_after_minutes BETWEEN 60 AND 86400),
    no_reply_days           INTEGER NOT NULL CHECK (no_reply_days BETWEEN 1 AND 365),
    time_zone               TEXT NOT NULL CHECK (length(time_zone) BETWEEN 1 AND 100),
    default_tone            TEXT NOT NULL CHECK (default_tone IN ('formal', 'warm')),
    default_channel         TEXT NOT NULL CHECK (default_channel IN ('email', 'phone', 'message')),
    updated_at              TIMESTAMP NOT NULL
);
CREATE TABLE calendar_feeds (
    owner_id   INTEGER PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    token_hash TEXT NOT NULL UNIQUE CHECK (length(token_hash) = 64),
    created_at TIMESTAMP NOT NULL
);
CREATE TABLE health_probe (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    checked_at TIMESTAMP NOT NULL
);
INSERT INTO health_probe VALUES(1,'2026-11-28 00:00:57');
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
INSERT INTO warning_due VALUES(2,1,'response',1,1772524800,1772503200,1772528400,1772614800);
INSERT INTO warning_due VALUES(3,1,'follow_up',0,1772701200,1772679600,1772787600,NULL);
CREATE TABLE application_names (
    owner_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name_key TEXT NOT NULL,
    name     TEXT NOT NULL,
    PRIMARY KEY (owner_id, name_key, name)
) WITHOUT ROWID;
INSERT INTO application_names VALUES(1,'contoso','Contoso');
INSERT INTO application_names VALUES(1,'gavin','Gavin');
INSERT INTO application_names VALUES(1,'globex','Globex');
INSERT INTO application_names VALUES(1,'hooli','Hooli');
INSERT INTO application_names VALUES(1,'initech','Initech');
INSERT INTO application_names VALUES(1,'umbrella','Umbrella');
INSERT INTO application_names VALUES(1,'zoë','Zoë');
CREATE TABLE notify_settings (
    owner_id       INTEGER PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    email          TEXT NOT NULL DEFAULT '' CHECK (length(email) <= 254),
    webhook_url    TEXT NOT NULL DEFAULT '' CHECK (length(webhook_url) <= 2000),
    webhook_format TEXT NOT NULL DEFAULT 'json' CHECK (webhook_format IN ('json', 'ntfy')),
    quiet_start    INTEGER CHECK (quiet_start BETWEEN 0 AND 1439),
    quiet_end      INTEGER CHECK (quiet_end BETWEEN 0 AND 1439),
    updated_at     TIMESTAMP NOT NULL
);
CREATE TABLE notifications (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    owner_id        INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    application_id  INTEGER REFERENCES applications (id) ON DELETE CASCADE,
    kind            TEXT NOT NULL,
    severity        TEXT NOT NULL,
    due_at          TIMESTAMP NOT NULL,
    channel         TEXT NOT NULL CHECK (channel IN ('email', 'webhook', 'ntfy')),
    target          TEXT NOT NULL,
    subject         TEXT NOT NULL,
    body            TEXT NOT NULL,
    status          TEXT NOT NULL CHECK (status IN ('pending', 'sending', 'sent', 'failed', 'cancelled')),
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMP NOT NULL,
    claimed_until   TIMESTAMP,
    last_error      TEXT NOT NULL DEFAULT '',
    created_at      TIMESTAMP NOT NULL,
    sent_at         TIMESTAMP
);
CREATE TABLE application_names_version (
    owner_id BIGINT PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    version  BIGINT NOT NULL
);
INSERT INTO application_names_version VALUES(1,4761048908776495966);
DELETE FROM sqlite_sequence;
INSERT INTO sqlite_sequence VALUES('goose_db_version',25);
INSERT INTO sqlite_sequence VALUES('users',1);
INSERT INTO sqlite_sequence VALUES('applications',5);
INSERT INTO sqlite_sequence VALUES('history',8);
INSERT INTO sqlite_sequence VALUES('invitations',2);
INSERT INTO sqlite_sequence VALUES('letters',2);
CREATE INDEX invitations_application ON invitations (application_id);
CREATE INDEX sessions_user ON sessions (user_id);
CREATE INDEX api_tokens_user ON api_tokens (user_id);
CREATE UNIQUE INDEX setup_tokens_used_once ON setup_tokens ((used_at IS NOT NULL)) WHERE used_at IS NOT NULL;
CREATE INDEX login_attempts_key_at ON login_attempts (key, at);
CREATE INDEX login_attempts_at ON login_attempts (at);
CREATE INDEX applications_owner_id ON applications (owner_id, id);
CREATE INDEX applications_owner_status_id ON applications (owner_id, status, id);
CREATE INDEX letters_application ON letters (application_id);
CREATE INDEX history_application_at ON history (application_id, at, id);
CREATE UNIQUE INDEX invitations_one_pending ON invitations (application_id) WHERE response = 'pending';
CREATE UNIQUE INDEX invitations_round ON invitations (application_id, round);
CREATE INDEX applications_owner_company ON applications (owner_id, company, id);
CREATE INDEX applications_owner_updated ON applications (owner_id, updated_at, id);
CREATE INDEX applications_owner_applied ON applications (owner_id, (COALESCE(applied_at, created_at)), id);
CREATE INDEX warning_due_owner_due ON warning_due (owner_id, due_at, application_id, critical_at, shows_at, kind);
CREATE INDEX applications_owner_contact ON applications (owner_id, contact_name, id);
CREATE UNIQUE INDEX notifications_once ON notifications (application_id, kind, severity, due_at, channel);
CREATE INDEX notifications_next ON notifications (status, next_attempt_at);
CREATE INDEX notifications_owner ON notifications (owner_id, id);
CREATE TRIGGER application_names_filed AFTER INSERT ON application_names
BEGIN
    INSERT INTO application_names_version (owner_id, version) VALUES (NEW.owner_id, random() & 9223372036854775807)
        ON CONFLICT (owner_id) DO UPDATE SET version = excluded.version;
END;
COMMIT;
