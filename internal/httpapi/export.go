package httpapi

import (
	"bytes"
	"io"
	"net/http"
	"strings"
	"time"

	"github.com/labstack/echo/v4"

	"tracker/internal/apperr"
	"tracker/internal/exchange"
)

// importResponse is the answer of POST /import: how many applications
// were added, the rows left out and the rows taken with a change.
type importResponse struct {
	Imported int                 `json:"imported"`
	Errors   []exchange.RowError `json:"errors"`
	Notes    []exchange.RowError `json:"notes"`
}

func (h *handler) registerExportRoutes(g *echo.Group) {
	g.GET("/export", h.handleExport)
	g.POST("/import", h.handleImport)
}

// handleExport writes every application of the user as a JSON backup
// (?format=json, the default) or a CSV sheet (?format=csv), as it reads
// them from one snapshot (see stream for an error midway).
func (h *handler) handleExport(c echo.Context) error {
	format, err := exportFormat(c.QueryParam("format"))
	if err != nil {
		return err
	}
	ctx := c.Request().Context()
	name := "tracker-" + time.Now().UTC().Format("2006-01-02") + "." + format
	header := c.Response().Header()
	header.Set(echo.HeaderContentDisposition, `attachment; filename="`+name+`"`)
	if format == "csv" {
		header.Set(echo.HeaderContentType, "text/csv; charset=utf-8")
		return h.stream(c, func(w io.Writer) error { return exchange.WriteCSV(ctx, w, h.svc) })
	}
	header.Set(echo.HeaderContentType, echo.MIMEApplicationJSON)
	return h.stream(c, func(w io.Writer) error { return exchange.WriteBackup(ctx, w, h.svc, time.Now(), false) })
}

func exportFormat(f string) (string, error) {
	switch strings.ToLower(f) {
	case "", "json":
		return "json", nil
	case "csv":
		return "csv", nil
	}
	return "", apperr.Invalid(map[string]string{"format": "format must be json or csv"})
}

// handleImport adds the applications of a JSON backup (all or nothing) or
// of a CSV sheet (every good row; the others reported by line), sent as
// the multipart field file or as the raw body. The format is ?format=, or
// else told from the content.
func (h *handler) handleImport(c echo.Context) error {
	_, data, err := uploadedFile(c, "file")
	if err != nil {
		return err
	}
	format := strings.ToLower(c.QueryParam("format"))
	if format == "" {
		format = "csv"
		if bytes.HasPrefix(bytes.TrimSpace(data), []byte("{")) {
			format = "json"
		}
	}
	ctx := c.Request().Context()
	switch format {
	case "json":
		b, err := exchange.ReadBackup(bytes.NewReader(data))
		if err != nil {
			return err
		}
		n, err := exchange.Restore(ctx, h.backups, b)
		if err != nil {
			return err
		}
		return c.JSON(http.StatusOK, importResponse{Imported: n, Errors: []exchange.RowError{}, Notes: []exchange.RowError{}})
	case "csv":
		rep, err := exchange.ImportCSV(ctx, bytes.NewReader(data), h.svc, nil)
		if err != nil {
			return err
		}
		return c.JSON(http.StatusOK, importResponse(*rep))
	}
	return apperr.Invalid(map[string]string{"format": "format must be json or csv"})
}
