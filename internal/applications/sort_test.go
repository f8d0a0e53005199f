package applications_test

import (
	"cmp"
	"slices"
	"strings"
	"testing"
	"time"

	"tracker/internal/apperr"
	"tracker/internal/applications"
	"tracker/internal/storage"
	"tracker/internal/storage/storagetest"
	"tracker/internal/workflow"
)

// TestListSorts pages through every order two rows at a time, with ties
// on every key (same company, same update time, a wishlist job with no
// applied date), and checks each order is complete, without repeats and
// in the order it promises.
func TestListSorts(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, db *storage.DB) {
		svc, clk, ctx := newService(t, db)
		var ids []int64
		for i, c := range []string{"Beta", "Alpha", "Gamma", "Alpha", "Beta", "Alpha", "Delta"} {
			in := applications.NewApplication{Fields: applications.Fields{Company: c, Role: "Dev"}, Status: workflow.Applied}
			if i%3 == 2 {
				in.Status = workflow.Wishlist
			} else {
				applied := start.Add(-time.Duration(i%4) * 24 * time.Hour)
				in.AppliedAt = &applied
			}
			d, err := svc.Create(ctx, in)
			if err != nil {
				t.Fatal(err)
			}
			ids = append(ids, d.ID)
			if i%2 == 0 {
				clk.Advance(time.Hour)
			}
		}
		notes := "changed"
		if _, err := svc.Update(ctx, ids[1], applications.Patch{Notes: &notes}); err != nil {
			t.Fatal(err)
		}
		var all []applications.Application
		for _, id := range ids {
			d, _ := svc.Get(ctx, id)
			all = append(all, d.Application)
		}
		byID := func(a, b applications.Application) int { return cmp.Compare(a.ID, b.ID) }
		want := map[applications.ListSort]func(a, b applications.Application) int{
			applications.SortNewest: func(a, b applications.Application) int { return -byID(a, b) },
			applications.SortOldest: byID,
			applications.SortCompany: func(a, b applications.Application) int {
				return cmp.Or(strings.Compare(a.Company, b.Company), byID(a, b))
			},
			applications.SortUpdated: func(a, b applications.Application) int { return cmp.Or(b.UpdatedAt.Compare(a.UpdatedAt), -byID(a, b)) },
			applications.SortApplied: func(a, b applications.Application) int {
				return cmp.Or(appliedOrAdded(b).Compare(appliedOrAdded(a)), -byID(a, b))
			},
		}
		for _, sort := range applications.ListSorts {
			expected := slices.Clone(all)
			slices.SortFunc(expected, want[sort])
			var got []int64
			f := applications.ListFilter{Sort: sort, Limit: 2}
			for range len(all) {
				page, err := svc.List(ctx, f)
				if err != nil {
					t.Fatalf("%s: %v", sort, err)
				}
				for _, a := range page.Items {
					got = append(got, a.ID)
				}
				if f.Cursor = page.NextCursor; f.Cursor == "" {
					break
				}
			}
			if w := idsOf(expected); !slices.Equal(got, w) {
				t.Errorf("%s: pages give %v, want %v", sort, got, w)
			}
		}
		wantCode(t, listErr(svc.List(ctx, applications.ListFilter{Sort: "salary"})), apperr.EINVALID)
		first, _ := svc.List(ctx, applications.ListFilter{Sort: applications.SortCompany, Limit: 2})
		wantCode(t, listErr(svc.List(ctx, applications.ListFilter{Sort: applications.SortUpdated, Cursor: first.NextCursor})), apperr.EINVALID)
	})
}

func appliedOrAdded(a applications.Application) time.Time {
	if a.AppliedAt != nil {
		return *a.AppliedAt
	}
	return a.CreatedAt
}

func idsOf(apps []applications.Application) []int64 {
	out := make([]int64, len(apps))
	for i, a := range apps {
		out[i] = a.ID
	}
	return out
}
