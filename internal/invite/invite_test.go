package invite

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"tracker/internal/apperr"
	"tracker/internal/fixtures"
)

// TestRealInvites imports every valid real invite and checks the times
// against the ones worked out by hand from each file's DTSTART and zone.
func TestRealInvites(t *testing.T) {
	tests := []struct {
		file      string
		at        string // interview_at in UTC
		allDay    bool
		zone      string // part of how the zone was understood
		received  string // received_at in UTC (e-mail Date, else DTSTAMP)
		contact   string
		company   string
		meeting   string // prefix of the meeting link
		uid       string // prefix
		sequence  int
		messageID string
	}{
		{file: "ics/nylas-google-invite-allday-weekly-rrule.ics", at: "2014-08-10T00:00:00Z", allDay: true, zone: "all-day", received: "2014-08-17T21:45:06Z", contact: "charles@inboxapp.com", company: "Inboxapp", uid: "3f449c2mddkrkat2e803koqgt8@google.com"},
		{file: "ics/nylas-exchange2010-request-romance-tz.ics", at: "2015-04-01T14:00:00Z", zone: "Europe/Paris (Windows zone Romance Standard Time)", received: "2015-03-31T12:43:02Z", contact: "test2@example.com", uid: "040000008200E00074C5B7101A82E008"},
		{file: "ics/nylas-iphone-via-exchange-request.ics", at: "2014-12-27T15:00:00Z", zone: "Europe/Paris", received: "2014-12-22T14:36:14Z", contact: "inbox.apptest2@inboxapp.onmicrosoft.com", uid: "091BD1D0"},
		{file: "ics/nylas-icloud-allday-request.ics", at: "2015-03-16T00:00:00Z", allDay: true, zone: "all-day", received: "2015-03-12T18:19:36Z", contact: "benbitdiddle@icloud.com", uid: "8153F823"},
		{file: "ics/icalrs-o365-teams-meeting-request.ics", at: "2020-11-24T10:00:00Z", zone: "Europe/Berlin (Windows zone W. Europe Standard Time)", received: "2020-11-19T11:29:15Z", meeting: "https://teams.microsoft.com/l/meetup-join/19%3afe1f00c87d7044e3a73231bb01b1d749%40thread.tacv2/", uid: "040000C08200E"},
		{file: "ics/icalrs-outlook16-tab-folding-crlf.ics", at: "2021-05-27T08:30:00Z", zone: "Europe/Berlin (Windows zone W. Europe Standard Time)", received: "2021-05-11T06:38:45Z", uid: "040000008200E000*"},
		{file: "ics/golangical-google-meet-attendees-unfolded.ics", at: "2022-03-01T17:00:00Z", zone: "UTC", received: "2022-02-07T21:02:21Z", contact: "xxxx.xxxxxxxxxxxxxxx@xxxxxxxxxxxx.de", meeting: "https://meet.google.com/xxx-xxxx-xxx", uid: "37dfo8hp5hds"},
		{file: "ics/nodeical-exchange-owa-tzid-no-vtimezone.ics", at: "2020-10-28T02:30:00Z", zone: "Australia/Sydney (Windows zone (GMT+10:00) Canberra, Melbourne, Sydney)", received: "2020-10-15T16:59:39Z"},
		{file: "ics/nodeical-apple-macos-status-variants.ics", at: "2022-07-04T23:00:00Z", zone: "UTC", received: "2022-07-04T22:57:59Z", contact: "tentative@example.com", uid: "31a1ffc9"},
		{file: "ics/icalevents-exchange-teams-location-exdate-list.ics", at: "2022-03-11T16:00:00Z", zone: "America/New_York (Windows zone Eastern Standard Time)", received: "2022-03-30T12:54:47Z", uid: "040000008200R"},
		{file: "ics/icalendar-exchange-cdo-request-odd-tzid-rrule.ics", at: "2015-07-03T08:00:00Z", zone: "offsets of the invite's own time zone GMT +0100 (Standard) / GMT +0200 (Daylight)", received: "2015-07-03T07:10:09Z"},
		{file: "ics/icalendar-blackberry-allday-request.ics", at: "2012-08-14T00:00:00Z", allDay: true, zone: "all-day", received: "2012-08-13T15:14:58Z", contact: "rembrand@daxlab.com", company: "Daxlab", uid: "XRIMCAL-628059586", sequence: 2},
		// The fold splits a two-byte UTF-8 sequence; unfolding before decoding restores it (RFC 5545 3.1).
		{file: "ics/bad-icalendarrb-fold-splits-utf8.ics", at: "2020-09-02T00:00:00Z", allDay: true, zone: "all-day", received: "2020-09-02T22:33:52Z", uid: "6e7d7fe5"},
		{file: "eml/thunderbird-google-meet-invite.eml", at: "2021-03-22T09:30:00Z", zone: "UTC", received: "2021-03-22T09:12:20Z", contact: "example@gmail.com", meeting: "https://meet.google.com/pyb-ndcu-hhc", uid: "65m17hsdolmotv3kvmrtg40ont@google.com", messageID: "0000000000008c6d7005be1c767c@google.com"},
		{file: "eml/thunderbird-outlook365-teams-invite.eml", at: "2020-12-02T17:00:00Z", zone: "Windows zone FLE Standard Time", received: "2020-12-02T16:52:34Z", contact: "marge@example.com", meeting: "https://teams.microsoft.com/l/meetup-join/", uid: "056000008200E", messageID: "HE1PR0802MB228346BE1576FEAB8A7F32328EF30@HE1PR0802MB2283.eurprd08.prod.outlook.com"},
		{file: "eml/thunderbird-outlook-exchange-invite.eml", at: "2021-11-27T07:00:00Z", zone: "Windows zone FLE Standard Time", received: "2021-11-19T20:00:31Z", contact: "marge@example.org", uid: "030000008200E", messageID: "HE1P190MB0540579ABA18FCE320901B31E39C9@HE1P190MB0540.EURP190.PROD.OUTLOOK.COM"},
		{file: "eml/thunderbird-booking-publish-mixedcase-ctype.eml", at: "2016-09-01T06:25:00Z", zone: "UTC", received: "2016-08-24T20:40:06Z", contact: "someone@example.com", uid: "20160824T204000Z-568860280@example.com", messageID: "df0f52ae-d3dc-4b89-bc3e-67fc4f6e8552@example.com"},
		{file: "eml/nylas-icloud-invite-base64-ics.eml", at: "2015-03-16T05:00:00Z", zone: "Europe/Paris", received: "2015-03-16T03:59:34Z", contact: "dontspam@khamidou.com", company: "Khamidou", uid: "65BEB44C", sequence: 1, messageID: "1591770290.716808431426478374032.JavaMail.email@email.apple.com"},
		{file: "eml/phpmimemailparser-exchange2013-meeting-request.eml", at: "2014-03-28T09:03:00Z", zone: "Windows zone FLE Standard Time", received: "2014-03-27T22:28:12Z", contact: "newsletter@finntack.com", company: "Finntack", uid: "040000008200E", sequence: 5, messageID: "742f7c086bc34282b8eb4ffc135652ef@MBX01C-ORD1.mex06.mlsrvr.com"},
	}
	for _, tt := range tests {
		t.Run(filepath.Base(tt.file), func(t *testing.T) {
			d, err := Parse(filepath.Base(tt.file), fixtures.Read(t, tt.file))
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			if d.InterviewAt == nil || d.InterviewAt.Format(time.RFC3339) != tt.at {
				t.Errorf("interview_at = %v, want %s", d.InterviewAt, tt.at)
			}
			if d.AllDay != tt.allDay || !strings.Contains(d.TimeZone, tt.zone) {
				t.Errorf("all-day %v zone %q, want %v %q", d.AllDay, d.TimeZone, tt.allDay, tt.zone)
			}
			if d.ReceivedAt == nil || d.ReceivedAt.Format(time.RFC3339) != tt.received {
				t.Errorf("received_at = %v, want %s", d.ReceivedAt, tt.received)
			}
			checkDraft(t, d, tt.contact, tt.company, tt.meeting, tt.uid, tt.sequence, tt.messageID)
		})
	}
}

