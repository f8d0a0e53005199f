package storage_test

import (
	"context"
	"fmt"
	"reflect"
	"testing"
	"time"

	"tracker/internal/applications"
	"tracker/internal/storage/storagetest"
)

// TestMigrationFillsDueTimes fills a database at migration 32 (before the
// stored due times) with two users, one with settings of their own and
// one with the defaults, and applications with something due of every
// kind; migration 40 must fill in their due times so that the warnings
// read from them equal those the details compute, now and later.
func TestMigrationFillsDueTimes(t *testing.T) {
	storagetest.EachDSN(t, checkDueBackfill)
}

var dueBase = time.Date(2026, 5, 4, 12, 0, 0, 0, time.UTC)

func checkDueBackfill(t *testing.T, dsn string) {
	ctx := context.Background()
	old := atMigration(t, dsn, 32)
	fillDue(t, old)
	db := old.Migrate()
	for user := int64(1); user <= 2; user++ {
		for _, later := range []time.Duration{0, 5 * time.Hour, 3 * 24 * time.Hour, 30 * 24 * time.Hour} {
			now := dueBase.Add(later)
			svc := applications.NewService(db, func() time.Time { return now })
			owned := applications.WithOwner(ctx, user)
			got, err := storagetest.AllWarnings(owned, svc)
			if err != nil {
				t.Fatal(err)
			}
			want := detailWarnings(t, owned, svc)
			if len(want) == 0 && later == 0 {
				t.Fatalf("user %d: nothing is due; the fill proves nothing", user)
			}
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("user %d at +%s: migrated warnings %+v, want %+v", user, later, got, want)
			}
		}
	}
}

// detailWarnings is every warning of the user's applications' details,
// in the warnings list's order.
func detailWarnings(t *testing.T, ctx context.Context, svc *applications.Service) []applications.Warning {
	t.Helper()
	page, err := svc.List(ctx, applications.ListFilter{Sort: applications.SortOldest, Limit: applications.MaxPageSize})
	if err != nil {
		t.Fatal(err)
	}
	var out []applications.Warning
	for _, a := range page.Items {
		d, err := svc.Get(ctx, a.ID)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, d.Warnings...)
	}
	applications.SortWarnings(out)
	return out
}

// fillDue writes, for each of two users, applications in every stage
// that has something due: pending invitations with and without a
// respond_by or an interview, declines (the newest letter counts), an
// accepted interview that has passed and one to come, and silent ones.
// User 1 has settings of their own; user 2 the defaults.
func fillDue(t *testing.T, old *oldRelease) {
	t.Helper()
	exec := old.Insert
	h := func(n float64) time.Time { return dueBase.Add(time.Duration(n * float64(time.Hour))) }
	for user := int64(1); user <= 2; user++ {
		exec(`INSERT INTO users (email, password_hash, created_at, password_changed_at) VALUES (?, 'hash', ?, ?)`,
			fmt.Sprintf("user%d@example.com", user), h(-1000), h(-1000))
		if user == 1 {
			old.Exec(`INSERT INTO settings (owner_id, response_window_minutes, follow_up_after_minutes, no_reply_days, time_zone, default_tone, default_channel, updated_at)
				VALUES (1, 120, 7200, 10, 'UTC', 'formal', 'email', ?)`, h(-1000))
		}
		app := func(status string, moved time.Time) int64 {
			id := exec(`INSERT INTO applications (owner_id, company, role, status, applied_at, created_at, updated_at) VALUES (?, ?, 'Dev', ?, ?, ?, ?)`,
				user, fmt.Sprintf("%s %d", status, moved.Unix()), status, h(-900), h(-900), moved)
			exec(`INSERT INTO history (application_id, from_status, to_status, at, note) VALUES (?, '', 'applied', ?, 'created')`, id, h(-900))
			exec(`INSERT INTO history (application_id, from_status, to_status, at, note) VALUES (?, 'applied', ?, ?, '')`, id, status, moved)
			return id
		}
		invite := func(id int64, response string, received time.Time, respondBy, interview *time.Time) {
			exec(`INSERT INTO invitations (application_id, received_at, respond_by, interview_at, format, round, message, response)
				VALUES (?, ?, ?, ?, 'video', (SELECT COUNT(*) + 1 FROM invitations WHERE application_id = ?), '', ?)`,
				id, received, respondBy, interview, id, response)
		}
		letter := func(id int64, kind string, sent time.Time) {
			exec(`INSERT INTO letters (application_id, kind, channel, tone, body, sent_at, created_at) VALUES (?, ?, 'email', 'formal', 'Body', ?, ?)`,
				id, kind, sent, sent)
		}
		p := func(t time.Time) *time.Time { return &t }
		invite(app("invited", h(-30)), "pending", h(-30), nil, nil)
		invite(app("invited", h(-1)), "pending", h(-1), p(h(3)), p(h(20)))
		invite(app("invited", h(-3)), "pending", h(-3), nil, p(h(10)))
		for _, sent := range []float64{-200, -70} {
			d := app("declined", h(sent))
			invite(d, "declined", h(sent-10), nil, nil)
			letter(d, "decline", h(sent-50))
			letter(d, "decline", h(sent))
		}
		s := app("scheduled", h(-5))
		invite(s, "accepted", h(-50), nil, p(h(-40)))
		invite(s, "accepted", h(-6), nil, p(h(2)))
		app("applied", h(-600))
		app("interviewed", h(-300))
		app("applied", h(-10))
		app("offered", h(-900))
	}
}
