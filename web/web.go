// Package web holds the tracker's static files, embedded in the binary so a
// single file is all a deployment needs.
package web

import (
	"embed"
	"io/fs"
)

//go:embed static
var static embed.FS

// Static returns the static files with static/ as their root, ready to be
// served at "/".
func Static() fs.FS {
	sub, err := fs.Sub(static, "static")
	if err != nil {
		panic(err) // the directory is embedded above; only a broken build gets here
	}
	return sub
}
