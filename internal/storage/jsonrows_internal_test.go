package storage

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/mattn/go-sqlite3"
)

// plainDecodeRow is encoding/json on its own, times in RFC 3339:
// decodeJSONRow must agree with it on every row it can read.
func plainDecodeRow(data string, fields []any) error {
	n := len(fields)
	if err := json.Unmarshal([]byte(data), &fields); err != nil {
		return err
	}
	if len(fields) != n {
		return errRowLength
	}
	return nil
}

var errRowLength = jsonError("row length")

type jsonError string

func (e jsonError) Error() string { return string(e) }

// driverTime is how the SQLite driver reads a time column's text.
func driverTime(s string) (time.Time, bool) {
	s = strings.TrimSuffix(s, "Z")
	for _, layout := range sqlite3.SQLiteTimestampFormats {
		if t, err := time.ParseInLocation(layout, s, time.UTC); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

var timeTexts = []string{
	"2024-11-27 03:03:01+00:00", "2024-11-27T03:03:01Z", "2024-11-27T03:03:01.5Z", "2024-11-27 03:03:01.123456789+00:00",
	"2024-11-27T03:03:01.123456+05:30", "2024-11-27 03:03:01.123456+05:30", "2024-11-27 03:03:01-08:00", "2024-11-27T23:03:01-07:00", "2024-11-27 03:03:01", "2024-11-27T03:03",
	"2024-11-27", "2024-02-29 00:00:00+00:00", "2023-02-29 00:00:00+00:00", "2024-11-27 24:00:00+00:00",
	"2024-11-27 03:03:60+00:00", "2024-11-27 03:03:01+24:00", "2024-11-27 03:03:01.+00:00", "2024-11-27 03:03:01.1234567891Z",
	"2024-13-01 00:00:00", "0000-01-01 00:00:00Z", "9999-12-31T23:59:59.999999999Z", "2024-1-27 03:03:01", "garbage", "",
	"2024-11-27 03:03:01 +00:00", "2024-11-27x03:03:01", "2024-11-27 03:03:01+0000", "2024-11-27 03:03:01-00:30",
	"2024-11-27 03:03:01.123456789123+00:00", "2024-11-27 03:03:01,5+00:00", "2024-11-27T03:03:01.5z",
}

// TestParseTimeAsDriver holds parseTime, whose first try is the standard
// library's RFC 3339, to the SQLite driver's reading of a time column: the
// same instant in the same zone, whatever the local zone is.
func TestParseTimeAsDriver(t *testing.T) {
	for _, zone := range []string{"UTC", "Asia/Kolkata", "America/Los_Angeles"} {
		t.Run(zone, func(t *testing.T) {
			loc, err := time.LoadLocation(zone)
			if err != nil {
				t.Skip(err)
			}
			defer func(was *time.Location) { time.Local = was }(time.Local)
			time.Local = loc
			for _, s := range timeTexts {
				checkParseTime(t, s)
			}
		})
	}
}

// TestParseTimeAllocatesNothing checks that the form every stored time
// takes is read without an allocation: a list page reads three a row.
func TestParseTimeAllocatesNothing(t *testing.T) {
	for _, s := range []string{"2024-11-27 03:03:01.123456789+00:00", "2024-11-27T03:03:01Z"} {
		if n := testing.AllocsPerRun(100, func() { parseTime(s) }); n != 0 {
			t.Errorf("parseTime(%q): %v allocations", s, n)
		}
	}
}

func FuzzParseTime(f *testing.F) {
	for _, s := range timeTexts {
		f.Add(s)
	}
	f.Fuzz(checkParseTime)
}

func checkParseTime(t *testing.T, s string) {
	want, wantOK := driverTime(s)
	got, err := parseTime(s)
	if (err == nil) != wantOK || !got.Equal(want) {
		t.Errorf("parseTime(%q) = %v, %v; the driver reads %v, %v", s, got, err, want, wantOK)
	}
	gotZone, gotOffset := got.Zone()
	wantZone, wantOffset := want.Zone()
	if err == nil && (gotZone != wantZone || gotOffset != wantOffset || (got.Location() == time.UTC) != (want.Location() == time.UTC)) {
		t.Errorf("parseTime(%q) is in %v (%s %d); the driver reads it in %v (%s %d)", s, got.Location(), gotZone, gotOffset,
			want.Location(), wantZone, wantOffset)
	}
}

// testRow has a field of every type the row types have.
type testRow struct {
	a, b   int64
	s1, s2 string
	s3     string
	n      int
	at     time.Time
	p1, p2 *time.Time
}

func (f *testRow) fields() []any {
	return []any{&f.a, &f.b, &f.s1, &f.s2, &f.s3, &f.n, &f.at, &f.p1, &f.p2}
}

// TestDecodeJSONRowAsEncodingJSON holds decodeJSONRow to encoding/json on
// rows with times in RFC 3339, hostile strings and malformed rows, and
// checks that the SQLite forms of time decode as the driver reads them.
func TestDecodeJSONRowAsEncodingJSON(t *testing.T) {
	for _, row := range []string{
		`[1, 2, "a", "b\"c\\d\n\u00e9\ud83c\udf89<&>", null, 7, "2024-11-27T03:03:01Z", null, "2024-11-27T03:03:01.5+05:30"]`,
		`[-9223372036854775808,9223372036854775807,"","",null,null,"2024-11-27T03:03:01Z","2024-11-27T03:03:01Z",null]`,
		"[ 1 ,\n 2 , \"x\" , \"\\/\" , \"bad \xff\" , 3 , \"2024-11-27T03:03:01Z\" , null , null ]",
		`[1, 2, "a", "b", "c", 1.5, "2024-11-27T03:03:01Z", null, null]`,
		`[1, 2, "a", "b", "c", 4, "2024-11-27T03:03:01Z", null]`,
		`[1, 2, "a", "b", "c", 4, "2024-11-27T03:03:01Z", null, null, 5]`,
		`[1, 2, "a", "b", "c", "4", "2024-11-27T03:03:01Z", null, null]`,
		`[1, 2, "a", "b", "c", 4, "2024-11-27T03:03:01Z", null, null] x`,
		`[1, 2, "a", "b", "c", 4, 5.5, null, null]`,
		`[1, 2, "a", "b", "c", 4, "2024-11-27T03:03:01Z", null, "not a time"]`,
		`{"a": 1}`, `[1, 2, "unterminated`, `[`, ``, `null`,
	} {
		var want, got testRow
		wantErr := plainDecodeRow(row, want.fields())
		gotErr := decodeJSONRow([]byte(row), got.fields(), new(jsonRow))
		if (wantErr == nil) != (gotErr == nil) {
			t.Errorf("%s: error %v, encoding/json's %v", row, gotErr, wantErr)
			continue
		}
		if wantErr == nil && !sameRow(got.fields(), want.fields()) {
			t.Errorf("%s:\n got %+v\nwant %+v", row, got, want)
		}
	}
	var at time.Time
	var p *time.Time
	if err := decodeJSONRow([]byte(`["2024-11-27 03:03:01+00:00", "2024-11-27 03:03:01.25"]`), []any{&at, &p}, new(jsonRow)); err != nil {
		t.Fatal(err)
	}
	if want := time.Date(2024, 11, 27, 3, 3, 1, 0, time.UTC); !at.Equal(want) || p == nil || !p.Equal(want.Add(250*time.Millisecond)) {
		t.Errorf("SQLite's times read as %v and %v", at, p)
	}
	// An integer is a time as SQLite stores it since migration 00074:
	// Unix microseconds, read in UTC (encoding/json would refuse it).
	if err := decodeJSONRow([]byte(`[1732676581123456, -62135596800000000]`), []any{&at, &p}, new(jsonRow)); err != nil {
		t.Fatal(err)
	}
	if want := time.Date(2024, 11, 27, 3, 3, 1, 123456000, time.UTC); at != want || p == nil || *p != (time.Time{}) {
		t.Errorf("times stored as integers read as %v and %v", at, p)
	}
}

// sameRow reports whether two decoded rows mean the same: times the same
// instant, everything else equal.
func sameRow(got, want []any) bool {
	for i := range got {
		switch g := got[i].(type) {
		case *time.Time:
			if !g.Equal(*want[i].(*time.Time)) {
				return false
			}
		case **time.Time:
			w := *want[i].(**time.Time)
			if (*g == nil) != (w == nil) || *g != nil && !(*g).Equal(*w) {
				return false
			}
		default:
			if !reflect.DeepEqual(got[i], want[i]) {
				return false
			}
		}
	}
	return true
}

// FuzzDecodeJSONRow writes a row of any values as the databases' JSON
// functions would and checks that it decodes to them, its times as the
// driver reads them.
func FuzzDecodeJSONRow(f *testing.F) {
	f.Add(int64(1), "a\"b\\c\n\u00e9", 3, "2024-11-27 03:03:01.123+00:00", "2024-11-27T03:03:01Z")
	f.Add(int64(-1), "bad \xff", -7, "garbage", "")
	f.Fuzz(func(t *testing.T, n int64, s string, i int, at, p string) {
		var pv any
		if p != "" {
			pv = p
		}
		data, err := json.Marshal([]any{n, n, s, s, s, i, at, pv, nil})
		if err != nil {
			t.Skip()
		}
		var got testRow
		err = decodeJSONRow(data, got.fields(), new(jsonRow))
		wantAt, okAt := driverTime(at)
		wantP, okP := driverTime(p)
		if at == "" {
			okAt = true // "" is no time: the field stays zero
		}
		if p == "" {
			okP = true
		}
		if wantOK := okAt && okP; (err == nil) != wantOK {
			t.Fatalf("%s: error %v, want an error: %v", data, err, !wantOK)
		}
		if err != nil {
			return
		}
		valid := strings.ToValidUTF8(s, "\uFFFD")
		if got.a != n || got.b != n || got.s1 != valid || got.s2 != valid || got.s3 != valid || got.n != i ||
			!got.at.Equal(wantAt) || (got.p1 == nil) != (p == "") || got.p1 != nil && !got.p1.Equal(wantP) || got.p2 != nil {
			t.Errorf("%s decoded as %+v", data, got)
		}
	})
}

// TestDecodeJSONRowsAsEncodingJSON checks arrays of rows, empty and null.
func TestDecodeJSONRowsAsEncodingJSON(t *testing.T) {
	for _, data := range []string{``, `[]`, `null`, ` [ ] `, "[[1, 2, \"a\", \"b\", \"2024-11-27T03:03:01Z\", \"c\"],\n [3, 4, \"d\", \"e\", \"2024-11-27T03:03:01+02:00\", \"f\"]]"} {
		rows, err := decodeJSONRows[historyRow](data, new(jsonRow))
		if err != nil {
			t.Fatalf("%s: %v", data, err)
		}
		var raw []json.RawMessage
		json.Unmarshal([]byte(data), &raw)
		if len(rows) != len(raw) {
			t.Errorf("%s: %d rows, want %d", data, len(rows), len(raw))
		}
		for i, r := range raw {
			var want historyRow
			if err := plainDecodeRow(string(r), want.fields()); err != nil {
				t.Fatal(err)
			}
			if !sameRow(rows[i].fields(), want.fields()) {
				t.Errorf("%s: row %d = %+v, want %+v", data, i, rows[i], want)
			}
		}
	}
	for _, data := range []string{`[`, `[[1, 2, "a", "b", "c", "2024-11-27T03:03:01Z"]`, `[[1, 2, "a", "b", "c", "2024-11-27T03:03:01Z"] [`, `[1]`, `{}`, `[null]`} {
		if _, err := decodeJSONRows[historyRow](data, new(jsonRow)); err == nil {
			t.Errorf("%s decoded without an error", data)
		}
	}
}
