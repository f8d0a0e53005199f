package invite

import (
	"os"
	"path/filepath"
	"testing"
)

// realFixtures is the folder of real invites and e-mails beside the
// repository (../shared/fixtures/real from its root). Tests skip without
// it, except in CI, where its absence is a failure.
func realFixtures(t *testing.T) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("no go.mod above the test's folder")
		}
		dir = parent
	}
	fx := filepath.Join(dir, "..", "shared", "fixtures", "real")
	if _, err := os.Stat(fx); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("real fixtures missing at %s: CI needs them", fx)
		}
		t.Skipf("real fixtures not found at %s; skipping", fx)
	}
	return fx
}

func readFixture(t *testing.T, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(realFixtures(t), name))
	if err != nil {
		t.Fatal(err)
	}
	return data
}
