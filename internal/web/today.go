package web

import (
	"net/http"
	"net/url"
	"time"

	"github.com/labstack/echo/v4"

	"tracker/internal/applications"
	"tracker/internal/workflow"
)

// maxUpcoming is how many upcoming interviews Today lists.
const maxUpcoming = 10

// todayWarnings is how many warnings Today shows a page.
const todayWarnings = 25

// todayData is the home page: what needs the user, upcoming interviews,
// and how their applications stand.
type todayData struct {
	Warnings []applications.Warning
	// MoreWarnings is the URL of the next page of warnings, empty on the last.
	MoreWarnings string
	Upcoming     []upcoming
	Counts       []stageCount
	Total        int
	Funnel       funnel
	Prompt       promptness
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
	ws, err := p.Apps.WarningsPage(ctx, applications.WarningFilter{Limit: todayWarnings, Cursor: c.QueryParam("cursor")})
	if err != nil {
		return err
	}
	d.Warnings = ws.Items
	if ws.NextCursor != "" {
		d.MoreWarnings = "/?" + url.Values{"cursor": {ws.NextCursor}}.Encode() + "#needs-h"
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
