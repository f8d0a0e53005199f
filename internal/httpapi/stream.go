package httpapi

import (
	"bufio"
	"io"
	"log/slog"
	"net/http"
	"time"

	"github.com/labstack/echo/v4"
)

// An export (the backup, the CSV sheet, the calendar feed) is written as
// it is read, so the status goes out before the read is over. Its first
// streamBuffer bytes are held back: an error before they are full (most
// exports of a small account, and any error of the first batch) still
// answers with its status and the JSON error, and nothing of the body. An
// error after that cannot change the status any more; the response is
// then aborted (http.ErrAbortHandler: the connection is reset, and a
// chunked body never gets its last chunk), so the download fails visibly
// in the browser, curl or a client library, instead of ending as a file
// that looks whole but is cut short.
const streamBuffer = 64 << 10

// streamIdle is how long a streamed response may wait on a client that
// reads nothing: the server's write timeout bounds a whole response, which
// a large export outgrows, so each write of a stream gets this long
// instead. A client that stops reading gives its database read back after
// this long.
const streamIdle = time.Minute

// stream answers 200 with what write writes (see streamBuffer); the
// caller sets the headers first.
func (h *handler) stream(c echo.Context, write func(w io.Writer) error) error {
	res := c.Response()
	bw := bufio.NewWriterSize(&idleWriter{w: res, rc: http.NewResponseController(res)}, streamBuffer)
	err := write(bw)
	if err == nil {
		err = bw.Flush()
	}
	switch {
	case err == nil:
		if !res.Committed {
			res.WriteHeader(http.StatusOK) // an empty body
		}
		return nil
	case !res.Committed:
		res.Header().Del(echo.HeaderContentDisposition)
		res.Header().Del(echo.HeaderContentType)
		return err
	}
	if c.Request().Context().Err() == nil { // not a client that went away
		h.logger.ErrorContext(c.Request().Context(), "export aborted midway",
			slog.String("request_id", requestID(c)), slog.String("path", c.Request().URL.Path),
			slog.Int64("bytes", res.Size), slog.Any("error", err))
	}
	panic(http.ErrAbortHandler)
}

// idleWriter writes to the response with a deadline of streamIdle from
// each write.
type idleWriter struct {
	w  io.Writer
	rc *http.ResponseController
}

func (iw *idleWriter) Write(p []byte) (int, error) {
	_ = iw.rc.SetWriteDeadline(time.Now().Add(streamIdle)) // not every ResponseWriter has deadlines (httptest's): then the server's own
	return iw.w.Write(p)
}
