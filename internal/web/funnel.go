package web

import "tracker/internal/applications"

// funnel is the applied -> invited -> interviewed -> offered funnel as bars
// of an SVG drawn on the server.
type funnel struct {
	Bars   []bar
	Height int
}

// bar is one step of the funnel with its geometry in SVG units.
type bar struct {
	Label   string
	N       int
	Y, W    int
	TextX   int
	TextY   int
	Percent int
}

// The funnel's geometry: bars up to 200 units wide beside their labels,
// one 32-unit row a step.
const (
	funnelWidth = 200
	funnelRow   = 32
)

// newFunnel draws the funnel from how many applications reached each of
// applications.FunnelSteps.
func newFunnel(reached []int) funnel {
	f := funnel{Height: len(reached) * funnelRow}
	first := 0
	for i, n := range reached {
		if i == 0 {
			first = n
		}
		b := bar{Label: stageLabel(applications.FunnelSteps[i].Step), N: n, Y: i * funnelRow, TextY: i*funnelRow + 17}
		if first > 0 {
			b.W = max(2, n*funnelWidth/first)
			b.Percent = n * 100 / first
		}
		b.TextX = 110 + b.W + 6
		f.Bars = append(f.Bars, b)
	}
	return f
}
