package web_test

import (
	"os"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"tracker/internal/applications"
)

// violation is one axe-core finding, as much of it as a failure message
// needs.
type violation struct {
	ID     string `json:"id"`
	Impact string `json:"impact"`
	Help   string `json:"help"`
	Nodes  []struct {
		Target []any `json:"target"`
	} `json:"nodes"`
}

// axeRun runs axe-core on the page and returns its serious and critical
// violations.
const axeRun = `axe.run(document, {resultTypes: ['violations']}).then(r => r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical'))`

// TestAccessibility runs axe-core on every page in the light and the dark
// theme: no serious or critical violation.
func TestAccessibility(t *testing.T) {
	src, err := os.ReadFile("testdata/axe/axe.min.js")
	if err != nil {
		t.Fatal(err)
	}
	a := newApp(t)
	check := func(path string) {
		t.Helper()
		a.open(path)
		for _, scheme := range []string{"light", "dark"} {
			a.run(theme(scheme))
			var found []violation
			a.eval(string(src)+";\n"+axeRun, &found)
			for _, v := range found {
				var where []string
				for _, n := range v.Nodes {
					for _, t := range n.Target {
						if s, ok := t.(string); ok {
							where = append(where, s)
						}
					}
				}
				t.Errorf("%s (%s): %s %s: %s at %s", path, scheme, v.Impact, v.ID, v.Help, strings.Join(where, ", "))
			}
		}
	}
	check("/login")
	a.signedIn()
	check("/")
	in := applications.NewApplication{}
	in.Company, in.Role = "Acme", "Engineer"
	inv := applications.NewInvitation{ReceivedAt: time.Now().Add(-30 * time.Hour)}
	in.Invitation = &inv
	a.create(in)
	if _, err := a.apps.UpdateProfile(a.ctx(), applications.ProfilePatch{Name: ptr("Sam Doe")}); err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{"/", "/board", "/applications", "/applications/1", "/applications/new",
		"/applications/1/decline", "/settings", "/no-such-page"} {
		check(path)
	}
	a.run(chromedp.Navigate(a.url + "/"))
}

func ptr[T any](v T) *T { return &v }
