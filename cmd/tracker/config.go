package main

import (
	"flag"
	"fmt"
	"net"
	"net/mail"
	"os"
	"path/filepath"
	"runtime"
	"time"

	"tracker/internal/httpapi"
	"tracker/internal/notify"
)

// Config is everything the command line and the environment set, parsed
// once per invocation and passed down.
type Config struct {
	// DB is a SQLite file path, or a postgres:// or postgresql:// URL.
	DB string
	// User is the e-mail of the account a data command acts for; empty
	// means the only account.
	User string

	// The rest is used by serve only; httpapi.Config explains each.
	Addr           string
	LogFormat      string
	AllowSignup    bool
	SecureCookies  bool
	TrustedProxies []*net.IPNet
	CORSOrigins    []string
	// MaxConns and MaxConnsPerIP cap the open connections (httpapi.LimitListener).
	MaxConns      int
	MaxConnsPerIP int
	// MaxActive is how many reads, and how many writes, run at once
	// (httpapi.Config.MaxActive).
	MaxActive int
	// SMTP is the relay e-mail reminders go through; no Addr, no e-mail.
	SMTP notify.SMTP
	// RemindEvery is how often serve looks for reminders to send; 0 never.
	RemindEvery time.Duration
	// BaseURL is the address users open the tracker at, for links in
	// reminders.
	BaseURL string
}

// envVar ties a flag to the environment variable that sets its default.
type envVar struct {
	flag, name, help string
}

// envVars lists every environment variable the tracker reads. A flag given
// on the command line wins over its variable.
var envVars = []envVar{
	{"db", "TRACKER_DB", "the database, as --db"},
	{"addr", "TRACKER_ADDR", "the address serve listens on, as --addr"},
	{"log-format", "TRACKER_LOG_FORMAT", "serve's log format, as --log-format"},
	{"allow-signup", "TRACKER_ALLOW_SIGNUP", "true lets visitors create accounts, as serve --allow-signup"},
	{"secure-cookies", "TRACKER_SECURE_COOKIES", "true marks cookies Secure behind a TLS proxy, as serve --secure-cookies"},
	{"trusted-proxies", "TRACKER_TRUSTED_PROXIES", "the proxies whose X-Forwarded-For serve believes, as --trusted-proxies"},
	{"cors-origins", "TRACKER_CORS_ORIGINS", "the origins allowed to call the API from a browser, as --cors-origins"},
	{"max-connections", "TRACKER_MAX_CONNECTIONS", "the most connections serve holds open, as --max-connections"},
	{"max-connections-per-ip", "TRACKER_MAX_CONNECTIONS_PER_IP", "the most one client address may hold, as --max-connections-per-ip"},
	{"max-active", "TRACKER_MAX_ACTIVE", "how many reads, and how many writes, serve runs at once, as --max-active"},
	{"smtp-addr", "TRACKER_SMTP_ADDR", "the SMTP relay of e-mail reminders, as serve --smtp-addr"},
	{"smtp-from", "TRACKER_SMTP_FROM", "the sender address of e-mail reminders, as serve --smtp-from"},
	{"smtp-username", "TRACKER_SMTP_USERNAME", "the SMTP user name, as serve --smtp-username"},
	{"smtp-tls", "TRACKER_SMTP_TLS", "starttls, tls or none, as serve --smtp-tls"},
	{"remind-every", "TRACKER_REMIND_EVERY", "how often serve sends due reminders, as --remind-every"},
	{"base-url", "TRACKER_BASE_URL", "the tracker's public address for links in reminders, as serve --base-url"},
	{"user", "TRACKER_USER", "the e-mail of the account commands act for, as --user"},
	{"sender", "TRACKER_SENDER_NAME", "the name that signs letters, as decline --sender"},
}

// registerData defines the flags every subcommand that reads or writes
// applications has: the database and the account. The promptness policy
// is not among them: it is stored per account (tracker settings), so the
// server and every command compute the same deadlines.
func (c *Config) registerData(fs *flag.FlagSet) {
	c.registerDB(fs)
	fs.StringVar(&c.User, "user", "", "the `e-mail` of the account to act for; needed only when the database has several (env TRACKER_USER)")
}

