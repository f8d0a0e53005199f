package web_test

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"tracker/internal/accounts"
	"tracker/internal/applications"
	"tracker/internal/httpapi"
	"tracker/internal/notify"
	"tracker/internal/storage/storagetest"
)

const testPassword = "correct horse battery staple"

// waitLimit bounds each wait for the page to update; generous, because the
// test machines are shared.
const waitLimit = 20 * time.Second

// chromiumPath finds Debian's chromium; a machine without it skips the
// browser tests, except in CI, where that is a failure.
func chromiumPath(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	msg := "no chromium on PATH: install it (apt-get install chromium) to run the browser tests"
	if os.Getenv("CI") == "true" {
		t.Fatal(msg)
	}
	t.Skip(msg)
	return ""
}

var (
	browserOnce sync.Once
	browserCtx  context.Context
	browserStop func()
)

// browser returns the context of the one headless Chromium the tests
// share, started on first use with a fresh profile.
func browser(t *testing.T) context.Context {
	t.Helper()
	path := chromiumPath(t)
	browserOnce.Do(func() {
		dir, err := os.MkdirTemp("", "tracker-chromium-")
		if err != nil {
			t.Fatal(err)
		}
		opts := []chromedp.ExecAllocatorOption{chromedp.ExecPath(path), chromedp.Headless, chromedp.NoSandbox,
			chromedp.DisableGPU, chromedp.NoFirstRun, chromedp.NoDefaultBrowserCheck, chromedp.UserDataDir(dir),
			chromedp.Flag("disable-extensions", true)}
		alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
		ctx, cancel := chromedp.NewContext(alloc)
		if err := chromedp.Run(ctx); err != nil {
			t.Fatalf("start chromium: %v", err)
		}
		browserCtx = ctx
		browserStop = func() { cancel(); cancelAlloc(); os.RemoveAll(dir) }
	})
	return browserCtx
}

func TestMain(m *testing.M) {
	code := m.Run()
	if browserStop != nil {
		browserStop()
	}
	os.Exit(code)
}

// app is a real tracker server on loopback over a temporary SQLite
// database, with a browser tab of its own.
type app struct {
	t     *testing.T
	url   string
	apps  *applications.Service
	accts *accounts.Service
	user  *accounts.User
	tab   context.Context
}

// newApp starts a server without accounts and opens a tab at 1280 px.
func newApp(t *testing.T) *app {
	t.Helper()
	bctx := browser(t)
	db, _ := storagetest.SQLite(t)
	a := &app{t: t, apps: applications.NewService(db, time.Now), accts: accounts.NewService(db, time.Now, accounts.Options{})}
	srv := httptest.NewServer(httpapi.New(httpapi.Config{Apps: a.apps, Accounts: a.accts, Logger: slog.New(slog.NewTextHandler(io.Discard, nil)),
		Reminders: notify.NewService(db, a.apps, time.Now, notify.Options{})}))
	t.Cleanup(srv.Close)
	a.url = srv.URL
	tab, cancel := chromedp.NewContext(bctx)
	tab, cancelTimeout := context.WithTimeout(tab, 60*time.Second)
	t.Cleanup(func() { cancelTimeout(); cancel() })
	chromedp.ListenTarget(tab, func(ev any) {
		if d, ok := ev.(*page.EventJavascriptDialogOpening); ok {
			t.Errorf("a page opened a dialog: %q", d.Message)
			go chromedp.Run(tab, page.HandleJavaScriptDialog(false)) //nolint:errcheck // best effort
		}
	})
	a.tab = tab
	a.run(page.BringToFront(), chromedp.EmulateViewport(1280, 900))
	return a
}

// signedIn creates a user and signs the tab in through the sign-in form.
func (a *app) signedIn() *app {
	a.t.Helper()
	u, err := a.accts.CreateUser(context.Background(), "sam@example.com", testPassword)
	if err != nil {
		a.t.Fatal(err)
	}
	a.user = u
	a.run(chromedp.Navigate(a.url+"/login"),
		chromedp.SendKeys(`input[name=email]`, "sam@example.com"),
		chromedp.SendKeys(`input[name=password]`, testPassword),
		chromedp.Click(`form[action="/login"] button`),
		chromedp.WaitVisible(`nav[aria-label=Main]`, chromedp.ByQuery))
	return a
}

// ctx is the context of the signed-in user, for the service.
func (a *app) ctx() context.Context {
	return applications.WithOwner(context.Background(), a.user.ID)
}

// create stores an application straight through the service.
func (a *app) create(in applications.NewApplication) *applications.Detail {
	a.t.Helper()
	d, err := a.apps.Create(a.ctx(), in)
	if err != nil {
		a.t.Fatal(err)
	}
	return d
}

func (a *app) run(actions ...chromedp.Action) {
	a.t.Helper()
	if err := chromedp.Run(a.tab, actions...); err != nil {
		a.t.Fatal(err)
	}
}

// open navigates to path and waits for its main landmark.
func (a *app) open(path string) {
	a.t.Helper()
	a.run(chromedp.Navigate(a.url+path), chromedp.WaitReady("main", chromedp.ByQuery))
}

