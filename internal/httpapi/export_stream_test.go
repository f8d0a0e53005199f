package httpapi_test

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"tracker/internal/applications"
	"tracker/internal/storage/storagetest"
)

// breakLastLetter gives the user's newest application a letter whose
// stored checks do not decode, so that an export fails when it reaches it.
func (s *server) breakLastLetter(ctx context.Context, uid int64) {
	s.t.Helper()
	if err := s.db.ExecTx(ctx, `INSERT INTO letters (application_id, kind, channel, tone, body, checks, sent_at, created_at)
		SELECT MAX(id), 'decline', 'email', 'warm', 'x', 'not json', ?, ? FROM applications WHERE owner_id = ?`, start, start, uid); err != nil {
		s.t.Fatal(err)
	}
}

// TestExportErrorMidway: an export that fails before its first bytes go
// out answers with the error's status and no file; one that fails after
// (here at the last of 600 applications, well past the first batch and
// the bytes held back) cannot change its 200 any more, so the download is
// cut off, and the client sees a failed transfer rather than a file that
// looks whole. The error is logged.
func TestExportErrorMidway(t *testing.T) {
	s := newServer(t)
	early, earlyToken := s.newUser("early@example.com")
	earlyCtx := applications.WithOwner(context.Background(), early.ID)
	storagetest.SeedInvited(t, s.db, earlyCtx, 3, start)
	s.breakLastLetter(earlyCtx, early.ID)
	for _, format := range []string{"json", "csv"} {
		rec := s.doAs(earlyToken, "GET", "/api/v1/export?format="+format, "")
		var body struct{ Error struct{ Code string } }
		if rec.Code != http.StatusInternalServerError || json.Unmarshal(rec.Body.Bytes(), &body) != nil ||
			rec.Header().Get("Content-Disposition") != "" {
			t.Errorf("%s, an error in the first batch: %d %q %s", format, rec.Code, rec.Header(), rec.Body)
		}
	}

	ctx := applications.WithOwner(context.Background(), s.user.ID)
	storagetest.SeedInvited(t, s.db, ctx, 600, start)
	if err := s.db.ExecTx(ctx, "UPDATE applications SET notes = replace(hex(zeroblob(300)), '00', 'note ') WHERE owner_id = ?", s.user.ID); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(s.h)
	defer srv.Close()
	get := func(format string) (*http.Response, []byte, error) {
		req, _ := http.NewRequest("GET", srv.URL+"/api/v1/export?format="+format, nil)
		req.Header.Set("Authorization", "Bearer "+s.token)
		resp, err := srv.Client().Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		body, err := io.ReadAll(resp.Body)
		return resp, body, err
	}
	for _, format := range []string{"json", "csv"} { // whole before the letter is broken
		if resp, body, err := get(format); err != nil || resp.StatusCode != 200 || len(body) < 600*1500 {
			t.Fatalf("%s: %v %d, %d bytes", format, err, resp.StatusCode, len(body))
		}
	}
	s.breakLastLetter(ctx, s.user.ID)
	for _, format := range []string{"json", "csv"} {
		resp, body, err := get(format)
		if resp.StatusCode != 200 || err == nil || len(body) < 64<<10 {
			t.Errorf("%s, an error after the first bytes: %d, %d bytes read, error %v; want a transfer cut short", format, resp.StatusCode, len(body), err)
		}
	}
	if !strings.Contains(s.logs.String(), "export aborted midway") {
		t.Errorf("the error midway is not logged:\n%s", s.logs.String())
	}
}
