package invite

import (
	"regexp"
	"strings"
	"unicode"

	ics "github.com/arran4/golang-ical"
)

// meetingProps are the properties calendar programs put a meeting link in,
// most specific first.
var meetingProps = []ics.ComponentProperty{
	"X-GOOGLE-CONFERENCE", "X-MICROSOFT-SKYPETEAMSMEETINGURL", "X-ZOOM-MEETING-URL", ics.ComponentPropertyUrl,
}

var urlPattern = regexp.MustCompile(`https://[^\s<>"'\\]+`)

// meetingHosts are the hosts of video-call links.
var meetingHosts = []string{"zoom.us", "meet.google.com", "teams.microsoft.com", "teams.live.com",
	"webex.com", "whereby.com", "gotomeeting.com", "meet.jit.si", "chime.aws", "bluejeans.com"}

// meetingURL finds the video-call link: a property that carries one, or
// a link to a known meeting host in the location or description.
func meetingURL(c *ics.ComponentBase, d *Draft) string {
	for _, p := range meetingProps {
		if v := strings.Join(strings.Fields(text(c, p)), ""); strings.HasPrefix(v, "https://") {
			return v
		}
	}
	for _, s := range []string{d.Location, d.Message} {
		for _, u := range urlPattern.FindAllString(s, -1) {
			if isMeetingHost(u) {
				return strings.TrimRight(u, ".,;)>")
			}
		}
	}
	return ""
}

func isMeetingHost(u string) bool {
	host := strings.TrimPrefix(u, "https://")
	host, _, _ = strings.Cut(host, "/")
	for _, h := range meetingHosts {
		if host == h || strings.HasSuffix(host, "."+h) {
			return true
		}
	}
	return false
}

// guessFormat says video for a meeting link, onsite for a real place.
func guessFormat(d *Draft) string {
	loc := strings.ToLower(d.Location)
	switch {
	case d.MeetingURL != "" || strings.Contains(loc, "teams") || strings.Contains(loc, "zoom"):
		return "video"
	case strings.Contains(loc, "phone") || strings.HasPrefix(loc, "tel:"):
		return "phone"
	case d.Location != "" && !strings.Contains(loc, "http"):
		return "onsite"
	}
	return ""
}

var rolePattern = regexp.MustCompile(`(?i)\b(?:interview|call|chat)\s+(?:for|-|–|:)\s+(?:the\s+)?(.+?)(?:\s+(?:role|position))?\s*(?:\bat\b.*|\bwith\b.*|\(.*)?$`)

// guessRole reads a role from a summary such as "Interview for Backend
// Engineer at Acme"; it returns "" when the summary does not say.
func guessRole(summary string) string {
	m := rolePattern.FindStringSubmatch(summary)
	if m == nil {
		return ""
	}
	return strings.TrimSpace(m[1])
}

// freeMail are domains of mail and calendar services, which say nothing
// about the employer.
var freeMail = map[string]bool{"gmail.com": true, "googlemail.com": true, "google.com": true,
	"outlook.com": true, "hotmail.com": true, "live.com": true, "msn.com": true, "yahoo.com": true,
	"icloud.com": true, "me.com": true, "mac.com": true, "imip.me.com": true, "aol.com": true,
	"gmx.de": true, "gmx.net": true, "web.de": true, "proton.me": true, "protonmail.com": true,
	"example.com": true, "example.org": true, "calendar.google.com": true, "group.calendar.google.com": true,
	"greenhouse.io": true, "lever.co": true, "myworkday.com": true, "calendly.com": true, "onmicrosoft.com": true}

// twoPartSuffixes are public suffixes of two labels.
var twoPartSuffixes = map[string]bool{"co.uk": true, "org.uk": true, "ac.uk": true, "com.au": true,
	"co.jp": true, "co.nz": true, "com.br": true, "co.in": true, "co.za": true, "com.cn": true}

var companyInSummary = regexp.MustCompile(`\b(?:at|At|AT|@)\s+([A-Z][\w&.'-]*(?:\s+[A-Z][\w&.'-]*){0,3})`)

// guessCompany names the employer from the organizer's domain, else from
// the summary ("Interview at Acme"); the user confirms it either way.
func guessCompany(d *Draft) {
	if c := companyFromEmail(d.ContactEmail); c != "" {
		d.Company = c
		d.note("company guessed from the organizer's address: %s", c)
		return
	}
	if m := companyInSummary.FindStringSubmatch(d.Summary); m != nil {
		d.Company = strings.TrimSpace(m[1])
		d.note("company guessed from the summary: %s", d.Company)
	}
}

func companyFromEmail(addr string) string {
	_, domain, ok := strings.Cut(strings.ToLower(addr), "@")
	if !ok || domain == "" {
		return ""
	}
	labels := strings.Split(domain, ".")
	for i := range labels {
		if freeMail[strings.Join(labels[i:], ".")] {
			return ""
		}
	}
	n := len(labels) - 1
	if n >= 2 && twoPartSuffixes[strings.Join(labels[n-1:], ".")] {
		n--
	}
	if n < 1 {
		return ""
	}
	name := labels[n-1]
	if name == "" || strings.Trim(name, "x") == "" { // masked addresses
		return ""
	}
	r := []rune(name)
	r[0] = unicode.ToUpper(r[0])
	return string(r)
}
