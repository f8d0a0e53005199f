package main

import (
	"flag"
	"strings"
	"testing"
)

func TestTrustedProxies(t *testing.T) {
	tests := []listCase{
		{"", "", ""},
		{"10.0.0.0/8", "10.0.0.0/8", ""},
		{" 10.1.2.3/8 , 192.0.2.1 ", "10.0.0.0/8,192.0.2.1/32", ""},
		{"::1,2001:db8::/32", "::1/128,2001:db8::/32", ""},
		{"::ffff:192.0.2.1", "192.0.2.1/32", ""},
		{"10.0.0.0/8,,192.0.2.1", "", "an empty item"},
		{"proxy.lan", "", `"proxy.lan" is neither a network`},
		{"fe80::1%eth0", "", "is neither a network"},
	}
	checkListFlag(t, func() flag.Value { return new(proxiesValue) }, tests)
}

func TestCORSOrigins(t *testing.T) {
	tests := []listCase{
		{"https://app.example", "https://app.example", ""},
		{"HTTPS://App.Example:8443, http://localhost:3000", "https://app.example:8443,http://localhost:3000", ""},
		{"https://app.example/", "", "no path"},
		{"https://app.example?x=1", "", "no path"},
		{"https://user@app.example", "", "no path, query or user"},
		{"https://", "", "it has no host"},
		{"*", "", "the scheme must be http or https"},
	}
	checkListFlag(t, func() flag.Value { return new(originsValue) }, tests)
}

// listCase is a value of a list flag, and the list it sets or the error.
type listCase struct{ in, want, err string }

// checkListFlag sets a new flag value to each case's input and checks the
// list it holds after, or the error.
func checkListFlag(t *testing.T, newValue func() flag.Value, tests []listCase) {
	t.Helper()
	for _, tt := range tests {
		v := newValue()
		err := v.Set(tt.in)
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("Set(%q) error %v, want %q", tt.in, err, tt.err)
			}
			continue
		}
		if err != nil || v.String() != tt.want {
			t.Errorf("Set(%q) = %q, %v; want %q", tt.in, v.String(), err, tt.want)
		}
	}
}
