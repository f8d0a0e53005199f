package httpapi

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"tracker/internal/applications"
)

// withdrawRequest is the optional body of POST .../withdrawal. With a
// reason it also stores the letter that withdraws the application, chosen
// and edited as a decline letter is (see declinePreviewRequest); without
// one only the withdrawal is recorded.
type withdrawRequest struct {
	Note         string     `json:"note"`
	At           *timestamp `json:"at"`
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
	Override     bool       `json:"override"`
}

func (h *handler) registerWithdrawRoutes(g *echo.Group) {
	g.POST("/applications/:id/withdrawal/preview", h.handleWithdrawalPreview)
	g.POST("/applications/:id/withdrawal", h.handleWithdraw)
}

// handleWithdrawalPreview writes the letter that withdraws the application
// and checks it; nothing is stored.
func (h *handler) handleWithdrawalPreview(c echo.Context) error {
	id, err := pathID(c)
	if err != nil {
		return err
	}
	var req declinePreviewRequest
	if err := decodeBody(c, &req, false); err != nil {
		return err
	}
	p, err := h.svc.PreviewWithdrawal(c.Request().Context(), id, req.input())
	if err != nil {
		return senderHint(err)
	}
	return writePreview(c, newPreviewResponse(p))
}

// handleWithdraw records that the user withdrew the application, with its
// letter when the body has a reason; from any state but wishlist and
// applied it is a 409 listing the allowed states.
func (h *handler) handleWithdraw(c echo.Context) error {
	id, err := pathID(c)
	if err != nil {
		return err
	}
	var req withdrawRequest
	if err := decodeBody(c, &req, true); err != nil {
		return err
	}
	in := applications.WithdrawInput{Note: req.Note, At: req.At.timePtr()}
	if req.Reason != "" || req.Subject != nil || req.Body != nil {
		letter := declinePreviewRequest{Reason: req.Reason, ReasonDetail: req.ReasonDetail, Channel: req.Channel, Tone: req.Tone,
			SenderName: req.SenderName, Detail: req.Detail, DetailKind: req.DetailKind, Offer: req.Offer, Variant: req.Variant, Subject: req.Subject, Body: req.Body}.input()
		letter.Override = req.Override
		in.Letter = &letter
	}
	d, err := h.svc.Withdraw(c.Request().Context(), id, in)
	if err != nil {
		return senderHint(err)
	}
	return writeDetail(c, http.StatusOK, d)
}
