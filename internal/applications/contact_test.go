package applications_test

import (
	"strings"
	"testing"

	"tracker/internal/apperr"
	"tracker/internal/applications"
	"tracker/internal/storage"
	"tracker/internal/storage/storagetest"
	"tracker/internal/workflow"
)

// TestContactAddressesTheLetters sets the contact's kind, title and
// greeting on an application and reads them in the letters: a person with
// a title is greeted by title and surname, a team as a team, a greeting
// name as given; a bad kind is refused naming contact_kind, nothing stored.
func TestContactAddressesTheLetters(t *testing.T) {
	storagetest.Each(t, func(t *testing.T, db *storage.DB) {
		svc, _, ctx := newService(t, db)
		d, err := svc.Create(ctx, applications.NewApplication{Status: workflow.Invited, Fields: applications.Fields{
			Company: "Globex", Role: "SRE", ContactName: "Ana Lima", ContactTitle: "Dr.", ContactKind: " Person "}})
		if err != nil {
			t.Fatal(err)
		}
		if d.ContactKind != "person" || d.ContactTitle != "Dr." {
			t.Fatalf("stored contact = %q %q", d.ContactKind, d.ContactTitle)
		}
		in := applications.DeclineInput{Reason: "timing", SenderName: "Sam Lee", Tone: "formal"}
		for _, tc := range []struct {
			name  string
			patch applications.Patch
			tone  string
			want  string
		}{
			{"title and surname", applications.Patch{}, "formal", "Dear Dr. Lima,"},
			{"first name when warm", applications.Patch{}, "warm", " Ana,"},
			{"greeting name", applications.Patch{GreetingName: ptr("Professor Lima")}, "formal", "Dear Professor Lima,"},
			{"a team", applications.Patch{ContactKind: ptr("team"), ContactName: ptr("Talent Team"), GreetingName: ptr("")}, "formal", "Dear Talent Team,"},
			{"nobody", applications.Patch{ContactKind: ptr("none")}, "formal", "Dear Hiring Team,"},
		} {
			t.Run(tc.name, func(t *testing.T) {
				if _, err := svc.Update(ctx, d.ID, tc.patch); err != nil {
					t.Fatal(err)
				}
				in.Tone = tc.tone
				p, err := svc.PreviewDecline(ctx, d.ID, in)
				if err != nil {
					t.Fatal(err)
				}
				if l := firstLine(p.Body); !strings.HasPrefix(l, tc.want) && !strings.HasSuffix(l, tc.want) {
					t.Errorf("letter opens %q, want %q", firstLine(p.Body), tc.want)
				}
			})
		}
		_, err = svc.Update(ctx, d.ID, applications.Patch{ContactKind: ptr("robot"), ContactTitle: ptr(strings.Repeat("x", 51))})
		e := wantCode(t, err, apperr.EINVALID)
		if !strings.Contains(e.Fields["contact_kind"], "person, team, none") || e.Fields["contact_title"] == "" {
			t.Errorf("refusal fields = %v", e.Fields)
		}
		if got, _ := svc.Get(ctx, d.ID); got.ContactKind != "none" {
			t.Errorf("a refused patch changed the kind to %q", got.ContactKind)
		}
	})
}

func ptr[T any](v T) *T { return &v }

func firstLine(s string) string { l, _, _ := strings.Cut(s, "\n"); return l }
