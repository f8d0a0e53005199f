package httpapi_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"
)

// scenario is one request through the real router and what it must answer.
type scenario struct {
	name         string
	method       string
	url          string
	body         string
	contentType  string // defaults to application/json when there is a body
	wantStatus   int
	wantContains []string
}

// run sends sc and checks its status and content. A refused request must
// answer the JSON error shape and leave the database as it was.
func (s *server) run(t *testing.T, sc scenario) {
	t.Helper()
	before := s.snapshot()
	req := httptest.NewRequest(sc.method, sc.url, strings.NewReader(sc.body))
	switch {
	case sc.contentType != "":
		req.Header.Set("Content-Type", sc.contentType)
	case sc.body != "":
		req.Header.Set("Content-Type", "application/json")
	}
	req.Header.Set("Authorization", "Bearer "+s.token)
	rec := s.send(t, req)
	if rec.Code != sc.wantStatus {
		t.Fatalf("status = %d, want %d; body %s", rec.Code, sc.wantStatus, rec.Body)
	}
	for _, want := range sc.wantContains {
		if !strings.Contains(rec.Body.String(), want) {
			t.Errorf("body lacks %q: %s", want, rec.Body)
		}
	}
	if rec.Code >= 400 {
		checkErrorShape(t, rec)
		if after := s.snapshot(); after != before {
			t.Errorf("a refused request changed the database:\nbefore:\n%s\nafter:\n%s", before, after)
		}
	}
}

// seed creates application 1 (Acme, invited, one pending invitation) and
// application 2 (Globex, applied).
func (s *server) seed() {
	s.t.Helper()
	s.must("POST", "/api/v1/applications", `{"company":"Acme","role":"Backend Engineer","contact_name":"Dana Smith",
		"invitation":{"received_at":"`+rfc3339(start.Add(-2*time.Hour))+`","format":"video"}}`, http.StatusCreated, nil)
	s.must("POST", "/api/v1/applications", `{"company":"Globex","role":"SRE"}`, http.StatusCreated, nil)
}

