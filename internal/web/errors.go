package web

import (
	"net/http"

	"tracker/internal/accounts"

	"github.com/labstack/echo/v4"
)

// errorData is an error page: what went wrong and the way back.
type errorData struct {
	Status    int
	Heading   string
	Message   string
	RequestID string
}

// headings say in words what each status means to the visitor.
var headings = map[int]string{
	http.StatusNotFound:         "Page not found",
	http.StatusForbidden:        "This form has expired",
	http.StatusUnauthorized:     "Sign in first",
	http.StatusMethodNotAllowed: "That does not work here",
	http.StatusConflict:         "That cannot be done now",
	http.StatusTooManyRequests:  "Too many attempts",
}

// RenderError writes the error page of a page route: status, message and
// request id as the server's error handler found them.
func (p *Pages) RenderError(c echo.Context, status int, message, requestID string) error {
	h, ok := headings[status]
	if !ok {
		h = "Something went wrong"
		if status < http.StatusInternalServerError {
			h = "That request did not work"
		}
	}
	if status == http.StatusForbidden {
		message = "The page was open too long, or was opened in another browser. Go back, reload the page and try again."
	}
	var user = p.userIfAny(c)
	return p.render(c, status, "error", view{Title: h, User: user,
		Data: errorData{Status: status, Heading: h, Message: message, RequestID: requestID}})
}

// userIfAny returns the signed-in user if the page's middleware found one.
func (p *Pages) userIfAny(c echo.Context) *accounts.User {
	if p.User == nil {
		return nil
	}
	return p.User(c)
}
