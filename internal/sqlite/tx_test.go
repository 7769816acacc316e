package sqlite

import (
	"context"
	"database/sql"
	"path/filepath"
	"testing"
	"time"
)

// A panic inside a write transaction rolls it back: nothing it wrote is
// kept, and the next writer is not left waiting on its lock.
func TestTxRollsBackOnPanic(t *testing.T) {
	ctx := context.Background()
	s, err := Open(ctx, filepath.Join(t.TempDir(), "tx.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	func() {
		defer func() {
			if recover() == nil {
				t.Error("the panic was swallowed")
			}
		}()
		s.tx(ctx, func(tx *sql.Tx) error {
			if err := s.changed(ctx, tx, "test", "half written"); err != nil {
				t.Fatal(err)
			}
			panic("reader crashed")
		})
	}()
	wctx, cancel := context.WithTimeout(ctx, 3*time.Second)
	defer cancel()
	if err := s.tx(wctx, func(tx *sql.Tx) error { return s.changed(wctx, tx, "test", "next") }); err != nil {
		t.Fatalf("next write: %v", err)
	}
	var n int
	if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM audit_log WHERE detail = 'half written'`).Scan(&n); err != nil || n != 0 {
		t.Errorf("%d rows of the panicked transaction kept (%v)", n, err)
	}
}