func TestRefusedRequestsChangeNothing(t *testing.T) {
	s := newServer(t)
	s.seed()
	future := rfc3339(start.Add(time.Hour))
	past := rfc3339(start.Add(-2 * time.Hour))
	long := strings.Repeat("x", 201)
	const apps = "/api/v1/applications"

	for _, sc := range []scenario{
		// Bodies that are not the JSON the API expects: 400.
		{"malformed JSON", "POST", apps, `{"company": "Acme",`, "", 400, []string{`"code":"bad_request"`, "not valid JSON"}},
		{"not JSON at all", "POST", apps, `company=Acme&role=Dev`, "", 400, []string{"not valid JSON"}},
		{"wrong type", "POST", apps, `{"company": 42, "role": "Dev"}`, "", 400, []string{`"company":"company must be a string"`}},
		{"wrong type of a time", "POST", apps, `{"company":"A","role":"B","invitation":{"received_at":"yesterday"}}`, "", 400,
			[]string{`"invitation.received_at":`, "RFC 3339"}},
		{"wrong type of a nested number", "POST", apps, `{"company":"A","role":"B","invitation":{"received_at":"` + past + `","round":"two"}}`, "", 400,
			[]string{`"invitation.round":"invitation.round must be a whole number"`}},
		{"wrong type of an object", "POST", apps, `{"company":"A","role":"B","invitation":[]}`, "", 400, []string{`"invitation":"invitation must be an object"`}},
		{"unknown field", "POST", apps, `{"company":"A","role":"B","salary":100000}`, "", 400, []string{`"salary":`}},
		{"unknown nested field", "POST", apps, `{"company":"A","role":"B","invitation":{"received_at":"` + past + `","when":"x"}}`, "", 400, []string{`"when":`}},
		{"two JSON values", "POST", apps, `{"company":"A","role":"B"} {"company":"C","role":"D"}`, "", 400, []string{"exactly one JSON value"}},
		{"trailing garbage", "POST", apps, `{"company":"A","role":"B"} x`, "", 400, []string{"exactly one JSON value"}},
		{"empty body", "POST", apps, "", "", 400, []string{"body is required"}},
		{"blank body", "POST", apps, " \n ", "", 400, []string{"body is required"}},
		{"null body", "POST", apps, "null", "", 400, []string{"JSON object"}},
		{"array body", "POST", apps, `[{"company":"A","role":"B"}]`, "", 400, []string{"JSON object"}},
		{"JSON declared as text", "POST", apps, `{"company":"A","role":`, "text/plain", 415, []string{"application/json"}},
		{"body over 1 MiB", "POST", apps, `{"company":"A","role":"B","notes":"` + strings.Repeat("n", 1<<20) + `"}`, "", 413,
			[]string{`"code":"too_large"`, "1 MiB"}},

		// Hostile bytes and syntax: refused, never stored, never echoed raw.
		{"invalid UTF-8", "POST", apps, "{\"company\":\"Ac\xffme\",\"role\":\"B\"}", "", 400,
			[]string{`"company":"company must be valid UTF-8 text"`}},
		{"invalid UTF-8 nested", "POST", apps, "{\"company\":\"A\",\"role\":\"B\",\"invitation\":{\"notes\":\"\xc3\x28\"}}", "", 400,
			[]string{`"invitation.notes":`}},
		{"invalid UTF-8 in a PATCH", "PATCH", apps + "/1", "{\"notes\":\"\xed\xa0\x80\"}", "", 400, []string{`"notes":`}},
		{"escaped NUL", "POST", apps, `{"company":"Acme\u0000","role":"B"}`, "", 422, []string{`"company":`}},
		{"raw NUL", "POST", apps, "{\"company\":\"Acme\x00\",\"role\":\"B\"}", "", 400, []string{"not valid JSON"}},
		{"NUL in a note", "POST", apps + "/1/transitions", `{"to":"scheduled","note":"a\u0000b"}`, "", 422, []string{`"note":`}},
		{"year 99999", "POST", apps, `{"company":"A","role":"B","invitation":{"received_at":"99999-01-01T00:00:00Z"}}`, "", 400,
			[]string{`"invitation.received_at":`}},
		{"year 99999 on a decline", "POST", apps + "/1/decline", `{"reason":"timing","sent_at":"99999-12-31T23:59:59Z"}`, "", 400, []string{`"sent_at":`}},
		{"month 13", "POST", apps + "/2/invitations", `{"received_at":"2026-13-01T00:00:00Z"}`, "", 400, []string{`"received_at":`}},
		{"year 9999", "POST", apps + "/2/invitations", `{"received_at":"9999-12-31T23:59:59Z"}`, "", 422, []string{`"received_at":`}},
		{"huge number", "POST", apps, `{"company":"A","role":"B","invitation":{"received_at":"` + past + `","round":1e999}}`, "", 400, nil},
		{"SQL in a too-long field", "POST", apps, `{"company":"x'); DROP TABLE applications; --","role":"` + long + `"}`, "", 422, []string{`"role":`}},
		{"SQL as a status", "POST", apps, `{"company":"A","role":"B","status":"applied' OR '1'='1"}`, "", 422, []string{`"status":`}},
		{"SQL as a list filter", "GET", apps + "?status=applied'--", "", "", 422, []string{`"status":`}},
		{"SQL as a cursor", "GET", apps + "?cursor=1%20OR%201=1", "", "", 422, []string{`"cursor":`}},
		{"template syntax as a tone", "POST", apps + "/1/decline/preview", `{"reason":"timing","tone":"{{.Secret}}"}`, "", 422, []string{`"tone":`}},
		{"template syntax as a reason", "POST", apps + "/1/decline", `{"reason":"${jndi:ldap://x}"}`, "", 422, []string{`"reason":`}},
		{"HTML as a URL", "POST", apps, `{"company":"A","role":"B","job_url":"<script>alert(1)</script>"}`, "", 422, []string{`"job_url":`}},
		{"HTML as an e-mail", "PATCH", apps + "/1", `{"contact_email":"<img src=x onerror=alert(1)>@x"}`, "", 422, []string{`"contact_email":`}},
		{"HTML as a format", "POST", apps + "/2/invitations", `{"received_at":"` + past + `","format":"<b>video</b>"}`, "", 422, []string{`"format":`}},
		{"huge company", "POST", apps, `{"company":"` + strings.Repeat("é", 100000) + `","role":"B"}`, "", 422, []string{`"company":`}},

		// Well-formed bodies the service refuses: 422 naming each field.
		{"missing required", "POST", apps, `{}`, "", 422,
			[]string{`"code":"invalid"`, `"company":"company is required"`, `"role":"role is required"`}},
		{"blank required", "POST", apps, `{"company":"   ","role":"Dev"}`, "", 422, []string{`"company":"company is required"`}},
		{"invitation without received_at", "POST", apps, `{"company":"Acme","role":"Dev","invitation":{"format":"video"}}`, "", 422,
			[]string{`"invitation.received_at":"invitation.received_at is required"`}},
		{"too long", "POST", apps, `{"company":"` + long + `","role":"Dev","notes":"` + strings.Repeat("y", 20001) + `"}`, "", 422,
			[]string{"company must be at most 200 characters", `"notes":`}},
		{"bad e-mail", "POST", apps, `{"company":"A","role":"B","contact_email":"not-an-address"}`, "", 422, []string{`"contact_email":`}},
		{"bad URL", "POST", apps, `{"company":"A","role":"B","job_url":"javascript:alert(1)"}`, "", 422, []string{`"job_url":`}},
		{"control character", "POST", apps, `{"company":"A\u0007","role":"B"}`, "", 422, []string{`"company":`}},
		{"unknown status", "POST", apps, `{"company":"A","role":"B","status":"hired"}`, "", 422, []string{`"status":`}},
		{"received_at in the future", "POST", apps, `{"company":"A","role":"B","invitation":{"received_at":"` + future + `"}}`, "", 422,
			[]string{`"invitation.received_at":"invitation.received_at must not be in the future"`}},
		{"respond_by before received_at", "POST", apps,
			`{"company":"A","role":"B","invitation":{"received_at":"` + past + `","respond_by":"` + rfc3339(start.Add(-3*time.Hour)) + `"}}`, "", 422,
			[]string{`"invitation.respond_by":`}},
		{"bad invitation format", "POST", apps, `{"company":"A","role":"B","invitation":{"received_at":"` + past + `","format":"pigeon"}}`, "", 422,
			[]string{`"invitation.format":`}},
		{"invitation in the future", "POST", apps + "/2/invitations", `{"received_at":"` + future + `"}`, "", 422, []string{`"received_at":`}},
		{"invitation without received_at", "POST", apps + "/2/invitations", `{"format":"phone"}`, "", 422, []string{`"received_at":`}},

		// Updates.
		{"PATCH with status", "PATCH", apps + "/1", `{"status":"hired"}`, "", 422,
			[]string{`"status":"status changes through POST /applications/{id}/transitions"`}},
		{"PATCH with fields and status", "PATCH", apps + "/1", `{"company":"Other","status":"invited"}`, "", 422, []string{`"status":`}},
		{"PATCH too long", "PATCH", apps + "/1", `{"role":"` + long + `"}`, "", 422, []string{`"role":`}},
		{"PATCH bad e-mail", "PATCH", apps + "/1", `{"contact_email":"a@"}`, "", 422, []string{`"contact_email":`}},
		{"PATCH blank company", "PATCH", apps + "/1", `{"company":""}`, "", 422, []string{`"company":`}},
		{"PATCH empty body", "PATCH", apps + "/1", "", "", 400, []string{"body is required"}},
		{"PATCH unknown field", "PATCH", apps + "/1", `{"salary":"1"}`, "", 400, []string{`"salary":`}},

		// The stage machine.
		{"invalid state", "POST", apps + "/1/transitions", `{"to":"party"}`, "", 422, []string{`"to":`}},
		{"missing state", "POST", apps + "/1/transitions", `{}`, "", 422, []string{`"to":`}},
		{"note too long", "POST", apps + "/1/transitions", `{"to":"scheduled","note":"` + strings.Repeat("n", 2001) + `"}`, "", 422, []string{`"note":`}},
		{"forbidden transition", "POST", apps + "/2/transitions", `{"to":"hired"}`, "", 409,
			[]string{`"code":"conflict"`, `"allowed":["invited","withdrawn","rejected","ghosted"]`}},
		{"decline without a letter", "POST", apps + "/1/transitions", `{"to":"declined"}`, "", 409,
			[]string{`"allowed":["scheduled","declined","rejected","ghosted"]`, "letter"}},
		{"follow-up before a decline", "POST", apps + "/1/follow-up", "", "", 409, []string{`"code":"conflict"`}},
		{"follow-up with a bad time", "POST", apps + "/1/follow-up", `{"sent_at":"tomorrow"}`, "", 400, []string{`"sent_at":`}},

		// Declining.
		{"preview without reason", "POST", apps + "/1/decline/preview", `{}`, "", 422, []string{`"reason":`}},
		{"preview of an applied application", "POST", apps + "/2/decline/preview", `{"reason":"timing"}`, "", 409, []string{`"allowed":`}},
		{"preview with decline-only field", "POST", apps + "/1/decline/preview", `{"reason":"timing","override":true}`, "", 400, []string{`"override":`}},
		{"decline sent in the future", "POST", apps + "/1/decline", `{"reason":"timing","sent_at":"` + future + `"}`, "", 422, []string{`"sent_at":`}},
		{"decline with a number for a time", "POST", apps + "/1/decline", `{"reason":"timing","sent_at":5}`, "", 400, []string{`"sent_at":`}},
		{"decline with a number for a text", "POST", apps + "/1/decline", `{"reason":7}`, "", 400, []string{`"reason":"reason must be a string"`}},
		{"decline with a string for a flag", "POST", apps + "/1/decline", `{"reason":"timing","override":"yes"}`, "", 400,
			[]string{`"override":"override must be true or false"`}},

		// Ids and routes.
		{"unknown id", "GET", apps + "/999", "", "", 404, []string{`"code":"not_found"`}},
		{"unknown id on PATCH", "PATCH", apps + "/999", `{"company":"X"}`, "", 404, nil},
		{"unknown id on DELETE", "DELETE", apps + "/999", "", "", 404, nil},
		{"unknown id on transition", "POST", apps + "/999/transitions", `{"to":"invited"}`, "", 404, nil},
		{"unknown id on preview", "POST", apps + "/999/decline/preview", `{"reason":"timing"}`, "", 404, nil},
		{"unknown id on follow-up", "POST", apps + "/999/follow-up", "", "", 404, nil},
		{"non-numeric id", "GET", apps + "/abc", "", "", 404, []string{`"code":"not_found"`}},
		{"zero id", "GET", apps + "/0", "", "", 404, nil},
		{"negative id", "DELETE", apps + "/-1", "", "", 404, nil},
		{"id out of range", "GET", apps + "/99999999999999999999", "", "", 404, nil},
		{"fractional id", "PATCH", apps + "/1.5", `{"company":"X"}`, "", 404, nil},
		{"non-numeric id on POST", "POST", apps + "/abc/invitations", `{"received_at":"` + past + `"}`, "", 404, nil},
		{"unknown API route", "GET", "/api/v1/nope", "", "", 404, []string{`"code":"not_found"`}},
		{"unknown API route on POST", "POST", "/api/v1/nope", `{}`, "", 404, []string{`"code":"not_found"`}},
		{"unknown file", "GET", "/nope.html", "", "", 404, []string{`"code":"not_found"`}},
		{"wrong method", "PUT", apps + "/1", `{"company":"X"}`, "", 405, []string{`"code":"method_not_allowed"`}},
		{"wrong method on the collection", "DELETE", apps, "", "", 405, []string{`"code":"method_not_allowed"`}},

		// The list's query.
		{"list with a non-numeric limit", "GET", apps + "?limit=ten", "", "", 400, []string{`"limit":`}},
		{"list with too large a limit", "GET", apps + "?limit=1000", "", "", 422, []string{`"limit":`}},
		{"list with an unknown status", "GET", apps + "?status=nope", "", "", 422, []string{`"status":`}},
		{"list with a forged cursor", "GET", apps + "?cursor=bogus", "", "", 422, []string{`"cursor":`}},
		{"list in an unknown order", "GET", apps + "?sort=salary", "", "", 422, []string{`"sort":"sort must be one of newest, oldest, company, updated, applied"`}},
	} {
		t.Run(sc.name, func(t *testing.T) { s.run(t, sc) })
	}
}

