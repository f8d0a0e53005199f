package accounts

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
)

// secretBytes is the entropy of every session id, API token and setup
// token: 256 bits, so a fast hash is enough to store them.
const secretBytes = 32

// secretLength is the length of a secret as text.
var secretLength = base64.RawURLEncoding.EncodedLen(secretBytes)

// randomBytes returns n bytes from the operating system's CSPRNG.
func randomBytes(n int) []byte {
	b := make([]byte, n)
	// crypto/rand.Read never returns an error: it crashes the program
	// rather than hand out predictable bytes.
	_, _ = rand.Read(b)
	return b
}

// newSecret returns a new random secret, base64url without padding.
func newSecret() string {
	return base64.RawURLEncoding.EncodeToString(randomBytes(secretBytes))
}

// hashSecret returns the SHA-256 hex of a secret: what the database keeps.
func hashSecret(secret string) string {
	sum := secretDigest(secret)
	return hex.EncodeToString(sum[:])
}

// secretDigest returns the SHA-256 of a secret, which hashSecret writes in
// hex: the token cache's key. A secret of up to 128 bytes (every token)
// is hashed without an allocation.
func secretDigest(secret string) [sha256.Size]byte {
	var buf [128]byte
	return sha256.Sum256(append(buf[:0], secret...))
}
