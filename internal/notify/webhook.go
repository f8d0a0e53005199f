package notify

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"mime"
	"net/http"
	"time"
)

// Webhook posts reminders to the user's URL: a JSON object, or for ntfy
// the text with Title, Priority and Tags headers.
type Webhook struct {
	client *http.Client
}

// NewWebhook returns the webhook sender; a nil client gets one with a
// 15-second timeout.
func NewWebhook(client *http.Client) *Webhook {
	if client == nil {
		client = &http.Client{Timeout: 15 * time.Second}
	}
	return &Webhook{client: client}
}

// webhookBody is the JSON a webhook receives.
type webhookBody struct {
	Kind          string    `json:"kind"`
	Severity      string    `json:"severity"`
	ApplicationID int64     `json:"application_id,omitempty"`
	DueAt         time.Time `json:"due_at"`
	Title         string    `json:"title"`
	Message       string    `json:"message"`
}

// ntfyPriority maps a severity to ntfy's 1-5 scale.
var ntfyPriority = map[string]string{"due_soon": "3", "overdue": "4", "critical": "5"}

// Send posts n; any status but 2xx is a failure to retry.
func (w *Webhook) Send(ctx context.Context, n *Notification) error {
	var body []byte
	ctype := "application/json"
	if n.Channel == ChannelNtfy {
		body, ctype = []byte(n.Body), "text/plain; charset=utf-8"
	} else {
		var err error
		body, err = json.Marshal(webhookBody{Kind: n.Kind, Severity: n.Severity, ApplicationID: n.ApplicationID,
			DueAt: n.DueAt.UTC(), Title: n.Subject, Message: n.Body})
		if err != nil {
			return err
		}
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, n.Target, bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", ctype)
	req.Header.Set("User-Agent", "tracker-reminders")
	if n.Channel == ChannelNtfy {
		req.Header.Set("Title", mime.QEncoding.Encode("utf-8", n.Subject)) // ntfy decodes RFC 2047
		req.Header.Set("Tags", "briefcase")
		if p := ntfyPriority[n.Severity]; p != "" {
			req.Header.Set("Priority", p)
		}
	}
	resp, err := w.client.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
	if resp.StatusCode/100 != 2 {
		return fmt.Errorf("the webhook answered %s", resp.Status)
	}
	return nil
}
