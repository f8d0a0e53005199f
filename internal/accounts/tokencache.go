package accounts

import (
	"crypto/sha256"
	"sync"
	"time"
)

// tokenCacheTTL is how long a verified API token is believed without
// asking the database again. A token revoked through this service stops
// working at once; one revoked by another process (the command line,
// another server on the same PostgreSQL) stops within this time.
const tokenCacheTTL = time.Second

// tokenCacheMax bounds the cache: past it the cache starts again empty.
const tokenCacheMax = 10_000

// tokenDigest is a token's SHA-256 (secretDigest), the key of the cache:
// the hex the database keeps is made only when the cache cannot answer.
type tokenDigest = [sha256.Size]byte

// tokenCache remembers, by token hash, whose a token was and until when
// it may be believed: the lookup then costs no transaction on most
// requests of a busy client.
type tokenCache struct {
	mu      sync.Mutex
	entries map[tokenDigest]tokenEntry
	// gen counts the clears, so that a lookup that began before one does
	// not put back what the clear removed.
	gen uint64
}

type tokenEntry struct {
	user      User
	expiresAt *time.Time // the token's own expiry
	until     time.Time  // when to ask the database again
}

// get returns the user of the token with hash, if the cache may answer at
// now (the cache's clock) and the token has not expired at today (the
// service's clock).
func (c *tokenCache) get(hash tokenDigest, now, today time.Time) (*User, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.entries[hash]
	if !ok || !now.Before(e.until) || (e.expiresAt != nil && !today.Before(*e.expiresAt)) {
		return nil, false
	}
	u := e.user
	return &u, true
}

// generation returns the count of clears, to hand back to put.
func (c *tokenCache) generation() uint64 {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.gen
}

// put remembers a verified token, unless the cache was cleared since gen.
func (c *tokenCache) put(hash tokenDigest, u *User, expiresAt *time.Time, gen uint64, now time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if gen != c.gen {
		return
	}
	if c.entries == nil || len(c.entries) >= tokenCacheMax {
		c.entries = map[tokenDigest]tokenEntry{}
	}
	c.entries[hash] = tokenEntry{user: *u, expiresAt: expiresAt, until: now.Add(tokenCacheTTL)}
}

// clear forgets every token, after a revocation.
func (c *tokenCache) clear() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.entries = nil
	c.gen++
}
