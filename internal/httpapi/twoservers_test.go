package httpapi_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"tracker/internal/accounts"
	"tracker/internal/applications"
	"tracker/internal/httpapi"
	"tracker/internal/storage"
	"tracker/internal/storage/storagetest"
)

// TestTwoServersOnePostgres runs two servers, each with its own connection
// pool, on one PostgreSQL database, and sends them mixed load at once,
// alternating between them as a load balancer would: new applications,
// edits of different fields of one application, moves and invitations that
// race. Afterwards nothing acknowledged is missing or doubled, every edit's
// last acknowledged value stands, each race has one winner and its losers
// got 409 (never a 5xx), and one token works on both.
func TestTwoServersOnePostgres(t *testing.T) {
	first, dsn := storagetest.Postgres(t)
	second, err := storage.Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer second.Close()
	var urls []string
	for _, db := range []*storage.DB{first, second} {
		srv := httptest.NewServer(httpapi.New(httpapi.Config{Apps: applications.NewService(db, time.Now),
			Accounts: accounts.NewService(db, time.Now, accounts.Options{}), Logger: slog.New(slog.DiscardHandler)}))
		defer srv.Close()
		urls = append(urls, srv.URL)
	}
	acc := accounts.NewService(first, time.Now, accounts.Options{})
	u, err := acc.CreateUser(context.Background(), "sam@example.com", testPassword)
	if err != nil {
		t.Fatal(err)
	}
	token, _, err := acc.CreateToken(context.Background(), u.ID, "load")
	if err != nil {
		t.Fatal(err)
	}
	call := func(i int, method, path, body string) (int, []byte) {
		req, _ := http.NewRequest(method, urls[i%2]+"/api/v1"+path, strings.NewReader(body))
		req.Header.Set("Authorization", "Bearer "+token)
		if body != "" {
			req.Header.Set("Content-Type", "application/json")
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Error(err)
			return 0, nil
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, b
	}
	code, _ := call(0, "POST", "/applications", `{"company":"Shared","role":"Dev"}`)
	if code != http.StatusCreated {
		t.Fatalf("create the shared application = %d", code)
	}

	const writers, rounds = 8, 15
	// Each writer edits a field of its own of the shared application.
	fields := []string{"location", "source", "notes", "contact_name", "role", "company", "contact_email", "job_url"}
	valueOf := func(field string, w, r int) string {
		switch field {
		case "contact_email":
			return fmt.Sprintf("w%dr%d@example.com", w, r)
		case "job_url":
			return fmt.Sprintf("https://example.com/jobs/%d/%d", w, r)
		}
		return fmt.Sprintf("w%d r%d", w, r)
	}
	var mu sync.Mutex
	created := map[string]bool{}
	lastEdit := map[string]string{}
	statuses := map[int]int{}
	var wg sync.WaitGroup
	for w := range writers {
		wg.Go(func() {
			for r := range rounds {
				i := w + r
				company := fmt.Sprintf("Load %d-%d", w, r)
				c1, _ := call(i, "POST", "/applications", `{"company":"`+company+`","role":"Dev"}`)
				field := fields[w]
				value := valueOf(field, w, r)
				c2, _ := call(i+1, "PATCH", "/applications/1", `{"`+field+`":"`+value+`"}`)
				c3, _ := call(i, "POST", "/applications/1/invitations", `{"received_at":"`+time.Now().UTC().Format(time.RFC3339Nano)+`"}`)
				c4, _ := call(i+1, "POST", "/applications/1/transitions", `{"to":"scheduled"}`)
				mu.Lock()
				if c1 == http.StatusCreated {
					created[company] = true
				}
				if c2 == http.StatusOK {
					lastEdit[field] = value
				}
				for _, c := range []int{c1, c2, c3, c4} {
					statuses[c]++
				}
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	for code, n := range statuses {
		switch code {
		case http.StatusOK, http.StatusCreated, http.StatusConflict, http.StatusUnprocessableEntity:
		default:
			t.Errorf("%d answers with status %d", n, code)
		}
	}
	if len(created) != writers*rounds {
		t.Errorf("%d of %d creations acknowledged", len(created), writers*rounds)
	}
	var page struct {
		Items []struct {
			ID      int64
			Company string
		}
	}
	code, body := call(1, "GET", "/applications?limit=200", "")
	if err := json.Unmarshal(body, &page); code != http.StatusOK || err != nil {
		t.Fatalf("list = %d %v", code, err)
	}
	seen := map[string]int{}
	for _, a := range page.Items {
		seen[a.Company]++
	}
	for c := range created {
		if seen[c] != 1 {
			t.Errorf("%q is stored %d times", c, seen[c])
		}
	}
	var detail struct {
		Invitations []struct {
			Round    int
			Response string
		}
	}
	var stored map[string]any
	_, body = call(0, "GET", "/applications/1", "")
	if err := json.Unmarshal(body, &detail); err != nil {
		t.Fatal(err)
	}
	_ = json.Unmarshal(body, &stored)
	for field, want := range lastEdit {
		if stored[field] != want {
			t.Errorf("%s is %v, but the last acknowledged edit set %q", field, stored[field], want)
		}
	}
	if len(lastEdit) != len(fields) {
		t.Errorf("edits acknowledged for %d of %d fields", len(lastEdit), len(fields))
	}
	pending, rounds2 := 0, map[int]bool{}
	for _, inv := range detail.Invitations {
		if inv.Response == "pending" {
			pending++
		}
		if rounds2[inv.Round] {
			t.Errorf("round %d logged twice", inv.Round)
		}
		rounds2[inv.Round] = true
	}
	if pending > 1 {
		t.Errorf("%d pending invitations", pending)
	}
	t.Logf("answers by status: %v; last edits %v", statuses, lastEdit)
}