func TestReadScenarios(t *testing.T) {
	s := newServer(t)
	s.seed()
	for _, sc := range []scenario{
		{"health", "GET", "/healthz", "", "", 200, []string{`{"status":"ok"}`}},
		{"health under the API", "GET", "/api/v1/healthz", "", "", 200, []string{`{"status":"ok"}`}},
		{"workflow", "GET", "/api/v1/workflow", "", "", 200, []string{`"states":["wishlist","applied","invited","scheduled"`,
			`{"from":"invited","to":"declined","action":"decline"}`, `{"from":"declined","to":"followed_up","action":"follow_up"}`}},
		{"sign-in page", "GET", "/login", "", "", 200, []string{"<title>Sign in · tracker</title>", `name="_csrf"`}},
		{"list", "GET", "/api/v1/applications", "", "", 200, []string{`"company":"Acme"`, `"company":"Globex"`, `"next_cursor":null`}},
		{"list by status", "GET", "/api/v1/applications?status=applied", "", "", 200, []string{`"company":"Globex"`}},
		{"list by query", "GET", "/api/v1/applications?q=acme", "", "", 200, []string{`"company":"Acme"`}},
		{"list with nothing found", "GET", "/api/v1/applications?status=hired", "", "", 200, []string{`{"items":[],"next_cursor":null}`}},
		{"list newest first", "GET", "/api/v1/applications?limit=1", "", "", 200, []string{`"items":[{"id":2,`, `"company":"Globex"`}},
		{"list oldest first", "GET", "/api/v1/applications?sort=oldest&limit=1", "", "", 200, []string{`"items":[{"id":1,`, `"company":"Acme"`}},
		{"detail", "GET", "/api/v1/applications/1", "", "", 200, []string{`"status":"invited"`, `"allowed_transitions":["scheduled","declined","rejected","ghosted"]`,
			`"letters":[]`, `"warnings":[]`, `"follow_up_due_at":null`, `"from":null`, `"response":"pending"`}},
		{"warnings", "GET", "/api/v1/warnings", "", "", 200, []string{`{"items":[],"next_cursor":null}`}},
		{"warnings with a page size", "GET", "/api/v1/warnings?limit=200", "", "", 200, []string{`{"items":[],"next_cursor":null}`}},
		{"warnings with a page too large", "GET", "/api/v1/warnings?limit=500", "", "", 422, []string{`"limit":"limit must be between 1 and 200"`}},
		{"warnings with a limit not a number", "GET", "/api/v1/warnings?limit=ten", "", "", 400, []string{`"limit":"limit must be a whole number"`}},
		{"warnings of a kind there is none of", "GET", "/api/v1/warnings?kind=late", "", "", 422, []string{`"kind":"kind must be one of response, follow_up`}},
		{"warnings with a cursor not given out", "GET", "/api/v1/warnings?cursor=bm90IGEgY3Vyc29y", "", "", 422, []string{`"cursor":"cursor is not one this server gave out for warnings`}},
	} {
		t.Run(sc.name, func(t *testing.T) { s.run(t, sc) })
	}
}

