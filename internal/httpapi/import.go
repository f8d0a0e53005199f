package httpapi

import (
	"errors"
	"io"
	"mime"
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"

	"tracker/internal/api"
	"tracker/internal/apperr"
	"tracker/internal/invite"
)

// inviteDraftResponse is the answer of POST /import/invitation without
// create: the draft to confirm.
type inviteDraftResponse struct {
	Draft api.InviteDraft `json:"draft"`
}

func (h *handler) registerImportRoutes(g *echo.Group) {
	g.POST("/import/invitation", h.handleImportInvitation)
}

// handleImportInvitation reads a calendar invite or an e-mail, sent as the
// multipart field "file" or as the raw body, and answers its draft; with
// ?create=true it logs it as a new invited application. company and role,
// as query or form fields, replace the guessed ones.
func (h *handler) handleImportInvitation(c echo.Context) error {
	create, err := boolQuery(c, "create")
	if err != nil {
		return err
	}
	name, data, err := uploadedFile(c, "file")
	if err != nil {
		return err
	}
	d, err := invite.Parse(name, data)
	if err != nil {
		return err
	}
	for field, dst := range map[string]*string{"company": &d.Company, "role": &d.Role} {
		if v := strings.TrimSpace(c.FormValue(field)); v != "" {
			*dst = v
		}
	}
	if !create {
		return c.JSON(http.StatusOK, inviteDraftResponse{Draft: api.InviteDraftOf(d)})
	}
	det, err := h.svc.ImportInvitation(c.Request().Context(), d)
	if err != nil {
		return err
	}
	return writeDetail(c, http.StatusCreated, det)
}

// uploadedFile returns the named multipart file, or the raw body when the
// request is not multipart.
func uploadedFile(c echo.Context, field string) (string, []byte, error) {
	mt, _, _ := mime.ParseMediaType(c.Request().Header.Get(echo.HeaderContentType))
	if mt != echo.MIMEMultipartForm {
		data, err := io.ReadAll(c.Request().Body)
		return "", data, readError(err)
	}
	fh, err := c.FormFile(field)
	if err != nil {
		if errors.Is(err, http.ErrMissingFile) {
			return "", nil, apperr.Invalid(map[string]string{field: "send the invitation file in the form field \"" + field + "\""})
		}
		return "", nil, readError(err)
	}
	f, err := fh.Open()
	if err != nil {
		return "", nil, readError(err)
	}
	defer f.Close()
	data, err := io.ReadAll(f)
	return fh.Filename, data, readError(err)
}

// readError maps a failed body read to 413 or 400.
func readError(err error) error {
	if err == nil {
		return nil
	}
	var tooLarge *http.MaxBytesError
	if errors.As(err, &tooLarge) {
		return echo.ErrStatusRequestEntityTooLarge
	}
	return badRequest("the request body could not be read", nil)
}

// boolQuery reads a true/false query parameter; absent is false.
func boolQuery(c echo.Context, name string) (bool, error) {
	switch strings.ToLower(c.QueryParam(name)) {
	case "", "false", "0", "no":
		return false, nil
	case "true", "1", "yes":
		return true, nil
	}
	return false, badRequest(name+" must be true or false", map[string]string{name: "must be true or false"})
}
