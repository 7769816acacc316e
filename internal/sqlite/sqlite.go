// Package sqlite is the atlas's embedded store: SQLite through the cgo-free
// modernc.org/sqlite driver, with embedded, versioned migrations.
package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/mhatlas/mhatlas/internal/atlas"

	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

//go:embed migrations/*.sql
var migrations embed.FS

// Store implements atlas.Store on one SQLite file.
type Store struct {
	db *sql.DB
	// Actor names who makes changes, for the audit log.
	Actor string
}

var _ atlas.Store = (*Store)(nil)

// Open opens (creating if needed) the database at path and applies any
// pending migrations. WAL lets readers go on while an import writes;
// foreign keys are off by default in SQLite and must be asked for; the busy
// timeout makes a second writer wait instead of failing at once.
func Open(ctx context.Context, path string) (*Store, error) {
	q := url.Values{}
	q.Add("_pragma", "journal_mode(WAL)")
	q.Add("_pragma", "foreign_keys(1)")
	q.Add("_pragma", "busy_timeout(10000)")
	q.Add("_pragma", "synchronous(NORMAL)")
	q.Set("_txlock", "immediate")
	db, err := sql.Open("sqlite", "file:"+path+"?"+q.Encode())
	if err != nil {
		return nil, err
	}
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("open database %s: %w", path, err)
	}
	s := &Store{db: db, Actor: "system"}
	if _, err := s.Migrate(ctx); err != nil {
		db.Close()
		return nil, err
	}
	return s, nil
}

// Close closes the database.
func (s *Store) Close() error { return s.db.Close() }

// Migrate applies the embedded migrations not yet recorded, each in its own
// transaction, in order of their version number. It returns the versions
// applied.
func (s *Store) Migrate(ctx context.Context) ([]int, error) {
	if _, err := s.db.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
		version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`); err != nil {
		return nil, err
	}
	names, err := fs.Glob(migrations, "migrations/*.sql")
	if err != nil {
		return nil, err
	}
	sort.Strings(names)
	var applied []int
	for _, name := range names {
		base := strings.TrimPrefix(name, "migrations/")
		v, err := strconv.Atoi(strings.SplitN(base, "_", 2)[0])
		if err != nil {
			return nil, fmt.Errorf("migration %s: name must start with a version number", name)
		}
		var n int
		if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM schema_migrations WHERE version = ?`, v).Scan(&n); err != nil {
			return nil, err
		}
		if n > 0 {
			continue
		}
		body, err := migrations.ReadFile(name)
		if err != nil {
			return nil, err
		}
		err = s.tx(ctx, func(tx *sql.Tx) error {
			if _, err := tx.ExecContext(ctx, string(body)); err != nil {
				return fmt.Errorf("migration %s: %w", base, err)
			}
			_, err := tx.ExecContext(ctx, `INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)`,
				v, base, time.Now().UTC().Format(time.RFC3339))
			return err
		})
		if err != nil {
			return nil, err
		}
		applied = append(applied, v)
	}
	return applied, nil
}

// tx runs fn in a transaction, rolling back if it fails.
func (s *Store) tx(ctx context.Context, fn func(*sql.Tx) error) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	// A panic in fn (an importer's reader runs inside ReplacePostcodes)
	// must not leave the write lock held and the connection in a
	// transaction: roll back, then let it go on up.
	defer func() {
		if p := recover(); p != nil {
			tx.Rollback()
			panic(p)
		}
	}()
	if err := fn(tx); err != nil {
		tx.Rollback()
		return err
	}
	return tx.Commit()
}

// changed bumps the data version and writes the audit log entry; every
// write transaction calls it last.
func (s *Store) changed(ctx context.Context, tx *sql.Tx, action, detail string) error {
	if _, err := tx.ExecContext(ctx, `UPDATE data_version SET version = version + 1 WHERE id = 1`); err != nil {
		return err
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO audit_log (at, actor, action, detail) VALUES (?, ?, ?, ?)`,
		time.Now().UTC().Format(time.RFC3339Nano), s.Actor, action, detail)
	return err
}

// DataVersion implements atlas.Store.
func (s *Store) DataVersion(ctx context.Context) (int64, error) {
	var v int64
	err := s.db.QueryRowContext(ctx, `SELECT version FROM data_version WHERE id = 1`).Scan(&v)
	return v, err
}

// AuditEntry is one line of the audit log.
type AuditEntry struct {
	At, Actor, Action, Detail string
}

// AuditLog returns the audit log, newest first.
func (s *Store) AuditLog(ctx context.Context) ([]AuditEntry, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT at, actor, action, detail FROM audit_log ORDER BY id DESC`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []AuditEntry
	for rows.Next() {
		var e AuditEntry
		if err := rows.Scan(&e.At, &e.Actor, &e.Action, &e.Detail); err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

// SchemaVersion returns the highest migration applied.
func (s *Store) SchemaVersion(ctx context.Context) (int, error) {
	var v int
	err := s.db.QueryRowContext(ctx, `SELECT coalesce(max(version), 0) FROM schema_migrations`).Scan(&v)
	return v, err
}

// LSOACount returns how many LSOAs the geography holds, and their total
// population.
func (s *Store) LSOACount(ctx context.Context) (n int, population int64, err error) {
	err = s.db.QueryRowContext(ctx, `SELECT count(*), coalesce(sum(population), 0) FROM lsoas`).Scan(&n, &population)
	return n, population, err
}

// whereLTLAIn narrows a query on a table with an ltla column to the given
// codes; no codes leaves it reading every LTLA. At most 296 codes exist, well
// inside SQLite's limit on parameters.
func whereLTLAIn(q string, ltlas []string) (string, []any) {
	if len(ltlas) == 0 {
		return q, nil
	}
	args := make([]any, len(ltlas))
	for i, c := range ltlas {
		args[i] = c
	}
	return q + ` WHERE ltla IN (?` + strings.Repeat(`, ?`, len(ltlas)-1) + `)`, args
}
