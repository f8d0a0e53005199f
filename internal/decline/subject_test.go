package decline

import (
	"fmt"
	"sort"
	"strings"
	"testing"
	"time"
)

// subjectFrame is the frame a reader sees when subjects are side by side,
// whatever their words: where the sender's name sits, and whether a dash
// or colon sets the role apart. A blind reader found one frame in every
// subject ("Sam Lee – Senior Go Engineer offer", "Interview invitation –
// Senior Go Engineer, Sam Lee").
func subjectFrame(s string, r Request) string {
	name := r.Sender.Name
	switch {
	case strings.HasPrefix(s, "Re:"):
		return "Re: their subject"
	case !strings.Contains(s, name) && (subjectDash.MatchString(s) || strings.Contains(s, ":")):
		return "topic – role"
	case !strings.Contains(s, name):
		return "plain"
	case strings.HasPrefix(s, name+" – "):
		return "name – topic"
	case strings.HasPrefix(s, name+": "):
		return "name: topic"
	case strings.HasSuffix(s, " – "+name) || strings.HasSuffix(s, ", "+name):
		return "topic – name"
	case strings.HasSuffix(s, "("+name+")"):
		return "topic (name)"
	case strings.Contains(s, ": "+name+", "):
		return "label: name, role"
	}
	return "other"
}

// nameByDash reports a frame that sets the sender's name off with a
// dash, the frame the reader saw in every subject.
func nameByDash(frame string) bool { return frame == "name – topic" || frame == "topic – name" }

// maxSubjectFrame bounds the share of a situation's subjects in one frame
// (see subjectFrame); maxNameByDash the share that set the name off with
// a dash where the From line names the sender, maxNameByDashUnsent where
// it may not and every subject names the sender.
const (
	maxSubjectFrame     = 0.40
	maxNameByDash       = 0.40
	maxNameByDashUnsent = 0.55
)

// subjectFrames writes n subjects of sit, in both tones and on several
// dates, with or without an address for the From line, and counts their
// frames; it fails on a subject that does not name the role, or the
// sender where the From line does not.
func subjectFrames(t *testing.T, sit Situation, fromNamed bool, n int) (map[string]int, []string) {
	t.Helper()
	notes := []time.Time{{}, time.Date(2026, 12, 2, 9, 0, 0, 0, time.UTC), time.Date(2026, 11, 30, 9, 0, 0, 0, time.UTC)}
	counts, examples := map[string]int{}, []string{}
	for w := range uint64(n) {
		r := request(sit, ReasonTiming, ChannelEmail, Tones()[w%2], 3+w/2)
		r.Wording, r.DeclinedOn = w, notes[w%3]
		if !fromNamed {
			r.Sender.Email = ""
		}
		s := mustCompose(t, r).Subject
		if !strings.Contains(s, r.Role) {
			t.Errorf("%s: the subject %q does not name the role", sit, s)
		}
		if !fromNamed && !strings.Contains(s, r.Sender.Name) {
			t.Errorf("%s: with no address for the From line, the subject %q does not name the sender", sit, s)
		}
		f := subjectFrame(s, r)
		if f == "other" {
			t.Errorf("%s: the subject %q has a frame of its own", sit, s)
		}
		counts[f]++
		if len(examples) < 6 {
			examples = append(examples, s)
		}
	}
	return counts, examples
}

// shares lists counts as percentages of n, the largest first.
func shares(counts map[string]int, n int) string {
	keys := make([]string, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		return counts[keys[i]] > counts[keys[j]] || counts[keys[i]] == counts[keys[j]] && keys[i] < keys[j]
	})
	var b strings.Builder
	for _, k := range keys {
		fmt.Fprintf(&b, "%q %.0f%%  ", k, 100*float64(counts[k])/float64(n))
	}
	return b.String()
}

// TestSubjectFramesVary: every subject names the role; no frame (see
// subjectFrame) is in more than maxSubjectFrame of a situation's
// subjects, and the name set off by a dash in no more than maxNameByDash
// of them (maxNameByDashUnsent when every subject names the sender).
func TestSubjectFramesVary(t *testing.T) {
	const n = 240
	for _, fromNamed := range []bool{true, false} {
		limit := maxNameByDash
		if !fromNamed {
			limit = maxNameByDashUnsent
		}
		for _, sit := range Situations() {
			counts, examples := subjectFrames(t, sit, fromNamed, n)
			dashed := 0
			for f, k := range counts {
				if nameByDash(f) {
					dashed += k
				}
				if share := float64(k) / n; share > maxSubjectFrame {
					t.Errorf("%s (From named %v): %.0f %% of subjects have the frame %q (at most %.0f %%)", sit, fromNamed, 100*share, f, 100*maxSubjectFrame)
				}
			}
			if share := float64(dashed) / n; share > limit {
				t.Errorf("%s (From named %v): %.0f %% of subjects set the name off with a dash (at most %.0f %%)", sit, fromNamed, 100*share, 100*limit)
			}
			t.Logf("%s (From named %v): name by a dash %.0f%%; %s; e.g. %q", sit, fromNamed, 100*float64(dashed)/n, shares(counts, n), examples)
		}
	}
}

// maxNameAfterDash bounds the share of a situation's subjects that put
// the sender's name after the topic ("Senior Go Engineer interview – Sam
// Lee", "... – Senior Go Engineer, Sam Lee"): people rarely do, and a
// blind reader saw it, or the name in brackets, in 8 subjects of 20.
const maxNameAfterDash = 0.15

// maxNameColon bounds the subjects that open with the sender's name and a
// colon ("Emily Parker: Declining the ... interview"), without an address
// for the From line: a blind reader named it the program's (25 % then).
const maxNameColon = 0.2

// TestSubjectNameRarelyAfter: no subject holds the sender's name in
// brackets, and few put it after the topic, whether or not the From line
// names the sender.
func TestSubjectNameRarelyAfter(t *testing.T) {
	const n = 240
	for _, fromNamed := range []bool{true, false} {
		for _, sit := range Situations() {
			counts, _ := subjectFrames(t, sit, fromNamed, n)
			if k := counts["topic (name)"]; k > 0 {
				t.Errorf("%s (From named %v): %d subjects hold the name in brackets", sit, fromNamed, k)
			}
			if share := float64(counts["topic – name"]) / n; share > maxNameAfterDash {
				t.Errorf("%s (From named %v): %.0f %% of subjects put the name after the topic (at most %.0f %%)", sit, fromNamed, 100*share, 100*maxNameAfterDash)
			}
			if share := float64(counts["name: topic"]) / n; !fromNamed && share > maxNameColon {
				t.Errorf("%s: %.0f %% of subjects open with the name and a colon (at most %.0f %%)", sit, 100*share, 100*maxNameColon)
			}
		}
	}
}
