package applications

import (
	"encoding/base64"
	"encoding/json"
	"strings"
	"time"
)

// cursor is what a page's cursor carries: the order it was made for and
// where the page ended. Clients see it only as an opaque string.
type cursor struct {
	Sort ListSort  `json:"s"`
	Key  string    `json:"k,omitempty"`
	At   time.Time `json:"t,omitzero"`
	ID   int64     `json:"i"`
}

// encodeCursor returns the cursor of a page of order sort that ended with a.
func encodeCursor(sort ListSort, a Summary) string {
	c := cursor{Sort: sort, ID: a.ID}
	switch sort {
	case SortCompany:
		c.Key = a.Company
	case SortUpdated:
		c.At = a.UpdatedAt.UTC()
	case SortApplied:
		c.At = appliedOrAdded(a).UTC()
	}
	b, _ := json.Marshal(c) // a struct of strings, times and numbers always encodes
	return base64.RawURLEncoding.EncodeToString(b)
}

// decodeCursor reads a cursor given out for a page of order sort; nil
// means the first page. It reports false for a cursor this server did not
// give out, or gave out for another order.
func decodeCursor(s string, sort ListSort) (*ListCursor, bool) {
	if s == "" {
		return nil, true
	}
	b, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil {
		return nil, false
	}
	var c cursor
	d := json.NewDecoder(strings.NewReader(string(b)))
	d.DisallowUnknownFields()
	if d.Decode(&c) != nil || c.Sort != sort || c.ID <= 0 {
		return nil, false
	}
	return &ListCursor{Key: c.Key, At: c.At, ID: c.ID}, true
}

// appliedOrAdded is when a was applied for, or added for a wishlist job
// not applied for yet: the key of SortApplied.
func appliedOrAdded(a Summary) time.Time {
	if a.AppliedAt != nil {
		return *a.AppliedAt
	}
	return a.CreatedAt
}

// SortsText names the orders, for a message.
func SortsText() string {
	names := make([]string, len(ListSorts))
	for i, s := range ListSorts {
		names[i] = string(s)
	}
	return strings.Join(names, ", ")
}
