package main

import (
	"bufio"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"
	"time"
)

// The server's own view of the load: every request the benchmark sends
// carries an X-Request-ID that names its run (the server keeps a client's
// id when it is a short token and logs it with the request's status and
// latency), so that the server's latency of each endpoint, from the
// request log middleware's start to the answer, can be read beside the
// client's. The difference is the client's own queue, the network and
// the time the request waited in the kernel for the server to read it.

// requestID is the id of the k-th request of the run named prefix.
func requestID(prefix string, k uint64) string {
	return prefix + "." + strconv.FormatUint(k, 10)
}

// serverLog reads the server's request log from where the last read
// stopped.
type serverLog struct {
	path   string
	offset int64
}

// serverSide is what the server's log says of one run's requests.
type serverSide struct {
	latencies []time.Duration // of every answer, sorted
}

// skip moves past what the log holds now, so that the next read sees only
// what comes after.
func (l *serverLog) skip() {
	if fi, err := os.Stat(l.path); err == nil {
		l.offset = fi.Size()
	}
}

// read returns, by run prefix, what the log gained since the last read or
// skip. The server writes its log in batches every 100 ms (logFlushEvery):
// read waits that long and a little more first.
func (l *serverLog) read() map[string]*serverSide {
	time.Sleep(logFlushEvery + 50*time.Millisecond)
	out := map[string]*serverSide{}
	f, err := os.Open(l.path)
	if err != nil {
		return out
	}
	defer f.Close()
	if _, err := f.Seek(l.offset, io.SeekStart); err != nil {
		return out
	}
	r := bufio.NewReaderSize(f, 1<<16)
	for {
		line, err := r.ReadString('\n')
		if err != nil { // a last line without its newline is read next time
			break
		}
		l.offset += int64(len(line))
		prefix, latency, ok := parseRequestLine(line)
		if !ok {
			continue
		}
		s := out[prefix]
		if s == nil {
			s = &serverSide{}
			out[prefix] = s
		}
		s.latencies = append(s.latencies, latency)
	}
	for _, s := range out {
		slices.Sort(s.latencies)
	}
	return out
}

// parseRequestLine reads a line of the request log middleware
// ("... status=200 ... latency=1.2ms request_id=max3.17"): the run prefix
// of its request id and its latency.
func parseRequestLine(line string) (prefix string, latency time.Duration, ok bool) {
	if !strings.Contains(line, " msg=request ") {
		return "", 0, false
	}
	var id, lat string
	for field := range strings.FieldsSeq(line) {
		k, v, _ := strings.Cut(field, "=")
		switch k {
		case "latency":
			lat = v
		case "request_id":
			id = v
		}
	}
	prefix, _, found := strings.Cut(id, ".")
	d, err := time.ParseDuration(lat)
	if !found || err != nil {
		return "", 0, false
	}
	return prefix, d, true
}

// quantile is the q-quantile of sorted, in milliseconds.
func quantile(sorted []time.Duration, q float64) float64 {
	if len(sorted) == 0 {
		return 0
	}
	i := min(int(q*float64(len(sorted))), len(sorted)-1)
	return float64(sorted[i].Microseconds()) / 1000
}
