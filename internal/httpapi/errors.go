package httpapi

import (
	"errors"
	"log/slog"
	"math"
	"net/http"
	"strconv"
	"time"

	"github.com/labstack/echo/v4"

	"tracker/internal/apperr"
)

// The error codes of the API, as they appear in the "code" member.
const (
	codeBadRequest       = "bad_request"
	codeInvalid          = "invalid"
	codeUnauthorized     = "unauthorized"
	codeForbidden        = "forbidden"
	codeNotFound         = "not_found"
	codeMethodNotAllowed = "method_not_allowed"
	codeConflict         = "conflict"
	codeTooLarge         = "too_large"
	codeTooMany          = "too_many_requests"
	codeInternal         = "internal"
)

// internalMessage is all a client learns of an internal error; the error
// itself goes to the log under the request id.
const internalMessage = "internal error"

// statusOf is the one table from the service's error codes to HTTP statuses.
var statusOf = map[apperr.Code]int{
	apperr.EINVALID:  http.StatusUnprocessableEntity,
	apperr.ENOTFOUND: http.StatusNotFound,
	apperr.ECONFLICT: http.StatusConflict,
	apperr.EINTERNAL: http.StatusInternalServerError,
	// EUNAUTHORIZED is 401 whatever the credential (password, session,
	// token); the message says which, never whether an account exists.
	apperr.EUNAUTHORIZED: http.StatusUnauthorized,
	apperr.ETOOMANY:      http.StatusTooManyRequests,
	// EUNAVAILABLE: the database takes no writes (read-only, full disk);
	// the message says so and Retry-After keeps clients from hammering.
	apperr.EUNAVAILABLE: http.StatusServiceUnavailable,
}

// codeOfStatus names the statuses echo itself produces (unknown route, wrong
// method, body too large) in the API's vocabulary.
var codeOfStatus = map[int]string{
	http.StatusBadRequest:            codeBadRequest,
	http.StatusUnauthorized:          codeUnauthorized,
	http.StatusForbidden:             codeForbidden,
	http.StatusNotFound:              codeNotFound,
	http.StatusMethodNotAllowed:      codeMethodNotAllowed,
	http.StatusConflict:              codeConflict,
	http.StatusRequestEntityTooLarge: codeTooLarge,
	http.StatusUnprocessableEntity:   codeInvalid,
	http.StatusTooManyRequests:       codeTooMany,
}

// apiError is the body of every error response, under "error".
type apiError struct {
	status int
	// retryAfter, when set, goes out as the Retry-After header.
	retryAfter time.Duration
	Code       string            `json:"code"`
	Message    string            `json:"message"`
	Fields     map[string]string `json:"fields,omitempty"`
	Allowed    []string          `json:"allowed,omitempty"`
	RequestID  string            `json:"request_id,omitempty"`
}

func (e *apiError) Error() string { return e.Message }

// errorResponse wraps an apiError as {"error": {...}}.
type errorResponse struct {
	Error *apiError `json:"error"`
}

// badRequest returns a 400 error; fields may be nil.
func badRequest(message string, fields map[string]string) *apiError {
	return &apiError{status: http.StatusBadRequest, Code: codeBadRequest, Message: message, Fields: fields}
}

// notFound returns the 404 error of an application id that cannot exist.
func notFound() error {
	return apperr.Errorf(apperr.ENOTFOUND, "application not found")
}

