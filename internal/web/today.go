package web

import (
	"net/http"
	"time"

	"github.com/labstack/echo/v4"

	"tracker/internal/applications"
	"tracker/internal/workflow"
)

// maxUpcoming is how many upcoming interviews Today lists.
const maxUpcoming = 10

// todayData is the home page: what needs the user, upcoming interviews,
// and how their applications stand.
type todayData struct {
	Warnings []applications.Warning
	Upcoming []upcoming
	Counts   []stageCount
	Total    int
	Funnel   funnel
	Prompt   promptness
}

// upcoming is one interview still to come.
type upcoming struct {
	ID                   int64
	Company, Role, Where string
	At                   time.Time
}

// stageCount is how many applications are in one stage.
type stageCount struct {
	Stage workflow.State
	N     int
}

func (p *Pages) handleToday(c echo.Context) error {
	ctx := c.Request().Context()
	var d todayData
	var err error
	if d.Warnings, err = p.Apps.Warnings(ctx); err != nil {
		return err
	}
	o, err := p.Apps.Overview(ctx)
	if err != nil {
		return err
	}
	for _, st := range workflow.States() {
		d.Counts = append(d.Counts, stageCount{Stage: st, N: o.Counts[st]})
		d.Total += o.Counts[st]
	}
	for _, ai := range o.Upcoming[:min(len(o.Upcoming), maxUpcoming)] {
		d.Upcoming = append(d.Upcoming, upcoming{ID: ai.Application.ID, Company: ai.Application.Company,
			Role: ai.Application.Role, Where: ai.Invitation.Format, At: *ai.Invitation.InterviewAt})
	}
	d.Funnel = newFunnel(o.Funnel)
	d.Prompt = promptness(o.Promptness)
	return p.render(c, http.StatusOK, "today", view{Title: "Today", Nav: "today", Data: d})
}