// TestListExcludes checks that filters leave the other applications out.
func TestListExcludes(t *testing.T) {
	s := newServer(t)
	s.seed()
	rec := s.do("GET", "/api/v1/applications?status=applied", "")
	if strings.Contains(rec.Body.String(), "Acme") {
		t.Fatalf("status=applied lists the invited application: %s", rec.Body)
	}
}

// TestHostileTextStoredVerbatim stores SQL, template and HTML text as
// plain text: the same bytes come back, JSON-escaped, the tables intact,
// and the token page shows a hostile name escaped.
func TestHostileTextStoredVerbatim(t *testing.T) {
	s := newServer(t)
	const company, role, notes = `x'); DROP TABLE applications; --`, `{{.Secret}} ${7*7}`, `<script>alert(1)</script>`
	var d struct {
		ID      int64  `json:"id"`
		Company string `json:"company"`
		Role    string `json:"role"`
		Notes   string `json:"notes"`
	}
	body := fmt.Sprintf(`{"company":%q,"role":%q,"notes":%q}`, company, role, notes)
	s.must("POST", "/api/v1/applications", body, http.StatusCreated, nil)
	rec := s.do("GET", "/api/v1/applications/1", "")
	if err := json.Unmarshal(rec.Body.Bytes(), &d); err != nil || d.Company != company || d.Role != role || d.Notes != notes {
		t.Fatalf("stored %+v (%v)", d, err)
	}
	if strings.Contains(rec.Body.String(), "<script>") {
		t.Fatalf("the JSON holds raw HTML: %s", rec.Body)
	}
	s.must("GET", "/api/v1/applications", "", http.StatusOK, nil)

	b := s.browser(t)
	b.login("sam@example.com", testPassword)
	b.post("/settings/tokens", url.Values{"token_name": {notes}}, true)
	page := b.get("/settings").Body.String()
	if strings.Contains(page, notes) || !strings.Contains(page, "&lt;script&gt;") {
		t.Fatalf("the token page does not escape the name:\n%s", page)
	}
}
