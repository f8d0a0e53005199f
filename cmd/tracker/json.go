package main

import (
	"encoding/json"
	"io"
)

// writeJSON prints v as indented JSON. The --json output prints the API's
// own response types (package api), so a command's JSON is what the
// matching API call returns and the two cannot drift.
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}