// errorHandler returns the one HTTPErrorHandler of the API: it turns any
// error into the JSON error shape and logs the internal ones.
// A request for a page gets the page that pages renders instead.
func errorHandler(logger *slog.Logger, pages func(echo.Context, *apiError) (error, bool)) echo.HTTPErrorHandler {
	return func(err error, c echo.Context) {
		if c.Response().Committed {
			return // already answered, e.g. by the request logger's call to this handler
		}
		ae := toAPIError(err)
		ae.RequestID = requestID(c)
		if ae.status >= http.StatusInternalServerError && err != errBusy { // a refusal at the gate is in the request log
			logger.ErrorContext(c.Request().Context(), "internal error",
				slog.String("request_id", ae.RequestID),
				slog.String("method", c.Request().Method),
				slog.String("path", c.Request().URL.Path),
				slog.Any("error", err))
		}
		if ae.retryAfter > 0 {
			c.Response().Header().Set("Retry-After", retryAfterSeconds(ae.retryAfter))
		}
		if ae.status == http.StatusRequestEntityTooLarge {
			// The rest of the body stays unread: closing the connection
			// after the answer (the server half-closes and lingers) lets a
			// client that sends the whole body before reading still see
			// the 413 instead of a reset.
			c.Response().Header().Set(echo.HeaderConnection, "close")
		}
		if ae.status == http.StatusUnauthorized && isAPIPath(c.Request().URL.Path) {
			c.Response().Header().Set(echo.HeaderWWWAuthenticate, `Bearer realm="tracker"`)
		}
		var werr error
		if perr, ok := pages(c, ae); ok {
			werr = perr
		} else if c.Request().Method == http.MethodHead {
			werr = c.NoContent(ae.status)
		} else {
			werr = c.JSON(ae.status, errorResponse{Error: ae})
		}
		if werr != nil {
			logger.Warn("writing error response", slog.String("request_id", ae.RequestID), slog.Any("error", werr))
		}
	}
}

// toAPIError maps err to the API's error shape. Only messages meant for the
// user pass through; anything else becomes "internal error".
func toAPIError(err error) *apiError {
	var ae *apiError
	var de *apperr.Error
	var he *echo.HTTPError
	switch {
	case errors.As(err, &ae):
		return ae
	case errors.As(err, &de):
		return fromDomainError(de)
	case errors.As(err, &he):
		return fromHTTPError(he)
	}
	return internalError()
}

func internalError() *apiError {
	return &apiError{status: http.StatusInternalServerError, Code: codeInternal, Message: internalMessage}
}

// fromDomainError maps a service error through the statusOf table.
func fromDomainError(de *apperr.Error) *apiError {
	status, ok := statusOf[de.Code]
	if !ok || (status >= http.StatusInternalServerError && de.Code != apperr.EUNAVAILABLE) {
		return internalError()
	}
	ae := &apiError{status: status, Code: string(de.Code), Message: de.Message, Fields: de.Fields}
	if de.Code == apperr.ETOOMANY || de.Code == apperr.EUNAVAILABLE {
		ae.retryAfter = max(de.RetryAfter, time.Second)
	}
	for _, s := range de.Allowed {
		ae.Allowed = append(ae.Allowed, string(s))
	}
	return ae
}

// fromHTTPError maps echo's own errors (unknown route, wrong method, body
// too large) into the same shape.
func fromHTTPError(he *echo.HTTPError) *apiError {
	code, ok := codeOfStatus[he.Code]
	if !ok || he.Code >= http.StatusInternalServerError {
		return internalError()
	}
	msg := http.StatusText(he.Code)
	switch he.Code {
	case http.StatusNotFound:
		msg = "no such resource"
	case http.StatusMethodNotAllowed:
		msg = "method not allowed on this resource"
	case http.StatusUnauthorized:
		msg = unauthorizedMessage
	case http.StatusForbidden:
		msg = "cross-origin requests from browsers are refused"
	case http.StatusRequestEntityTooLarge:
		msg = "request body is too large: at most " + bodyLimit + " once signed in, 64 KiB before"
	}
	return &apiError{status: he.Code, Code: code, Message: msg}
}

// retryAfterSeconds is d as the whole seconds of a Retry-After header,
// rounded up so that a client waiting that long is not refused again.
func retryAfterSeconds(d time.Duration) string {
	return strconv.FormatInt(int64(math.Ceil(d.Seconds())), 10)
}

// requestID returns the id the RequestID middleware gave this request.
func requestID(c echo.Context) string {
	return c.Response().Header().Get(echo.HeaderXRequestID)
}
