package notify

import (
	"bytes"
	"context"
	"crypto/tls"
	"fmt"
	"net"
	"time"

	"github.com/emersion/go-sasl"
	"github.com/emersion/go-smtp"

	"tracker/internal/decline"
)

// SMTP is the relay e-mail reminders go through.
type SMTP struct {
	// Addr is host:port, such as smtp.example.com:587.
	Addr string
	// From is the sender address, such as tracker@example.com.
	From string
	// Username and Password sign in with PLAIN when Username is set.
	Username, Password string
	// TLS is "starttls" (the default: upgrade, and refuse a relay that
	// cannot), "tls" (TLS from the start, port 465) or "none" (a relay on
	// this machine or a trusted network).
	TLS string
}

// The TLS modes of SMTP.
const (
	TLSStartTLS = "starttls"
	TLSImplicit = "tls"
	TLSNone     = "none"
)

// smtpTimeout bounds one delivery: connecting, talking and sending.
const smtpTimeout = 30 * time.Second

// Send delivers n as a plain-text e-mail to its target.
func (m *SMTP) Send(ctx context.Context, n *Notification) error {
	msg, err := decline.BuildEML(decline.Message{FromName: "Tracker", FromEmail: m.From, ToEmail: n.Target,
		Subject: n.Subject, Body: n.Body, Date: n.CreatedAt,
		MessageID: fmt.Sprintf("reminder-%d@tracker", n.ID)})
	if err != nil {
		return err
	}
	c, err := m.dial(ctx)
	if err != nil {
		return err
	}
	defer c.Close()
	if m.Username != "" {
		if err := c.Auth(sasl.NewPlainClient("", m.Username, m.Password)); err != nil {
			return err
		}
	}
	if err := c.SendMail(m.From, []string{n.Target}, bytes.NewReader(msg)); err != nil {
		return err
	}
	return c.Quit()
}

// dial connects to the relay in m's TLS mode.
func (m *SMTP) dial(ctx context.Context) (*smtp.Client, error) {
	ctx, cancel := context.WithTimeout(ctx, smtpTimeout)
	defer cancel()
	conn, err := (&net.Dialer{}).DialContext(ctx, "tcp", m.Addr)
	if err != nil {
		return nil, err
	}
	_ = conn.SetDeadline(time.Now().Add(smtpTimeout))
	host, _, _ := net.SplitHostPort(m.Addr)
	cfg := &tls.Config{ServerName: host, MinVersion: tls.VersionTLS12}
	var c *smtp.Client
	switch m.TLS {
	case TLSNone:
		c = smtp.NewClient(conn)
	case TLSImplicit:
		c = smtp.NewClient(tls.Client(conn, cfg))
	default:
		if c, err = smtp.NewClientStartTLS(conn, cfg); err != nil {
			conn.Close()
			return nil, err
		}
	}
	return c, nil
}
