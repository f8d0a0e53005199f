package httpapi

import (
	"mime"
	"net/http"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"

	"tracker/internal/apperr"
	"tracker/internal/applications"
)

// The hand-off: letters as .eml files the user's mail program opens as
// drafts. The mailto: links ride along in the letter and preview views.

// emlContentType is the media type of a saved e-mail message.
const emlContentType = "message/rfc822"

func (h *handler) registerHandoffRoutes(g *echo.Group) {
	// Echo cannot match a suffix after a parameter, so the whole file name
	// is the parameter and the handler takes ".eml" off.
	g.GET("/applications/:id/letters/:file", h.handleLetterEML)
	g.POST("/applications/:id/decline/preview.eml", h.handleDeclinePreviewEML)
}

// handleLetterEML downloads a stored letter as an .eml draft.
func (h *handler) handleLetterEML(c echo.Context) error {
	appID, err := pathID(c)
	if err != nil {
		return err
	}
	letterID, err := letterFileID(c.Param("file"))
	if err != nil {
		return err
	}
	eml, err := h.svc.LetterEML(c.Request().Context(), appID, letterID)
	if err != nil {
		return err
	}
	return attachEML(c, eml)
}

// handleDeclinePreviewEML writes the preview, or the user's edit of it, as
// an .eml draft; nothing is stored.
func (h *handler) handleDeclinePreviewEML(c echo.Context) error {
	id, p, err := h.preview(c)
	if err != nil {
		return err
	}
	eml, err := h.svc.DraftEML(c.Request().Context(), id, p.Subject, p.Body)
	if err != nil {
		return err
	}
	return attachEML(c, eml)
}

// letterFileID reads "{letter_id}.eml"; any other name is no letter.
func letterFileID(file string) (int64, error) {
	s, ok := strings.CutSuffix(file, ".eml")
	if !ok {
		return 0, letterNotFound()
	}
	id, err := strconv.ParseInt(s, 10, 64)
	if err != nil || id <= 0 {
		return 0, letterNotFound()
	}
	return id, nil
}

func letterNotFound() error {
	return apperr.Errorf(apperr.ENOTFOUND, "letter not found")
}

// attachEML answers with an .eml file to save.
func attachEML(c echo.Context, eml *applications.EML) error {
	hdr := c.Response().Header()
	hdr.Set(echo.HeaderContentDisposition, mime.FormatMediaType("attachment", map[string]string{"filename": eml.Filename}))
	hdr.Set(echo.HeaderXContentTypeOptions, "nosniff")
	return c.Blob(http.StatusOK, emlContentType, eml.Data)
}
