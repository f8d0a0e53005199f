package httpapi

import (
	"fmt"
	"mime"
	"net/http"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"

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
	ctx := c.Request().Context()
	d, err := h.svc.Get(ctx, appID)
	if err != nil {
		return err
	}
	kind, ok := letterKind(d.Letters, letterID)
	if !ok {
		return letterNotFound()
	}
	eml, err := h.svc.LetterEML(ctx, appID, letterID)
	if err != nil {
		return err
	}
	return attachEML(c, emlFilename(d.Company, kind, strconv.FormatInt(letterID, 10)), eml)
}

// handleDeclinePreviewEML writes the preview, or the user's edit of it, as
// an .eml draft; nothing is stored.
func (h *handler) handleDeclinePreviewEML(c echo.Context) error {
	a, p, err := h.preview(c)
	if err != nil {
		return err
	}
	eml, err := h.svc.DraftEML(c.Request().Context(), a.ID, p.Subject, p.Body)
	if err != nil {
		return err
	}
	return attachEML(c, emlFilename(a.Company, applications.LetterDecline, "draft"), eml)
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
	return applications.Errorf(applications.ENOTFOUND, "letter not found")
}

// letterKind returns the kind of the letter with the id among ls.
func letterKind(ls []applications.Letter, id int64) (string, bool) {
	for _, l := range ls {
		if l.ID == id {
			return l.Kind, true
		}
	}
	return "", false
}

// attachEML answers with an .eml file to save under name.
func attachEML(c echo.Context, name string, eml []byte) error {
	hdr := c.Response().Header()
	hdr.Set(echo.HeaderContentDisposition, mime.FormatMediaType("attachment", map[string]string{"filename": name}))
	hdr.Set(echo.HeaderXContentTypeOptions, "nosniff")
	return c.Blob(http.StatusOK, emlContentType, eml)
}

// emlFilename is "<company>-<kind>-<id>.eml" with the company cut down to
// ASCII letters, digits and dashes, so that no file system or browser
// trips over it.
func emlFilename(company, kind, id string) string {
	return fileSlug(company) + "-" + kind + "-" + id + ".eml"
}

// fileSlug keeps the ASCII letters and digits of s and joins the runs of
// them with single dashes; an s with none is "application".
func fileSlug(s string) string {
	var b strings.Builder
	gap := false
	for _, r := range s {
		if !('a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9') {
			gap = true
			continue
		}
		if gap && b.Len() > 0 {
			b.WriteByte('-')
		}
		gap = false
		b.WriteRune(r)
	}
	if b.Len() == 0 {
		return "application"
	}
	return b.String()
}

// letterURL is where a stored letter downloads as an .eml draft.
func letterURL(appID, letterID int64) string {
	return fmt.Sprintf("%s/applications/%d/letters/%d.eml", apiPrefix, appID, letterID)
}
