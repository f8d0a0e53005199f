package main

// TestREADME runs every ```sh block of README.md, in order, in one bash
// process, the way a reader pastes them into one terminal on a fresh
// machine. So the README cannot drift from the product: a block that fails
// fails the test. The conventions, for everyone who adds a block:
//
//   - A ```sh block must run as pasted, after the blocks before it. Output,
//     and commands that are not meant to be run, go in ```text blocks.
//   - A block right after the line <!-- readme-test: skip --> is not run
//     (the quick start's "go test ./..." would run this test again).
//   - The script runs under "set -euo pipefail": a command that fails
//     stops it. The walk-through's curl alias has --fail-with-body, so an
//     API error fails too. A command that exits non-zero on purpose
//     (tracker warnings) says so: "tracker warnings || echo ...".
//   - The machine is fresh: HOME, XDG_DATA_HOME and GOPATH are empty
//     temporary folders (only the Go build and module caches are this
//     machine's, so nothing is built or downloaded twice), and no TRACKER_*
//     variable is set. So tracker is on PATH only if the README puts it
//     there. Go commands run in the repository; everything else in an
//     empty temporary folder, so files a block writes land there.
//   - "localhost:8080" and "127.0.0.1:8080" are replaced by a free port,
//     and TRACKER_ADDR names it, so "tracker serve" listens there.
//   - The server runs in the background: a line "tracker serve ... &". After
//     the block holding it the test waits until /healthz answers; the
//     server is stopped when the script ends.
//   - A ```text block right after the line <!-- readme-test: FILE --> shows
//     the e-mail a block wrote to FILE (an .eml, in the temporary folder):
//     its Subject line, an empty line and its body. When the script is
//     done, the test compares them, so a letter shown in the README is the
//     letter the product writes today.
import (
	"bufio"
	"context"
	"fmt"
	"io"
	"mime"
	"mime/quotedprintable"
	"net"
	"net/mail"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"tracker/internal/fixtures"
)

// readmeBlock is one ```sh block of the README and the line it starts on.
type readmeBlock struct {
	line int
	text string
}

// Markers of the README conventions above.
const (
	readmeSkip = "<!-- readme-test: skip -->"
	readmePort = "8080"
)

// serveLine matches the line that starts the server in the background.
var serveLine = regexp.MustCompile(`(?m)^\s*tracker serve\b[^#\n]*?(&)?\s*(#.*)?$`)

func TestREADME(t *testing.T) {
	for _, tool := range []string{"bash", "curl", "go"} {
		if _, err := exec.LookPath(tool); err != nil {
			if os.Getenv("CI") == "true" {
				t.Fatalf("the README test needs %s: %v", tool, err)
			}
			t.Skipf("the README test needs %s: %v", tool, err)
		}
	}
	repo := fixtures.RepoRoot(t)
	blocks := readmeBlocks(t, filepath.Join(repo, "README.md"))
	if len(blocks) == 0 {
		t.Fatal("README.md has no ```sh block")
	}
	addr := freeAddr(t)
	script := readmeScript(t, blocks, addr)
	dir := t.TempDir()
	env := readmeEnv(t, dir, repo, addr)
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, "bash", "-c", script)
	cmd.Dir, cmd.Env = filepath.Join(dir, "work"), env
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error { return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) }
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("README.md, pasted block by block, fails at %s: %v\n\n%s", lastBlock(out), err, tail(string(out), 80))
	}
	for _, shown := range readmeShownFiles(t, filepath.Join(repo, "README.md")) {
		got := emlAsShown(t, filepath.Join(dir, "work", shown.file))
		if got != shown.text {
			t.Errorf("README.md line %d shows the letter the walk-through writes to %s, but it now reads:\n\n%s\n\n"+
				"(the README shows:)\n\n%s", shown.line, shown.file, got, shown.text)
		}
	}
}

// readmeShown is a ```text block that shows a file the blocks write.
type readmeShown struct {
	line       int
	file, text string
}

// readmeShownFiles returns the ```text blocks right after a line
// <!-- readme-test: FILE -->.
func readmeShownFiles(t *testing.T, path string) []readmeShown {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(data), "\n")
	var shown []readmeShown
	for i, line := range lines {
		file, ok := strings.CutPrefix(strings.TrimSpace(line), "<!-- readme-test: ")
		file, ok2 := strings.CutSuffix(file, " -->")
		if !ok || !ok2 || file == "skip" {
			continue
		}
		if i+1 >= len(lines) || strings.TrimSpace(lines[i+1]) != "```text" {
			t.Fatalf("README.md line %d: <!-- readme-test: %s --> must be followed by a ```text block", i+1, file)
		}
		end := slices.Index(lines[i+2:], "```")
		if end < 0 {
			t.Fatalf("README.md: the ```text block at line %d is not closed", i+2)
		}
		shown = append(shown, readmeShown{line: i + 2, file: file, text: strings.Join(lines[i+2:i+2+end], "\n")})
	}
	return shown
}

