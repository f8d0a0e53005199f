package main

import (
	"fmt"
	"os"
	"path/filepath"
)

// The hand-off of a letter to the user's mail program as an .eml draft.

// textApp returns a with its text output moved to standard error when the
// e-mail draft takes standard output, so that the draft stays whole.
func (a *app) textApp(eml string) *app {
	if eml != "-" {
		return a
	}
	t := *a
	t.stdout = a.stderr
	return &t
}

// checkEMLPath refuses an --eml file in a folder that does not exist
// before anything is recorded.
func checkEMLPath(name string) error {
	if name == "" || name == "-" {
		return nil
	}
	dir := filepath.Dir(name)
	if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
		return usageErrorf("--eml: there is no folder %s", dir)
	}
	return nil
}

// writeEML writes an e-mail draft to the file, or to standard output for "-".
func (a *app) writeEML(name string, eml []byte) error {
	if name == "-" {
		_, err := a.stdout.Write(eml)
		return err
	}
	if err := os.WriteFile(name, eml, 0o600); err != nil {
		return fmt.Errorf("write the e-mail draft: %w", err)
	}
	a.note("Wrote the e-mail draft to " + name + "; open it in your mail program.")
	return nil
}
