package httpapi_test

import (
	"fmt"
	"net/http"
	"testing"
	"time"
)

// TestDatesOverHTTP backdates a move, is refused one dated in the future
// or before the last entry (422 naming "at"), and reschedules an interview.
func TestDatesOverHTTP(t *testing.T) {
	s := newServer(t)
	var d struct {
		ID          int64      `json:"id"`
		AppliedAt   *time.Time `json:"applied_at"`
		Invitations []struct {
			ID          int64      `json:"id"`
			InterviewAt *time.Time `json:"interview_at"`
		} `json:"invitations"`
		History []struct {
			To   string    `json:"to"`
			At   time.Time `json:"at"`
			Note string    `json:"note"`
		} `json:"history"`
	}
	body := `{"company":"Acme","role":"Dev","applied_at":"` + rfc3339(start.Add(-96*time.Hour)) + `",
		"invitation":{"received_at":"` + rfc3339(start.Add(-72*time.Hour)) + `","interview_at":"` + rfc3339(start.Add(24*time.Hour)) + `"}}`
	s.must("POST", "/api/v1/applications", body, http.StatusCreated, &d)
	if d.AppliedAt == nil || !d.AppliedAt.Equal(start.Add(-96*time.Hour)) || len(d.History) != 2 ||
		!d.History[0].At.Equal(start.Add(-96*time.Hour)) || d.History[0].To != "applied" ||
		!d.History[1].At.Equal(start.Add(-72*time.Hour)) || d.History[1].To != "invited" {
		t.Fatalf("created %+v", d)
	}
	url := fmt.Sprintf("/api/v1/applications/%d", d.ID)
	for _, sc := range []scenario{
		{"move in the future", "POST", url + "/transitions", `{"to":"scheduled","at":"` + rfc3339(start.Add(time.Hour)) + `"}`, "", 422,
			[]string{`"at":"at must not be in the future"`}},
		{"move before the invitation", "POST", url + "/transitions", `{"to":"scheduled","at":"` + rfc3339(start.Add(-80*time.Hour)) + `"}`, "", 422,
			[]string{`"at":"at must not be before the last entry of the history`}},
		{"at not a time", "POST", url + "/transitions", `{"to":"scheduled","at":"yesterday"}`, "", 400, []string{`"at":"at must be a time`}},
		{"unknown invitation", "PATCH", url + "/invitations/99", `{"format":"phone"}`, "", 404, []string{`"code":"not_found"`}},
		{"bad format", "PATCH", fmt.Sprintf("%s/invitations/%d", url, d.Invitations[0].ID), `{"format":"fax"}`, "", 422, []string{`"format":`}},
	} {
		t.Run(sc.name, func(t *testing.T) { s.run(t, sc) })
	}
	s.must("POST", url+"/transitions", `{"to":"scheduled","at":"`+rfc3339(start.Add(-48*time.Hour))+`"}`, http.StatusOK, &d)
	newTime := start.Add(48 * time.Hour)
	s.must("PATCH", fmt.Sprintf("%s/invitations/%d", url, d.Invitations[0].ID), `{"interview_at":"`+rfc3339(newTime)+`"}`, http.StatusOK, &d)
	last := d.History[len(d.History)-1]
	if !d.Invitations[0].InterviewAt.Equal(newTime) || last.To != "scheduled" || last.Note == "" {
		t.Fatalf("after the reschedule %+v", d)
	}
	s.clock.advance(49 * time.Hour)
	s.run(t, scenario{"interview passed", "GET", "/api/v1/warnings", "", "", 200,
		[]string{`"kind":"interview_passed"`, `"next_step":"record how the interview went`}})
}
