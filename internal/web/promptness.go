package web

import "tracker/internal/applications"

// promptness is how quickly the user answered invitations lately, as the
// service measures it.
type promptness applications.Promptness

// MedianText says the median in words.
func (p promptness) MedianText() string { return span(p.Median) }
