package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"

	"github.com/mhatlas/mhatlas/internal/atlas"
	"github.com/mhatlas/mhatlas/internal/workforce"
)

var _ atlas.WorkforceStore = (*Store)(nil)

// ReplaceWorkforce implements atlas.WorkforceStore.
func (s *Store) ReplaceWorkforce(ctx context.Context, ds atlas.Dataset, recs []workforce.Record) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		var old int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM workforce_values WHERE dataset_id = ?`, ds.ID).Scan(&old); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM workforce_values WHERE dataset_id = ?`, ds.ID); err != nil {
			return err
		}
		if err := putDataset(ctx, tx, ds); err != nil {
			return err
		}
		notes, _ := json.Marshal(wfNotes(ds.Notes))
		// seq orders imports: timestamps have a resolution of a second.
		_, err := tx.ExecContext(ctx, `INSERT INTO workforce_datasets (dataset_id, seq, notes)
			VALUES (?, (SELECT coalesce(max(seq), 0) + 1 FROM workforce_datasets), ?)
			ON CONFLICT (dataset_id) DO UPDATE SET seq = excluded.seq, notes = excluded.notes`, ds.ID, string(notes))
		if err != nil {
			return err
		}
		err = bulk(ctx, tx, `INSERT INTO workforce_values (dataset_id, measure, period, care_need, sector, role, area_type, area_code, value, ref, file, line)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, len(recs), func(i int) []any {
			r := recs[i]
			var v any
			if r.Value != nil {
				v = *r.Value
			}
			return []any{ds.ID, string(r.Measure), r.Period, string(r.CareNeed), r.Sector, r.Role, string(r.AreaType), r.AreaCode, v, r.Ref, r.File, r.Line}
		})
		if err != nil {
			return err
		}
		return s.changed(ctx, tx, "import workforce", fmt.Sprintf("%s: %d figures (replacing %d)", ds.ID, len(recs), old))
	})
}

func wfNotes(xs []string) []string {
	if xs == nil {
		return []string{}
	}
	return xs
}

// ReplaceRoles implements atlas.WorkforceStore.
func (s *Store) ReplaceRoles(ctx context.Context, ds atlas.Dataset, tax *workforce.Taxonomy) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `DELETE FROM workforce_roles`); err != nil {
			return err
		}
		if err := putDataset(ctx, tx, ds); err != nil {
			return err
		}
		err := bulk(ctx, tx, `INSERT INTO workforce_roles (id, name, role_group, workforce, position) VALUES (?, ?, ?, ?, ?)`,
			len(tax.Roles), func(i int) []any {
				r := tax.Roles[i]
				return []any{r.ID, r.Name, r.Group, r.Workforce, i}
			})
		if err != nil {
			return err
		}
		return s.changed(ctx, tx, "import roles", fmt.Sprintf("%s: %d roles", ds.ID, len(tax.Roles)))
	})
}

// ReplacePopulationEstimates implements atlas.WorkforceStore.
func (s *Store) ReplacePopulationEstimates(ctx context.Context, ds atlas.Dataset, pops workforce.Populations) error {
	type row struct {
		ltla string
		year int
		pop  float64
	}
	var rows []row
	for y, byLTLA := range pops {
		for c, p := range byLTLA {
			rows = append(rows, row{c, y, p})
		}
	}
	return s.tx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `DELETE FROM population_estimates`); err != nil {
			return err
		}
		if err := putDataset(ctx, tx, ds); err != nil {
			return err
		}
		err := bulk(ctx, tx, `INSERT INTO population_estimates (ltla, year, population) VALUES (?, ?, ?)`, len(rows),
			func(i int) []any { return []any{rows[i].ltla, rows[i].year, rows[i].pop} })
		if err != nil {
			return err
		}
		return s.changed(ctx, tx, "import population estimates", fmt.Sprintf("%s: %d estimates", ds.ID, len(rows)))
	})
}
