package decline

import (
	"os"
	"regexp"
	"strings"
	"testing"
)

// A reason of the user's own set into a decline must be the decline's
// reason, said once, of something the sentence names:
//   - frontedFrame: not in front of a frame that is not the decision ("Due
//     to time constraints, I am writing to withdraw ..." says the writing
//     is due to them);
//   - twoReasons: not beside a reason the decline already gives ("because
//     of time constraints, I won't be coming ..., as I'm withdrawing ...");
//   - bareIt: not in front of, or after, a decline whose "it" nothing in
//     the sentence or the one before it names ("Due to time constraints,
//     I would prefer not to proceed with it.").
var (
	frontedFrame  = regexp.MustCompile(`(?i)\b(because of|due to|for) [^,.]+, (I('m| am) (just )?(writing|calling|phoning|ringing|reaching out|getting in touch|contacting|emailing|messaging|here)|I wanted to|I('d| would) like to (let|inform|say|tell)|I thought I'd|I want to let|this is to|just to)`)
	reasonMarks   = regexp.MustCompile(`(?i)\b(because|due to)\b|, since\b|, as (I|my|we|the|it)\b|\bfor (\w+ )?reasons\b`)
	itObject      = regexp.MustCompile(`\b(with|withdraw|decline|accept|attend|take|pursue|cancel|keep|turn|move|proceed|release|let|give|go) it\b`)
	frontedReason = regexp.MustCompile(`(?i)(^|, (but )?|that, )(because of|due to|owing to|for|with) [^,.]+, `)
	namesIt       = regexp.MustCompile(`(?i)\b(application|offer|interview|role|position|opportunity|invitation|post|job|candidacy|place|process|meeting|call|appointment|slot)\b`)
)

// ownMatrix are own reasons as noun phrases and as clauses.
var ownMatrix = append(slicesOf(nounReasons), "Salary", "time constraints", "family reasons", "my partner has taken a job in Lyon",
	"relocation to Lisbon", "Burnout, I need a break from work for a few months")

func slicesOf(s []string) []string { return append([]string(nil), s...) }

// frontJoinFaults counts each fault over the matrix of own reasons x
// situations x channels x tones x 8 variants, in reason other and as a
// detail of kind reason, with an example of each.
func frontJoinFaults(t *testing.T) (map[string]int, map[string][]string) {
	n, ex := map[string]int{}, map[string][]string{}
	add := func(k, s string) {
		n[k]++
		if len(ex[k]) < 6 {
			ex[k] = append(ex[k], s)
		}
	}
	eachOwnReason(ownMatrix, 8, 100, func(own string, r Request) {
		l := mustCompose(t, r)
		ss := letterSentences(l, r.Channel)
		last := strings.ToLower(strings.Fields(own)[len(strings.Fields(own))-1])
		for i, s := range ss {
			if !strings.Contains(strings.ToLower(s), last) {
				continue
			}
			n["sentences"]++
			if frontedFrame.MatchString(s) {
				add("fronted before a frame", s)
			}
			if len(reasonMarks.FindAllString(s, -1)) > 1 {
				add("two reasons", s)
			}
			prev := ""
			if i > 0 {
				prev = ss[i-1]
			}
			if m := itObject.FindStringIndex(s); m != nil && !namesIt.MatchString(s[:m[0]]) && (frontedReason.MatchString(s) || !namesIt.MatchString(prev)) {
				add("it unnamed", s+"  [after: "+prev+"]")
			}
		}
	})
	return n, ex
}

// TestOwnReasonJoinsTheDecision: no letter of the matrix has any of the
// faults above.
func TestOwnReasonJoinsTheDecision(t *testing.T) {
	n, ex := frontJoinFaults(t)
	if os.Getenv("FRONT_COUNTS") != "" {
		t.Logf("counts: %v", n)
		for k, e := range ex {
			t.Logf("%s:\n  %s", k, strings.Join(e, "\n  "))
		}
	}
	for _, k := range []string{"fronted before a frame", "two reasons", "it unnamed"} {
		if n[k] > 0 {
			t.Errorf("%s: %d of %d sentences that give the reason, e.g.\n  %s", k, n[k], n["sentences"], strings.Join(ex[k], "\n  "))
		}
	}
}
