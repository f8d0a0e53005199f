package storage

import (
	"reflect"
	"strings"
	"testing"

	"tracker/internal/applications"
)

// TestApplicationColumnsCoverFields keeps the hand-written scan of an
// application in step with applications.Fields: a field added there must
// get its column in applicationColumns, or it would be stored and never
// read back.
func TestApplicationColumnsCoverFields(t *testing.T) {
	var r applicationRow
	cols := strings.Split(applicationColumns, ", ")
	if len(cols) != len(r.fields()) {
		t.Fatalf("%d columns, %d scan targets", len(cols), len(r.fields()))
	}
	ft := reflect.TypeOf(applications.Fields{})
	for i := range ft.NumField() {
		name := ft.Field(i).Name
		if !strings.Contains(", "+applicationColumns+",", ", "+snake(name)+",") {
			t.Errorf("applications.Fields.%s has no column %s in applicationColumns", name, snake(name))
		}
	}
}

// snake is GORM's column name of a Go field: JobURL -> job_url.
func snake(s string) string {
	var b strings.Builder
	for i, r := range s {
		if i > 0 && 'A' <= r && r <= 'Z' && !(s[i-1] >= 'A' && s[i-1] <= 'Z') {
			b.WriteByte('_')
		}
		b.WriteRune(r | 0x20)
	}
	return b.String()
}
