package httpapi

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"tracker/internal/workflow"
)

// workflowResponse is the stage machine, for clients that draw a board.
type workflowResponse struct {
	States []string `json:"states"`
	// Starts lists the states POST /applications accepts as status.
	Starts      []string         `json:"starts"`
	Transitions []transitionView `json:"transitions"`
}

// transitionView is one edge of the machine; action says how it is made:
// move (POST .../transitions), decline, follow_up or withdraw
// (POST .../withdrawal).
type transitionView struct {
	From   string `json:"from"`
	To     string `json:"to"`
	Action string `json:"action"`
}

func registerWorkflowRoutes(g *echo.Group) {
	g.GET("/workflow", handleWorkflow)
}

func handleWorkflow(c echo.Context) error {
	return c.JSON(http.StatusOK, workflowResponse{
		States: stateNames(workflow.States()),
		Starts: stateNames(workflow.Starts()),
		Transitions: mapAll(workflow.Transitions(), func(t workflow.Transition) transitionView {
			return transitionView{From: string(t.From), To: string(t.To), Action: string(t.Action)}
		}),
	})
}
