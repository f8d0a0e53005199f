package main

import (
	"encoding/base64"
	"fmt"
	"math"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	vegeta "github.com/tsenart/vegeta/v12/lib"
)

// class is whose data the load reads and writes: the typical users (each
// request picks one of them) or the one big user.
type class struct {
	Name  string
	users []int // user indexes
	apps  int   // applications of each
}

func classes(sz sizes) []class {
	typical := make([]int, sz.Users)
	for u := range typical {
		typical[u] = u
	}
	return []class{
		{Name: fmt.Sprintf("%d apps", sz.Apps), users: typical, apps: sz.Apps},
		{Name: fmt.Sprintf("%d apps", sz.Big), users: []int{sz.Users}, apps: sz.Big},
	}
}

// endpoint is one API call under load. next fills in the k-th request of
// its maximum run, and mixed, when set, the k-th of the fixed-rate mix
// (else next does); false means there is nothing left to send (the pool
// of applications a write consumes ran out). keep, when set, is told
// before the maximum run how many requests the mix will send, and the
// maximum run leaves that many of the pool to the mix.
type endpoint struct {
	Name  string
	Write bool
	next  func(k uint64, t *vegeta.Target) bool
	mixed func(k uint64, t *vegeta.Target) bool
	keep  func(n uint64)
}

// pool hands out each of size things once: the maximum run takes them
// from the front, the mix from the back, and the maximum run stops kept
// short of the end, so that it cannot use up what the mix needs.
type pool struct {
	size        uint64
	kept        atomic.Uint64
	front, back atomic.Uint64
}

// first takes the next thing from the front.
func (p *pool) first() (uint64, bool) {
	k := p.front.Add(1) - 1
	return k, k < p.size-min(p.kept.Load(), p.size)
}

// last takes the next thing from the back, down to what the front took.
func (p *pool) last() (uint64, bool) {
	k := p.back.Add(1) - 1
	taken := min(p.front.Load(), p.size-min(p.kept.Load(), p.size))
	return p.size - 1 - k, k < p.size-taken
}

// appliedOf is how many applied applications a user with apps
// applications has (see pattern).
func appliedOf(apps int) int {
	return apps/len(pattern)*appliedSlots + min(apps%len(pattern), appliedSlots)
}

// endpoints are the calls measured for class c. Writes consume seeded
// applications, so their counters live as long as the endpoints do.
func endpoints(sz sizes, c class, base string) []*endpoint {
	pick := func(k uint64) (u int, i int) { // a user, and a spread index
		return c.users[k%uint64(len(c.users))], int((k * 7919) % uint64(c.apps))
	}
	get := func(path string) func(k uint64, t *vegeta.Target) bool {
		return func(k uint64, t *vegeta.Target) bool {
			u, _ := pick(k)
			*t = target(u, http.MethodGet, base+path, "")
			return true
		}
	}
	deep := base64.RawURLEncoding.EncodeToString(fmt.Appendf(nil, `{"s":"newest","i":%d}`, sz.appID(c.users[0], c.apps/2)))
	// Every applied application moves once, applied -> rejected: the k-th
	// move is the user k%users's k/users-th applied application.
	moves := &pool{size: uint64(len(c.users) * appliedOf(c.apps))}
	move := func(t *vegeta.Target, k uint64, ok bool) bool {
		if !ok {
			return false
		}
		u := c.users[k%uint64(len(c.users))]
		i := appliedIndex(int(k / uint64(len(c.users))))
		*t = target(u, http.MethodPost, fmt.Sprintf("%s/applications/%d/transitions", base, sz.appID(u, i)), `{"to":"rejected"}`)
		return true
	}
	return []*endpoint{
		{Name: "GET /applications/{id}", next: func(k uint64, t *vegeta.Target) bool {
			u, i := pick(k)
			*t = target(u, http.MethodGet, base+"/applications/"+strconv.FormatInt(sz.appID(u, i), 10), "")
			return true
		}},
		{Name: "GET /applications (50)", next: get("/applications?limit=50")},
		{Name: "GET /applications deep page", next: func(k uint64, t *vegeta.Target) bool {
			*t = target(c.users[0], http.MethodGet, base+"/applications?limit=50&cursor="+deep, "")
			return true
		}},
		{Name: "GET /applications?q=", next: get("/applications?limit=50&q=acme")},
		// The same search in another order than the index's own (it hands
		// matches over by id): the one a search must not sort every match for.
		{Name: "GET /applications?q= by updated", next: get("/applications?limit=50&q=acme&sort=updated")},
		// The same search within one stage, newest first: the seed has no
		// withdrawn application, so a search that reads the word's matches
		// to test their stage reads every one of them and finds none.
		{Name: "GET /applications?q= in a stage", next: get("/applications?limit=50&q=acme&status=withdrawn")},
		{Name: "GET /warnings", next: get("/warnings")},
		{Name: "POST decline/preview", next: func(k uint64, t *vegeta.Target) bool {
			u, i := pick(k)
			i = i/len(pattern)*len(pattern) + invitedSlot
			*t = target(u, http.MethodPost, fmt.Sprintf("%s/applications/%d/decline/preview", base, sz.appID(u, i)),
				`{"reason":"another_offer"}`)
			return true
		}},
		{Name: "POST /applications", Write: true, next: func(k uint64, t *vegeta.Target) bool {
			u, _ := pick(k)
			*t = target(u, http.MethodPost, base+"/applications", `{"company":"Bench Co","role":"Engineer","notes":"load test"}`)
			return true
		}},
		{Name: "POST transitions", Write: true,
			next: func(_ uint64, t *vegeta.Target) bool {
				k, ok := moves.first()
				return move(t, k, ok)
			},
			mixed: func(_ uint64, t *vegeta.Target) bool {
				k, ok := moves.last()
				return move(t, k, ok)
			},
			keep: func(n uint64) { moves.kept.Store(n) },
		},
	}
}

