package storage_test

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"gorm.io/gorm"

	"tracker/internal/applications"
	"tracker/internal/storage"
	"tracker/internal/storage/storagetest"
	"tracker/internal/workflow"
)

// crashEnv carries the database to the child process of the crash test.
const crashEnv = "TRACKER_CRASH_CHILD_DSN"

// TestCrashLosesNoAcknowledgedWrite starts a child process that writes
// applications from several goroutines (each with its history entry, in
// one transaction; some transactions fail after writing) and prints the id
// of each once its commit returned, kills it with SIGKILL at a random
// moment, and checks the database: intact, no dangling keys, every
// acknowledged application there with its history and its search words,
// and nothing of a failed transaction. On SQLite the kills also land
// while the background checkpointer copies the WAL into the database
// file: the test fails if none of the children had checkpointed. Fifty
// rounds on each database (ten in -short), a few seconds each.
func TestCrashLosesNoAcknowledgedWrite(t *testing.T) {
	rounds := 50
	if testing.Short() {
		rounds = 10
	}
	t.Run("sqlite", func(t *testing.T) {
		crashRounds(t, filepath.Join(t.TempDir(), "crash.db"), rounds)
	})
	t.Run("postgres", func(t *testing.T) {
		crashRounds(t, storagetest.PostgresDSN(t), rounds)
	})
}

func crashRounds(t *testing.T, dsn string, rounds int) {
	db, err := storage.Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	storagetest.Owner(t, db, "crash@example.com")
	db.Close()
	acked := map[int64]bool{}
	checkpointed := 0 // rounds whose child had checkpointed before the kill
	for round := range rounds {
		ids, checkpoints := crashOnce(t, dsn)
		for _, id := range ids {
			acked[id] = true
		}
		if checkpoints > 0 {
			checkpointed++
		}
		checkAfterCrash(t, dsn, acked, round)
	}
	if len(acked) < rounds {
		t.Fatalf("only %d writes acknowledged in %d rounds: the child barely wrote, the test proves little", len(acked), rounds)
	}
	if !storage.IsPostgres(dsn) && checkpointed == 0 {
		t.Fatalf("no child checkpointed before its kill: the test proves nothing of the checkpointer")
	}
	t.Logf("%d acknowledged writes over %d kills (%d after a background checkpoint), none lost", len(acked), rounds, checkpointed)
}

// crashOnce runs the child, kills it a random while after its first
// acknowledged write, and returns the ids it acknowledged and how many
// background checkpoints it had run by its last acknowledgement.
func crashOnce(t *testing.T, dsn string) (ids []int64, checkpoints int64) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestCrashChild$", "-test.count=1")
	cmd.Env = append(os.Environ(), crashEnv+"="+dsn)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	lines := bufio.NewScanner(out)
	kill := time.Duration(rand.IntN(80)) * time.Millisecond
	var timer *time.Timer
	for lines.Scan() {
		ack, ok := strings.CutPrefix(lines.Text(), "ack ")
		if !ok {
			continue
		}
		id, ran, _ := strings.Cut(ack, " ")
		n, err := strconv.ParseInt(id, 10, 64)
		c, cerr := strconv.ParseInt(ran, 10, 64)
		if err != nil || cerr != nil {
			t.Fatalf("child printed %q", lines.Text())
		}
		ids, checkpoints = append(ids, n), c
		if timer == nil {
			timer = time.AfterFunc(kill, func() { cmd.Process.Signal(syscall.SIGKILL) })
		}
	}
	err = cmd.Wait()
	if ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus); !ok || !ws.Signaled() {
		t.Fatalf("the child ended by itself (%v) before it was killed", err)
	}
	return ids, checkpoints
}

