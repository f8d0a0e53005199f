package storage_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"testing"
	"time"

	"tracker/internal/storage"
	"tracker/internal/storage/storagetest"
)

// TestPostgresRoundTrips counts what each of the busiest requests costs
// in round trips to PostgreSQL through the real router, signed in by an
// API token, on one connection whose statements are already prepared:
// each statement is a round trip of its own on the network, so these are
// the figures to keep down. It fails when a request takes more than it
// does now: a read is one statement (the token's lookup is cached); a
// create is one statement (the application, its names, its history entry
// and its due time) and the read of the settings its detail shows; a move BEGIN,
// the locked read, one statement that updates, logs, answers a pending
// invitation and drops the due time, COMMIT and the read of the detail,
// with the due time's statement and an invitation's reads and writes
// where the stage has them. A decline or a withdrawal reads the
// application with the profile, the settings, its invitations and its
// history in one statement (locked when it sends); a follow-up reads the
// profile and the settings in one. A letter stores itself in one
// statement that checks the owner; a change of the settings rewrites the
// due times in one statement. A decline's preview is the one read (with
// the version of the user's names, so a letter whose words pass none of
// the keys in the user's name filter needs no lookup of its names); a
// decline BEGIN, the locked read, the move, the due time, the letter,
// COMMIT and the read of the detail. A page of warnings is one statement: the ranges of its
// classes in one UNION ALL, with the settings' no-reply days on each row.
//
// Before: a decline's preview 2 and a decline 8 (the names looked up
// for every letter); the warnings 4, a decline's preview 5 and a decline 11 (the
// application, the profile and settings, the invitations and the history
// each read apart); a search 6 (BEGIN, its settings, the walk, the
// settings of the word index, its read, COMMIT); before that, a move to
// invited 10, to scheduled 7, a decline 13, a follow-up 11, the settings 6.
func TestPostgresRoundTrips(t *testing.T) {
	sends := storage.CountPostgresSends(t)
	// A letter's check of other names rebuilds the user's name filter
	// once it is out of date; by default not within a second of the last
	// build, which made a letter's count depend on the machine's speed.
	storage.RebuildNameFiltersAtOnce(t)
	dsn := storagetest.PostgresDSN(t) + "&pool_max_conns=1"
	db, err := storage.Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	storage.ExactNameFilters(db)
	// The API token's lookup is cached for a second; on a slow machine it
	// ran out between requests and added its round trip to whichever
	// request came next. The accounts' clock stands still so that the
	// cache holds for the whole test, and the counts are the requests' own.
	start := time.Now()
	api := newAPIClient(t, db, "sam@example.com", func() time.Time { return start })
	call := api.call
	create := func() int64 {
		var out struct{ ID int64 }
		if err := json.Unmarshal(call("POST", "/applications", `{"company":"Acme","role":"Engineer","status":"applied"}`, http.StatusCreated), &out); err != nil {
			t.Fatal(err)
		}
		return out.ID
	}
	createInvited := func() int64 {
		var out struct{ ID int64 }
		if err := json.Unmarshal(call("POST", "/applications", `{"company":"Initech","role":"Engineer","invitation":{"received_at":"`+time.Now().UTC().Add(-time.Hour).Format(time.RFC3339)+`","message":"a call?"}}`, http.StatusCreated), &out); err != nil {
			t.Fatal(err)
		}
		return out.ID
	}
	call("PATCH", "/settings/profile", `{"name":"Sam Lee"}`, http.StatusOK)
	for range 20 {
		create()
	}
	several := func(make func() int64) []int64 {
		var ids []int64
		for range 4 {
			ids = append(ids, make())
		}
		return ids
	}
	moving, interviewing, invited, declining := several(create), several(create), several(createInvited), several(createInvited)
	declined := several(createInvited)
	for _, d := range declined {
		call("POST", fmt.Sprintf("/applications/%d/decline", d), `{"reason":"another_offer","override":true}`, http.StatusOK)
	}
	id := create()
	requests := []request{
		{"GET /applications/{id}", 1, func(int) { call("GET", fmt.Sprintf("/applications/%d", id), "", http.StatusOK) }},
		{"GET /applications (50)", 1, func(int) { call("GET", "/applications?limit=50", "", http.StatusOK) }},
		// Without statistics of the word index a search walks first and
		// then reads the index (the page here is not full).
		{"GET /applications?q=", 2, func(int) { call("GET", "/applications?limit=50&q=acme", "", http.StatusOK) }},
		{"GET /applications?q= by updated", 2, func(int) { call("GET", "/applications?limit=50&q=acme&sort=updated", "", http.StatusOK) }},
		{"GET /warnings", 1, func(int) { call("GET", "/warnings", "", http.StatusOK) }},
		// The preview and the decline read the application with the
		// profile, the settings, its invitations (for the imported
		// invitation whose thread the letter answers, and the slot a
		// cancellation names), whether it was interviewed and the
		// version of the user's names in one statement; the names the
		// letter holds are looked up only when one of its keys passes
		// the user's name filter.
		{"POST decline/preview", 1, func(i int) {
			call("POST", fmt.Sprintf("/applications/%d/decline/preview", declining[i]), `{"reason":"another_offer"}`, http.StatusOK)
		}},
		{"POST /applications", 2, func(int) { create() }},
		{"POST transitions (to rejected)", 5, func(i int) {
			call("POST", fmt.Sprintf("/applications/%d/transitions", moving[i]), `{"to":"rejected"}`, http.StatusOK)
		}},
		{"POST transitions (applied to invited)", 9, func(i int) {
			call("POST", fmt.Sprintf("/applications/%d/transitions", interviewing[i]), `{"to":"invited"}`, http.StatusOK)
		}},
		{"POST transitions (invited to scheduled)", 6, func(i int) {
			call("POST", fmt.Sprintf("/applications/%d/transitions", invited[i]), `{"to":"scheduled"}`, http.StatusOK)
		}},
		{"POST decline", 7, func(i int) {
			call("POST", fmt.Sprintf("/applications/%d/decline", declining[i]), `{"reason":"another_offer","override":true}`, http.StatusOK)
		}},
		{"POST follow-up", 9, func(i int) {
			call("POST", fmt.Sprintf("/applications/%d/follow-up", declined[i]), `{"kind":"confirm","override":true}`, http.StatusOK)
		}},
		{"PATCH /settings", 5, func(i int) {
			call("PATCH", "/settings", fmt.Sprintf(`{"no_reply_days":%d}`, 20+i), http.StatusOK)
		}},
	}
	measure := func(requests []request) {
		for _, r := range requests {
			for i := range 4 { // the first two prepare what the others reuse
				before := sends.Load()
				r.run(i)
				n := sends.Load() - before
				if i < 2 {
					continue
				}
				t.Logf("%s: %d round trips", r.name, n)
				if n > r.most {
					t.Errorf("%s took %d round trips to PostgreSQL, more than %d", r.name, n, r.most)
				}
			}
		}
	}
	measure(requests)

	// With statistics, a search chooses its way before it reads: a word
	// in many of the user's rows (1,200 at Globex) walks the list's
	// index, a rare one (Acme) reads the word index, and none needs a
	// second step: one round trip each, its settings sent with it.
	err = db.ExecTx(context.Background(), `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1200)
		INSERT INTO applications (owner_id, company, role, notes, status, applied_at, created_at, updated_at)
		SELECT ?, 'Globex ' || i, 'Engineer', '', 'applied', now(), now(), now() FROM n`, api.UserID)
	if err == nil {
		err = db.ExecTx(context.Background(), "ANALYZE applications")
	}
	if err != nil {
		t.Fatal(err)
	}
	db.ForgetWordStats()
	measure([]request{
		{"GET /applications?q= (rare)", 1, func(int) { call("GET", "/applications?limit=50&q=acme", "", http.StatusOK) }},
		{"GET /applications?q= (rare) by updated", 1, func(int) { call("GET", "/applications?limit=50&q=acme&sort=updated", "", http.StatusOK) }},
		{"GET /applications?q= (common) by updated", 1, func(int) { call("GET", "/applications?limit=50&q=globex&sort=updated", "", http.StatusOK) }},
		{"GET /applications?q= (common, typed) by company", 1, func(int) { call("GET", "/applications?limit=50&q=glob&sort=company", "", http.StatusOK) }},
		{"GET /applications?q= (none)", 1, func(int) { call("GET", "/applications?limit=50&q=zzz", "", http.StatusOK) }},
	})
}