func target(u int, method, url, body string) vegeta.Target {
	h := http.Header{"Authorization": {"Bearer " + token(u)}}
	t := vegeta.Target{Method: method, URL: url, Header: h}
	if body != "" {
		h.Set("Content-Type", "application/json")
		t.Body = []byte(body)
	}
	return t
}

// targeter turns an endpoint into vegeta's request source, for its
// maximum run or for the mix; every request's id starts with run (see
// requestID).
func targeter(e *endpoint, mixed bool, run string) vegeta.Targeter {
	next := e.next
	if mixed && e.mixed != nil {
		next = e.mixed
	}
	var n atomic.Uint64
	return func(t *vegeta.Target) error {
		k := n.Add(1) - 1
		if !next(k, t) {
			return vegeta.ErrNoTargets
		}
		t.Header.Set("X-Request-ID", requestID(run, k))
		return nil
	}
}

// result is one measured phase.
type result struct {
	Endpoint   string  `json:"endpoint"`
	Class      string  `json:"class,omitempty"`
	Mode       string  `json:"mode"` // "max" (closed loop) or "fixed" (the mix at a fixed rate)
	Requests   uint64  `json:"requests"`
	Throughput float64 `json:"throughput_per_s"` // successful requests a second
	P50ms      float64 `json:"p50_ms"`
	P99ms      float64 `json:"p99_ms"`
	P999ms     float64 `json:"p999_ms"`
	// Refused are the answers 503 (the admission gate's "busy", or a
	// database that takes no writes); Errors are every other failure.
	Refused    uint64 `json:"refused_503"`
	Errors     uint64 `json:"errors"`
	FirstError string `json:"first_error,omitempty"`
	// The server's own latency of the requests it logged (see
	// serverlog.go), and its count of them.
	ServerP50ms  float64 `json:"server_p50_ms,omitempty"`
	ServerP99ms  float64 `json:"server_p99_ms,omitempty"`
	ServerLogged int     `json:"server_logged,omitempty"`
	RSSMB        float64 `json:"rss_peak_mb,omitempty"`
	// Memory is what the server's resident memory was made of at its
	// peak during the run (the mix's runs share one).
	Memory *memory `json:"memory_at_peak,omitempty"`
	Ratio  float64 `json:"ratio,omitempty"` // of the ceiling named below
	Of     string  `json:"ratio_of,omitempty"`
	// SQLite's writer during a maximum run of a write (see writerRun).
	Writer *writerRun `json:"writer,omitempty"`
}

