package httpapi

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"tracker/internal/applications"
)

// followUpPreviewRequest is the body of POST .../follow-up/preview: the
// kind of follow-up, its wording, and the user's edit to check.
type followUpPreviewRequest struct {
	// Kind is confirm (no answer yet) or thanks (the employer replied);
	// empty is confirm.
	Kind    string  `json:"kind"`
	Variant int     `json:"variant"`
	Subject *string `json:"subject"`
	Body    *string `json:"body"`
}

// followUpRequest is the optional body of POST .../follow-up: the
// preview's fields, a note for the history, when it was sent, and whether
// to store an edit that fails a check.
type followUpRequest struct {
	Kind     string     `json:"kind"`
	Variant  int        `json:"variant"`
	Subject  *string    `json:"subject"`
	Body     *string    `json:"body"`
	Note     string     `json:"note"`
	SentAt   *timestamp `json:"sent_at"`
	Override bool       `json:"override"`
}

func (h *handler) registerFollowUpRoutes(g *echo.Group) {
	g.POST("/applications/:id/follow-up/preview", h.handleFollowUpPreview)
	g.POST("/applications/:id/follow-up/preview.eml", h.handleFollowUpPreviewEML)
	g.POST("/applications/:id/follow-up", h.handleFollowUp)
}

func (h *handler) handleFollowUpPreview(c echo.Context) error {
	_, p, err := h.followUpPreview(c)
	if err != nil {
		return err
	}
	return writePreview(c, newPreviewResponse(p))
}

// handleFollowUpPreviewEML writes the follow-up preview, or the user's edit
// of it, as an .eml draft that replies to the decline; nothing is stored.
func (h *handler) handleFollowUpPreviewEML(c echo.Context) error {
	id, p, err := h.followUpPreview(c)
	if err != nil {
		return err
	}
	eml, err := h.svc.DraftFollowUpEML(c.Request().Context(), id, p.Subject, p.Body)
	if err != nil {
		return err
	}
	return attachEML(c, eml)
}

// followUpPreview decodes a follow-up preview request and returns the
// letter with the id of the application it is for.
func (h *handler) followUpPreview(c echo.Context) (int64, *applications.Preview, error) {
	id, err := pathID(c)
	if err != nil {
		return 0, nil, err
	}
	var req followUpPreviewRequest
	if err := decodeBody(c, &req, true); err != nil {
		return 0, nil, err
	}
	in := applications.FollowUpInput{Kind: req.Kind, Variant: req.Variant, Subject: req.Subject, Body: req.Body}
	p, err := h.svc.PreviewFollowUp(c.Request().Context(), id, in)
	return id, p, err
}

func (h *handler) handleFollowUp(c echo.Context) error {
	id, err := pathID(c)
	if err != nil {
		return err
	}
	var req followUpRequest
	if err := decodeBody(c, &req, true); err != nil {
		return err
	}
	in := applications.FollowUpInput{Kind: req.Kind, Variant: req.Variant, Subject: req.Subject, Body: req.Body,
		Note: req.Note, SentAt: req.SentAt.timePtr(), Override: req.Override}
	d, err := h.svc.FollowUp(c.Request().Context(), id, in)
	if err != nil {
		return err
	}
	return writeDetail(c, http.StatusOK, d)
}
