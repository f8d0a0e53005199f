package httpapi

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"tracker/internal/applications"
)

// declinePreviewRequest is the body of POST .../decline/preview: the
// choices that shape the letter. Subject and body, when given, are the
// user's edit, checked instead of the generated text.
type declinePreviewRequest struct {
	Reason       string  `json:"reason"`
	ReasonDetail string  `json:"reason_detail"`
	Channel      string  `json:"channel"`
	Tone         string  `json:"tone"`
	SenderName   string  `json:"sender_name"`
	Subject      *string `json:"subject"`
	Body         *string `json:"body"`
}

// declineRequest is the body of POST .../decline: the preview's fields, when
// the letter was sent, and whether to store it despite failed checks. The
// fields are spelled out, not embedded, so that type errors name them
// without a Go type in the path.
type declineRequest struct {
	Reason       string     `json:"reason"`
	ReasonDetail string     `json:"reason_detail"`
	Channel      string     `json:"channel"`
	Tone         string     `json:"tone"`
	SenderName   string     `json:"sender_name"`
	Subject      *string    `json:"subject"`
	Body         *string    `json:"body"`
	SentAt       *timestamp `json:"sent_at"`
	Override     bool       `json:"override"`
}

// previewResponse is a generated letter with its checks; nothing is stored.
type previewResponse struct {
	Subject string      `json:"subject"`
	Body    string      `json:"body"`
	Checks  []checkView `json:"checks"`
}

func (r declinePreviewRequest) input() applications.DeclineInput {
	return applications.DeclineInput{
		Reason: r.Reason, ReasonDetail: r.ReasonDetail, Channel: r.Channel, Tone: r.Tone,
		SenderName: r.SenderName, Subject: r.Subject, Body: r.Body,
	}
}

func (r declineRequest) input() applications.DeclineInput {
	preview := declinePreviewRequest{Reason: r.Reason, ReasonDetail: r.ReasonDetail, Channel: r.Channel,
		Tone: r.Tone, SenderName: r.SenderName, Subject: r.Subject, Body: r.Body}
	in := preview.input()
	in.SentAt, in.Override = r.SentAt.timePtr(), r.Override
	return in
}

func (h *handler) registerDeclineRoutes(g *echo.Group) {
	g.POST("/applications/:id/decline/preview", h.handleDeclinePreview)
	g.POST("/applications/:id/decline", h.handleDecline)
}

func (h *handler) handleDeclinePreview(c echo.Context) error {
	id, err := pathID(c)
	if err != nil {
		return err
	}
	var req declinePreviewRequest
	if err := decodeBody(c, &req, false); err != nil {
		return err
	}
	p, err := h.svc.PreviewDecline(c.Request().Context(), id, req.input())
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, previewResponse{Subject: p.Subject, Body: p.Body, Checks: mapAll(p.Checks, newCheckView)})
}

func (h *handler) handleDecline(c echo.Context) error {
	id, err := pathID(c)
	if err != nil {
		return err
	}
	var req declineRequest
	if err := decodeBody(c, &req, false); err != nil {
		return err
	}
	d, err := h.svc.Decline(c.Request().Context(), id, req.input())
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, newDetailView(d))
}