type request struct {
	name string
	most int64
	run  func(i int)
}

// TestPostgresPoolParameter checks that pool_max_conns, the server's own
// parameter, is taken out of the URL (PostgreSQL would refuse it as an
// unknown setting) and must be a positive number.
func TestPostgresPoolParameter(t *testing.T) {
	dsn := storagetest.PostgresDSN(t)
	for _, bad := range []string{"0", "-1", "many"} {
		if db, err := storage.Open(context.Background(), dsn+"&pool_max_conns="+bad); err == nil {
			db.Close()
			t.Errorf("pool_max_conns=%s was taken", bad)
		}
	}
	for _, open := range []func(context.Context, string) (*storage.DB, error){storage.Open, storage.OpenReadOnly} {
		db, err := open(context.Background(), dsn+"&pool_max_conns=3")
		if err != nil {
			t.Fatal(err)
		}
		db.Close()
	}
}

// TestSearchSettingsLastTheBatch checks what a search's one round trip
// relies on: planner settings made with set_config(..., true) in the
// pipeline of a search step hold for the statements after them in it
// (its implicit transaction) and are gone after it, on a pool of one
// connection, which the next statement then runs on; and every
// connection runs without parallel workers unless the URL says otherwise.
func TestSearchSettingsLastTheBatch(t *testing.T) {
	db, err := storage.Open(context.Background(), storagetest.PostgresDSN(t)+"&pool_max_conns=1")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for range 2 {
		in, after, parallel, err := db.SettingsOfBatch(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		if in != "off" || after != "on" || parallel != "0" {
			t.Errorf("enable_seqscan %q in the batch and %q after it, max_parallel_workers_per_gather %q; want off, on, 0", in, after, parallel)
		}
	}
	// The URL may set another value.
	other, err := storage.Open(context.Background(), storagetest.PostgresDSN(t)+"&max_parallel_workers_per_gather=1")
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	if _, _, parallel, err := other.SettingsOfBatch(context.Background()); err != nil || parallel != "1" {
		t.Errorf("max_parallel_workers_per_gather %q (%v) with 1 in the URL", parallel, err)
	}
}
