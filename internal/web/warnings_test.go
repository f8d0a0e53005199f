package web_test

import (
	"html"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"

	"tracker/internal/storage"
	"tracker/internal/storage/storagetest"
)

var (
	nextLink  = regexp.MustCompile(`<a class="button" href="([^"]+)">Next page</a>`)
	appliedTD = regexp.MustCompile(`<td data-label="Applied">[^<]*\d`)
	companyTD = regexp.MustCompile(`<td data-label="Company"><a href="/applications/\d+">(Company \d+)</a>`)
)

// TestWarnedListPages: the list of the applications with a warning of one
// kind is paged like the list itself, and its pages hold each of them once.
func TestWarnedListPages(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, db *storage.DB) {
		c, ctx := newClientOn(t, db, "sam@example.com")
		const n = 30
		storagetest.SeedInvited(t, db, ctx, n, time.Now().Add(-30*time.Hour))
		seen := map[string]bool{}
		path, pages := "/applications?warning=response", 0
		for path != "" {
			code, body := c.get(path)
			if code != http.StatusOK {
				t.Fatalf("GET %s = %d:\n%s", path, code, body)
			}
			rows := companyTD.FindAllStringSubmatch(body, -1)
			if len(rows) == 0 || len(rows) > 25 || strings.Count(body, "Answer overdue") != len(rows) {
				t.Fatalf("GET %s: %d rows, %d badges; want 1 to 25, each marked overdue", path, len(rows), strings.Count(body, "Answer overdue"))
			}
			if dated := appliedTD.FindAllString(body, -1); len(dated) != len(rows) {
				t.Fatalf("GET %s: %d rows, %d with the applied date", path, len(rows), len(dated))
			}
			for _, r := range rows {
				if seen[r[1]] {
					t.Fatalf("%s listed twice", r[1])
				}
				seen[r[1]] = true
			}
			path, pages = "", pages+1
			if m := nextLink.FindStringSubmatch(body); m != nil {
				path = html.UnescapeString(m[1])
			}
		}
		if len(seen) != n || pages != 2 {
			t.Fatalf("%d applications on %d pages, want %d on 2", len(seen), pages, n)
		}
		if _, body := c.get("/applications?warning=bogus"); !strings.Contains(body, "kind must be one of") {
			t.Errorf("an unknown warning kind does not say so:\n%s", body)
		}
	})
}

// TestPagesReadOnlyTheirWarnings: the list, the board and Today cost the
// same whether the user has a few pending invitations or ten times as
// many, as they read the warnings of what they show, not all of them
// (allocations, not time; the old list read every warning on each view).
func TestPagesReadOnlyTheirWarnings(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, db *storage.DB) {
		small, ctxSmall := newClientOn(t, db, "sam@example.com")
		storagetest.SeedInvited(t, db, ctxSmall, 100, time.Now().Add(-30*time.Hour))
		big, ctxBig := newClientOn(t, db, "kim@example.com")
		storagetest.SeedInvited(t, db, ctxBig, 1000, time.Now().Add(-30*time.Hour))
		for _, path := range []string{"/", "/applications", "/board"} {
			allocs := func(c *client) float64 {
				return testing.AllocsPerRun(5, func() {
					if code, body := c.get(path); code != http.StatusOK || !strings.Contains(body, "Answer overdue") {
						t.Fatalf("GET %s = %d, without an overdue answer:\n%s", path, code, body)
					}
				})
			}
			a, b := allocs(small), allocs(big)
			t.Logf("GET %s: %.0f allocations with 100 pending invitations, %.0f with 1,000", path, a, b)
			if b > a*1.1 {
				t.Errorf("GET %s: %.0f allocations with 1,000 pending invitations, %.0f with 100: the page reads warnings it does not show", path, b, a)
			}
		}
	})
}
