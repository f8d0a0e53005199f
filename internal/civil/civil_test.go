package civil

import (
	"encoding/json"
	"errors"
	"testing"
	"time"
)

// TestDateJSON: a date goes out as "YYYY-MM-DD" (no date as null) and
// comes back the same; "" is no date, null leaves it, and a time or a
// made-up day is a type error that names the field.
func TestDateJSON(t *testing.T) {
	type body struct {
		On  Date  `json:"on"`
		Set *Date `json:"set"`
	}
	out, _ := json.Marshal(body{On: Date{2026, time.November, 16}})
	if string(out) != `{"on":"2026-11-16","set":null}` {
		t.Fatalf("marshal = %s", out)
	}
	var b body
	if err := json.Unmarshal([]byte(`{"on":"2026-11-16","set":""}`), &b); err != nil || b.On != (Date{2026, 11, 16}) || b.Set == nil || !b.Set.IsZero() {
		t.Fatalf("unmarshal = %+v, %v", b, err)
	}
	for _, bad := range []string{`"2026-11-16T10:00:00Z"`, `"2026-02-30"`, `"16/11/2026"`, `20261116`} {
		var te *json.UnmarshalTypeError
		if err := json.Unmarshal([]byte(`{"on":`+bad+`}`), &b); !errors.As(err, &te) || te.Field != "on" {
			t.Errorf("%s: error = %v, want a type error of the field on", bad, err)
		}
	}
}

// TestDateScan: a stored date reads back from SQLite's text and from
// PostgreSQL's DATE (midnight UTC), and NULL is no date.
func TestDateScan(t *testing.T) {
	want := Date{2026, time.November, 16}
	for _, src := range []any{"2026-11-16", []byte("2026-11-16"), time.Date(2026, 11, 16, 0, 0, 0, 0, time.UTC)} {
		var d Date
		if err := d.Scan(src); err != nil || d != want {
			t.Errorf("scan %v = %v, %v", src, d, err)
		}
	}
	d := want
	if err := d.Scan(nil); err != nil || !d.IsZero() {
		t.Errorf("scan NULL = %v, %v", d, err)
	}
	if v, _ := want.Value(); v != "2026-11-16" {
		t.Errorf("value = %v", v)
	}
	if v, _ := (Date{}).Value(); v != nil {
		t.Errorf("value of no date = %v, want NULL", v)
	}
}
