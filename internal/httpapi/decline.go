package httpapi

import (
	"errors"
	"maps"
	"net/http"

	"github.com/labstack/echo/v4"

	"tracker/internal/api"
	"tracker/internal/apperr"
	"tracker/internal/applications"
	"tracker/internal/workflow"
)

// declinePreviewRequest is the body of POST .../decline/preview: the
// choices that shape the letter. Subject and body, when given, are the
// user's edit, checked instead of the generated text.
type declinePreviewRequest struct {
	Reason       string `json:"reason"`
	ReasonDetail string `json:"reason_detail"`
	Channel      string `json:"channel"`
	Tone         string `json:"tone"`
	SenderName   string `json:"sender_name"`
	// Detail is one concrete detail in the user's words, woven in.
	Detail string `json:"detail"`
	// DetailKind is what the detail is: appreciated (woven into the
	// thanks), offer (the offer taken instead) or reason (the real
	// reason); either of the last two replaces the stock reason. Empty:
	// read from the words, or a 422 naming detail_kind when they do not
	// say.
	DetailKind string `json:"detail_kind"`
	// Offer is referral, reference, stay_in_touch or none; empty is the
	// situation's default.
	Offer string `json:"offer"`
	// Variant asks for another wording; 0 is the first.
	Variant int     `json:"variant"`
	Subject *string `json:"subject"`
	Body    *string `json:"body"`
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
	Detail       string     `json:"detail"`
	DetailKind   string     `json:"detail_kind"`
	Offer        string     `json:"offer"`
	Variant      int        `json:"variant"`
	Subject      *string    `json:"subject"`
	Body         *string    `json:"body"`
	SentAt       *timestamp `json:"sent_at"`
	Override     bool       `json:"override"`
	// PreviewedStatus is the preview's previewed_status: when the
	// application has moved since, the decline is a 409.
	PreviewedStatus string `json:"previewed_status"`
}

// previewResponse is a generated letter with its checks and the mailto:
// link that opens it in the user's mail program; nothing is stored.
type previewResponse struct {
	Subject string `json:"subject"`
	Body    string `json:"body"`
	// Voicemail is the message to leave when a call is not answered;
	// empty unless the channel is phone.
	Voicemail string `json:"voicemail"`
	// Offer is the offer of help the letter makes, chosen or defaulted.
	Offer  string      `json:"offer"`
	Checks []api.Check `json:"checks"`
	Mailto string      `json:"mailto"`
	// PreviewedStatus is the status the letter was written for; send it
	// back with the decline so that a move in between is refused.
	PreviewedStatus string `json:"previewed_status"`
}

// newPreviewResponse is the JSON of a preview.
func newPreviewResponse(p *applications.Preview) previewResponse {
	return previewResponse{Subject: p.Subject, Body: p.Body, Voicemail: p.Voicemail, Offer: p.Offer,
		Checks: mapAll(p.Checks, api.NewCheck), Mailto: p.Mailto, PreviewedStatus: string(p.PreviewedStatus)}
}

func (r declinePreviewRequest) input() applications.DeclineInput {
	return applications.DeclineInput{
		Reason: r.Reason, ReasonDetail: r.ReasonDetail, Channel: r.Channel, Tone: r.Tone,
		SenderName: r.SenderName, Detail: r.Detail, DetailKind: r.DetailKind, Offer: r.Offer, Variant: r.Variant, Subject: r.Subject, Body: r.Body,
	}
}

func (r declineRequest) input() applications.DeclineInput {
	preview := declinePreviewRequest{Reason: r.Reason, ReasonDetail: r.ReasonDetail, Channel: r.Channel,
		Tone: r.Tone, SenderName: r.SenderName, Detail: r.Detail, DetailKind: r.DetailKind, Offer: r.Offer, Variant: r.Variant, Subject: r.Subject, Body: r.Body}
	in := preview.input()
	in.SentAt, in.Override = r.SentAt.timePtr(), r.Override
	in.PreviewedStatus = workflow.State(r.PreviewedStatus)
	return in
}

func (h *handler) registerDeclineRoutes(g *echo.Group) {
	g.POST("/applications/:id/decline/preview", h.handleDeclinePreview)
	g.POST("/applications/:id/decline", h.handleDecline)
}

func (h *handler) handleDeclinePreview(c echo.Context) error {
	_, p, err := h.preview(c)
	if err != nil {
		return err
	}
	return writePreview(c, newPreviewResponse(p))
}

// writePreview answers 200 with p, written as encoding/json writes it
// but without its reflection (the checks are most of a preview's JSON).
func writePreview(c echo.Context, p previewResponse) error {
	if wantsPretty(c) {
		return c.JSON(http.StatusOK, p)
	}
	return writeJSON(c, http.StatusOK, func(b []byte) []byte { return appendPreview(b, p) })
}

// appendPreview appends p as encoding/json's Encoder writes it, the
// newline after it included.
func appendPreview(b []byte, p previewResponse) []byte {
	b = api.AppendString(append(b, `{"subject":`...), p.Subject)
	b = api.AppendString(append(b, `,"body":`...), p.Body)
	b = api.AppendString(append(b, `,"voicemail":`...), p.Voicemail)
	b = api.AppendString(append(b, `,"offer":`...), p.Offer)
	b = api.AppendChecks(append(b, `,"checks":`...), p.Checks)
	b = api.AppendString(append(b, `,"mailto":`...), p.Mailto)
	b = api.AppendString(append(b, `,"previewed_status":`...), p.PreviewedStatus)
	return append(b, "}\n"...)
}

// preview decodes a preview request and returns the letter with the id of
// the application it is for.
func (h *handler) preview(c echo.Context) (int64, *applications.Preview, error) {
	id, err := pathID(c)
	if err != nil {
		return 0, nil, err
	}
	var req declinePreviewRequest
	if err := decodeBody(c, &req, false); err != nil {
		return 0, nil, err
	}
	p, err := h.svc.PreviewDecline(c.Request().Context(), id, req.input())
	if err != nil {
		return 0, nil, senderHint(err)
	}
	return id, p, nil
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
		return senderHint(err)
	}
	return writeDetail(c, http.StatusOK, d)
}

// senderHint adds to a refusal for want of a signature that the name can
// be set once, in the profile, for every letter.
func senderHint(err error) error {
	var e *apperr.Error
	if !errors.As(err, &e) || e.Fields["sender_name"] == "" {
		return err
	}
	const hint = "give sender_name, or set your name once with PATCH " + apiPrefix + "/settings/profile"
	fields := maps.Clone(e.Fields)
	fields["sender_name"] += "; " + hint
	return &apperr.Error{Code: e.Code, Message: e.Message + ": the letter needs a signature; " + hint,
		Fields: fields, Allowed: e.Allowed}
}
