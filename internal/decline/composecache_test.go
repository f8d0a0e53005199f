package decline

import (
	"fmt"
	"sync"
	"time"
)

// Many tests write the same letters: every situation, channel and tone
// for the drawn applications. composed keeps each distinct request's
// letter (or error) for the whole test binary, so a request is composed
// once. Compose is pure, and a Letter holds only strings, so the copy a
// test gets cannot change what another test reads.
var composed struct {
	sync.Mutex
	m map[string]composedLetter
}

type composedLetter struct {
	l   Letter
	err error
}

// cachedCompose is Compose(r), composed once per distinct request.
func cachedCompose(r Request) (Letter, error) {
	k := composeKey(r)
	composed.Lock()
	c, ok := composed.m[k]
	composed.Unlock()
	if ok {
		return c.l, c.err
	}
	l, err := Compose(r)
	composed.Lock()
	if composed.m == nil {
		composed.m = map[string]composedLetter{}
	}
	composed.m[k] = composedLetter{l, err}
	composed.Unlock()
	return l, err
}

// zoneProbes are instants a zone's offsets are read at, so two zones that
// share a name but not their offsets get different keys.
var zoneProbes = []time.Time{
	time.Date(2026, 1, 15, 12, 0, 0, 0, time.UTC),
	time.Date(2026, 7, 15, 12, 0, 0, 0, time.UTC),
}

// composeKey spells out every field of r, pointers followed: the
// interview time as an instant in its zone, and a zone by its name and
// its offsets at the interview, at the decline and at the probes (a zone
// made by time.FixedZone for each request is a new pointer every time).
func composeKey(r Request) string {
	var at, loc string
	if r.InterviewAt != nil {
		at = r.InterviewAt.Format(time.RFC3339Nano) + " " + r.InterviewAt.Location().String()
	}
	if r.Location != nil {
		loc = r.Location.String()
		probes := append([]time.Time{r.DeclinedOn}, zoneProbes...)
		if r.InterviewAt != nil {
			probes = append(probes, *r.InterviewAt)
		}
		for _, p := range probes {
			name, off := p.In(r.Location).Zone()
			loc += fmt.Sprintf(" %s%+d", name, off)
		}
	}
	r.InterviewAt, r.Location = nil, nil
	return fmt.Sprintf("%#v|%s|%s|%s", r, r.DeclinedOn.Format(time.RFC3339Nano), at, loc)
}