// registerDB defines --db, the one flag of every subcommand that opens the
// database.
func (c *Config) registerDB(fs *flag.FlagSet) {
	fs.StringVar(&c.DB, "db", "", "the database: a SQLite file `path`, or a postgres:// URL for PostgreSQL\n(env TRACKER_DB; default "+defaultDBHint()+")")
}

// dataFlags are the flags registerData defines, which help lists apart.
var dataFlags = map[string]bool{"db": true, "user": true}

// registerServe defines the flags of serve.
func (c *Config) registerServe(fs *flag.FlagSet) {
	fs.StringVar(&c.Addr, "addr", "127.0.0.1:8080", "the `host:port` to listen on; port 0 picks a free one (env TRACKER_ADDR)")
	fs.StringVar(&c.LogFormat, "log-format", "text", "the log `format`: text or json (env TRACKER_LOG_FORMAT)")
	fs.IntVar(&c.MaxConns, "max-connections", 1024, "the most `connections` held open at once; more wait their turn (env TRACKER_MAX_CONNECTIONS)")
	fs.IntVar(&c.MaxConnsPerIP, "max-connections-per-ip", 128, "the most `connections` one client address may hold; more are closed at once.\nBehind a reverse proxy all come from the proxy: raise it (env TRACKER_MAX_CONNECTIONS_PER_IP)")
	fs.IntVar(&c.MaxActive, "max-active", httpapi.DefaultMaxActive, "how many `requests` of each kind run at once: that many reads and that many writes;\n"+
		"more wait in line, up to a second, then are answered 503 with Retry-After (env TRACKER_MAX_ACTIVE)")
	fs.BoolVar(&c.AllowSignup, "allow-signup", false, "let anyone who reaches the server create an account; without it only the first-run\nsetup link and 'tracker user add' do (env TRACKER_ALLOW_SIGNUP)")
	fs.BoolVar(&c.SecureCookies, "secure-cookies", false, "mark cookies Secure even over plain HTTP, for a server behind a TLS-terminating\nproxy (env TRACKER_SECURE_COOKIES)")
	fs.Var((*proxiesValue)(&c.TrustedProxies), "trusted-proxies", "comma-separated `networks` (CIDRs such as 10.0.0.0/8, or single IPs) of the reverse\nproxies whose X-Forwarded-For is believed; default none (env TRACKER_TRUSTED_PROXIES)")
	fs.StringVar(&c.SMTP.Addr, "smtp-addr", "", "the SMTP relay (`host:port`) e-mail reminders go through; the password comes from\nTRACKER_SMTP_PASSWORD; default none: no e-mail reminders (env TRACKER_SMTP_ADDR)")
	fs.StringVar(&c.SMTP.From, "smtp-from", "", "the sender `address` of e-mail reminders (env TRACKER_SMTP_FROM)")
	fs.StringVar(&c.SMTP.Username, "smtp-username", "", "the `name` to sign in to the relay with; default none (env TRACKER_SMTP_USERNAME)")
	fs.StringVar(&c.SMTP.TLS, "smtp-tls", notify.TLSStartTLS, "`starttls` (upgrade, or refuse a relay that cannot), tls (port 465) or none\n(a relay on this machine) (env TRACKER_SMTP_TLS)")
	fs.DurationVar(&c.RemindEvery, "remind-every", time.Minute, "how often to send the reminders that are due (`duration`); 0 sends none\n(env TRACKER_REMIND_EVERY)")
	fs.StringVar(&c.BaseURL, "base-url", "", "the `URL` users open the tracker at (such as https://tracker.example.com),\nfor links in reminders; default none (env TRACKER_BASE_URL)")
	fs.Var((*originsValue)(&c.CORSOrigins), "cors-origins", "comma-separated `origins` (such as https://app.example) whose pages may call the API\nfrom a browser; default none (env TRACKER_CORS_ORIGINS)")
}

