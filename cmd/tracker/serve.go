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

	"tracker/internal/applications"
	"tracker/internal/httpapi"
)

// shutdownTimeout bounds how long serve waits for requests in flight when
// it is told to stop.
const shutdownTimeout = 10 * time.Second

// cmdServe runs the web server until SIGINT or SIGTERM (or ctx) stops it,
// then shuts down gracefully.
func cmdServe(ctx context.Context, a *app, args []string) error {
	var cfg Config
	fs := newFlagSet("serve")
	cfg.registerData(fs)
	cfg.registerServe(fs)
	pos, err := a.parse(fs, &cfg, args)
	if err != nil {
		return err
	}
	if err := wantArgs(pos); err != nil {
		return err
	}
	ctx, stop := signal.NotifyContext(ctx, os.Interrupt, syscall.SIGTERM)
	defer stop()
	logger := newLogger(a.stderr, cfg.LogFormat)
	db, err := openDB(ctx, cfg.DB)
	if err != nil {
		return err
	}
	defer func() {
		if err := db.Close(); err != nil {
			logger.Error("close the database", "err", err)
		}
	}()
	logger.Info("database open", "db", dbForLog(cfg.DB))
	svc := applications.NewService(db, cfg.policy(), a.now)
	return serve(ctx, cfg.Addr, httpapi.New(httpapi.Config{Apps: svc, Logger: logger}), logger)
}

// newLogger returns the one logger of the server, text or JSON.
func newLogger(w io.Writer, format string) *slog.Logger {
	if format == "json" {
		return slog.New(slog.NewJSONHandler(w, nil))
	}
	return slog.New(slog.NewTextHandler(w, nil))
}

func dbForLog(db string) string {
	if isPostgres(db) {
		return redact(db)
	}
	return db
}

// serve listens on addr and serves h until ctx is done, then gives the
// requests in flight shutdownTimeout to finish. Listening first lets
// --addr name port 0 and still log the real address.
func serve(ctx context.Context, addr string, h http.Handler, logger *slog.Logger) error {
	ln, err := (&net.ListenConfig{}).Listen(ctx, "tcp", addr)
	if err != nil {
		return err
	}
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
