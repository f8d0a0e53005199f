package httpapi_test

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// TestStrictJSONRefused sends what encoding/json would take silently: each
// is the same clear JSON 4xx, and nothing is written.
func TestStrictJSONRefused(t *testing.T) {
	s := newServer(t)
	s.seed()
	before := s.snapshot()
	const apps = "/api/v1/applications"
	for _, sc := range []struct {
		name, method, url, body, contentType string
		status                               int
		want                                 string
	}{
		{"lone high surrogate", "POST", apps, `{"company":"Acme \ud83d","role":"Dev"}`, "", 400, `\\ud83d`},
		{"lone low surrogate", "PATCH", apps + "/1", `{"notes":"x \uDC00 y"}`, "", 400, `\\uDC00`},
		{"duplicated key", "POST", apps, `{"company":"Acme","role":"Dev","company":"Evil"}`, "", 400, `"company"`},
		{"duplicated nested key", "POST", apps, `{"company":"Acme","role":"Dev","invitation":{"format":"video","format":"phone"}}`, "", 400, `"format"`},
		{"offset +24:00", "POST", apps + "/2/transitions", `{"to":"invited","at":"2026-03-01T09:00:00+24:00"}`, "", 400, `"at"`},
		{"offset +14:60", "POST", apps + "/2/transitions", `{"to":"invited","at":"2026-03-01T09:00:00+14:60"}`, "", 400, `"at"`},
		{"form content type", "POST", apps, `{"company":"Acme","role":"Dev"}`, "application/x-www-form-urlencoded", 415, "application/json"},
		{"text content type", "PATCH", apps + "/1", `{"notes":"x"}`, "text/plain", 415, "application/json"},
		{"no content type", "POST", apps, `{"company":"Acme","role":"Dev"}`, "none", 415, "Content-Type: application/json"},
	} {
		t.Run(sc.name, func(t *testing.T) {
			req := httptest.NewRequest(sc.method, sc.url, strings.NewReader(sc.body))
			req.Header.Set("Authorization", "Bearer "+s.token)
			req.Header.Set("Content-Type", "application/json")
			switch sc.contentType {
			case "":
			case "none":
				req.Header.Del("Content-Type")
			default:
				req.Header.Set("Content-Type", sc.contentType)
			}
			rec := s.send(t, req)
			if rec.Code != sc.status || !strings.Contains(rec.Body.String(), sc.want) {
				t.Fatalf("%d %s; want %d mentioning %s", rec.Code, rec.Body, sc.status, sc.want)
			}
			checkErrorShape(t, rec)
		})
	}
	if s.snapshot() != before {
		t.Fatal("a refused request wrote something")
	}
	ok := `{"company":"Caf\u00e9 \ud83d\ude00","role":"Dev","applied_at":"2026-03-01T09:00:00+14:00"}`
	if rec := s.do("POST", apps, ok); rec.Code != http.StatusCreated {
		t.Fatalf("a surrogate pair and +14:00 = %d: %s", rec.Code, rec.Body)
	}
}
