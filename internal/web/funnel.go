package web

import "tracker/internal/workflow"

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

// funnelSteps are the funnel's steps; an application counts in a step
// when its current stage is that step or one the machine reaches only
// after it. Declined, rejected, ghosted and withdrawn applications count
// as applied only: their stage does not say how far they got.
var funnelSteps = []struct {
	label  string
	stages []workflow.State
}{
	{"Applied", []workflow.State{workflow.Applied, workflow.Invited, workflow.Scheduled, workflow.Interviewed, workflow.Offered, workflow.Hired,
		workflow.Declined, workflow.FollowedUp, workflow.Rejected, workflow.Ghosted, workflow.Withdrawn}},
	{"Invited", []workflow.State{workflow.Invited, workflow.Scheduled, workflow.Interviewed, workflow.Offered, workflow.Hired}},
	{"Interviewed", []workflow.State{workflow.Interviewed, workflow.Offered, workflow.Hired}},
	{"Offered", []workflow.State{workflow.Offered, workflow.Hired}},
}

// The funnel's geometry: a 320-unit wide drawing, one 28-unit row a step.
const (
	funnelWidth = 200
	funnelRow   = 32
	funnelBar   = 24
)

func newFunnel(counts []stageCount) funnel {
	by := map[workflow.State]int{}
	for _, c := range counts {
		by[c.Stage] = c.N
	}
	f := funnel{Height: len(funnelSteps) * funnelRow}
	first := 0
	for i, s := range funnelSteps {
		n := 0
		for _, st := range s.stages {
			n += by[st]
		}
		if i == 0 {
			first = n
		}
		b := bar{Label: s.label, N: n, Y: i * funnelRow, TextY: i*funnelRow + 17}
		if first > 0 {
			b.W = max(2, n*funnelWidth/first)
			b.Percent = n * 100 / first
		}
		b.TextX = 110 + b.W + 6
		f.Bars = append(f.Bars, b)
	}
	return f
}