// client is the one HTTP client of every attacker: its connections to the
// server stay under the server's limit per client address (128), which
// the loopback's one address would otherwise exceed in the mix.
var client = &http.Client{Timeout: 10 * time.Second, Transport: &http.Transport{
	MaxConnsPerHost: 100, MaxIdleConnsPerHost: 100, MaxIdleConns: 100, IdleConnTimeout: time.Minute,
}}

// attacker returns vegeta's attacker: clients > 0 is a closed loop of that
// many clients; 0 lets vegeta start as many as the rate needs.
func attacker(clients int) *vegeta.Attacker {
	opts := []func(*vegeta.Attacker){vegeta.Client(client)}
	if clients > 0 {
		opts = append(opts, vegeta.Workers(uint64(clients)), vegeta.MaxWorkers(uint64(clients)))
	}
	return vegeta.NewAttacker(opts...)
}

// attack runs tr for d at rate (a zero rate is a closed loop of clients)
// and summarises the answers.
func attack(name string, tr vegeta.Targeter, rate vegeta.Rate, d time.Duration, clients int) result {
	var m vegeta.Metrics
	for r := range attacker(clients).Attack(tr, rate, d, name) {
		if r.Error == vegeta.ErrNoTargets.Error() {
			continue
		}
		m.Add(r)
	}
	m.Close()
	return summarise(name, &m)
}

func summarise(name string, m *vegeta.Metrics) result {
	ms := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
	r := result{Endpoint: name, Requests: m.Requests}
	if m.Requests == 0 {
		return r
	}
	r.P50ms, r.P99ms, r.P999ms = ms(m.Latencies.P50), ms(m.Latencies.P99), ms(m.Latencies.Quantile(0.999))
	ok := uint64(math.Round(m.Success * float64(m.Requests))) // a share: truncated, 15 of 22 came back as 14
	r.Refused = uint64(m.StatusCodes["503"])
	r.Errors = m.Requests - ok - min(r.Refused, m.Requests-ok)
	if m.Duration > 0 {
		r.Throughput = float64(ok) / (m.Duration + m.Wait).Seconds()
	}
	for _, e := range m.Errors { // the first that is not a 503, else the 503
		if r.FirstError == "" || strings.HasPrefix(r.FirstError, "503 ") {
			r.FirstError = e
		}
	}
	return r
}

// addServerSide sets r's server-side figures from what the server logged
// of its requests.
func addServerSide(r *result, s *serverSide) {
	if s == nil {
		return
	}
	r.ServerP50ms, r.ServerP99ms, r.ServerLogged = quantile(s.latencies, 0.5), quantile(s.latencies, 0.99), len(s.latencies)
}

// mixRate is each endpoint's rate in a mix of n endpoints at total
// requests a second.
func mixRate(total float64, n int) vegeta.Rate {
	return vegeta.Rate{Freq: int(total), Per: time.Duration(n) * time.Second}
}

// mixRequests is how many requests each of n endpoints sends in a mix at
// total requests a second for d, with a tenth more to spare.
func mixRequests(total float64, n int, d time.Duration) uint64 {
	r := mixRate(total, n)
	return uint64(float64(r.Freq)*d.Seconds()/r.Per.Seconds()*1.1) + 1
}

// mix runs every endpoint at once, each at its share of total requests a
// second, for d. The endpoints start one after another, 1/total apart, so
// that their requests interleave evenly at total a second: started
// together at the same rate they arrived in waves, one request of every
// endpoint at the same instant, which no crowd of clients does and which
// made the last of each wave wait for the others.
func mix(eps []*endpoint, classOf []string, total float64, d time.Duration) []result {
	out := make([]result, len(eps))
	var wg sync.WaitGroup
	for i, e := range eps {
		wg.Go(func() {
			time.Sleep(time.Duration(float64(i) / total * float64(time.Second)))
			out[i] = attack(e.Name, targeter(e, true, runName("mix", i)), mixRate(total, len(eps)), d, 0)
			out[i].Class, out[i].Mode = classOf[i], "fixed"
		})
	}
	wg.Wait()
	return out
}

// runName names the i-th endpoint's run in mode ("max", "mix", "warm") in
// its requests' ids.
func runName(mode string, i int) string { return mode + strconv.Itoa(i) }