// emlAsShown reads an e-mail file as the README shows it: "Subject: ",
// the decoded subject, an empty line, and the decoded body without
// trailing spaces.
func emlAsShown(t *testing.T, path string) string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatalf("the README shows %s, which its blocks did not write: %v", filepath.Base(path), err)
	}
	defer f.Close()
	msg, err := mail.ReadMessage(f)
	if err != nil {
		t.Fatalf("%s: %v", filepath.Base(path), err)
	}
	subject, err := new(mime.WordDecoder).DecodeHeader(msg.Header.Get("Subject"))
	if err != nil {
		t.Fatalf("%s: subject: %v", filepath.Base(path), err)
	}
	body := io.Reader(msg.Body)
	if strings.EqualFold(msg.Header.Get("Content-Transfer-Encoding"), "quoted-printable") {
		body = quotedprintable.NewReader(body)
	}
	text, err := io.ReadAll(body)
	if err != nil {
		t.Fatalf("%s: body: %v", filepath.Base(path), err)
	}
	lines := strings.Split(strings.ReplaceAll(string(text), "\r\n", "\n"), "\n")
	for i := range lines {
		lines[i] = strings.TrimRight(lines[i], " \t")
	}
	return "Subject: " + subject + "\n\n" + strings.TrimRight(strings.Join(lines, "\n"), "\n")
}

// readmeBlocks returns the ```sh blocks of the README, without those
// after the skip marker.
func readmeBlocks(t *testing.T, path string) []readmeBlock {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var blocks []readmeBlock
	var cur *readmeBlock
	prev := ""
	for i, line := range strings.Split(string(data), "\n") {
		switch {
		case cur == nil && strings.TrimSpace(line) == "```sh":
			cur = &readmeBlock{line: i + 1}
			if strings.TrimSpace(prev) == readmeSkip {
				cur.line = -cur.line // read, but not kept
			}
		case cur != nil && strings.TrimSpace(line) == "```":
			if cur.line > 0 {
				blocks = append(blocks, *cur)
			}
			cur = nil
		case cur != nil:
			cur.text += line + "\n"
		}
		if strings.TrimSpace(line) != "" {
			prev = line
		}
	}
	if cur != nil {
		t.Fatalf("README.md: the ```sh block at line %d is not closed", abs(cur.line))
	}
	return blocks
}

// readmeScript joins the blocks into one bash script, with the test's own
// lines between them: a marker naming each block's line, and after the
// block that starts the server a wait until it answers.
func readmeScript(t *testing.T, blocks []readmeBlock, addr string) string {
	t.Helper()
	var b strings.Builder
	b.WriteString("set -euo pipefail\nshopt -s expand_aliases\n")
	b.WriteString("trap 'kill $(jobs -p) 2>/dev/null || true' EXIT\n")
	b.WriteString(`go() { (cd "$README_REPO" && command go "$@"); }` + "\n")
	port := addr[strings.LastIndex(addr, ":")+1:]
	for _, blk := range blocks {
		text := strings.NewReplacer("localhost:"+readmePort, "localhost:"+port,
			"127.0.0.1:"+readmePort, "127.0.0.1:"+port).Replace(blk.text)
		fmt.Fprintf(&b, "echo '### README.md line %d' >&2\n%s", blk.line, text)
		for _, m := range serveLine.FindAllStringSubmatch(blk.text, -1) {
			if m[1] != "&" {
				t.Fatalf("README.md block at line %d: %q runs in the foreground and would block the "+
					"rest; end it with & (see the conventions in readme_test.go)", blk.line, strings.TrimSpace(m[0]))
			}
			fmt.Fprintf(&b, "for i in $(seq 300); do command curl -fs http://%s/healthz >/dev/null && break; "+
				"[ $i = 300 ] && { echo 'tracker serve did not answer' >&2; exit 1; }; sleep 0.1; done\n", addr)
		}
	}
	return b.String()
}

// readmeEnv is the environment of a fresh machine: the test's own
// environment without TRACKER_* variables, with empty HOME, data folders
// and GOPATH, and the Go caches of this machine (so that "go install"
// does not build everything again).
func readmeEnv(t *testing.T, dir, repo, addr string) []string {
	t.Helper()
	for _, sub := range []string{"home", "gopath", "work", "xdg/data", "xdg/config"} {
		if err := os.MkdirAll(filepath.Join(dir, sub), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	goEnv, err := exec.Command("go", "env", "GOCACHE", "GOMODCACHE").Output()
	if err != nil {
		t.Fatalf("go env: %v", err)
	}
	caches := strings.Fields(string(goEnv))
	var env []string
	for _, kv := range os.Environ() {
		name, _, _ := strings.Cut(kv, "=")
		switch {
		case strings.HasPrefix(name, "TRACKER_"), name == "HOME", name == "PATH", strings.HasPrefix(name, "XDG_"),
			name == "GOBIN", name == "GOCACHE", name == "GOMODCACHE", name == "GOPATH":
			continue
		}
		env = append(env, kv)
	}
	return append(env, "HOME="+filepath.Join(dir, "home"), "PATH="+os.Getenv("PATH"),
		"XDG_DATA_HOME="+filepath.Join(dir, "xdg/data"), "XDG_CONFIG_HOME="+filepath.Join(dir, "xdg/config"),
		"GOPATH="+filepath.Join(dir, "gopath"), "GOCACHE="+caches[0], "GOMODCACHE="+caches[1],
		"TRACKER_ADDR="+addr, "README_REPO="+repo)
}

// freeAddr returns a loopback address with a port nothing listens on.
func freeAddr(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return "127.0.0.1:" + strconv.Itoa(ln.Addr().(*net.TCPAddr).Port)
}

// lastBlock names the block the script was in when it stopped.
func lastBlock(out []byte) string {
	last := "the start"
	sc := bufio.NewScanner(strings.NewReader(string(out)))
	for sc.Scan() {
		if line, ok := strings.CutPrefix(sc.Text(), "### "); ok {
			last = "the block at " + line
		}
	}
	return last
}

// tail returns the last n lines of s.
func tail(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(lines) > n {
		lines = append([]string{"..."}, lines[len(lines)-n:]...)
	}
	return strings.Join(lines, "\n")
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
