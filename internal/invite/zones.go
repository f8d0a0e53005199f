package invite

import (
	_ "embed"
	"regexp"
	"strings"
	"sync"
	"time"
	_ "time/tzdata" // invites name zones the host may not have installed
)

// windowsZonesText is the CLDR table of Windows zone IDs (see the header
// of windowszones.txt for its source and licence).
//
//go:embed windowszones.txt
var windowsZonesText string

// windowsZone is one row of the CLDR table.
type windowsZone struct {
	ID      string // Windows ID, e.g. "W. Europe Standard Time"
	IANA    string // e.g. "Europe/Berlin"
	Display string // e.g. "(UTC+01:00) Amsterdam, Berlin, ..."
}

var (
	zonesOnce sync.Once
	zonesByID map[string]windowsZone // lower-cased Windows ID
	zonesByUI map[string]windowsZone // normalised display name
)

func loadWindowsZones() {
	zonesByID = map[string]windowsZone{}
	zonesByUI = map[string]windowsZone{}
	for _, line := range strings.Split(windowsZonesText, "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.SplitN(line, "|", 3)
		if len(f) != 3 {
			continue
		}
		z := windowsZone{ID: f[0], IANA: f[1], Display: f[2]}
		zonesByID[strings.ToLower(z.ID)] = z
		zonesByUI[normaliseDisplay(z.Display)] = z
	}
}

// gmtPrefix matches the "(GMT+10:00)" form older Windows versions used
// where newer ones write "(UTC+10:00)".
var gmtPrefix = regexp.MustCompile(`^\((?:GMT|UTC)([+-]\d\d:\d\d)?\)\s*`)

// normaliseDisplay reduces a Windows display name to the part after the
// offset, lower-cased: the offset is the standard one and differs between
// Windows versions ("(GMT+10:00)" then, "(UTC+10:00)" now).
func normaliseDisplay(s string) string {
	s = gmtPrefix.ReplaceAllString(strings.TrimSpace(s), "")
	return strings.ToLower(strings.Join(strings.Fields(s), " "))
}

// windowsZoneFor finds a Windows zone by its ID or display name.
func windowsZoneFor(name string) (windowsZone, bool) {
	zonesOnce.Do(loadWindowsZones)
	if z, ok := zonesByID[strings.ToLower(name)]; ok {
		return z, true
	}
	if !gmtPrefix.MatchString(name) {
		return windowsZone{}, false
	}
	z, ok := zonesByUI[normaliseDisplay(name)]
	return z, ok
}

// zone is a resolved TZID: a location, or the offsets of the invite's own
// VTIMEZONE.
type zone struct {
	loc    *time.Location
	custom *vtimezone
	// how says how the name was understood, for the draft's notes.
	how string
}

// toUTC places a wall-clock time, given as a UTC time with the same
// fields, in the zone.
func (z zone) toUTC(wall time.Time) time.Time {
	if z.loc != nil {
		return time.Date(wall.Year(), wall.Month(), wall.Day(), wall.Hour(), wall.Minute(), wall.Second(), 0, z.loc).UTC()
	}
	return z.custom.toUTC(wall)
}

// resolveZone understands a TZID: an IANA name, a Windows ID, a Windows
// display name, or else the VTIMEZONE of that name in the invite. It
// never guesses: a name it cannot place is an error naming it.
func resolveZone(tzid string, tzs map[string]*vtimezone) (zone, error) {
	name := strings.Trim(strings.TrimSpace(tzid), `"`)
	if loc, err := loadIANA(name); err == nil {
		return zone{loc: loc, how: name}, nil
	}
	if wz, ok := windowsZoneFor(name); ok {
		if loc, err := time.LoadLocation(wz.IANA); err == nil {
			return zone{loc: loc, how: wz.IANA + " (Windows zone " + name + ")"}, nil
		}
	}
	if vt, ok := tzs[name]; ok && vt.usable() {
		return zone{custom: vt, how: "offsets of the invite's own time zone " + name}, nil
	}
	return zone{}, invalid("file", "the invite's time zone %q is not one the tracker knows and the invite does not define it; enter the interview time by hand", name)
}

// loadIANA loads an IANA zone name; names without a slash other than UTC
// are refused, so that "EST" or a Windows name is never taken for one.
func loadIANA(name string) (*time.Location, error) {
	name = strings.TrimPrefix(name, "/")
	if name == "" || strings.ContainsAny(name, " \\") || (!strings.Contains(name, "/") && name != "UTC") {
		return nil, errNoZone
	}
	return time.LoadLocation(name)
}
