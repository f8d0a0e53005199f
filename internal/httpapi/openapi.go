package httpapi

import (
	"encoding/json"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"sync"

	"github.com/labstack/echo/v4"

	"tracker/internal/api"
	"tracker/internal/applications"
	"tracker/internal/exchange"
)

// operation is one route of the API as the OpenAPI document describes it:
// its request body type (nil for none), its success status and the type
// it answers with (nil for no body), or the media type of a file answer.
type operation struct {
	method, path, summary string
	request               any
	status                int
	response              any
	media                 string // for file answers: message/rfc822, text/csv, ...
	upload                bool   // takes a file, as multipart field "file" or the raw body
	query                 []queryParam
}

// queryParam is one query parameter of an operation; enum lists its
// values when they are fixed.
type queryParam struct {
	name, description string
	enum              []string
}

// listQuery are the query parameters of GET /applications.
var listQuery = []queryParam{
	{name: "status", description: "only applications in this stage"},
	{name: "q", description: "full-text search: every word (or a word it begins) in the company, role, contact, location or notes"},
	{name: "sort", description: "the order, newest first by default", enum: sortNames()},
	{name: "limit", description: "how many a page holds, 1 to 200"},
	{name: "cursor", description: "the next_cursor of the page before, with the same sort"},
}

// sortNames are the orders of a list, for the document.
func sortNames() []string {
	out := make([]string, len(applications.ListSorts))
	for i, s := range applications.ListSorts {
		out[i] = string(s)
	}
	return out
}

