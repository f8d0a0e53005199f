package applications

import (
	"reflect"
	"testing"
	"time"
)

// TestPatchMatchesFields keeps Patch in step with Fields: Apply matches
// them by name, so every patch field must be a field of Fields, as a
// pointer to its type or as the same pointer type.
func TestPatchMatchesFields(t *testing.T) {
	ft, pt := reflect.TypeFor[Fields](), reflect.TypeFor[Patch]()
	if ft.NumField() != pt.NumField() {
		t.Fatalf("Fields has %d fields, Patch %d", ft.NumField(), pt.NumField())
	}
	for i := range pt.NumField() {
		p := pt.Field(i)
		f, ok := ft.FieldByName(p.Name)
		if !ok || (p.Type != f.Type && p.Type != reflect.PointerTo(f.Type)) {
			t.Errorf("Patch.%s (%s) has no counterpart in Fields", p.Name, p.Type)
		}
	}
}

func TestPatchApply(t *testing.T) {
	when := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	role := "SRE"
	got := Patch{Role: &role, AppliedAt: &when}.Apply(Fields{Company: "Acme", Role: "Dev"})
	if got.Company != "Acme" || got.Role != "SRE" || got.AppliedAt == nil || !got.AppliedAt.Equal(when) {
		t.Fatalf("Apply = %+v", got)
	}
}
