package main

import (
	"bytes"
	"encoding/json"
	"net/http"
	"reflect"
	"strings"
	"testing"
	"time"
)

// TestCLIAndServerAgree runs the server and the command line on one
// database: settings stored by one are read by the other, so both compute
// the same deadline, and show --json, list --json and settings --json print
// exactly what the matching API call returns.
func TestCLIAndServerAgree(t *testing.T) {
	c := newCLI(t)
	token := strings.TrimSpace(c.do("token", "create", "--name", "test").stdout)
	srv := c.startServe(t)
	defer srv.stop()
	client := &http.Client{Timeout: 5 * time.Second}
	base := "http://" + srv.addr + "/api/v1"

	check(t, c.do("settings", "--response-window", "72h"), 0)
	patch(t, client, base+"/settings", token, `{"follow_up_after": "5h"}`)
	check(t, c.do("settings"), 0, "Response window  72h", "Follow up after  5h")
	check(t, c.do("add", "--company", "Acme", "--role", "Dev", "--received", "2026-01-10T09:00:00Z"), 0,
		"answer due Tue 2026-01-13 09:00")

	for _, tt := range []struct{ cli, url string }{
		{"show 1 --json", "/applications/1"},
		{"list --json", "/applications"},
		{"warnings --json", "/warnings"},
		{"settings --json", "/settings"},
	} {
		r := c.do(strings.Fields(tt.cli)...)
		_, body := get(t, client, base+tt.url, token)
		if !sameJSON(t, r.stdout, body) {
			t.Errorf("tracker %s and GET %s differ:\n%s\n%s", tt.cli, tt.url, r.stdout, body)
		}
	}
}

// sameJSON reports whether a and b hold the same JSON value.
func sameJSON(t *testing.T, a, b string) bool {
	t.Helper()
	var va, vb any
	if err := json.Unmarshal([]byte(a), &va); err != nil {
		t.Fatalf("%v: %s", err, a)
	}
	if err := json.Unmarshal([]byte(b), &vb); err != nil {
		t.Fatalf("%v: %s", err, b)
	}
	return reflect.DeepEqual(va, vb)
}

// patch sends a PATCH with a JSON body and the API token; it must answer 200.
func patch(t *testing.T, client *http.Client, url, token, body string) {
	t.Helper()
	req, err := http.NewRequest(http.MethodPatch, url, bytes.NewBufferString(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Authorization", "Bearer "+token)
	req.Header.Set("Content-Type", "application/json")
	resp, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("PATCH %s: %d", url, resp.StatusCode)
	}
}
