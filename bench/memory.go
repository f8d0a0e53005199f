package main

import (
	"encoding/json"
	"net/http"
	"os"
	"runtime/metrics"
	"strconv"
	"strings"
)

// memory is what the server's resident memory was made of at a run's peak,
// in MB: the file-backed pages (the program's own code and data), Go's
// memory the runtime has not given back (heap, stacks, its own), and the C
// allocator's (SQLite's page caches and statements): in use and free but
// kept. What the resident memory holds beyond those is the rest of the
// anonymous pages (threads' stacks, pages of Go's heap or of C's never
// touched since they were taken).
type memory struct {
	RSS    float64 `json:"rss_mb"`
	File   float64 `json:"file_mb"`
	Go     float64 `json:"go_mb"`
	CInUse float64 `json:"c_in_use_mb"`
	CFree  float64 `json:"c_free_mb"`
}

// serverMemory is the serving process's own part of memory: Go's and the
// C allocator's.
type serverMemory struct {
	Go     float64 `json:"go_mb"`
	CInUse float64 `json:"c_in_use_mb"`
	CFree  float64 `json:"c_free_mb"`
}

// ownMemory reads this process's serverMemory.
func ownMemory() serverMemory {
	s := []metrics.Sample{{Name: "/memory/classes/total:bytes"}, {Name: "/memory/classes/heap/released:bytes"}}
	metrics.Read(s)
	inUse, free := cMemory()
	return serverMemory{Go: mb(s[0].Value.Uint64() - s[1].Value.Uint64()), CInUse: mb(inUse), CFree: mb(free)}
}

func mb(b uint64) float64 { return float64(b) / (1 << 20) }

// handleMemory answers the control listener's GET /memory.
func handleMemory(w http.ResponseWriter, r *http.Request) {
	json.NewEncoder(w).Encode(ownMemory())
}

// memory returns the child's memory now; zero fields where unknown.
func (c *child) memory() memory {
	var m memory
	b, err := os.ReadFile("/proc/" + strconv.Itoa(c.cmd.Process.Pid) + "/status")
	if err != nil {
		return m
	}
	for line := range strings.Lines(string(b)) {
		name, rest, _ := strings.Cut(line, ":")
		kb, _ := strconv.ParseFloat(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 64)
		switch name {
		case "VmRSS":
			m.RSS = kb / 1024
		case "RssFile":
			m.File = kb / 1024
		}
	}
	if c.control == "-" {
		return m
	}
	resp, err := http.Get("http://" + c.control + "/memory")
	if err != nil {
		return m
	}
	defer resp.Body.Close()
	var s serverMemory
	if json.NewDecoder(resp.Body).Decode(&s) == nil {
		m.Go, m.CInUse, m.CFree = s.Go, s.CInUse, s.CFree
	}
	return m
}