// operations lists every route under /api/v1; a test checks that the
// router has no other and that real answers match.
var operations = []operation{
	{method: "POST", path: "/applications", summary: "Create an application", request: createApplicationRequest{}, status: 201, response: api.Detail{}},
	{method: "GET", path: "/applications", summary: "List applications, newest first unless sort says otherwise", status: 200, response: api.Page{}, query: listQuery},
	{method: "GET", path: "/applications/{id}", summary: "An application with everything that hangs off it", status: 200, response: api.Detail{}},
	{method: "PATCH", path: "/applications/{id}", summary: "Change an application's fields", request: patchApplicationRequest{}, status: 200, response: api.Detail{}},
	{method: "DELETE", path: "/applications/{id}", summary: "Delete an application", status: 204},
	{method: "POST", path: "/applications/{id}/invitations", summary: "Log a round of invitation", request: invitationRequest{}, status: 201, response: api.Detail{}},
	{method: "PATCH", path: "/applications/{id}/invitations/{inv_id}", summary: "Edit or reschedule an invitation", request: invitationPatchRequest{}, status: 200, response: api.Detail{}},
	{method: "GET", path: "/applications/{id}/invitations/{inv_id}/answer.eml", summary: "An e-mail answering an imported calendar invite (iTIP reply)", status: 200, media: emlContentType,
		query: []queryParam{{name: "answer", description: "accept or decline", enum: []string{"accept", "decline"}}}},
	{method: "POST", path: "/applications/{id}/transitions", summary: "Move an application", request: transitionRequest{}, status: 200, response: api.Detail{}},
	{method: "POST", path: "/applications/{id}/decline/preview", summary: "Preview a decline letter", request: declinePreviewRequest{}, status: 200, response: previewResponse{}},
	{method: "POST", path: "/applications/{id}/decline/preview.eml", summary: "The preview as an e-mail draft", request: declineRequest{}, status: 200, media: emlContentType},
	{method: "POST", path: "/applications/{id}/decline", summary: "Decline, storing the letter", request: declineRequest{}, status: 200, response: api.Detail{}},
	{method: "POST", path: "/applications/{id}/follow-up/preview", summary: "Preview the follow-up letter (confirm or thanks), or check an edit of it", request: followUpPreviewRequest{}, status: 200, response: previewResponse{}},
	{method: "POST", path: "/applications/{id}/follow-up/preview.eml", summary: "The follow-up preview as an e-mail draft replying to the decline", request: followUpPreviewRequest{}, status: 200, media: emlContentType},
	{method: "POST", path: "/applications/{id}/follow-up", summary: "Record the follow-up, storing its letter", request: followUpRequest{}, status: 200, response: api.Detail{}},
	{method: "POST", path: "/applications/{id}/withdrawal/preview", summary: "Preview the letter that withdraws an application", request: declinePreviewRequest{}, status: 200, response: previewResponse{}},
	{method: "POST", path: "/applications/{id}/withdrawal", summary: "Withdraw an application; with a reason, storing its letter", request: withdrawRequest{}, status: 200, response: api.Detail{}},
	{method: "GET", path: "/applications/{id}/letters/{file}", summary: "A stored letter as an e-mail draft ({letter_id}.eml)", status: 200, media: emlContentType},
	{method: "GET", path: "/settings", summary: "Your settings", status: 200, response: api.Settings{}},
	{method: "PATCH", path: "/settings", summary: "Change your settings", request: settingsPatchRequest{}, status: 200, response: api.Settings{}},
	{method: "GET", path: "/reminders", summary: "Your newest reminders and how their delivery went", status: 200, response: api.Reminders{},
		query: []queryParam{{name: "limit", description: "how many, 1 to 200 (default 50)"}}},
	{method: "GET", path: "/reminders/settings", summary: "Where your reminders go", status: 200, response: api.ReminderSettings{}},
	{method: "PATCH", path: "/reminders/settings", summary: "Change where your reminders go", request: reminderSettingsRequest{}, status: 200, response: api.ReminderSettings{}},
	{method: "POST", path: "/reminders/test", summary: "Queue a test reminder on each channel", status: 202, response: api.Reminders{}},
	{method: "GET", path: "/settings/profile", summary: "Your sender profile", status: 200, response: api.Profile{}},
	{method: "PATCH", path: "/settings/profile", summary: "Change your sender profile", request: profilePatchRequest{}, status: 200, response: api.Profile{}},
	{method: "GET", path: "/warnings", summary: "Answers, follow-ups and stale stages due or late, most urgent first, a page at a time", status: 200, response: api.Warnings{}, query: warningQuery},
	{method: "GET", path: "/workflow", summary: "The stages and moves", status: 200, response: workflowResponse{}},
	{method: "GET", path: "/me", summary: "Who you are", status: 200, response: meView{}},
	{method: "POST", path: "/me/password", summary: "Change your password", request: passwordChangeRequest{}, status: 204},
	{method: "GET", path: "/csrf", summary: "The CSRF token for session scripts", status: 200, response: csrfView{}},
	{method: "GET", path: "/tokens", summary: "Your API tokens", status: 200, response: tokenListResponse{}},
	{method: "POST", path: "/tokens", summary: "Create an API token (shown once)", request: tokenCreateRequest{}, status: 201, response: newTokenView{}},
	{method: "DELETE", path: "/tokens/{id}", summary: "Revoke an API token", status: 204},
	{method: "POST", path: "/import/invitation", summary: "Read a calendar invite or e-mail into a draft; ?create=true logs it", upload: true, status: 200, response: inviteDraftResponse{},
		query: []queryParam{{name: "create", description: "true logs the invitation instead of answering a draft", enum: []string{"true", "false"}}}},
	{method: "POST", path: "/calendar/feed", summary: "A new secret calendar feed URL", status: 201, response: feedResponse{}},
	{method: "DELETE", path: "/calendar/feed", summary: "End the calendar feed", status: 204},
	{method: "GET", path: "/export", summary: "Every application as a JSON backup or (?format=csv) a CSV sheet", status: 200, response: exchange.Backup{}, media: "text/csv",
		query: []queryParam{{name: "format", description: "json (the default) or csv", enum: []string{"json", "csv"}}}},
	{method: "POST", path: "/import", summary: "Add applications from a JSON backup or a CSV sheet", upload: true, status: 200, response: importResponse{},
		query: []queryParam{{name: "format", description: "json or csv; read from the file when absent", enum: []string{"json", "csv"}}}},
	{method: "GET", path: "/healthz", summary: "The server is up", status: 200, response: map[string]string{}},
	{method: "GET", path: "/openapi.json", summary: "This document", status: 200, response: map[string]any{}},
}

