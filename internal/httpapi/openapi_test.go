package httpapi_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers"
	"github.com/getkin/kin-openapi/routers/gorillamux"
	"github.com/labstack/echo/v4"

	"tracker/internal/httpapi"
)

var (
	specOnce   sync.Once
	specRouter routers.Router
	specErr    error
)

// spec loads and validates the OpenAPI document once per test binary.
func spec() (routers.Router, error) {
	specOnce.Do(func() {
		for _, ct := range []string{"message/rfc822", "text/csv", "text/calendar"} {
			openapi3filter.RegisterBodyDecoder(ct, openapi3filter.FileBodyDecoder)
		}
		doc, err := openapi3.NewLoader().LoadFromData(httpapi.OpenAPI())
		if err == nil {
			err = doc.Validate(context.Background())
		}
		if err == nil {
			specRouter, err = gorillamux.NewRouter(doc)
		}
		specErr = err
	})
	return specRouter, specErr
}

// checkOpenAPI validates an answer of the API against the OpenAPI
// document; every request of every test in this package goes through it,
// so the document stays true to the real answers.
func checkOpenAPI(t testing.TB, req *http.Request, rec *httptest.ResponseRecorder) {
	t.Helper()
	if !strings.HasPrefix(req.URL.Path, "/api/v1/") || req.Method == http.MethodOptions || req.Method == http.MethodHead {
		return
	}
	router, err := spec()
	if err != nil {
		t.Fatalf("the OpenAPI document is not valid: %v", err)
	}
	route, params, err := router.FindRoute(req)
	if err != nil {
		return // an unknown route; TestOpenAPICoversEveryRoute catches routes the document lacks
	}
	in := &openapi3filter.ResponseValidationInput{
		RequestValidationInput: &openapi3filter.RequestValidationInput{Request: req, PathParams: params, Route: route},
		Status:                 rec.Code, Header: rec.Header(), Options: &openapi3filter.Options{IncludeResponseStatus: true},
	}
	in.SetBodyBytes(rec.Body.Bytes())
	if err := openapi3filter.ValidateResponse(context.Background(), in); err != nil {
		t.Errorf("%s %s answered %d, not as the OpenAPI document says: %v\n%.500s", req.Method, req.URL.Path, rec.Code, err, rec.Body)
	}
}

// TestOpenAPICoversEveryRoute checks that the document lists every route
// under /api/v1 and no other, and that the server serves it.
func TestOpenAPICoversEveryRoute(t *testing.T) {
	s := newServer(t)
	var routes, documented []string
	for _, r := range s.h.(*echo.Echo).Routes() {
		if p, ok := strings.CutPrefix(r.Path, "/api/v1"); ok && p != "" {
			routes = append(routes, r.Method+" "+echoToOpenAPI(p))
		}
	}
	var doc struct {
		Paths map[string]map[string]any `json:"paths"`
	}
	s.must("GET", "/api/v1/openapi.json", "", http.StatusOK, &doc)
	for p, ops := range doc.Paths {
		for m := range ops {
			documented = append(documented, strings.ToUpper(m)+" "+p)
		}
	}
	sort.Strings(routes)
	sort.Strings(documented)
	if strings.Join(routes, "\n") != strings.Join(documented, "\n") {
		t.Errorf("routes:\n%s\n\ndocumented:\n%s", strings.Join(routes, "\n"), strings.Join(documented, "\n"))
	}
}

func echoToOpenAPI(p string) string {
	parts := strings.Split(p, "/")
	for i, s := range parts {
		if name, ok := strings.CutPrefix(s, ":"); ok {
			parts[i] = "{" + name + "}"
		}
	}
	return strings.Join(parts, "/")
}
