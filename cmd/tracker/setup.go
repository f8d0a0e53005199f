package main

import (
	"context"
	"log/slog"
	"net"
	"net/url"
	"sync"
	"time"

	"tracker/internal/accounts"
)

// setupTTL is how long the first-run setup link serve prints stays valid.
const setupTTL = time.Hour

// pruneEvery is how often serve removes expired sessions, old sign-in
// attempts and spent setup tokens.
const pruneEvery = time.Hour

// offerSetup prints, when the database has no account yet, a link that
// lets whoever runs the server create the first one. The link holds a
// secret, so it goes to standard output only, never into the log.
// configured is the --addr value, listening the address really bound.
func (a *app) offerSetup(ctx context.Context, acc *accounts.Service, configured string, listening net.Addr) error {
	needed, err := acc.NeedsSetup(ctx)
	if err != nil || !needed {
		return err
	}
	token, _, err := acc.CreateSetupToken(ctx)
	if err != nil {
		return err
	}
	a.printf("\nNo account yet. Open this link within 1 hour to create the first one:\n  %s\n", setupLink(configured, listening, token))
	a.printf("(Or create it here: tracker user add --email you@example.com --password-stdin)\n\n")
	return nil
}

// setupLink is the setup page's URL on the server: the host --addr named
// (127.0.0.1 or localhost when it named every interface) and the port
// really bound (the chosen one for port 0).
func setupLink(configured string, listening net.Addr, token string) string {
	host, _, _ := net.SplitHostPort(configured)
	_, port, _ := net.SplitHostPort(listening.String())
	if ip := net.ParseIP(host); host == "" || ip != nil && ip.IsUnspecified() {
		host = "127.0.0.1"
		if ip != nil && ip.To4() == nil {
			host = "localhost"
		}
	}
	u := url.URL{Scheme: "http", Host: net.JoinHostPort(host, port), Path: "/setup",
		RawQuery: url.Values{"token": {token}}.Encode()}
	return u.String()
}

// startPruning runs pruneHourly in the background until the returned stop
// is called; stop returns once the pruning has ended.
func startPruning(ctx context.Context, acc *accounts.Service, logger *slog.Logger) (stop func()) {
	ctx, cancel := context.WithCancel(ctx)
	var wg sync.WaitGroup
	wg.Go(func() { pruneHourly(ctx, acc, logger) })
	return func() {
		cancel()
		wg.Wait()
	}
}

// pruneHourly removes what the accounts keep past its use now and then
// every pruneEvery until ctx is done. A failure is logged and retried at
// the next tick; the log names no session, token or address.
func pruneHourly(ctx context.Context, acc *accounts.Service, logger *slog.Logger) {
	tick := time.NewTicker(pruneEvery)
	defer tick.Stop()
	for {
		if err := acc.Prune(ctx); err != nil && ctx.Err() == nil {
			logger.Error("prune expired sessions and sign-in attempts", "err", err)
		}
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
	}
}
