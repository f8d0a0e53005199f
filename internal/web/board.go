package web

import (
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"

	"tracker/internal/applications"
	"tracker/internal/workflow"
)

// boardColumnSize is how many cards a board column shows; the list pages
// through the rest.
const boardColumnSize = 50

// boardData is the board: one column per stage of the workflow table.
type boardData struct {
	Columns []column
}

// column is one stage with its cards.
type column struct {
	Stage workflow.State
	Cards []card
	More  bool
}

// card is one application on the board with the moves allowed from its
// stage (Allowed, space-separated, is what the drag script highlights).
type card struct {
	applications.Summary
	Warning *applications.Warning
	Moves   []move
	Allowed string
}

func (p *Pages) handleBoard(c echo.Context) error {
	ctx := c.Request().Context()
	var d boardData
	var shown []applications.Summary
	for _, st := range workflow.States() {
		page, err := p.Apps.List(ctx, applications.ListFilter{Status: st, Limit: boardColumnSize})
		if err != nil {
			return err
		}
		col := column{Stage: st, More: page.NextCursor != ""}
		for _, a := range page.Items {
			col.Cards = append(col.Cards, newCard(a, nil))
		}
		d.Columns = append(d.Columns, col)
		shown = append(shown, page.Items...)
	}
	byApp, err := p.warningsOf(ctx, shown)
	if err != nil {
		return err
	}
	for _, col := range d.Columns {
		for i := range col.Cards {
			col.Cards[i].Warning = byApp[col.Cards[i].ID]
		}
	}
	return p.render(c, http.StatusOK, "board", view{Title: "Board", Nav: "board", Notice: p.datedNotice(c), Data: d})
}

func newCard(a applications.Summary, w *applications.Warning) card {
	next := workflow.Next(a.Status)
	names := make([]string, len(next))
	for i, s := range next {
		names[i] = string(s)
	}
	return card{Summary: a, Warning: w, Moves: movesOf(a.ID, next), Allowed: strings.Join(names, " ")}
}
