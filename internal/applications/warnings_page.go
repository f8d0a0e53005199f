package applications

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"slices"
	"strconv"
	"strings"
	"time"

	"tracker/internal/apperr"
	"tracker/internal/decline"
)

// WarningFilter asks for one page of warnings.
type WarningFilter struct {
	Limit  int    // 1 to MaxPageSize; zero means DefaultPageSize
	Cursor string // the NextCursor of the page before; empty for the first
	// Kind limits the page to one kind of warning (a Warning* kind);
	// empty means all.
	Kind string
}

// warningKinds are the kinds a WarningFilter may ask for.
var warningKinds = []string{WarningResponse, WarningFollowUp, WarningInterviewPassed, WarningNoReply}

// WarningKinds are the kinds a WarningFilter may ask for.
func WarningKinds() []string { return slices.Clone(warningKinds) }

// WarningPage is one page of warnings, most urgent first.
type WarningPage struct {
	Items []Warning
	// NextCursor fetches the next page; empty on the last.
	NextCursor string
}

// severityClasses are the severities in the order the pages list them.
var severityClasses = []decline.Severity{decline.Critical, decline.Overdue, decline.DueSoon}

// warningCursor is where a page of warnings ended, and the time the first
// page was read at: the later pages classify as of that time, so that a
// warning that turns critical meanwhile is neither listed twice nor lost.
type warningCursor struct {
	Now   int64 `json:"n"`
	Class int   `json:"c"`
	Due   int64 `json:"d"`
	ID    int64 `json:"i"`
}

// WarningsPage returns one page of the user's warnings (answers and
// follow-ups due soon or late, stale stages), most urgent first
// (critical, overdue, due soon), then by due time and application. Each
// class is an index range over the stored due times, so a page costs the
// same whatever the user's number of warnings.
func (s *Service) WarningsPage(ctx context.Context, f WarningFilter) (*WarningPage, error) {
	if f.Limit < 0 || f.Limit > MaxPageSize {
		return nil, apperr.Invalid(map[string]string{"limit": "limit must be between 1 and " + strconv.Itoa(MaxPageSize)})
	}
	if f.Kind != "" && !slices.Contains(warningKinds, f.Kind) {
		return nil, apperr.Invalid(map[string]string{"kind": "kind must be one of " + strings.Join(warningKinds, ", ")})
	}
	c, ok := decodeWarningCursor(f.Cursor)
	if !ok {
		return nil, apperr.Invalid(map[string]string{"cursor": "cursor is not one this server gave out for warnings; start again without it"})
	}
	if c.Now == 0 {
		c.Now = s.now().Unix()
	}
	limit := f.Limit
	if limit == 0 {
		limit = DefaultPageSize
	}
	items, err := s.warningsFrom(ctx, c, f.Kind, limit+1)
	if err != nil {
		return nil, err
	}
	page := &WarningPage{Items: items}
	if len(items) > limit {
		page.Items = items[:limit]
		page.NextCursor = encodeWarningCursor(c.Now, page.Items[limit-1])
	}
	return page, nil
}

// warningsFrom reads up to n warnings (of kind, if set) after the cursor
// c, class by class: the classes' rows in one read with the settings
// (ListDueClasses), which on PostgreSQL is one round trip instead of one
// for the settings and one for each class.
func (s *Service) warningsFrom(ctx context.Context, c warningCursor, kind string, n int) ([]Warning, error) {
	now := time.Unix(c.Now, 0).UTC()
	q := DueQuery{Now: now, Classes: severityClasses[c.Class:], Limit: n, Kind: kind}
	if c.ID != 0 {
		q.After = &DueKey{DueAt: time.Unix(c.Due, 0).UTC(), ApplicationID: c.ID}
	}
	l, err := s.store.ListDueClasses(ctx, q)
	if err != nil {
		return nil, err
	}
	out := make([]Warning, 0, n)
	for _, d := range l.Dues {
		out = appendDueWarnings(out, []Due{d}, q.Classes[d.Class], noReplyDays(l), now)
	}
	// A row that makes no warning of its class (the store's classes draw
	// the policy's lines, so none should) leaves the page short of rows
	// that the read's limit left out: read it class by class instead.
	if len(out) < len(l.Dues) && len(l.Dues) == n {
		return s.warningsByClass(ctx, c, kind, n)
	}
	return out, nil
}

// warningsByClass is warningsFrom with one read of the settings and one
// of each class, each up to the rows the page still lacks.
func (s *Service) warningsByClass(ctx context.Context, c warningCursor, kind string, n int) ([]Warning, error) {
	now := time.Unix(c.Now, 0).UTC()
	out := make([]Warning, 0, n)
	err := s.store.View(ctx, func(ctx context.Context) error {
		st, err := s.settings(ctx)
		if err != nil {
			return err
		}
		for class := c.Class; class < len(severityClasses) && len(out) < n; class++ {
			var after *DueKey
			if class == c.Class && c.ID != 0 {
				after = &DueKey{DueAt: time.Unix(c.Due, 0).UTC(), ApplicationID: c.ID}
			}
			q := DueQuery{Now: now, Severity: severityClasses[class], After: after, Limit: n - len(out), Kind: kind}
			dues, err := s.store.ListDue(ctx, q)
			if err != nil {
				return err
			}
			out = appendDueWarnings(out, dues, q.Severity, st.NoReplyDays, now)
		}
		return nil
	})
	return out, err
}

func encodeWarningCursor(now int64, last Warning) string {
	c := warningCursor{Now: now, Class: classOf(last.Severity), Due: last.DueAt.Unix(), ID: last.ApplicationID}
	b, _ := json.Marshal(c) // numbers always encode
	return base64.RawURLEncoding.EncodeToString(b)
}

// decodeWarningCursor reads a cursor WarningsPage gave out; the empty
// string is the first page.
func decodeWarningCursor(s string) (warningCursor, bool) {
	var c warningCursor
	if s == "" {
		return c, true
	}
	b, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil || json.Unmarshal(b, &c) != nil {
		return c, false
	}
	return c, c.Now > 0 && c.Class >= 0 && c.Class < len(severityClasses) && c.ID > 0
}

func classOf(sev decline.Severity) int {
	for i, s := range severityClasses {
		if s == sev {
			return i
		}
	}
	return len(severityClasses)
}
