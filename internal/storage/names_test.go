package storage_test

import (
	"context"
	"errors"
	"reflect"
	"slices"
	"testing"

	"tracker/internal/applications"
	"tracker/internal/decline"
	"tracker/internal/storage"
	"tracker/internal/storage/storagetest"
	"tracker/internal/workflow"
)

// namePairs are companies and contacts with every shape a name takes:
// punctuation, apostrophes, case, letters beyond ASCII, no words at all.
var namePairs = [][2]string{
	{"Acme", "Jane Doe"}, {"Acme, Inc.", ""}, {"Globex Corp.", "Dr. Who"}, {"O'Brien & Sons", "jean-luc"},
	{"'Quoted' Ltd", "María José"}, {"James' Bakery", ""}, {"3M", "X"}, {"Émile SA", ""}, {"acme-co", ""},
	{"Tabs\tInside", ""}, {" Leading Space", ""}, {"🎉 Party", ""}, {"ÜBER", ""}, {"HP", ""}, {"A.B. Ltd", ""},
	{"{{}}", ""}, {"Inc.", ""}, {"O`Neil", ""}, {"Initech", "Bill Lumbergh"}, {"ZEDCORP", ""}, {"Hooli", "Gavin Belson"},
	{"The Walt Disney Company", ""}, {"The Home Depot", "Acme"},
}

// TestOtherNamesAreTheNamesThatCanFail checks that the letter checker
// judges every letter the same with the names OtherNames returns for the
// letter's keys as with the names of all the other applications; that a
// name the letter does not hold is not returned; and that a name no
// application holds any more (deleted, renamed) is not returned.
func TestOtherNamesAreTheNamesThatCanFail(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, db *storage.DB) {
		ctx := ownerCtx(t, db)
		apps := createNamed(t, ctx, db, namePairs)
		own := apps[len(apps)-1] // the letter is for the last one
		var all []string
		for i := len(apps) - 2; i >= 0; i-- {
			for _, n := range namePairs[i] {
				if n != "" {
					all = append(all, n)
				}
			}
		}
		none := func(string) bool { return false }
		req := decline.Request{Company: "The Home Depot", Role: "Dev", Contact: decline.Contact{Name: "Maria Anders"},
			Sender: decline.Sender{Name: "Sam Lee"}, Reason: decline.ReasonTiming}
		bodies := []string{"Dear Maria,\n\nThank you for your time at the Home Depot. I must decline.\n\nKind regards,\nSam Lee"}
		for _, n := range namePairs {
			for _, name := range n {
				if name != "" {
					bodies = append(bodies, "Dear Maria,\n\nThank you. I decline the Dev role at "+name+", and Zedcorp too.\n\nSam Lee")
				}
			}
		}
		for _, body := range bodies {
			l := decline.Letter{Subject: "Dev", Body: body}
			got, err := db.OtherNames(ctx, own.ID, nil, decline.NameKeys(l, req), none)
			if err != nil {
				t.Fatal(err)
			}
			withAll, withSome := req, req
			withAll.Others, withSome.Others = all, flatten(got)
			if a, b := decline.CheckLetter(l, withAll), decline.CheckLetter(l, withSome); !reflect.DeepEqual(a, b) {
				t.Errorf("letter %q: with every name\n%+v\nwith the names returned (%q)\n%+v", body, a, withSome.Others, b)
			}
			if body == bodies[0] {
				for _, o := range withSome.Others {
					if o == "Initech" || o == "Hooli" || o == "Globex Corp." || o == "Bill Lumbergh" || o == "The Walt Disney Company" {
						t.Errorf("%q came back for a letter without it: %q", o, withSome.Others)
					}
				}
			}
		}
		// Gone: a deleted application's names, a renamed one's old name.
		initech, hooli := apps[18], apps[20]
		if err := db.InTx(ctx, func(ctx context.Context) error {
			if err := db.DeleteApplication(ctx, initech.ID); err != nil {
				return err
			}
			hooli.Company, hooli.ContactName = "Pied Piper", "Richard"
			return db.UpdateApplication(ctx, hooli, []string{"Company", "ContactName"})
		}); err != nil {
			t.Fatal(err)
		}
		l := decline.Letter{Body: "Initech, Bill Lumbergh, Hooli, Gavin Belson, Pied Piper and Richard"}
		got, err := db.OtherNames(ctx, own.ID, nil, decline.NameKeys(l, req), none)
		if err != nil {
			t.Fatal(err)
		}
		// ({{}} has no words: the checker looks for it in every letter.)
		if want := []string{"Pied Piper", "Richard", "{{}}"}; !reflect.DeepEqual(flatten(got), want) {
			t.Errorf("after the delete and the rename: %q, want %q", flatten(got), want)
		}
		// Another user's names are not this one's.
		if got, err := db.OtherNames(storagetest.Owner(t, db, "other@example.com"), 0, nil, decline.NameKeys(l, req), none); err != nil || len(got) > 0 {
			t.Errorf("another user: %v, %v", got, err)
		}
	})
}