// extraResponses are the other successes of some routes.
var extraResponses = map[string]map[int]any{
	"POST /import/invitation": {201: api.Detail{}},
}

var pathParam = regexp.MustCompile(`\{([a-z_]+)\}`)

var (
	openAPIOnce sync.Once
	openAPIDoc  []byte
)

// OpenAPI returns the OpenAPI 3 document of the API.
func OpenAPI() []byte {
	openAPIOnce.Do(func() {
		s := &schemas{defs: map[string]any{}}
		paths := map[string]map[string]any{}
		for _, op := range operations {
			if paths[op.path] == nil {
				paths[op.path] = map[string]any{}
			}
			paths[op.path][strings.ToLower(op.method)] = s.operation(op)
		}
		doc := map[string]any{
			"openapi": "3.0.3",
			"info":    map[string]any{"title": "tracker API", "version": "1"},
			"servers": []any{map[string]any{"url": apiPrefix}},
			"paths":   paths,
			"components": map[string]any{"schemas": s.defs, "securitySchemes": map[string]any{
				"token": map[string]any{"type": "http", "scheme": "bearer"}}},
			"security": []any{map[string]any{"token": []any{}}},
		}
		openAPIDoc, _ = json.MarshalIndent(doc, "", "  ")
	})
	return openAPIDoc
}

func (s *schemas) operation(op operation) map[string]any {
	responses := map[string]any{"default": map[string]any{"description": "an error",
		"content": map[string]any{"application/json": map[string]any{"schema": s.ref(errorResponse{})}}}}
	responses[strconv.Itoa(op.status)] = s.response(op, op.response)
	for status, t := range extraResponses[op.method+" "+op.path] {
		responses[strconv.Itoa(status)] = s.response(operation{}, t)
	}
	out := map[string]any{"summary": op.summary, "responses": responses}
	var params []any
	for _, m := range pathParam.FindAllStringSubmatch(op.path, -1) {
		params = append(params, map[string]any{"name": m[1], "in": "path", "required": true, "schema": map[string]any{"type": "string"}})
	}
	for _, q := range op.query {
		schema := map[string]any{"type": "string"}
		if q.enum != nil {
			schema["enum"] = q.enum
		}
		params = append(params, map[string]any{"name": q.name, "in": "query", "description": q.description, "schema": schema})
	}
	if params != nil {
		out["parameters"] = params
	}
	switch {
	case op.upload:
		out["requestBody"] = map[string]any{"required": true, "content": map[string]any{
			"multipart/form-data":      map[string]any{"schema": map[string]any{"type": "object", "properties": map[string]any{"file": map[string]any{"type": "string", "format": "binary"}}}},
			"application/octet-stream": map[string]any{"schema": map[string]any{"type": "string", "format": "binary"}}}}
	case op.request != nil:
		out["requestBody"] = map[string]any{"content": map[string]any{"application/json": map[string]any{"schema": s.ref(op.request)}}}
	}
	return out
}

func (s *schemas) response(op operation, t any) map[string]any {
	r := map[string]any{"description": "success"}
	content := map[string]any{}
	if t != nil {
		content["application/json"] = map[string]any{"schema": s.ref(t)}
	}
	if op.media != "" {
		content[op.media] = map[string]any{"schema": map[string]any{"type": "string", "format": "binary"}}
	}
	if len(content) > 0 {
		r["content"] = content
	}
	return r
}

func (h *handler) registerOpenAPIRoutes(g *echo.Group) {
	g.GET("/openapi.json", func(c echo.Context) error {
		return c.Blob(http.StatusOK, echo.MIMEApplicationJSON, OpenAPI())
	})
}
