package storage

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"strconv"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/stdlib"
	"gorm.io/driver/postgres"
	"gorm.io/gorm"
)

// postgresConns is how many connections a server keeps to PostgreSQL
// unless the URL's pool_max_conns says otherwise. Requests past it wait
// for a connection in the server (and the HTTP server bounds how many
// wait: see httpapi.Config.MaxActive, 32 reads and 32 writes at once).
const postgresConns = 16

// poolParam is the URL parameter that sets the size of the pool, named
// as pgx's own pool names it. It is the server's, not PostgreSQL's: it is
// taken out of the URL before connecting.
const poolParam = "pool_max_conns"

// postgresPool returns dsn without poolParam, with sessionSettings, and
// the pool size it asks for (postgresConns when it asks for none).
func postgresPool(dsn string) (string, int, error) {
	u, err := url.Parse(dsn)
	if err != nil {
		return "", 0, fmt.Errorf("the PostgreSQL URL does not parse")
	}
	q := u.Query()
	n := postgresConns
	if q.Has(poolParam) {
		n, err = strconv.Atoi(q.Get(poolParam))
		if err != nil || n < 1 {
			return "", 0, fmt.Errorf("%s in the PostgreSQL URL must be a positive whole number, not %q", poolParam, q.Get(poolParam))
		}
		q.Del(poolParam)
	}
	for name, value := range sessionSettings {
		switch {
		case !q.Has(name):
			q.Set(name, value)
		case q.Get(name) == "":
			q.Del(name) // sent not at all: a pooler that refuses it, say
		}
	}
	u.RawQuery = q.Encode()
	return u.String(), n, nil
}

// sessionSettings are PostgreSQL settings of every connection of the
// server's, sent when it connects (pgx passes a URL parameter it does not
// know to the server as one), unless the URL sets them, or sets them
// empty, which sends none (for a pooler that refuses settings it does not
// know when a client connects, PgBouncer's ignore_startup_parameters; set
// it on the role then: ALTER ROLE ... SET). No parallel
// workers: the tracker's statements read index ranges of one user's rows,
// and starting workers took longer than the statement (a search 0.6 s
// instead of 11 ms for a typical user on the busy machine). Set once a
// connection, it costs no statement (a search set it in a transaction of
// its own before, two round trips more).
var sessionSettings = map[string]string{"max_parallel_workers_per_gather": "0"}

// dialPostgres, when set (by tests), wraps the dialer of every PostgreSQL
// connection: a test counts the round trips of a call with it. Its
// connections skip the liveness ping that pgx sends when a connection
// taken from the pool has been idle for more than a second, which a slow
// machine would otherwise count as a round trip of the call.
var dialPostgres func(pgconn.DialFunc) pgconn.DialFunc

// postgresDialector returns the GORM dialector of the PostgreSQL database
// at dsn (with no pool parameter).
func postgresDialector(dsn string) (gorm.Dialector, error) {
	if dialPostgres == nil {
		return postgres.Open(dsn), nil
	}
	cfg, err := pgx.ParseConfig(dsn)
	if err != nil {
		return nil, err
	}
	cfg.DialFunc = dialPostgres(cfg.DialFunc)
	noPing := stdlib.OptionShouldPing(func(context.Context, stdlib.ShouldPingParams) bool { return false })
	return postgres.New(postgres.Config{Conn: stdlib.OpenDB(*cfg, noPing)}), nil
}

// PoolStats returns the statistics of the writer's pool and of the
// readers' (SQLite's writer and readers; PostgreSQL's one pool twice):
// connections in use, waits for one and their time.
func (db *DB) PoolStats() (write, read sql.DBStats) {
	return poolStats(db.write), poolStats(db.read)
}

func poolStats(g *gorm.DB) sql.DBStats {
	p, err := g.DB()
	if err != nil {
		return sql.DBStats{}
	}
	return p.Stats()
}
