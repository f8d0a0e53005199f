package httpapi

import (
	"encoding/json"
	"net/http"
	"strconv"
	"sync"

	"github.com/labstack/echo/v4"

	"tracker/internal/api"
	"tracker/internal/apperr"
	"tracker/internal/applications"
	"tracker/internal/workflow"
)

// createApplicationRequest is the body of POST /applications: the editable
// fields, and optionally a starting status and the first invitation.
type createApplicationRequest struct {
	api.Fields
	Status     string             `json:"status"`
	Invitation *invitationRequest `json:"invitation"`
}

// patchApplicationRequest is the body of PATCH /applications/{id}: a field
// that is absent or null stays as it is. Status is there only to be refused
// with a message that says where status changes go.
type patchApplicationRequest struct {
	api.FieldsPatch
	Status json.RawMessage `json:"status"`
}

func (r createApplicationRequest) input() applications.NewApplication {
	in := applications.NewApplication{Fields: r.Fields.Domain(), Status: workflow.State(r.Status)}
	if r.Invitation != nil {
		inv := r.Invitation.input()
		in.Invitation = &inv
	}
	return in
}

func (h *handler) registerApplicationRoutes(g *echo.Group) {
	g.POST("/applications", h.handleApplicationCreate)
	g.GET("/applications", h.handleApplicationList)
	g.GET("/applications/:id", h.handleApplicationGet)
	g.PATCH("/applications/:id", h.handleApplicationPatch)
	g.DELETE("/applications/:id", h.handleApplicationDelete)
}

func (h *handler) handleApplicationCreate(c echo.Context) error {
	var req createApplicationRequest
	if err := decodeBody(c, &req, false); err != nil {
		return err
	}
	d, err := h.svc.Create(c.Request().Context(), req.input())
	if err != nil {
		return err
	}
	return writeDetail(c, http.StatusCreated, d)
}

func (h *handler) handleApplicationList(c echo.Context) error {
	f, err := listFilter(c)
	if err != nil {
		return err
	}
	page, err := h.svc.List(c.Request().Context(), f)
	if err != nil {
		return err
	}
	if wantsPretty(c) {
		return c.JSON(http.StatusOK, api.NewPage(page)) // echo indents it
	}
	return writeJSON(c, http.StatusOK, func(b []byte) []byte { return api.AppendPageOf(b, page) })
}

// writeDetail answers d with status, as JSON written without reflection
// (api.AppendDetail), or indented by echo with ?pretty and in debug mode.
func writeDetail(c echo.Context, status int, d *applications.Detail) error {
	if wantsPretty(c) {
		return c.JSON(status, api.NewDetail(d))
	}
	return writeJSON(c, status, func(b []byte) []byte { return api.AppendDetail(b, d) })
}

// wantsPretty reports whether the answer is indented, as echo indents
// with ?pretty and in debug mode. A request without a query (GET by id)
// is not parsed for one: that costs a map.
func wantsPretty(c echo.Context) bool {
	if c.Echo().Debug {
		return true
	}
	if c.Request().URL.RawQuery == "" {
		return false
	}
	_, pretty := c.QueryParams()["pretty"]
	return pretty
}

// jsonBuffers are the buffers the JSON of a detail or a list page is
// appended to: the response copies it out, and the buffer serves the next
// one, so that a request neither allocates nor clears its own.
var jsonBuffers = sync.Pool{New: func() any { return new([]byte) }}

// maxPooledJSON is the largest buffer kept for another response: the rare
// huge one is left to the garbage collector.
const maxPooledJSON = 256 << 10

// writeJSON answers status with the JSON that appendJSON appends to a
// pooled buffer, with its Content-Length: net/http sends a body of more
// than 2 KiB that it does not know the length of chunked, which costs a
// list page (about 10 KB) a third write and its client a third read (the
// last chunk's few bytes come alone), and a detail of 2 to 4 KB two
// writes instead of one.
func writeJSON(c echo.Context, status int, appendJSON func([]byte) []byte) error {
	buf := jsonBuffers.Get().(*[]byte)
	b := appendJSON((*buf)[:0])
	c.Response().Header()[echo.HeaderContentLength] = []string{strconv.Itoa(len(b))}
	err := c.JSONBlob(status, b)
	if cap(b) <= maxPooledJSON {
		*buf = b[:0]
		jsonBuffers.Put(buf)
	}
	return err
}

// listFilter reads the query of GET /applications. Only the shape of limit
// is checked here; the service checks the values.
func listFilter(c echo.Context) (applications.ListFilter, error) {
	f := applications.ListFilter{
		Status: workflow.State(c.QueryParam("status")),
		Query:  c.QueryParam("q"),
		Sort:   applications.ListSort(c.QueryParam("sort")),
		Cursor: c.QueryParam("cursor"),
	}
	var err error
	f.Limit, err = limitParam(c)
	return f, err
}

// limitParam reads the limit of a page, zero when absent. Only its shape
// is checked here; the service checks its value.
func limitParam(c echo.Context) (int, error) {
	s := c.QueryParam("limit")
	if s == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil {
		return 0, badRequest("limit must be a whole number", map[string]string{"limit": "limit must be a whole number"})
	}
	return n, nil
}

func (h *handler) handleApplicationGet(c echo.Context) error {
	id, err := pathID(c)
	if err != nil {
		return err
	}
	d, err := h.svc.Get(c.Request().Context(), id)
	if err != nil {
		return err
	}
	return writeDetail(c, http.StatusOK, d)
}

func (h *handler) handleApplicationPatch(c echo.Context) error {
	id, err := pathID(c)
	if err != nil {
		return err
	}
	var req patchApplicationRequest
	if err := decodeBody(c, &req, false); err != nil {
		return err
	}
	if req.Status != nil {
		return &apperr.Error{Code: apperr.EINVALID, Message: "status cannot be patched",
			Fields: map[string]string{"status": "status changes through POST /applications/{id}/transitions"}}
	}
	d, err := h.svc.Update(c.Request().Context(), id, req.Domain())
	if err != nil {
		return err
	}
	return writeDetail(c, http.StatusOK, d)
}

func (h *handler) handleApplicationDelete(c echo.Context) error {
	id, err := pathID(c)
	if err != nil {
		return err
	}
	if err := h.svc.Delete(c.Request().Context(), id); err != nil {
		return err
	}
	return c.NoContent(http.StatusNoContent)
}
