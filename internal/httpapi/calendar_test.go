package httpapi_test

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	ics "github.com/arran4/golang-ical"
)

// fetchFeed gets a feed URL without any credentials, as a calendar
// program subscribed to it does.
func (s *server) fetchFeed(feedURL string) *httptest.ResponseRecorder {
	s.t.Helper()
	u, err := url.Parse(feedURL)
	if err != nil {
		s.t.Fatal(err)
	}
	return s.send(s.t, httptest.NewRequest(http.MethodGet, u.RequestURI(), nil))
}

// TestCalendarFeed subscribes to the feed and parses it back: the
// interview as an event, the answer and the follow-up due as to-dos with
// alarms, with UIDs that stay the same from one fetch to the next.
func TestCalendarFeed(t *testing.T) {
	s := newServer(t)
	interview := start.Add(72 * time.Hour)
	var invited, declined struct {
		ID            int64
		FollowUpDueAt *time.Time `json:"follow_up_due_at"`
		Invitations   []struct {
			ID         int64
			DeadlineAt time.Time `json:"deadline_at"`
		}
	}
	s.must("POST", "/api/v1/applications", `{"company":"Acme","role":"Go Engineer","invitation":{"received_at":"`+
		rfc3339(start)+`","interview_at":"`+rfc3339(interview)+`","message":"Bring a laptop, please"}}`, http.StatusCreated, &invited)
	s.must("POST", "/api/v1/applications", `{"company":"Globex","role":"SRE","invitation":{"received_at":"`+
		rfc3339(start)+`","interview_at":"`+rfc3339(interview)+`"}}`, http.StatusCreated, nil)
	s.must("POST", "/api/v1/applications/2/decline", `{"reason":"timing","sender_name":"Sam"}`, http.StatusOK, &declined)
	var feed struct{ URL string }
	s.must("POST", "/api/v1/calendar/feed", "", http.StatusCreated, &feed)

	rec := s.fetchFeed(feed.URL)
	if rec.Code != http.StatusOK || !strings.HasPrefix(rec.Header().Get("Content-Type"), "text/calendar") {
		t.Fatalf("feed: %d %s", rec.Code, rec.Body)
	}
	cal, err := ics.ParseCalendar(strings.NewReader(rec.Body.String()))
	if err != nil {
		t.Fatalf("the feed does not parse: %v\n%s", err, rec.Body)
	}
	events, todos := cal.Events(), cal.Todos()
	if len(events) != 1 || len(todos) != 2 {
		t.Fatalf("%d events and %d to-dos, want 1 and 2:\n%s", len(events), len(todos), rec.Body)
	}
	ev := events[0]
	if at, _ := ev.GetStartAt(); !at.Equal(interview) || !strings.Contains(ev.GetProperty(ics.ComponentPropertySummary).Value, "Acme – Go Engineer") ||
		ev.GetProperty(ics.ComponentPropertyDescription).Value != "Bring a laptop, please" {
		t.Errorf("interview event:\n%s", rec.Body)
	}
	wantDue := map[string]time.Time{
		"respond-" + itoa(invited.Invitations[0].ID) + "@tracker.invalid": invited.Invitations[0].DeadlineAt,
		"follow-up-" + itoa(declined.ID) + "@tracker.invalid":             *declined.FollowUpDueAt,
	}
	for _, td := range todos {
		due, err := td.GetDueAt()
		if want, ok := wantDue[td.Id()]; !ok || err != nil || !due.Equal(want) {
			t.Errorf("to-do %s due %v (%v), want %v", td.Id(), due, err, wantDue[td.Id()])
		}
		if len(td.Alarms()) != 1 || td.Alarms()[0].GetProperty(ics.ComponentPropertyTrigger).Value != "-PT1H" {
			t.Errorf("to-do %s has no alarm an hour before", td.Id())
		}
	}
	if again := s.fetchFeed(feed.URL); !strings.Contains(again.Body.String(), "UID:"+ev.Id()) {
		t.Error("the interview's UID changed between fetches")
	}
}

// TestCalendarFeedToken: the feed shows only its owner's data, a new URL
// ends the old one, revoking ends the feed, and a guessed token gets 404.
func TestCalendarFeedToken(t *testing.T) {
	s := newServer(t)
	s.must("POST", "/api/v1/applications", `{"company":"Acme","role":"Dev","invitation":{"received_at":"`+rfc3339(start)+`"}}`, http.StatusCreated, nil)
	_, bobToken := s.newUser("bob@example.com")
	var bob, first, second struct{ URL string }
	rec := s.doAs(bobToken, "POST", "/api/v1/calendar/feed", "")
	if rec.Code != http.StatusCreated || decodeInto(rec, &bob) != nil || strings.Contains(s.fetchFeed(bob.URL).Body.String(), "Acme") {
		t.Errorf("bob's feed shows sam's application: %s", s.fetchFeed(bob.URL).Body)
	}
	s.must("POST", "/api/v1/calendar/feed", "", http.StatusCreated, &first)
	s.must("POST", "/api/v1/calendar/feed", "", http.StatusCreated, &second)
	for _, tt := range []struct {
		url  string
		want int
	}{{first.URL, 404}, {second.URL, 200}, {"http://x/calendar.ics?token=guess", 404}, {"http://x/calendar.ics", 404}} {
		if rec := s.fetchFeed(tt.url); rec.Code != tt.want {
			t.Errorf("%s: %d, want %d", tt.url, rec.Code, tt.want)
		}
	}
	s.must("DELETE", "/api/v1/calendar/feed", "", http.StatusNoContent, nil)
	s.must("DELETE", "/api/v1/calendar/feed", "", http.StatusNotFound, nil)
	if rec := s.fetchFeed(second.URL); rec.Code != 404 {
		t.Errorf("revoked feed: %d", rec.Code)
	}
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

func decodeInto(rec *httptest.ResponseRecorder, out any) error {
	return json.Unmarshal(rec.Body.Bytes(), out)
}
