package applications

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"
	_ "time/tzdata" // time zone names work on machines without a zoneinfo database

	"tracker/internal/apperr"
	"tracker/internal/decline"
)

// Settings are one user's choices that every adapter reads from the
// database through the service: the promptness durations, when silence
// becomes a no-reply prompt, the time zone dates are shown and entered in,
// and the defaults of letters. The server and the command line therefore
// compute the same deadlines.
type Settings struct {
	// ResponseWindow is how long after it arrives an invitation without a
	// respond_by must be answered.
	ResponseWindow time.Duration
	// FollowUpAfter is how long after a decline the follow-up falls due.
	FollowUpAfter time.Duration
	// NoReplyDays is how many days without movement make an application
	// worth a nudge or a move to ghosted.
	NoReplyDays int
	// TimeZone is an IANA time zone name such as Europe/Berlin.
	TimeZone       string
	DefaultTone    string
	DefaultChannel string
	// UpdatedAt is zero until the user first saves their settings.
	UpdatedAt time.Time
}

// The bounds of the settings, as the API and the CLI state them.
const (
	minDuration       = time.Hour
	maxResponseWindow = 30 * 24 * time.Hour
	maxFollowUpAfter  = 60 * 24 * time.Hour
	maxNoReplyDays    = 365
)

// DefaultSettings returns the settings of a user who never changed them:
// the one place the product's defaults are written down.
func DefaultSettings() Settings {
	p := decline.DefaultPolicy()
	return Settings{ResponseWindow: p.ResponseWindow, FollowUpAfter: p.FollowUpAfter, NoReplyDays: 21,
		TimeZone: "UTC", DefaultTone: string(decline.ToneFormal), DefaultChannel: string(decline.ChannelEmail)}
}

// Location returns the settings' time zone, UTC if it cannot be loaded.
func (st Settings) Location() *time.Location {
	if loc, ok := locations.Load(st.TimeZone); ok {
		return loc.(*time.Location)
	}
	loc, err := time.LoadLocation(st.TimeZone)
	if err != nil {
		return time.UTC
	}
	locations.Store(st.TimeZone, loc)
	return loc
}

// English is the variety of English the user's letters are written in:
// US English in the Americas' and the United States' time zones, British
// English elsewhere.
func (st Settings) English() decline.English {
	return decline.ForZone(st.TimeZone)
}

// locations are the time zones loaded so far, by name: loading one reads
// the zone database from disk, and a letter preview needs the user's.
var locations sync.Map

// Policy returns the promptness policy under these settings.
func (st Settings) Policy() decline.Policy {
	return decline.PolicyWith(st.ResponseWindow, st.FollowUpAfter)
}

// SettingsPatch is a partial update of the settings: nil leaves a field as
// it is.
type SettingsPatch struct {
	ResponseWindow *time.Duration
	FollowUpAfter  *time.Duration
	NoReplyDays    *int
	TimeZone       *string
	DefaultTone    *string
	DefaultChannel *string
}

// Settings returns the settings of the user in ctx.
func (s *Service) Settings(ctx context.Context) (*Settings, error) {
	var st Settings
	err := s.store.View(ctx, func(ctx context.Context) error {
		var err error
		st, err = s.settings(ctx)
		return err
	})
	return &st, err
}

// UpdateSettings changes the settings the patch sets; a bad value is an
// EINVALID error naming each field, and nothing is saved.
func (s *Service) UpdateSettings(ctx context.Context, patch SettingsPatch) (*Settings, error) {
	var st Settings
	err := s.store.InTx(ctx, func(ctx context.Context) error {
		var err error
		if st, err = s.settings(ctx); err != nil {
			return err
		}
		patch.apply(&st)
		if err := checkSettings(st); err != nil {
			return err
		}
		st.UpdatedAt = s.now()
		if err := s.store.SaveSettings(ctx, &st); err != nil {
			return err
		}
		// The stored due times follow the settings: all of the user's
		// are recomputed, in two statements.
		return s.store.RefreshDue(ctx, 0)
	})
	return &st, err
}

