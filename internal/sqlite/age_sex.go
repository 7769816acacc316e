package sqlite

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/mhatlas/mhatlas/internal/atlas"
	"github.com/mhatlas/mhatlas/internal/census"
)

var _ atlas.AgeSexStore = (*Store)(nil)

// ReplaceAgeSex implements atlas.AgeSexStore: in one transaction it drops
// every stored estimate by age and sex, then stores counts and ds.
func (s *Store) ReplaceAgeSex(ctx context.Context, ds atlas.Dataset, counts []census.AgeSexCount) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `DELETE FROM age_sex_counts`); err != nil {
			return err
		}
		if err := putDataset(ctx, tx, ds); err != nil {
			return err
		}
		err := bulk(ctx, tx, `INSERT INTO age_sex_counts (ltla, year, sex, age_band, count) VALUES (?, ?, ?, ?, ?)`,
			len(counts), func(i int) []any {
				c := counts[i]
				return []any{c.LTLA, c.Year, string(c.Sex), c.Band, c.Count}
			})
		if err != nil {
			return err
		}
		return s.changed(ctx, tx, "import age-sex", fmt.Sprintf("%s: %d counts", ds.ID, len(counts)))
	})
}

// AgeSexCounts implements atlas.AgeSexStore; no codes means every LTLA.
func (s *Store) AgeSexCounts(ctx context.Context, ltlas []string) ([]census.AgeSexCount, error) {
	q := `SELECT ltla, year, sex, age_band, count FROM age_sex_counts`
	q, args := whereLTLAIn(q, ltlas)
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []census.AgeSexCount
	for rows.Next() {
		var c census.AgeSexCount
		var sex string
		if err := rows.Scan(&c.LTLA, &c.Year, &sex, &c.Band, &c.Count); err != nil {
			return nil, err
		}
		c.Sex = census.Sex(sex)
		out = append(out, c)
	}
	return out, rows.Err()
}