// TestOtherNamesNewestHolder checks what each name comes with: the newest
// application other than the letter's that holds it, as a company and as
// a contact separately, newest first and a company before a contact of
// the same application; a name skip rules out is left out.
func TestOtherNamesNewestHolder(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, db *storage.DB) {
		ctx := ownerCtx(t, db)
		apps := createNamed(t, ctx, db, [][2]string{
			{"Acme", "Jane Doe"}, {"Acme", "Initech"}, {"Initech", "Jane Doe"}, {"Globex", ""}, {"Acme", "Globex"},
		})
		own := apps[4] // holds Acme and Globex too, but is the letter's own
		keys := decline.NameKeys(decline.Letter{Body: "Acme, Initech, Jane Doe and Globex"}, decline.Request{})
		got, err := db.OtherNames(ctx, own.ID, nil, keys, func(n string) bool { return n == "Globex" })
		if err != nil {
			t.Fatal(err)
		}
		want := []applications.AppNames{
			{ID: apps[2].ID, Company: "Initech"}, {ID: apps[2].ID, ContactName: "Jane Doe"},
			{ID: apps[1].ID, Company: "Acme"}, {ID: apps[1].ID, ContactName: "Initech"},
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("got %+v\nwant %+v", got, want)
		}
	})
}

// TestMigrationFilesTheNamesOfStoredApplications opens a database that
// holds applications from before migration 00044 and finds their names.
func TestMigrationFilesTheNamesOfStoredApplications(t *testing.T) {
	check := func(t *testing.T, dsn string) {
		ctx := context.Background()
		old := atMigration(t, dsn, 43)
		for _, q := range []string{
			"INSERT INTO users (email, password_hash, created_at, password_changed_at) VALUES ('old@example.com', 'hash', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)",
			"INSERT INTO applications (owner_id, company, role, contact_name, status, created_at, updated_at) VALUES " +
				"(1, 'Initech', 'QA', 'Bill Lumbergh', 'applied', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP), " +
				"(1, 'Acme', 'Dev', '', 'invited', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)",
		} {
			old.Exec(q)
		}
		db := old.Migrate()
		l := decline.Letter{Body: "Thank you, Bill Lumbergh of Initech."}
		got, err := db.OtherNames(applications.WithOwner(ctx, 1), 2, nil, decline.NameKeys(l, decline.Request{}), func(string) bool { return false })
		if want := []string{"Initech", "Bill Lumbergh"}; err != nil || !reflect.DeepEqual(flatten(got), want) {
			t.Errorf("names after the migration: %q, %v; want %q", flatten(got), err, want)
		}
	}
	storagetest.EachDSN(t, check)
}

