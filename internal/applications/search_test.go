package applications_test

import (
	"slices"
	"strings"
	"testing"

	"tracker/internal/applications"
	"tracker/internal/storage"
	"tracker/internal/storage/storagetest"
)

// TestSearch looks applications up by any of the words of their company,
// role, contact, location and notes, as the user types them, through the
// list's q on both databases; text full of query syntax finds what it
// should or nothing, and never fails.
func TestSearch(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, db *storage.DB) {
		svc, _, ctx := newService(t, db)
		for _, f := range []applications.Fields{
			{Company: "Acme Corp", Role: "Backend Engineer", Location: "Berlin", ContactName: "Dana O'Brien", ContactEmail: "dana@acme.example"},
			{Company: "Globex", Role: "Frontend Developer", Location: "Zürich", Notes: "Met them at the C++ meetup; ask about remote-first"},
			{Company: "Müller & Söhne", Role: "Data Engineer", Location: "München", Notes: `Said "call me" 50% of the time`},
			{Company: "Яндекс", Role: "Разработчик", Location: "Москва"},
			{Company: "字节跳动", Role: "工程师", Location: "北京"},
		} {
			if _, err := svc.Create(ctx, applications.NewApplication{Fields: f}); err != nil {
				t.Fatal(err)
			}
		}
		search := func(q string) string {
			t.Helper()
			p, err := svc.List(ctx, applications.ListFilter{Query: q})
			if err != nil {
				t.Fatalf("search %q: %v", q, err)
			}
			var names []string
			for _, a := range p.Items {
				names = append(names, a.Company)
			}
			return strings.Join(names, ", ")
		}
		for q, want := range map[string]string{
			"acm":            "Acme Corp",
			"ACME":           "Acme Corp",
			"engineer":       "Müller & Söhne, Acme Corp",
			"eng berlin":     "Acme Corp",
			"dana":           "Acme Corp",
			"o'brien":        "Acme Corp",
			"brie":           "Acme Corp",
			"zürich":         "Globex",
			"meetup":         "Globex",
			"remote-first":   "Globex",
			"Müller":         "Müller & Söhne",
			"Яндекс":         "Яндекс",
			"字节":             "字节跳动",
			"globex berlin":  "",
			"nothing-here":   "",
			`"`:              "",
			`'`:              "",
			`*`:              "",
			`-`:              "",
			`acme*`:          "Acme Corp",
			`"acme`:          "Acme Corp",
			`acme OR globex`: "",
			`NEAR(acme`:      "",
			`role:engineer`:  "",
			`\`:              "",
			`%`:              "",
			`_`:              "",
			`(`:              "",
			`^acme`:          "Acme Corp",
		} {
			got := search(q)
			if got != want {
				t.Errorf("search %q = %q, want %q", q, got, want)
			}
		}
		if db.FullText() {
			for q, want := range map[string]string{"муллер": "", "янд": "Яндекс", "müll": "Müller & Söhne", "muller": "Müller & Söhne"} {
				if got := search(q); got != want && !(q == "muller" && got == "") {
					t.Errorf("full-text search %q = %q, want %q", q, got, want)
				}
			}
		}
	})
}

// TestSearchFollowsChangesAndPages checks that the index follows edits and
// deletes at once, and that search results page with a cursor.
func TestSearchFollowsChangesAndPages(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, db *storage.DB) {
		svc, _, ctx := newService(t, db)
		var ids []int64
		for range 5 {
			d, err := svc.Create(ctx, applications.NewApplication{Fields: applications.Fields{Company: "Initech", Role: "Dev"}})
			if err != nil {
				t.Fatal(err)
			}
			ids = append(ids, d.ID)
		}
		other := "Umbrella"
		if _, err := svc.Update(ctx, ids[0], applications.Patch{Company: &other}); err != nil {
			t.Fatal(err)
		}
		if err := svc.Delete(ctx, ids[1]); err != nil {
			t.Fatal(err)
		}
		var got []int64
		f := applications.ListFilter{Query: "initech", Limit: 2}
		for {
			p, err := svc.List(ctx, f)
			if err != nil {
				t.Fatal(err)
			}
			for _, a := range p.Items {
				got = append(got, a.ID)
			}
			if p.NextCursor == "" {
				break
			}
			f.Cursor = p.NextCursor
		}
		if want := []int64{ids[4], ids[3], ids[2]}; !slices.Equal(got, want) {
			t.Fatalf("pages of initech = %v, want %v", got, want)
		}
		if p, err := svc.List(ctx, applications.ListFilter{Query: "umbrel"}); err != nil || len(p.Items) != 1 || p.Items[0].ID != ids[0] {
			t.Fatalf("search for the new name = %+v, %v", p, err)
		}
	})
}
