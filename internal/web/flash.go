package web

import (
	"crypto/rand"
	"encoding/hex"
	"sync"
	"time"
)

// flashTTL is how long a new API token waits to be shown once.
const flashTTL = 5 * time.Minute

// flashes keeps each new API token in memory for the one page that shows
// it after the redirect, so that the token form can post, redirect and get
// without the token in a URL or a cookie. Only its random key goes into a
// cookie.
type flashes struct {
	mu sync.Mutex
	m  map[string]flash
}

type flash struct {
	userID int64
	value  string
	until  time.Time
}

func newFlashes() *flashes { return &flashes{m: map[string]flash{}} }

// put stores value for userID and returns its key.
func (f *flashes) put(userID int64, value string) string {
	b := make([]byte, 16)
	_, _ = rand.Read(b) // never fails (crypto/rand panics rather)
	key := hex.EncodeToString(b)
	f.mu.Lock()
	defer f.mu.Unlock()
	now := time.Now()
	for k, v := range f.m {
		if now.After(v.until) {
			delete(f.m, k)
		}
	}
	f.m[key] = flash{userID: userID, value: value, until: now.Add(flashTTL)}
	return key
}

// take returns the value under key for userID once, and forgets it.
func (f *flashes) take(userID int64, key string) string {
	f.mu.Lock()
	defer f.mu.Unlock()
	v, ok := f.m[key]
	delete(f.m, key)
	if !ok || v.userID != userID || time.Now().After(v.until) {
		return ""
	}
	return v.value
}