func checkDraft(t *testing.T, d *Draft, contact, company, meeting, uid string, seq int, messageID string) {
	t.Helper()
	if d.ContactEmail != contact || d.Company != company {
		t.Errorf("contact %q company %q, want %q %q", d.ContactEmail, d.Company, contact, company)
	}
	if !strings.HasPrefix(d.MeetingURL, meeting) || (meeting == "" && d.MeetingURL != "") {
		t.Errorf("meeting link %q, want %q...", d.MeetingURL, meeting)
	}
	if !strings.HasPrefix(d.UID, uid) || d.Sequence != seq || d.MessageID != messageID {
		t.Errorf("uid %q seq %d message-id %q, want %q %d %q", d.UID, d.Sequence, d.MessageID, uid, seq, messageID)
	}
	for _, s := range []string{d.Summary, d.Message, d.ContactName, d.Location} {
		if !utf8.ValidString(s) || strings.ContainsRune(s, '\r') {
			t.Errorf("text not clean UTF-8 without CR: %q", s)
		}
	}
}

// TestRefusedFiles checks that every file that is not a usable invitation
// is refused with an invalid-input error that says why.
func TestRefusedFiles(t *testing.T) {
	tests := []struct{ file, want string }{
		{"ics/bad-icalendar-missing-end-vcalendar.ics", "END:VCALENDAR"},
		{"ics/bad-icalendar-invalid-dtstart-dtend.ics", `start time (DTSTART) "INVALID-DATE" is not a date`},
		{"ics/nylas-google-cancel.ics", "cancels an event"},
		{"eml/thunderbird-cancel-mixed-qp.eml", "cancels an event"},
	}
	for _, tt := range tests {
		t.Run(filepath.Base(tt.file), func(t *testing.T) {
			_, err := Parse(filepath.Base(tt.file), fixtures.Read(t, tt.file))
			assertRefused(t, err, tt.want)
		})
	}
}

func assertRefused(t *testing.T, err error, want string) {
	t.Helper()
	var e *apperr.Error
	if !errors.As(err, &e) || e.Code != apperr.EINVALID {
		t.Fatalf("err = %v, want an invalid-input error", err)
	}
	if !strings.Contains(e.Message, want) || e.Fields["file"] == "" {
		t.Errorf("message %q (fields %v), want it to contain %q", e.Message, e.Fields, want)
	}
}
