// Command tracker is the self-hosted job-application tracker: one binary
// that runs the web server and API (tracker serve) and, on the same
// database, a command line for adding applications, logging interview
// invitations, moving them through the stages, declining with a checked
// letter, following up, and listing what is due or late.
//
// Run "tracker help" for the commands, their flags and the environment.
package main

import (
	"context"
	"os"
)

func main() {
	os.Exit(run(context.Background(), os.Args[1:], os.Stdin, os.Stdout, os.Stderr, os.Getenv))
}