// sender reads the sender profile and the settings (the defaults for a
// user who has none) inside the caller's transaction, in one read.
func (s *Service) sender(ctx context.Context) (*Profile, Settings, error) {
	p, st, err := s.store.GetSender(ctx)
	if err != nil {
		return nil, Settings{}, err
	}
	if st == nil {
		return p, DefaultSettings(), nil
	}
	return p, *st, nil
}

// settings reads the stored settings inside the caller's transaction, or
// the defaults for a user who has none.
func (s *Service) settings(ctx context.Context) (Settings, error) {
	st, err := s.store.GetSettings(ctx)
	if apperr.ErrorCode(err) == apperr.ENOTFOUND {
		return DefaultSettings(), nil
	}
	if err != nil {
		return Settings{}, err
	}
	return *st, nil
}

func (patch SettingsPatch) apply(st *Settings) {
	if patch.ResponseWindow != nil {
		st.ResponseWindow = *patch.ResponseWindow
	}
	if patch.FollowUpAfter != nil {
		st.FollowUpAfter = *patch.FollowUpAfter
	}
	if patch.NoReplyDays != nil {
		st.NoReplyDays = *patch.NoReplyDays
	}
	if patch.TimeZone != nil {
		st.TimeZone = strings.TrimSpace(*patch.TimeZone)
	}
	if patch.DefaultTone != nil {
		st.DefaultTone = strings.TrimSpace(*patch.DefaultTone)
	}
	if patch.DefaultChannel != nil {
		st.DefaultChannel = strings.TrimSpace(*patch.DefaultChannel)
	}
}

// checkSettings names every setting that is out of its bounds.
func checkSettings(st Settings) error {
	fields := map[string]string{}
	checkDuration(fields, "response_window", st.ResponseWindow, maxResponseWindow)
	checkDuration(fields, "follow_up_after", st.FollowUpAfter, maxFollowUpAfter)
	if st.NoReplyDays < 1 || st.NoReplyDays > maxNoReplyDays {
		fields["no_reply_days"] = fmt.Sprintf("no_reply_days must be a whole number of days from 1 to %d", maxNoReplyDays)
	}
	if err := checkTimeZone(st.TimeZone); err != nil {
		fields["time_zone"] = err.Error()
	}
	if st.DefaultTone != string(decline.ToneFormal) && st.DefaultTone != string(decline.ToneWarm) {
		fields["default_tone"] = "default_tone must be one of formal, warm"
	}
	switch decline.Channel(st.DefaultChannel) {
	case decline.ChannelEmail, decline.ChannelPhone, decline.ChannelMessage:
	default:
		fields["default_channel"] = "default_channel must be one of email, phone, message"
	}
	if len(fields) > 0 {
		return apperr.Invalid(fields)
	}
	return nil
}

// checkDuration names a duration outside [1h, max] or not in whole minutes.
func checkDuration(fields map[string]string, name string, d, max time.Duration) {
	if d < minDuration || d > max || d%time.Minute != 0 {
		fields[name] = fmt.Sprintf("%s must be a duration in whole minutes from 1h to %s, such as 24h or 90m", name, FormatDuration(max))
	}
}

// checkTimeZone accepts IANA names such as Europe/Berlin or UTC; "Local"
// would mean the server's zone, which is not the user's.
func checkTimeZone(name string) error {
	if name == "" || name == "Local" || len(name) > 100 {
		return errors.New("time_zone must be a time zone name such as Europe/Berlin or UTC")
	}
	if _, err := time.LoadLocation(name); err != nil {
		return fmt.Errorf("time_zone %q is not a known time zone; use a name such as Europe/Berlin or UTC", name)
	}
	return nil
}

// FormatDuration writes d as people type it: 24h, 90m, 1h30m.
func FormatDuration(d time.Duration) string {
	h, m := d/time.Hour, (d%time.Hour)/time.Minute
	switch {
	case m == 0:
		return fmt.Sprintf("%dh", h)
	case h == 0:
		return fmt.Sprintf("%dm", m)
	}
	return fmt.Sprintf("%dh%dm", h, m)
}
