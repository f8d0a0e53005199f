package storage

import (
	"encoding/json"
	"reflect"
	"testing"
)

// TestChecksReadAsEncodingJSON checks that a letter's stored checks read
// as encoding/json reads them, whatever the stored text holds.
func TestChecksReadAsEncodingJSON(t *testing.T) {
	row := new(jsonRow) // one for all, as a detail's letters share one
	for _, stored := range []string{
		`[]`, `null`, `[{"rule":"r","ok":true,"severity":"error","hint":"h"}]`,
		`[{"rule":"r","ok":false,"severity":"warning","hint":"a \u003c b \"quoted\" \ud83d\ude00"},{"rule":"s"}]`,
		`[{"RULE":"upper","Ok":true,"extra":1}]`, `[{"rule":"bad ` + "\xff" + ` utf-8"}]`, `[{"rule":"dup","rule":"second"}]`,
		` [ { "rule" : "spaced" } ] `, `[null,{"rule":null,"ok":null}]`, `[{"Rule":"a","rule":"b"},{"rule":"b","RULE":"a"}]`,
		`[{"x":[1,{"rule":"nested"}],"hint":"h","y":{"ok":true}}]`, `[{"r\u0075le":"escaped name"}]`,
	} {
		want := letterRow{Checks: stored}
		got, err := want.domain(row)
		if err != nil {
			t.Errorf("%s: %v", stored, err)
			continue
		}
		if again, err := want.domain(row); err != nil || !reflect.DeepEqual(again, got) {
			t.Errorf("%s: read again (the strings read before kept) as %#v, %v", stored, again.Checks, err)
		}
		var v1 = got
		v1.Checks = nil
		if err := json.Unmarshal([]byte(stored), &v1.Checks); err != nil {
			t.Fatalf("%s: encoding/json: %v", stored, err)
		}
		if !reflect.DeepEqual(got.Checks, v1.Checks) {
			t.Errorf("%s: read as %#v, encoding/json reads %#v", stored, got.Checks, v1.Checks)
		}
	}
	for _, stored := range []string{``, `{`, `[1]`, `{"rule":"r"}`, `[{"ok":"yes"}]`, `[{"hint":{}}]`, `[{"rule":1}]`, `[] []`, `[{"rule":"r"}`} {
		if _, err := (letterRow{Checks: stored}).domain(new(jsonRow)); err == nil {
			t.Errorf("%q read without an error", stored)
		}
	}
}
