package accounts

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/crypto/argon2"
)

func TestHashPasswordFormat(t *testing.T) {
	h := hashPassword("correct horse battery staple")
	phc := regexp.MustCompile(`^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$`)
	if !phc.MatchString(h) {
		t.Fatalf("hash %q is not in the PHC format with the OWASP parameters", h)
	}
	if h2 := hashPassword("correct horse battery staple"); h2 == h {
		t.Fatal("two hashes of one password are equal: the salt is not random")
	}
	if ok, err := verifyPassword(h, "correct horse battery staple"); !ok || err != nil {
		t.Fatalf("verify(right password) = %v, %v", ok, err)
	}
	if ok, err := verifyPassword(h, "correct horse battery stapler"); ok || err != nil {
		t.Fatalf("verify(wrong password) = %v, %v", ok, err)
	}
}

func TestVerifyReadsParametersFromTheHash(t *testing.T) {
	salt := []byte("0123456789abcdef")
	key := argon2.IDKey([]byte("an older password"), salt, 1, 8*1024, 2, 24)
	old := fmt.Sprintf("$argon2id$v=19$m=8192,t=1,p=2$%s$%s", b64.EncodeToString(salt), b64.EncodeToString(key))
	if ok, err := verifyPassword(old, "an older password"); !ok || err != nil {
		t.Fatalf("verify(hash with other parameters) = %v, %v", ok, err)
	}
	if ok, _ := verifyPassword(old, "an older passwore"); ok {
		t.Fatal("a wrong password matched")
	}
}

func TestVerifyRefusesBadHashes(t *testing.T) {
	good := hashPassword("some long password")
	parts := strings.Split(good, "$")
	with := func(i int, v string) string {
		p := append([]string(nil), parts...)
		p[i] = v
		return strings.Join(p, "$")
	}
	for name, h := range map[string]string{
		"empty":          "",
		"bcrypt":         "$2a$10$abcdefghijklmnopqrstuu",
		"argon2i":        with(1, "argon2i"),
		"old version":    with(2, "v=16"),
		"memory too big": with(3, "m=4194304,t=2,p=1"),
		"zero passes":    with(3, "m=19456,t=0,p=1"),
		"extra param":    with(3, "m=19456,t=2,p=1,x=1"),
		"bad salt":       with(4, "!!!"),
		"short key":      with(5, "AAAA"),
		"extra part":     good + "$",
	} {
		t.Run(name, func(t *testing.T) {
			if ok, err := verifyPassword(h, "some long password"); ok || err != errBadHash {
				t.Fatalf("verify = %v, %v; want false, errBadHash", ok, err)
			}
		})
	}
}

func TestEmailProblem(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"ann@example.com", ""},
		{"ann.lee+jobs@mail.example.org", ""},
		{"", "email is required"},
		{"ann", "email must be a plain e-mail address such as name@example.com"},
		{"Ann <ann@example.com>", "email must be a plain e-mail address such as name@example.com"},
		{"ann@example.com, bob@example.com", "email must be a plain e-mail address such as name@example.com"},
		{strings.Repeat("a", 250) + "@b.co", "email must be an e-mail address of at most 254 characters"},
	}
	for _, tt := range tests {
		if got := emailProblem(normalizeEmail(tt.in)); got != tt.want {
			t.Errorf("emailProblem(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestPasswordProblem(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"twelve chars", ""},
		{"ääääääääääää", ""}, // 12 characters, 24 bytes
		{"short", "password must be at least 12 characters long"},
		{"ääääää", "password must be at least 12 characters long"}, // 12 bytes, 6 characters
		{strings.Repeat("x", 257), "password must be at most 256 characters long"},
		{strings.Repeat(" ", 12), "password must not be only spaces"},
		{"\xff\xfe twelve chars", "password must be valid UTF-8 text"},
	}
	for _, tt := range tests {
		if got := passwordProblem("password", tt.in); got != tt.want {
			t.Errorf("passwordProblem(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestSecrets(t *testing.T) {
	a, b := newSecret(), newSecret()
	if a == b || len(a) != 43 || len(a) != secretLength {
		t.Fatalf("secrets %q, %q", a, b)
	}
	if h := hashSecret(a); len(h) != 64 || h == a {
		t.Fatalf("hash %q", h)
	}
}
