package main

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"

	"tracker/internal/applications"
	"tracker/internal/exchange"
	"tracker/internal/storage"
)

// cmdExport writes every application of the account as a JSON backup or
// a CSV sheet, to standard output or --out, as it reads them from one
// snapshot of the database: its memory does not grow with the account.
// --out is written to a temporary file beside it, renamed into place once
// whole, so an error leaves no file (and an older one as it was); on
// standard output an error midway leaves what was written before it, and
// the exit status says so.
func cmdExport(ctx context.Context, a *app, args []string) error {
	var cfg Config
	fs := newFlagSet("export")
	cfg.registerData(fs)
	format := fs.String("format", "json", "`json` (a full backup that tracker import restores) or csv")
	out := fs.String("out", "", "write to this `file` instead of standard output")
	if err := a.parseFlagsOnly(fs, &cfg, args); err != nil {
		return err
	}
	if *format != "json" && *format != "csv" {
		return usageErrorf("--format must be json or csv")
	}
	return a.withService(ctx, &cfg, 0, func(ctx context.Context, svc *applications.Service) error {
		write := func(w io.Writer) error {
			bw := bufio.NewWriterSize(w, 64<<10)
			var err error
			if *format == "csv" {
				err = exchange.WriteCSV(ctx, bw, svc)
			} else {
				err = exchange.WriteBackup(ctx, bw, svc, a.now(), true)
			}
			if err != nil {
				return err
			}
			return bw.Flush()
		}
		if *out == "" {
			return write(a.stdout)
		}
		return writeFileAtomic(*out, write)
	})
}

// writeFileAtomic writes the file name with write, through a temporary
// file in its folder that takes its name only once write has succeeded.
func writeFileAtomic(name string, write func(w io.Writer) error) (err error) {
	f, err := os.CreateTemp(filepath.Dir(name), "."+filepath.Base(name)+".*.tmp")
	if err != nil {
		return fmt.Errorf("create the file: %w", err)
	}
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(f.Name())
		}
	}()
	if err := f.Chmod(0o600); err != nil {
		return err
	}
	if err := write(f); err != nil {
		return err
	}
	if err := f.Sync(); err != nil {
		return fmt.Errorf("write the file: %w", err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("write the file: %w", err)
	}
	if err := os.Rename(f.Name(), name); err != nil {
		return fmt.Errorf("write the file: %w", err)
	}
	return nil
}

// cmdImport adds the applications of a JSON backup (all or nothing) or a
// CSV sheet (every good row; the others listed with their line).
func cmdImport(ctx context.Context, a *app, args []string) error {
	var cfg Config
	fs := newFlagSet("import")
	cfg.registerData(fs)
	format := fs.String("format", "", "`json` or csv (default: told from the file)")
	pos, err := a.parse(fs, &cfg, args)
	if err != nil {
		return err
	}
	if err := wantArgs(pos, "FILE"); err != nil {
		return err
	}
	data, err := a.readFile(pos[0])
	if err != nil {
		return err
	}
	if *format == "" {
		*format = "csv"
		if bytes.HasPrefix(bytes.TrimSpace(data), []byte("{")) {
			*format = "json"
		}
	}
	return withDB(ctx, cfg.DB, func(db *storage.DB) error {
		u, err := actingUser(ctx, a.accounts(db), cfg.User, "--user")
		if err != nil {
			return serviceErr(err, 0)
		}
		owned := applications.WithOwner(ctx, u.ID)
		return serviceErr(a.importData(owned, db, *format, data), 0)
	})
}

func (a *app) importData(ctx context.Context, db *storage.DB, format string, data []byte) error {
	switch format {
	case "json":
		b, err := exchange.ReadBackup(bytes.NewReader(data))
		if err != nil {
			return err
		}
		n, err := exchange.Restore(ctx, db, b)
		if err == nil {
			a.printf("Restored %d applications.\n", n)
		}
		return err
	case "csv":
		rep, err := exchange.ImportCSV(ctx, bytes.NewReader(data), applications.NewService(db, a.now), a.progress())
		if rep != nil {
			printReport(a, rep)
		}
		return err
	}
	return usageErrorf("--format must be json or csv")
}

// progress returns a progress bar on a terminal, nil elsewhere.
func (a *app) progress() func(done, total int) {
	f, ok := a.stderr.(*os.File)
	if !ok || !term.IsTerminal(int(f.Fd())) {
		return nil
	}
	var bar *progressbar.ProgressBar
	return func(done, total int) {
		if bar == nil {
			bar = progressbar.NewOptions(total, progressbar.OptionSetWriter(f), progressbar.OptionSetDescription("importing"),
				progressbar.OptionShowCount(), progressbar.OptionClearOnFinish())
		}
		_ = bar.Set(done)
	}
}

// maxNotes is how many remarks on imported rows are printed; every row
// left out is printed.
const maxNotes = 20

func printReport(a *app, rep *exchange.Report) {
	a.printf("Imported %d applications.\n", rep.Imported)
	for i, n := range rep.Notes {
		if i == maxNotes {
			a.printf("... and %d more rows imported with a change like these\n", len(rep.Notes)-maxNotes)
			break
		}
		a.printf("line %d: %s\n", n.Line, n.Message)
	}
	if len(rep.Errors) > 0 {
		a.printf("%d rows were not imported:\n", len(rep.Errors))
		for _, e := range rep.Errors {
			a.printf("line %d: %s\n", e.Line, e.Message)
		}
	}
}

// readFile reads a file, "-" for standard input.
func (a *app) readFile(name string) ([]byte, error) {
	if name == "-" {
		return io.ReadAll(a.stdin)
	}
	data, err := os.ReadFile(name)
	if err != nil {
		return nil, fmt.Errorf("read the file: %w", err)
	}
	return data, nil
}
