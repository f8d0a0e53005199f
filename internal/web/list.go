package web

import (
	"context"
	"net/http"
	"net/url"
	"strings"

	"github.com/labstack/echo/v4"

	"tracker/internal/applications"
	"tracker/internal/workflow"
)

// listPageSize is how many rows the list shows a page.
const listPageSize = 25

// listData is one page of the application list with its filters.
type listData struct {
	Query, Stage, Warning string
	Sort                  string
	Sorts                 []sortChoice
	Stages                []workflow.State
	WarningKinds          []string
	Items                 []listRow
	// Next is the URL of the next page, empty on the last.
	Next string
	// Badges maps an application id to its most urgent warning.
	Filtered bool
}

// sortChoice is one order the list offers.
type sortChoice struct{ Value, Label string }

// sortChoices are the list's orders in words, the service's default first.
var sortChoices = []sortChoice{
	{string(applications.SortNewest), "Newest first"},
	{string(applications.SortOldest), "Oldest first"},
	{string(applications.SortCompany), "Company, A to Z"},
	{string(applications.SortUpdated), "Recently changed"},
	{string(applications.SortApplied), "Recently applied"},
}

// SortLabel says the list's order in words.
func (d listData) SortLabel() string {
	for _, c := range sortChoices {
		if c.Value == d.Sort {
			return strings.ToLower(c.Label)
		}
	}
	return strings.ToLower(sortChoices[0].Label)
}

// listRow is one application as the list shows it.
type listRow struct {
	applications.Summary
	Warning *applications.Warning
}

// warningKinds are the warning filters the list offers.
var warningKinds = applications.WarningKinds()

func (p *Pages) handleList(c echo.Context) error {
	ctx := c.Request().Context()
	d := listData{Query: c.QueryParam("q"), Stage: c.QueryParam("stage"), Warning: c.QueryParam("warning"),
		Sort: c.QueryParam("sort"), Sorts: sortChoices, Stages: workflow.States(), WarningKinds: warningKinds}
	d.Filtered = d.Query != "" || d.Stage != "" || d.Warning != ""
	if d.Warning != "" {
		return p.warnedList(c, d)
	}
	page, err := p.Apps.List(ctx, applications.ListFilter{Status: workflow.State(d.Stage), Query: d.Query,
		Sort: applications.ListSort(d.Sort), Limit: listPageSize, Cursor: c.QueryParam("cursor")})
	if err != nil {
		if r, ok := asRefusal(err); ok {
			return p.render(c, http.StatusOK, "list", view{Title: "Applications", Nav: "list", Error: r.summary(), Data: d})
		}
		return err
	}
	byApp, err := p.warningsOf(ctx, page.Items)
	if err != nil {
		return err
	}
	for _, a := range page.Items {
		d.Items = append(d.Items, listRow{Summary: a, Warning: byApp[a.ID]})
	}
	if page.NextCursor != "" {
		q := url.Values{"q": {d.Query}, "stage": {d.Stage}, "sort": {d.Sort}, "cursor": {page.NextCursor}}
		d.Next = "/applications?" + q.Encode()
	}
	return p.render(c, http.StatusOK, "list", view{Title: "Applications", Nav: "list", Data: d})
}

// warnedList renders one page of the applications with a warning of the
// kind d.Warning, most urgent first.
func (p *Pages) warnedList(c echo.Context, d listData) error {
	ws, err := p.Apps.WarningsPage(c.Request().Context(), applications.WarningFilter{Kind: d.Warning, Limit: listPageSize,
		Cursor: c.QueryParam("cursor")})
	if err != nil {
		if r, ok := asRefusal(err); ok {
			return p.render(c, http.StatusOK, "list", view{Title: "Applications", Nav: "list", Error: r.summary(), Data: d})
		}
		return err
	}
	for i, w := range ws.Items {
		a := applications.Summary{ID: w.ApplicationID, Company: w.Company, Role: w.Role, Status: w.Status, AppliedAt: w.AppliedAt}
		d.Items = append(d.Items, listRow{Summary: a, Warning: &ws.Items[i]})
	}
	if ws.NextCursor != "" {
		d.Next = "/applications?" + url.Values{"warning": {d.Warning}, "cursor": {ws.NextCursor}}.Encode()
	}
	return p.render(c, http.StatusOK, "list", view{Title: "Applications", Nav: "list", Data: d})
}

// warningsOf maps each of the applications as to its most urgent warning,
// reading the warnings of those applications only.
func (p *Pages) warningsOf(ctx context.Context, as []applications.Summary) (map[int64]*applications.Warning, error) {
	ids := make([]int64, len(as))
	for i, a := range as {
		ids[i] = a.ID
	}
	ws, err := p.Apps.WarningsOf(ctx, ids)
	return firstWarnings(ws), err
}

// firstWarnings maps each application to its most urgent warning; the
// service lists them most urgent first.
func firstWarnings(ws []applications.Warning) map[int64]*applications.Warning {
	m := map[int64]*applications.Warning{}
	for i := range ws {
		if m[ws[i].ApplicationID] == nil {
			m[ws[i].ApplicationID] = &ws[i]
		}
	}
	return m
}