func createNamed(t *testing.T, ctx context.Context, db *storage.DB, pairs [][2]string) []*applications.Application {
	t.Helper()
	var out []*applications.Application
	for _, n := range pairs {
		a := &applications.Application{Fields: applications.Fields{Company: n[0], Role: "Dev", ContactName: n[1]},
			Status: workflow.Invited, CreatedAt: at, UpdatedAt: at}
		if err := db.InTx(ctx, func(ctx context.Context) error { return db.CreateApplication(ctx, a) }); err != nil {
			t.Fatalf("create %q: %v", n[0], err)
		}
		out = append(out, a)
	}
	return out
}

// flatten lists the companies and contacts of names in their order, as the
// service passes them to the checker.
func flatten(names []applications.AppNames) []string {
	var out []string
	for _, n := range names {
		for _, s := range []string{n.Company, n.ContactName} {
			if s != "" {
				out = append(out, s)
			}
		}
	}
	return out
}

// TestOtherNamesSeeAnotherServersNames checks that a name filed through
// another connection to the same database (another server behind the same
// load balancer, or the command line beside the server) is found by the
// next lookup of a server that has looked the user's names up before; and
// that names filed in a transaction that rolled back, which the server
// read inside it, are not trusted afterwards.
func TestOtherNamesSeeAnotherServersNames(t *testing.T) {
	storage.RebuildNameFiltersAtOnce(t)
	storagetest.EachDSN(t, func(t *testing.T, dsn string) {
		ctx := context.Background()
		open := func() *storage.DB {
			db, err := storage.Open(ctx, dsn)
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { db.Close() })
			return db
		}
		one, two := open(), open()
		ctx = storagetest.Owner(t, one, "owner@example.com")
		own := createNamed(t, ctx, one, [][2]string{{"Acme", "Jane Doe"}})[0]
		l := decline.Letter{Body: "Thank you, Bill Lumbergh of Initech, and Gavin Belson of Hooli."}
		keys := decline.NameKeys(l, decline.Request{})
		// Each lookup is made twice: alone, and with the version of the
		// names a letter's read of the application returned.
		lookup := func(want ...string) {
			t.Helper()
			got, err := one.OtherNames(ctx, own.ID, nil, keys, func(string) bool { return false })
			if err != nil || !slices.Equal(flatten(got), want) {
				t.Errorf("names: %q, %v; want %q", flatten(got), err, want)
			}
			r, err := one.ReadForPreview(ctx, own.ID)
			if err != nil || r.NamesVersion == nil {
				t.Fatalf("read for preview: %+v, %v; want the names' version", r, err)
			}
			got, err = one.OtherNames(ctx, own.ID, r.NamesVersion, keys, func(string) bool { return false })
			if err != nil || !slices.Equal(flatten(got), want) {
				t.Errorf("names at the version read with the application: %q, %v; want %q", flatten(got), err, want)
			}
		}
		lookup()
		createNamed(t, ctx, two, [][2]string{{"Initech", "Bill Lumbergh"}})
		lookup("Initech", "Bill Lumbergh")
		// Filed, read and rolled back; then other names filed by the
		// other server.
		rollback := errors.New("rolled back")
		if err := one.InTx(ctx, func(ctx context.Context) error {
			createNamed(t, ctx, one, [][2]string{{"Umbrella", "Albert Wesker"}})
			for range 2 { // the second builds the filter again, with Umbrella
				if _, err := one.OtherNames(ctx, own.ID, nil, keys, func(string) bool { return false }); err != nil {
					return err
				}
			}
			return rollback
		}); !errors.Is(err, rollback) {
			t.Fatal(err)
		}
		hooli := createNamed(t, ctx, two, [][2]string{{"Hooli", ""}})[0]
		lookup("Hooli", "Initech", "Bill Lumbergh")
		// A rename files the new name.
		hooli.ContactName = "Gavin Belson"
		if err := two.InTx(ctx, func(ctx context.Context) error {
			return two.UpdateApplication(ctx, hooli, []string{"ContactName"})
		}); err != nil {
			t.Fatal(err)
		}
		lookup("Hooli", "Gavin Belson", "Initech", "Bill Lumbergh")
	})
}
