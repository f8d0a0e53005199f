package httpapi_test

import (
	"encoding/json"
	"net/http"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"
)

// requiredSetups put a fresh server in the state each route with a JSON
// body needs (application 1 in the right stage, a profile that signs the
// letters), keyed by "METHOD path" as the OpenAPI document names it.
var requiredSetups = map[string]func(s *server){
	"POST /applications":                            func(*server) {},
	"PATCH /applications/{id}":                      applied,
	"POST /applications/{id}/invitations":           applied,
	"PATCH /applications/{id}/invitations/{inv_id}": invited,
	"POST /applications/{id}/transitions":           applied,
	"POST /applications/{id}/decline/preview":       invited,
	"POST /applications/{id}/decline/preview.eml":   invited,
	"POST /applications/{id}/decline":               invited,
	"POST /applications/{id}/follow-up/preview":     declined,
	"POST /applications/{id}/follow-up/preview.eml": declined,
	"POST /applications/{id}/follow-up":             declined,
	"POST /applications/{id}/withdrawal/preview":    applied,
	"POST /applications/{id}/withdrawal":            applied,
	"PATCH /settings":                               func(*server) {},
	"PATCH /reminders/settings":                     func(*server) {},
	"PATCH /settings/profile":                       func(*server) {},
	"POST /me/password":                             func(*server) {},
	"POST /tokens":                                  func(*server) {},
}

// requiredSamples are valid values of the fields a request may require.
var requiredSamples = map[string]any{
	"company": "Acme", "role": "Dev", "received_at": "2026-03-02T09:00:00Z", "to": "invited", "reason": "timing",
	"current_password": testPassword, "new_password": "a brand new passphrase for 2026", "name": "ci",
}

func applied(s *server) {
	s.t.Helper()
	s.must("PATCH", "/api/v1/settings/profile", `{"name":"Sam Lee"}`, http.StatusOK, nil)
	s.must("POST", "/api/v1/applications", `{"company":"Acme","role":"Dev"}`, http.StatusCreated, nil)
}

func invited(s *server) {
	s.t.Helper()
	s.must("PATCH", "/api/v1/settings/profile", `{"name":"Sam Lee"}`, http.StatusOK, nil)
	s.must("POST", "/api/v1/applications", `{"company":"Acme","role":"Dev","invitation":{"received_at":"`+
		start.Add(-2*time.Hour).Format(time.RFC3339)+`"}}`, http.StatusCreated, nil)
}

func declined(s *server) {
	s.t.Helper()
	invited(s)
	s.must("POST", "/api/v1/applications/1/decline", `{"reason":"timing"}`, http.StatusOK, nil)
}

// TestOpenAPIRequired compares each request body's required list in the
// OpenAPI document with what the server does: a body holding only the
// required fields succeeds, and a body without one of them is refused
// (400 or 422) with a message naming it. So a field the document calls
// required is one a client really must send, and no other is.
func TestOpenAPIRequired(t *testing.T) {
	var doc struct {
		Paths map[string]map[string]struct {
			RequestBody struct {
				Content map[string]struct {
					Schema struct {
						Ref string `json:"$ref"`
					} `json:"schema"`
				} `json:"content"`
			} `json:"requestBody"`
		} `json:"paths"`
		Components struct {
			Schemas map[string]struct {
				Required []string `json:"required"`
			} `json:"schemas"`
		} `json:"components"`
	}
	newServer(t).must("GET", "/api/v1/openapi.json", "", http.StatusOK, &doc)
	type body struct{ route, schema string }
	var routes []body
	for path, ops := range doc.Paths {
		for method, op := range ops {
			if ref := op.RequestBody.Content["application/json"].Schema.Ref; ref != "" {
				routes = append(routes, body{strings.ToUpper(method) + " " + path, strings.TrimPrefix(ref, "#/components/schemas/")})
			}
		}
	}
	sort.Slice(routes, func(i, j int) bool { return routes[i].route < routes[j].route })
	for _, r := range routes {
		route, required := r.route, doc.Components.Schemas[r.schema].Required
		t.Run(route, func(t *testing.T) {
			setup, ok := requiredSetups[route]
			if !ok {
				t.Fatalf("no setup for %s: add one to requiredSetups", route)
			}
			method, path, _ := strings.Cut(route, " ")
			url := "/api/v1" + strings.NewReplacer("{id}", "1", "{inv_id}", "1").Replace(path)
			minimal := map[string]any{}
			for _, f := range required {
				v, ok := requiredSamples[f]
				if !ok {
					t.Fatalf("no sample value for the required field %s", f)
				}
				minimal[f] = v
			}
			s := newServer(t)
			setup(s)
			if rec := s.do(method, url, encode(t, minimal)); rec.Code >= 300 {
				t.Fatalf("with only the required fields %v: %d %s", required, rec.Code, rec.Body)
			}
			for _, f := range required {
				s := newServer(t)
				setup(s)
				without := map[string]any{}
				for k, v := range minimal {
					if k != f {
						without[k] = v
					}
				}
				rec := s.do(method, url, encode(t, without))
				if !slices.Contains([]int{http.StatusBadRequest, http.StatusUnprocessableEntity}, rec.Code) || !strings.Contains(rec.Body.String(), f) {
					t.Errorf("without the required field %s: %d %s", f, rec.Code, rec.Body)
				}
			}
		})
	}
	if len(routes) != len(requiredSetups) {
		t.Errorf("%d routes take a JSON body in the document, %d setups", len(routes), len(requiredSetups))
	}
}

func encode(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
