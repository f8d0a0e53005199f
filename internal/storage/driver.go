package storage

import (
	"database/sql"

	"github.com/mattn/go-sqlite3"
	"gorm.io/driver/sqlite"
	"gorm.io/gorm"
)

// sqliteDriver is the SQLite driver with one more setting on every
// connection, which the driver's DSN parameters cannot give: temporary
// storage in memory. A write transaction keeps the pages each savepoint
// (see group.go) and each statement that may fail half-way changes in a
// sub-journal, which SQLite otherwise moves to a temporary file once it
// passes 64 KiB: a group of creates then wrote every page a second time
// to disk.
const sqliteDriver = "sqlite3_tracker"

func init() {
	sql.Register(sqliteDriver, &sqlite3.SQLiteDriver{ConnectHook: func(c *sqlite3.SQLiteConn) error {
		_, err := c.Exec("PRAGMA temp_store = MEMORY", nil)
		return err
	}})
}

// openSQLiteDSN returns the GORM dialector of the SQLite database at dsn.
func openSQLiteDSN(dsn string) gorm.Dialector {
	return sqlite.New(sqlite.Config{DriverName: sqliteDriver, DSN: dsn})
}