// checkAfterCrash opens the database as the next start would and checks
// it.
func checkAfterCrash(t *testing.T, dsn string, acked map[int64]bool, round int) {
	t.Helper()
	db, err := storage.Open(context.Background(), dsn)
	if err != nil {
		t.Fatalf("round %d: reopen after the kill: %v", round, err)
	}
	words := !storage.IsPostgres(dsn) && db.FullText() // SQLite writes an application's words itself
	db.Close()
	raw, err := storage.OpenAt(context.Background(), dsn, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer storage.CloseRaw(raw)
	if !storage.IsPostgres(dsn) {
		checkSQLiteIntact(t, raw, round)
	}
	var ids []int64
	if err := raw.Table("applications").Pluck("id", &ids).Error; err != nil {
		t.Fatal(err)
	}
	have := map[int64]bool{}
	for _, id := range ids {
		have[id] = true
	}
	for id := range acked {
		if !have[id] {
			t.Fatalf("round %d: acknowledged application %d is gone", round, id)
		}
	}
	var refused int64
	if err := raw.Raw(`SELECT count(*) FROM applications WHERE company LIKE 'Refused%'`).Scan(&refused).Error; err != nil {
		t.Fatal(err)
	}
	if refused != 0 {
		t.Fatalf("round %d: %d applications of failed transactions stored", round, refused)
	}
	var orphans int64
	raw.Raw(`SELECT count(*) FROM applications a WHERE NOT EXISTS (SELECT 1 FROM history h WHERE h.application_id = a.id)`).Scan(&orphans)
	if orphans != 0 {
		t.Fatalf("round %d: %d applications without their history: a transaction was torn", round, orphans)
	}
	if !words {
		return
	}
	var unindexed, stray int64
	err = errors.Join(
		raw.Raw(`SELECT count(*) FROM applications WHERE id NOT IN (SELECT rowid FROM application_words)`).Scan(&unindexed).Error,
		raw.Raw(`SELECT count(*) FROM application_words WHERE rowid NOT IN (SELECT id FROM applications)`).Scan(&stray).Error)
	if err != nil {
		t.Fatal(err)
	}
	if unindexed != 0 || stray != 0 {
		t.Fatalf("round %d: %d applications without their search words, %d words of none: a transaction was torn", round, unindexed, stray)
	}
}

func checkSQLiteIntact(t *testing.T, raw *gorm.DB, round int) {
	t.Helper()
	var integrity []string
	if err := raw.Raw("PRAGMA integrity_check").Scan(&integrity).Error; err != nil {
		t.Fatal(err)
	}
	if len(integrity) != 1 || integrity[0] != "ok" {
		t.Fatalf("round %d: integrity_check: %v", round, integrity)
	}
	var dangling []map[string]any
	if err := raw.Raw("PRAGMA foreign_key_check").Scan(&dangling).Error; err != nil {
		t.Fatal(err)
	}
	if len(dangling) != 0 {
		t.Fatalf("round %d: foreign_key_check: %v", round, dangling)
	}
}

// TestCrashChild is the writing child of the crash test; run alone it
// does nothing. Eight writers at once make SQLite share transactions
// between them (group commit); every third call writes and then fails, and
// must leave nothing.
func TestCrashChild(t *testing.T) {
	dsn := os.Getenv(crashEnv)
	if dsn == "" {
		t.Skip("only the crash test runs this, in a child process")
	}
	db, err := storage.Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	ctx := applications.WithOwner(context.Background(), 1)
	refused := errors.New("refused")
	var mu sync.Mutex
	for w := range 8 {
		go func() {
			for i := 0; ; i++ {
				company := fmt.Sprintf("Crash %d-%d", w, i)
				if i%3 == 2 {
					company = "Refused " + company
				}
				a := &applications.Application{Fields: applications.Fields{Company: company, Role: "Dev"},
					Status: workflow.Applied, CreatedAt: at, UpdatedAt: at}
				err := db.InTx(ctx, func(ctx context.Context) error {
					if err := db.CreateApplication(ctx, a); err != nil {
						return err
					}
					if err := db.AddHistory(ctx, &applications.HistoryEntry{ApplicationID: a.ID, To: workflow.Applied, At: at, Note: "created"}); err != nil {
						return err
					}
					if strings.HasPrefix(company, "Refused") {
						return refused
					}
					return nil
				})
				if err == refused {
					continue
				}
				if err != nil {
					fmt.Fprintln(os.Stderr, err)
					os.Exit(1)
				}
				mu.Lock()
				fmt.Fprintf(os.Stdout, "ack %d %d\n", a.ID, db.Checkpoints())
				mu.Unlock()
			}
		}()
	}
	select {}
}
