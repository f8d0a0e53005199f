package storage

import (
	"context"
	"database/sql"
	"strings"
	"syscall"
	"testing"
	"time"
)

func zzCPU() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func zzTime(t *testing.T, name string, n int, f func(i int)) {
	start, c := time.Now(), zzCPU()
	for i := range n {
		f(i)
	}
	t.Logf("%-30s %8.1f us wall %8.1f us cpu", name, float64(time.Since(start).Microseconds())/float64(n), float64((zzCPU()-c).Microseconds())/float64(n))
}

func TestZZScratch(t *testing.T) {
	ctx := context.Background()
	pool, err := sql.Open("sqlite3", "file:/tmp/reads/db/tracker.db?"+sqliteParams+"&_query_only=1")
	if err != nil {
		t.Fatal(err)
	}
	pool.SetMaxOpenConns(1)
	cols := "SELECT " + applicationColumns + " FROM applications WHERE owner_id = ? ORDER BY id DESC LIMIT 51"
	perRow := "SELECT json_array(" + applicationColumns + ") FROM applications WHERE owner_id = ? ORDER BY id DESC LIMIT 51"
	page := "SELECT json_group_array(json_array(" + applicationColumns + ")) FROM (SELECT " + applicationColumns + " FROM applications WHERE owner_id = ? ORDER BY id DESC LIMIT 51)"
	_ = strings.Repeat
	for range 3 {
		zzTime(t, "columns", 3000, func(i int) {
			rows, err := pool.QueryContext(ctx, cols, int64(i%100+1))
			if err != nil {
				t.Fatal(err)
			}
			page, err := scanRows[applicationRow](rows)
			if err != nil || len(page) != 51 {
				t.Fatal(err)
			}
		})
		zzTime(t, "json per row", 3000, func(i int) {
			rows, err := pool.QueryContext(ctx, perRow, int64(i%100+1))
			if err != nil {
				t.Fatal(err)
			}
			var out []applicationRow
			for rows.Next() {
				var s string
				rows.Scan(&s)
				var r applicationRow
				if err := decodeJSONRow(s, r.fields()); err != nil {
					t.Fatal(err)
				}
				out = append(out, r)
			}
			rows.Close()
			if len(out) != 51 {
				t.Fatal(len(out))
			}
		})
		zzTime(t, "json page", 3000, func(i int) {
			var s string
			if err := pool.QueryRowContext(ctx, page, int64(i%100+1)).Scan(&s); err != nil {
				t.Fatal(err)
			}
			out, err := decodeJSONRows[applicationRow](s)
			if err != nil || len(out) != 51 {
				t.Fatal(err)
			}
		})
	}
}
