// Package web holds the tracker's static files and page templates, embedded
// in the binary so a single file is all a deployment needs.
package web

import (
	"embed"
	"io/fs"
)

//go:embed static
var static embed.FS

//go:embed templates
var templates embed.FS

// Static returns the static files with static/ as their root, ready to be
// served at "/".
func Static() fs.FS { return sub(static, "static") }

// Templates returns the html/template files of the pages with templates/
// as their root: layout.html and one file per page.
func Templates() fs.FS { return sub(templates, "templates") }

func sub(fsys fs.FS, dir string) fs.FS {
	s, err := fs.Sub(fsys, dir)
	if err != nil {
		panic(err) // the directory is embedded above; only a broken build gets here
	}
	return s
}
