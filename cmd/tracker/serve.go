package main

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"tracker/internal/accounts"
	"tracker/internal/applications"
	"tracker/internal/buflog"
	"tracker/internal/feed"
	"tracker/internal/gctune"
	"tracker/internal/httpapi"
	"tracker/internal/storage"
)

// shutdownTimeout bounds how long serve waits for requests in flight when
// it is told to stop.
const shutdownTimeout = 10 * time.Second

// logFlushEvery is how long a log line may wait to be written: the server
// writes its log in batches (a line a request, one write a batch), and all
// of it when it stops.
const logFlushEvery = 100 * time.Millisecond

// cmdServe runs the web server until SIGINT or SIGTERM (or ctx) stops it,
// then shuts down gracefully. With no account yet, it prints a setup link
// for the first one.
func cmdServe(ctx context.Context, a *app, args []string) error {
	var cfg Config
	fs := newFlagSet("serve")
	cfg.registerDB(fs)
	cfg.registerServe(fs)
	if err := a.parseFlagsOnly(fs, &cfg, args); err != nil {
		return err
	}
	ctx, stop := signal.NotifyContext(ctx, os.Interrupt, syscall.SIGTERM)
	defer stop()
	gctune.ServerDefaults(a.getenv)
	logOut := buflog.New(a.stderr, logFlushEvery)
	defer logOut.Close() // deferred first, so it runs last: every line is out
	logger := newLogger(logOut, cfg.LogFormat)
	db, err := openDB(ctx, cfg.DB)
	if err != nil {
		return err
	}
	defer func() {
		if err := db.Close(); err != nil {
			logger.Error("close the database", "err", err)
		}
	}()
	logger.Info("database open", "db", storage.Redacted(cfg.DB))
	acc := a.accounts(db)
	go accounts.WarmUp() // beside the rest of the start: it alone took half of it
	ln, err := (&net.ListenConfig{}).Listen(ctx, "tcp", cfg.Addr)
	if err != nil {
		return err
	}
	if err := a.offerSetup(ctx, acc, cfg.Addr, ln.Addr()); err != nil {
		ln.Close()
		return err
	}
	stopPruning := startPruning(ctx, acc, logger)
	defer stopPruning() // before the deferred Close of the database
	apps := applications.NewService(db, a.now)
	reminders := newReminders(db, apps, a.now, cfg, logger)
	stopReminding := startReminding(ctx, reminders, cfg.RemindEvery)
	defer stopReminding()
	h := httpapi.New(httpapi.Config{
		Apps: apps, Accounts: acc, Logger: logger, Feeds: feed.NewService(db, a.now), Backups: db,
		AllowSignup: cfg.AllowSignup, SecureCookies: cfg.SecureCookies,
		TrustedProxies: cfg.TrustedProxies, CORSOrigins: cfg.CORSOrigins,
		Writable: db.CheckWritable, Reminders: reminders, MaxActive: cfg.MaxActive,
	})
	ln = httpapi.ProtocolErrorsAsJSON(httpapi.LimitListener(ln, max(cfg.MaxConns, 1), max(cfg.MaxConnsPerIP, 1)))
	return serve(ctx, ln, h, logger)
}

// newLogger returns the one logger of the server, text or JSON.
func newLogger(w io.Writer, format string) *slog.Logger {
	if format == "json" {
		return slog.New(slog.NewJSONHandler(w, nil))
	}
	return slog.New(slog.NewTextHandler(w, nil))
}

// serve serves h on ln until ctx is done, then gives the requests in
// flight shutdownTimeout to finish. Listening before serve lets --addr name
// port 0 and still log and link the real address.
func serve(ctx context.Context, ln net.Listener, h http.Handler, logger *slog.Logger) error {
	srv := &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(logger.Handler(), slog.LevelWarn),
	}
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	logger.Info("listening", "addr", ln.Addr().String())
	select {
	case err := <-done:
		return err // Serve failed before any shutdown
	case <-ctx.Done():
	}
	logger.Info("shutting down")
	sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), shutdownTimeout)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		return err
	}
	if err := <-done; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	logger.Info("stopped")
	return nil
}