// applyEnv sets every flag of fs that the command line left alone from its
// environment variable, so that flags win over the environment.
func applyEnv(fs *flag.FlagSet, getenv func(string) string) error {
	given := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { given[f.Name] = true })
	for _, e := range envVars {
		f := fs.Lookup(e.flag)
		if f == nil || given[e.flag] {
			continue
		}
		if v := getenv(e.name); v != "" {
			if err := f.Value.Set(v); err != nil {
				return usageErrorf("invalid value %q for %s: %v", v, e.name, err)
			}
		}
	}
	return nil
}

// finish checks the parsed values of the flags fs defines and fills in the
// computed defaults.
func (c *Config) finish(fs *flag.FlagSet, getenv func(string) string) error {
	if c.LogFormat != "" && c.LogFormat != "text" && c.LogFormat != "json" {
		return usageErrorf("--log-format (or TRACKER_LOG_FORMAT) must be text or json, not %q", c.LogFormat)
	}
	if fs.Lookup("max-active") != nil && c.MaxActive < 1 {
		return usageErrorf("--max-active (or TRACKER_MAX_ACTIVE) must be a whole number of requests, 1 or more, not %d", c.MaxActive)
	}
	if err := c.finishSMTP(getenv); err != nil {
		return err
	}
	if c.DB == "" {
		path, err := defaultDBPath(getenv)
		if err != nil {
			return fmt.Errorf("find the default database (set --db or TRACKER_DB): %w", err)
		}
		c.DB = path
	}
	return nil
}

// finishSMTP checks the relay's flags and reads its password from the
// environment, where it stays out of the process list.
func (c *Config) finishSMTP(getenv func(string) string) error {
	if c.RemindEvery < 0 {
		return usageErrorf("--remind-every must be a duration such as 1m, or 0 for no reminders")
	}
	if c.SMTP.Addr == "" {
		return nil
	}
	if _, _, err := net.SplitHostPort(c.SMTP.Addr); err != nil {
		return usageErrorf("--smtp-addr must be host:port, such as smtp.example.com:587, not %q", c.SMTP.Addr)
	}
	if a, err := mail.ParseAddress(c.SMTP.From); err != nil || a.Address != c.SMTP.From {
		return usageErrorf("--smtp-from must be the e-mail address reminders come from, such as tracker@example.com")
	}
	switch c.SMTP.TLS {
	case notify.TLSStartTLS, notify.TLSImplicit, notify.TLSNone:
	default:
		return usageErrorf("--smtp-tls must be starttls, tls or none, not %q", c.SMTP.TLS)
	}
	c.SMTP.Password = getenv("TRACKER_SMTP_PASSWORD")
	return nil
}

// defaultDBPath is tracker.db in the user's data directory:
// $XDG_DATA_HOME/tracker, else ~/.local/share/tracker on Unix and the user
// configuration directory on macOS and Windows.
func defaultDBPath(getenv func(string) string) (string, error) {
	if dir := getenv("XDG_DATA_HOME"); dir != "" {
		return filepath.Join(dir, "tracker", "tracker.db"), nil
	}
	if runtime.GOOS == "darwin" || runtime.GOOS == "windows" {
		dir, err := os.UserConfigDir()
		if err != nil {
			return "", err
		}
		return filepath.Join(dir, "tracker", "tracker.db"), nil
	}
	home := getenv("HOME")
	if home == "" {
		return "", fmt.Errorf("neither XDG_DATA_HOME nor HOME is set")
	}
	return filepath.Join(home, ".local", "share", "tracker", "tracker.db"), nil
}

// defaultDBHint describes the default database path for the help text.
func defaultDBHint() string {
	if runtime.GOOS == "darwin" || runtime.GOOS == "windows" {
		return "$XDG_DATA_HOME/tracker/tracker.db, else tracker/tracker.db in the user configuration directory"
	}
	return "$XDG_DATA_HOME/tracker/tracker.db, else ~/.local/share/tracker/tracker.db"
}
