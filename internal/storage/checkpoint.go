package storage

import (
	"database/sql"
	"sync"
	"sync/atomic"
	"time"
)

// Checkpoints off the writer's path (SQLite).
//
// In WAL mode every commit appends the pages it changed to the WAL, and a
// checkpoint copies them back into the database file so that the WAL can
// start again from its beginning. SQLite's own (automatic) checkpoint runs
// on the connection that committed, right after its COMMIT, once the WAL
// holds 1,000 pages: on the tracker's one writer, where it syncs the WAL
// and the database file to disk (about 3 ms each on the project's machine)
// while every write waits. So a checkpointer of its own, on a connection
// of its own, runs PASSIVE checkpoints beside the writer: after commits,
// at most once every checkpointEvery. A PASSIVE checkpoint takes no lock a
// writer or reader waits for; it copies what no reader still needs.
//
// The writer keeps an automatic checkpoint at walPagesMost pages, so that
// the WAL stays bounded. The WAL starts again from its beginning only when
// a write transaction begins with every page of it copied and no reader
// in it; under a sustained stream of writes some commit always came after
// the last checkpoint, so that moment never comes but after the writer's
// own checkpoint, which copies what was committed since the background
// checkpoint and syncs both files while every write waits. At
// -size small, in runs of the write endpoints at their maximum, the WAL
// grew to the limit every time before it started again, and the writer's
// checkpoint took 4 to 189 ms, six to nine times a run at 10,000 pages (a
// commit's median is 0.12 ms); two or three times at 30,000. Starting the
// WAL again from the checkpointer instead, with the writer held (a
// RESTART checkpoint), held it as long, and readers still in the old WAL
// often kept it from starting again.
//
// Nothing acknowledged depends on a checkpoint: a commit is in the WAL
// when COMMIT returns, and a checkpoint killed half-way is redone from the
// WAL at the next open (the crash test kills processes whose checkpointer
// runs).

// checkpointEvery is the least time between two background checkpoints.
const checkpointEvery = 100 * time.Millisecond

// walPagesMost is the writer's automatic checkpoint: the most pages the
// WAL holds before the writer checkpoints itself (SQLite's default 1,000),
// about 120 MB. Readers search only the part the background checkpoint has
// not copied yet, so a long WAL does not slow them; the file keeps its
// length until the database closes, and a start after a crash reads back
// what the WAL held since it last started again, up to that length.
const walPagesMost = 30000

// checkpointer runs PASSIVE checkpoints of a SQLite database in the
// background after its writer commits.
type checkpointer struct {
	conn      *sql.DB
	committed chan struct{} // holds a token when a commit came since the last checkpoint
	stop      chan struct{}
	done      chan struct{}
	stopOnce  sync.Once
	runs      atomic.Int64 // checkpoints that ran, for tests
}

// startCheckpointer opens a connection of its own to the database at dsn
// and starts checkpointing it.
func startCheckpointer(dsn string) (*checkpointer, error) {
	conn, err := sql.Open(sqliteDriver, dsn)
	if err != nil {
		return nil, err
	}
	conn.SetMaxOpenConns(1)
	if err := conn.Ping(); err != nil {
		conn.Close()
		return nil, err
	}
	c := &checkpointer{conn: conn, committed: make(chan struct{}, 1), stop: make(chan struct{}), done: make(chan struct{})}
	go c.run()
	return c, nil
}

// commit tells the checkpointer that the writer committed. It never waits.
func (c *checkpointer) commit() {
	if c == nil {
		return
	}
	select {
	case c.committed <- struct{}{}:
	default:
	}
}

func (c *checkpointer) run() {
	defer close(c.done)
	for {
		select {
		case <-c.stop:
			return
		case <-c.committed:
		}
		// An error (an I/O error, a full disk) leaves the pages in the WAL,
		// where they are as safe; the writer's own checkpoint and the next
		// commit try again.
		c.conn.Exec("PRAGMA wal_checkpoint(PASSIVE)")
		c.runs.Add(1)
		select {
		case <-c.stop:
			return
		case <-time.After(checkpointEvery):
		}
	}
}

// close stops the checkpointer and closes its connection; a second call
// only closes the closed connection again.
func (c *checkpointer) close() error {
	c.stopOnce.Do(func() { close(c.stop) })
	<-c.done
	return c.conn.Close()
}
