package httpapi_test

import (
	"fmt"
	"net/http"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

// detail is the part of an application's JSON the tests look at.
type detail struct {
	ID          int64  `json:"id"`
	Company     string `json:"company"`
	Status      string `json:"status"`
	Invitations []struct {
		ID       int64  `json:"id"`
		Round    int    `json:"round"`
		Response string `json:"response"`
	} `json:"invitations"`
	History []struct {
		From *string `json:"from"`
		To   string  `json:"to"`
		Note string  `json:"note"`
	} `json:"history"`
	Letters []struct {
		Kind    string  `json:"kind"`
		Subject string  `json:"subject"`
		Body    string  `json:"body"`
		Checks  []check `json:"checks"`
	} `json:"letters"`
	AllowedTransitions []string   `json:"allowed_transitions"`
	Warnings           []warning  `json:"warnings"`
	FollowUpDueAt      *time.Time `json:"follow_up_due_at"`
}

type check struct {
	Rule     string `json:"rule"`
	OK       bool   `json:"ok"`
	Severity string `json:"severity"`
	Hint     string `json:"hint"`
}

type warning struct {
	ApplicationID int64     `json:"application_id"`
	InvitationID  int64     `json:"invitation_id"`
	Kind          string    `json:"kind"`
	Severity      string    `json:"severity"`
	Status        string    `json:"status"`
	DueAt         time.Time `json:"due_at"`
}

type warnings struct {
	Items []warning `json:"items"`
}

// TestDeclineWorkflow walks an invitation through a decline and its
// follow-up, with the warnings each step should raise.
func TestDeclineWorkflow(t *testing.T) {
	s := newServer(t)
	var d detail
	body := fmt.Sprintf(`{"company":"Acme","role":"Backend Engineer","contact_name":"Dana Smith",
		"invitation":{"received_at":%q,"respond_by":%q,"interview_at":%q,"format":"video"}}`,
		rfc3339(start.Add(-20*time.Hour)), rfc3339(start.Add(2*time.Hour)), rfc3339(start.Add(72*time.Hour)))
	s.must("POST", "/api/v1/applications", body, http.StatusCreated, &d)
	if d.Status != "invited" || len(d.Invitations) != 1 || d.Invitations[0].Response != "pending" {
		t.Fatalf("created %+v", d)
	}
	url := fmt.Sprintf("/api/v1/applications/%d", d.ID)

	s.must("GET", url, "", http.StatusOK, &d)
	if len(d.Warnings) != 1 || d.Warnings[0].Kind != "response" || d.Warnings[0].Severity != "due_soon" {
		t.Fatalf("warnings two hours before respond_by = %+v", d.Warnings)
	}

	before := s.snapshot()
	var p struct {
		Subject string  `json:"subject"`
		Body    string  `json:"body"`
		Checks  []check `json:"checks"`
	}
	s.must("POST", url+"/decline/preview", `{"reason":"another_offer","sender_name":"Sam Lee"}`, http.StatusOK, &p)
	if p.Subject == "" || !strings.Contains(p.Body, "Sam Lee") || len(p.Checks) == 0 {
		t.Fatalf("preview = %+v", p)
	}
	if s.snapshot() != before {
		t.Fatal("the preview stored something")
	}

	s.must("POST", url+"/decline", `{"reason":"another_offer","sender_name":"Sam Lee"}`, http.StatusOK, &d)
	if d.Status != "declined" || len(d.Letters) != 1 || d.Letters[0].Subject != p.Subject || d.Letters[0].Body != p.Body {
		t.Fatalf("declined %+v", d)
	}
	if d.Invitations[0].Response != "declined" || len(d.Warnings) != 0 {
		t.Fatalf("after the decline: invitation %+v, warnings %+v", d.Invitations[0], d.Warnings)
	}
	if d.FollowUpDueAt == nil || !d.FollowUpDueAt.Equal(start.Add(72*time.Hour)) {
		t.Fatalf("follow_up_due_at = %v, want %v", d.FollowUpDueAt, start.Add(72*time.Hour))
	}

	s.clock.advance(72*time.Hour + time.Minute)
	var ws warnings
	s.must("GET", "/api/v1/warnings", "", http.StatusOK, &ws)
	if len(ws.Items) != 1 || ws.Items[0].Kind != "follow_up" || ws.Items[0].Severity != "overdue" ||
		ws.Items[0].ApplicationID != d.ID || ws.Items[0].InvitationID != 0 {
		t.Fatalf("warnings three days after the decline = %+v", ws.Items)
	}
	for kind, n := range map[string]int{"follow_up": 1, "response": 0} {
		s.must("GET", "/api/v1/warnings?kind="+kind, "", http.StatusOK, &ws)
		if len(ws.Items) != n {
			t.Fatalf("warnings of kind %s = %+v, want %d", kind, ws.Items, n)
		}
	}
	if rec := s.do("GET", "/api/v1/warnings", ""); strings.Contains(rec.Body.String(), "invitation_id") {
		t.Fatalf("a follow-up warning names an invitation: %s", rec.Body)
	}

	s.must("POST", url+"/follow-up", "", http.StatusOK, &d)
	if d.Status != "followed_up" || len(d.Letters) != 2 || d.Letters[1].Kind != "follow_up" || len(d.AllowedTransitions) != 0 {
		t.Fatalf("followed up %+v", d)
	}
	s.must("GET", "/api/v1/warnings", "", http.StatusOK, &ws)
	if len(ws.Items) != 0 {
		t.Fatalf("warnings after the follow-up = %+v", ws.Items)
	}
	last := d.History[len(d.History)-1]
	if last.From == nil || *last.From != "declined" || last.To != "followed_up" {
		t.Fatalf("last history entry = %+v", last)
	}
}

// TestInvitationAndTransitions logs an invitation on an applied
// application, accepts it, and is refused a jump to hired.
func TestInvitationAndTransitions(t *testing.T) {
	s := newServer(t)
	var d detail
	s.must("POST", "/api/v1/applications", `{"company":"Globex","role":"SRE","job_url":"https://globex.example/jobs/7","applied_at":"`+rfc3339(start.Add(-48*time.Hour))+`"}`, http.StatusCreated, &d)
	if d.Status != "applied" || !slices.Equal(d.AllowedTransitions, []string{"invited", "withdrawn", "rejected", "ghosted"}) {
		t.Fatalf("created %+v", d)
	}
	url := fmt.Sprintf("/api/v1/applications/%d", d.ID)

	s.must("POST", url+"/invitations", `{"received_at":"`+rfc3339(start.Add(-time.Hour))+`","format":"phone"}`, http.StatusCreated, &d)
	if d.Status != "invited" || len(d.Invitations) != 1 || d.Invitations[0].Round != 1 {
		t.Fatalf("after the invitation %+v", d)
	}

	s.must("POST", url+"/transitions", `{"to":"scheduled","note":"Tuesday 10:00"}`, http.StatusOK, &d)
	if d.Status != "scheduled" || d.Invitations[0].Response != "accepted" || d.History[len(d.History)-1].Note != "Tuesday 10:00" {
		t.Fatalf("after scheduling %+v", d)
	}

	rec := s.do("POST", url+"/transitions", `{"to":"hired"}`)
	if rec.Code != http.StatusConflict {
		t.Fatalf("scheduled -> hired = %d: %s", rec.Code, rec.Body)
	}
	eb := checkErrorShape(t, rec)
	if !slices.Equal(eb.Error.Allowed, []string{"interviewed", "declined", "rejected", "ghosted"}) {
		t.Fatalf("allowed = %v", eb.Error.Allowed)
	}
}

// TestUpdateAndDelete patches one field, leaves the others, and deletes.
func TestUpdateAndDelete(t *testing.T) {
	s := newServer(t)
	var d detail
	s.must("POST", "/api/v1/applications", `{"company":"Initech","role":"Dev","notes":"keep"}`, http.StatusCreated, &d)
	url := fmt.Sprintf("/api/v1/applications/%d", d.ID)
	s.clock.advance(time.Hour)
	rec := s.do("PATCH", url, `{"company":"Initrode","role":null}`)
	if rec.Code != http.StatusOK || !strings.Contains(rec.Body.String(), `"company":"Initrode","role":"Dev"`) ||
		!strings.Contains(rec.Body.String(), `"notes":"keep"`) || !strings.Contains(rec.Body.String(), `"updated_at":"2026-03-02T10:00:00Z"`) {
		t.Fatalf("PATCH = %d %s", rec.Code, rec.Body)
	}
	if rec := s.do("DELETE", url, ""); rec.Code != http.StatusNoContent || rec.Body.Len() != 0 {
		t.Fatalf("DELETE = %d %q", rec.Code, rec.Body)
	}
	if rec := s.do("GET", url, ""); rec.Code != http.StatusNotFound {
		t.Fatalf("GET after DELETE = %d", rec.Code)
	}
}

// TestListPages follows next_cursor to the last page.
func TestListPages(t *testing.T) {
	s := newServer(t)
	for _, c := range []string{"A", "B", "C"} {
		s.must("POST", "/api/v1/applications", `{"company":"`+c+`","role":"Dev"}`, http.StatusCreated, nil)
	}
	var page struct {
		Items []struct {
			Company string `json:"company"`
		} `json:"items"`
		NextCursor *string `json:"next_cursor"`
	}
	var seen []string
	url := "/api/v1/applications?limit=2"
	for range 3 {
		page.NextCursor = nil
		s.must("GET", url, "", http.StatusOK, &page)
		for _, it := range page.Items {
			seen = append(seen, it.Company)
		}
		if page.NextCursor == nil {
			break
		}
		url = "/api/v1/applications?limit=2&cursor=" + *page.NextCursor
	}
	if !slices.Equal(seen, []string{"C", "B", "A"}) {
		t.Fatalf("pages listed %v, want newest first", seen)
	}
}

// TestTimesAreUTC sends times with an offset and gets them back in UTC.
func TestTimesAreUTC(t *testing.T) {
	s := newServer(t)
	received := start.Add(-3 * time.Hour).In(time.FixedZone("CEST", 2*3600)).Format(time.RFC3339)
	rec := s.do("POST", "/api/v1/applications", `{"company":"A","role":"B","invitation":{"received_at":"`+received+`"}}`)
	if rec.Code != http.StatusCreated || !strings.Contains(rec.Body.String(), `"received_at":"2026-03-02T06:00:00Z"`) ||
		!strings.Contains(rec.Body.String(), `"created_at":"2026-03-02T09:00:00Z"`) {
		t.Fatalf("POST = %d %s", rec.Code, rec.Body)
	}
}

// TestConcurrentTransitions races the same move through the HTTP layer:
// exactly one request wins and the history records the move once.
func TestConcurrentTransitions(t *testing.T) {
	s := newServer(t)
	s.seed()
	const n = 8
	codes := make([]int, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			codes[i] = s.do("POST", "/api/v1/applications/1/transitions", `{"to":"scheduled"}`).Code
		})
	}
	wg.Wait()
	won, lost := 0, 0
	for _, c := range codes {
		switch c {
		case http.StatusOK:
			won++
		case http.StatusConflict:
			lost++
		}
	}
	if won != 1 || lost != n-1 {
		t.Fatalf("statuses %v: want one 200 and %d 409", codes, n-1)
	}
	var d detail
	s.must("GET", "/api/v1/applications/1", "", http.StatusOK, &d)
	moves := 0
	for _, h := range d.History {
		if h.To == "scheduled" {
			moves++
		}
	}
	if d.Status != "scheduled" || moves != 1 {
		t.Fatalf("status %s with %d history entries to scheduled, want 1", d.Status, moves)
	}
}

// TestWithdrawal saves a job on the wishlist, applies and withdraws it; a
// second withdrawal is a 409 that lists no way on.
func TestWithdrawal(t *testing.T) {
	s := newServer(t)
	var d detail
	s.must("POST", "/api/v1/applications", `{"company":"Initech","role":"Dev","status":"wishlist"}`, http.StatusCreated, &d)
	if d.Status != "wishlist" || !slices.Equal(d.AllowedTransitions, []string{"applied", "withdrawn"}) {
		t.Fatalf("created %+v", d)
	}
	url := fmt.Sprintf("/api/v1/applications/%d", d.ID)
	s.must("POST", url+"/transitions", `{"to":"applied"}`, http.StatusOK, &d)
	s.must("POST", url+"/withdrawal", `{"note":"found a better fit"}`, http.StatusOK, &d)
	if d.Status != "withdrawn" || d.History[len(d.History)-1].Note != "found a better fit" {
		t.Fatalf("after withdrawing %+v", d)
	}
	if rec := s.do("POST", url+"/withdrawal", ``); rec.Code != http.StatusConflict {
		t.Fatalf("second withdrawal: %d %s", rec.Code, rec.Body)
	}
}
