package web

import (
	"context"
	"net/http"
	"sort"
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

// stageCount is how many applications are in one stage; More is set when
// there are more than a page holds.
type stageCount struct {
	Stage workflow.State
	N     int
	More  bool
}

func (p *Pages) handleToday(c echo.Context) error {
	ctx := c.Request().Context()
	var d todayData
	var err error
	if d.Warnings, err = p.Apps.Warnings(ctx); err != nil {
		return err
	}
	if d.Counts, d.Total, err = p.stageCounts(ctx); err != nil {
		return err
	}
	if d.Upcoming, err = p.upcomingInterviews(ctx); err != nil {
		return err
	}
	d.Funnel = newFunnel(d.Counts)
	if d.Prompt, err = p.promptnessOf(ctx, time.Now()); err != nil {
		return err
	}
	return p.render(c, http.StatusOK, "today", view{Title: "Today", Nav: "today", Data: d})
}

// stageCounts counts the applications of each stage of the workflow table,
// one page per stage at most.
func (p *Pages) stageCounts(ctx context.Context) ([]stageCount, int, error) {
	var out []stageCount
	total := 0
	for _, st := range workflow.States() {
		page, err := p.Apps.List(ctx, applications.ListFilter{Status: st, Limit: applications.MaxPageSize})
		if err != nil {
			return nil, 0, err
		}
		out = append(out, stageCount{Stage: st, N: len(page.Items), More: page.NextCursor != ""})
		total += len(page.Items)
	}
	return out, total, nil
}

// upcomingInterviews lists the interviews still to come of scheduled
// applications, soonest first.
func (p *Pages) upcomingInterviews(ctx context.Context) ([]upcoming, error) {
	page, err := p.Apps.List(ctx, applications.ListFilter{Status: workflow.Scheduled, Limit: applications.MaxPageSize})
	if err != nil {
		return nil, err
	}
	now := time.Now()
	var out []upcoming
	for _, a := range page.Items {
		d, err := p.Apps.Get(ctx, a.ID)
		if err != nil {
			return nil, err
		}
		for _, inv := range d.Invitations {
			if inv.InterviewAt != nil && inv.InterviewAt.After(now) {
				out = append(out, upcoming{ID: a.ID, Company: a.Company, Role: a.Role, Where: inv.Format, At: *inv.InterviewAt})
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].At.Before(out[j].At) })
	if len(out) > maxUpcoming {
		out = out[:maxUpcoming]
	}
	return out, nil
}