// text returns what the user sees of the element sel.
func (a *app) text(sel string) string {
	a.t.Helper()
	var s string
	a.run(chromedp.Text(sel, &s, chromedp.NodeVisible, chromedp.ByQuery))
	return s
}

// see fails unless the page's main shows want.
func (a *app) see(want string) {
	a.t.Helper()
	if got := a.text("main"); !strings.Contains(got, want) {
		a.t.Fatalf("the page does not show %q; it shows:\n%s", want, got)
	}
}

// waitText waits until sel shows want (the page may be updating).
func (a *app) waitText(sel, want string) {
	a.t.Helper()
	js := fmt.Sprintf(`(() => { const e = document.querySelector(%q); return !!e && e.innerText.includes(%q); })()`, sel, want)
	a.run(chromedp.Poll(js, nil, chromedp.WithPollingTimeout(waitLimit)))
}

// waitNoText waits until sel no longer shows unwanted.
func (a *app) waitNoText(sel, unwanted string) {
	a.t.Helper()
	js := fmt.Sprintf(`(() => { const e = document.querySelector(%q); return !!e && !e.innerText.includes(%q); })()`, sel, unwanted)
	a.run(chromedp.Poll(js, nil, chromedp.WithPollingTimeout(waitLimit)))
}

// eval runs js in the page and stores its result in out.
func (a *app) eval(js string, out any) {
	a.t.Helper()
	a.run(chromedp.Evaluate(js, out, func(p *runtime.EvaluateParams) *runtime.EvaluateParams { return p.WithAwaitPromise(true) }))
}

// noHorizontalScroll fails when the page is wider than the viewport.
func (a *app) noHorizontalScroll(path string) {
	a.t.Helper()
	var wide []any
	a.eval(`[document.documentElement.scrollWidth, window.innerWidth]`, &wide)
	if wide[0].(float64) > wide[1].(float64) {
		a.t.Errorf("%s at %v px scrolls sideways: the page is %v px wide", path, wide[1], wide[0])
	}
}

// drag presses the mouse on the card sel, moves it onto the column to and
// lets go, as a person drags.
func (a *app) drag(card, to string) {
	a.t.Helper()
	var pts []float64
	a.eval(fmt.Sprintf(`(() => { const c = document.querySelector(%q).getBoundingClientRect();
		const t = document.querySelector(%q).getBoundingClientRect();
		return [c.x + 4, c.y + 4, t.x + t.width / 2, t.y + Math.min(t.height - 10, 60)]; })()`, card, to), &pts)
	a.run(chromedp.ActionFunc(func(ctx context.Context) error {
		if err := input.DispatchMouseEvent(input.MousePressed, pts[0], pts[1]).WithButton(input.Left).WithButtons(1).WithClickCount(1).Do(ctx); err != nil {
			return err
		}
		for i := 1; i <= 12; i++ {
			x := pts[0] + (pts[2]-pts[0])*float64(i)/12
			y := pts[1] + (pts[3]-pts[1])*float64(i)/12
			if err := input.DispatchMouseEvent(input.MouseMoved, x, y).WithButton(input.Left).WithButtons(1).Do(ctx); err != nil {
				return err
			}
			time.Sleep(30 * time.Millisecond) // SortableJS reads moves per animation frame
		}
		for range 3 { // rest on the target, so the drop lands even on a busy machine
			if err := input.DispatchMouseEvent(input.MouseMoved, pts[2], pts[3]+1).WithButton(input.Left).WithButtons(1).Do(ctx); err != nil {
				return err
			}
			time.Sleep(60 * time.Millisecond)
		}
		return input.DispatchMouseEvent(input.MouseReleased, pts[2], pts[3]).WithButton(input.Left).WithClickCount(1).Do(ctx)
	}))
}

// theme emulates the system's light or dark preference.
func theme(name string) chromedp.Action {
	return emulation.SetEmulatedMedia().WithFeatures([]*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: name}})
}

// screenshot writes the page to docs/screenshots/name.png when
// UPDATE_SCREENSHOTS=1, so that ordinary runs leave the tree clean.
func (a *app) screenshot(name string) {
	a.t.Helper()
	if os.Getenv("UPDATE_SCREENSHOTS") != "1" {
		return
	}
	var png []byte
	a.run(chromedp.FullScreenshot(&png, 100))
	dir := filepath.Join("..", "..", "docs", "screenshots")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		a.t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, name+".png"), png, 0o644); err != nil {
		a.t.Fatal(err)
	}
}

// waitReloaded waits until the page set window.beforeMove on is replaced
// by a new, fully loaded one; errors while it navigates are expected.
func (a *app) waitReloaded() {
	a.t.Helper()
	deadline := time.Now().Add(waitLimit)
	for time.Now().Before(deadline) {
		var done bool
		err := chromedp.Run(a.tab, chromedp.Evaluate(`window.beforeMove === undefined && document.readyState === "complete"`, &done))
		if err == nil && done {
			return
		}
		time.Sleep(100 * time.Millisecond)
	}
	a.t.Fatal("the page did not reload")
}
