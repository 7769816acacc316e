package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/mhatlas/mhatlas/internal/atlas"
	"github.com/mhatlas/mhatlas/internal/geo"
	"github.com/mhatlas/mhatlas/internal/service"
)

// ReplacePostcodes implements atlas.ServiceStore.
func (s *Store) ReplacePostcodes(ctx context.Context, ds atlas.Dataset, fill func(atlas.PostcodeWriter) error) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `DELETE FROM postcodes`); err != nil {
			return err
		}
		w := &postcodeWriter{ctx: ctx, tx: tx}
		var err error
		if w.put, err = tx.PrepareContext(ctx, `INSERT INTO postcodes (postcode, longitude, latitude, lsoa) VALUES (?, ?, ?, ?)
			ON CONFLICT (postcode) DO NOTHING`); err != nil {
			return err
		}
		defer w.put.Close()
		if w.get, err = tx.PrepareContext(ctx, `SELECT longitude, latitude FROM postcodes WHERE postcode = ?`); err != nil {
			return err
		}
		defer w.get.Close()
		if err := fill(w); err != nil {
			return err
		}
		ds.Rows = w.n
		if err := putDataset(ctx, tx, ds); err != nil {
			return err
		}
		return s.changed(ctx, tx, "import postcodes", fmt.Sprintf("%s: %d postcodes, %d services re-placed", ds.ID, w.n, w.placed))
	})
}

// postcodeWriter writes a postcode import inside its transaction.
type postcodeWriter struct {
	ctx       context.Context
	tx        *sql.Tx
	put, get  *sql.Stmt
	n, placed int
}

func (w *postcodeWriter) PutPostcode(p service.Postcode) (bool, error) {
	res, err := w.put.ExecContext(w.ctx, p.Postcode, p.Point.Lon, p.Point.Lat, p.LSOA)
	if err != nil {
		return false, err
	}
	n, err := res.RowsAffected()
	if err != nil || n == 0 {
		return false, err
	}
	w.n++
	return true, nil
}

func (w *postcodeWriter) PostcodePoint(pc string) (geo.Point, bool, error) {
	var p geo.Point
	err := w.get.QueryRowContext(w.ctx, pc).Scan(&p.Lon, &p.Lat)
	if err == sql.ErrNoRows {
		return p, false, nil
	}
	return p, err == nil, err
}

func (w *postcodeWriter) SetPlacement(id string, p service.Placement) error {
	w.placed++
	return setPlacement(w.ctx, w.tx, id, p)
}

// PostcodePoints implements atlas.ServiceStore.
func (s *Store) PostcodePoints(ctx context.Context, postcodes []string) (map[string]geo.Point, error) {
	out := map[string]geo.Point{}
	// In batches, to stay under SQLite's limit on parameters.
	for len(postcodes) > 0 {
		n := min(len(postcodes), 500)
		batch := postcodes[:n]
		postcodes = postcodes[n:]
		args := make([]any, len(batch))
		for i, p := range batch {
			args[i] = p
		}
		rows, err := s.db.QueryContext(ctx, `SELECT postcode, longitude, latitude FROM postcodes WHERE postcode IN (?`+
			strings.Repeat(`, ?`, n-1)+`)`, args...)
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			var pc string
			var p geo.Point
			if err := rows.Scan(&pc, &p.Lon, &p.Lat); err != nil {
				rows.Close()
				return nil, err
			}
			out[pc] = p
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	return out, nil
}
