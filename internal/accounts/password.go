package accounts

import (
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"golang.org/x/crypto/argon2"
)

// The Argon2id parameters of new hashes: OWASP's recommended minimum
// (19 MiB, two passes, one lane). Verification reads the parameters from
// the stored hash, so they can be raised without breaking old hashes.
const (
	argonMemory  = 19 * 1024 // KiB
	argonTime    = 2
	argonThreads = 1
	argonSaltLen = 16
	argonKeyLen  = 32
)

// Bounds on parameters read from a stored hash, so that a damaged row cannot
// make a sign-in allocate gigabytes or spin for minutes.
const (
	maxArgonMemory = 1024 * 1024 // 1 GiB in KiB
	maxArgonTime   = 16
)

var b64 = base64.RawStdEncoding // the PHC string format's base64

// hashPassword returns the Argon2id hash of password in the PHC string
// format: $argon2id$v=19$m=19456,t=2,p=1$<salt>$<key>.
func hashPassword(password string) string {
	salt := randomBytes(argonSaltLen)
	key := argon2.IDKey([]byte(password), salt, argonTime, argonMemory, argonThreads, argonKeyLen)
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s",
		argon2.Version, argonMemory, argonTime, argonThreads, b64.EncodeToString(salt), b64.EncodeToString(key))
}

// argonHash is a parsed PHC string.
type argonHash struct {
	memory, time uint32
	threads      uint8
	salt, key    []byte
}

// errBadHash reports a stored hash this package cannot read. It names no
// part of the hash.
var errBadHash = errors.New("the stored password hash is not a valid argon2id hash")

// parseHash reads a PHC string written by hashPassword, with any parameters.
func parseHash(encoded string) (*argonHash, error) {
	parts := strings.Split(encoded, "$")
	if len(parts) != 6 || parts[0] != "" || parts[1] != "argon2id" || parts[2] != fmt.Sprintf("v=%d", argon2.Version) {
		return nil, errBadHash
	}
	params, ok := parseParams(parts[3])
	if !ok {
		return nil, errBadHash
	}
	h := argonHash{memory: params[0], time: params[1], threads: uint8(params[2])}
	var err1, err2 error
	h.salt, err1 = b64.DecodeString(parts[4])
	h.key, err2 = b64.DecodeString(parts[5])
	if err1 != nil || err2 != nil || len(h.salt) < 8 || len(h.key) < 16 || len(h.key) > 128 {
		return nil, errBadHash
	}
	return &h, nil
}

// parseParams reads "m=<KiB>,t=<passes>,p=<lanes>" and checks the values
// are in bounds.
func parseParams(s string) ([3]uint32, bool) {
	var vals [3]uint32
	fields := strings.Split(s, ",")
	if len(fields) != 3 {
		return vals, false
	}
	for i, name := range []string{"m=", "t=", "p="} {
		digits, ok := strings.CutPrefix(fields[i], name)
		n, err := strconv.ParseUint(digits, 10, 32)
		if !ok || err != nil {
			return vals, false
		}
		vals[i] = uint32(n)
	}
	m, t, p := vals[0], vals[1], vals[2]
	return vals, t >= 1 && t <= maxArgonTime && p >= 1 && p <= 255 && m >= 8*p && m <= maxArgonMemory
}

// verifyPassword reports whether password matches the stored hash, in time
// that does not depend on where they differ.
func verifyPassword(encoded, password string) (bool, error) {
	h, err := parseHash(encoded)
	if err != nil {
		return false, err
	}
	key := argon2.IDKey([]byte(password), h.salt, h.time, h.memory, h.threads, uint32(len(h.key)))
	return subtle.ConstantTimeCompare(key, h.key) == 1, nil
}
