package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"time"

	"github.com/mhatlas/mhatlas/internal/area"
	"github.com/mhatlas/mhatlas/internal/atlas"
	"github.com/mhatlas/mhatlas/internal/census"
	"github.com/mhatlas/mhatlas/internal/indicator"
)

// ReplaceGeography implements atlas.Store.
func (s *Store) ReplaceGeography(ctx context.Context, ds atlas.Dataset, h *area.Hierarchy) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		for _, q := range []string{`DELETE FROM area_weights`, `DELETE FROM area_links`, `DELETE FROM areas`, `DELETE FROM lsoas`} {
			if _, err := tx.ExecContext(ctx, q); err != nil {
				return err
			}
		}
		if err := putDataset(ctx, tx, ds); err != nil {
			return err
		}
		err := bulk(ctx, tx, `INSERT INTO areas (type, code, name, population, ods_code) VALUES (?, ?, ?, ?, ?)`,
			len(h.Areas), func(i int) []any {
				a := h.Areas[i]
				return []any{string(a.Type), a.Code, a.Name, a.Population, a.ODSCode}
			})
		if err != nil {
			return err
		}
		err = bulk(ctx, tx, `INSERT INTO area_links (child_type, child_code, parent_type, parent_code, share, population) VALUES (?, ?, ?, ?, ?, ?)`,
			len(h.Links), func(i int) []any {
				l := h.Links[i]
				return []any{string(l.ChildType), l.ChildCode, string(l.ParentType), l.ParentCode, l.Share, l.Population}
			})
		if err != nil {
			return err
		}
		err = bulk(ctx, tx, `INSERT INTO lsoas (code, name, population, ltla, utla, sub_icb, icb, region, nhs_region) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			len(h.LSOAs), func(i int) []any {
				l := h.LSOAs[i]
				return []any{l.Code, l.Name, l.Population, l.In[area.LTLA], l.In[area.UTLA], l.In[area.SubICB], l.In[area.ICB], l.In[area.Region], l.In[area.NHSRegion]}
			})
		if err != nil {
			return err
		}
		err = bulk(ctx, tx, `INSERT INTO area_weights (from_type, from_code, to_type, to_code, share) VALUES (?, ?, ?, ?, ?)`,
			len(h.Weights), func(i int) []any {
				w := h.Weights[i]
				return []any{string(w.FromType), w.FromCode, string(w.ToType), w.ToCode, w.Share}
			})
		if err != nil {
			return err
		}
		return s.changed(ctx, tx, "import geography", fmt.Sprintf("%s: %d areas, %d links from %d rows", ds.ID, len(h.Areas), len(h.Links), ds.Rows))
	})
}

// ReplaceCensus implements atlas.Store.
func (s *Store) ReplaceCensus(ctx context.Context, ds atlas.Dataset, counts []census.Count, metas []indicator.Meta, values map[string][]indicator.Value) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `DELETE FROM census_counts`); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM datasets WHERE id = ?`, ds.ID); err != nil {
			return err // cascades to its indicators and values
		}
		if err := putDataset(ctx, tx, ds); err != nil {
			return err
		}
		err := bulk(ctx, tx, `INSERT INTO census_counts (ltla, table_id, category, count, total) VALUES (?, ?, ?, ?, ?)`,
			len(counts), func(i int) []any {
				c := counts[i]
				return []any{c.LTLA, c.Table, c.Category, c.Count, c.Total}
			})
		if err != nil {
			return err
		}
		n := 0
		for i, m := range metas {
			if err := putIndicator(ctx, tx, ds.ID, i, m); err != nil {
				return err
			}
			vs := values[m.ID]
			n += len(vs)
			if err := putValues(ctx, tx, m.ID, ds.ID, vs); err != nil {
				return err
			}
		}
		return s.changed(ctx, tx, "import census", fmt.Sprintf("%s: %d counts, %d indicators, %d values", ds.ID, len(counts), len(metas), n))
	})
}

func putDataset(ctx context.Context, tx *sql.Tx, ds atlas.Dataset) error {
	files, _ := json.Marshal(ds.Files)
	if ds.ImportedAt.IsZero() {
		ds.ImportedAt = time.Now().UTC()
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO datasets (id, name, publisher, vintage, licence, files, imported_at, row_count)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (id) DO UPDATE SET name = excluded.name, publisher = excluded.publisher, vintage = excluded.vintage,
		licence = excluded.licence, files = excluded.files, imported_at = excluded.imported_at, row_count = excluded.row_count`,
		ds.ID, ds.Name, ds.Publisher, ds.Vintage, ds.Licence, string(files), ds.ImportedAt.Format(time.RFC3339), ds.Rows)
	return err
}

func putIndicator(ctx context.Context, tx *sql.Tx, datasetID string, pos int, m indicator.Meta) error {
	b, err := json.Marshal(m)
	if err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO indicators (id, dataset_id, position, meta) VALUES (?, ?, ?, ?)
		ON CONFLICT (id) DO UPDATE SET dataset_id = excluded.dataset_id, position = excluded.position, meta = excluded.meta`,
		m.ID, datasetID, pos, string(b))
	return err
}

func putValues(ctx context.Context, tx *sql.Tx, indicatorID, datasetID string, vs []indicator.Value) error {
	return bulk(ctx, tx, `INSERT INTO indicator_values (indicator_id, dataset_id, period, area_type, area_code, numerator, denominator, value)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, len(vs), func(i int) []any {
		v := vs[i]
		var val any
		if v.Value != nil {
			val = *v.Value
		}
		var den any
		if v.Denominator != 0 {
			den = v.Denominator
		}
		return []any{indicatorID, datasetID, v.Period, string(v.AreaType), v.AreaCode, v.Numerator, den, val}
	})
}

// bulk runs one prepared insert n times.
func bulk(ctx context.Context, tx *sql.Tx, query string, n int, args func(int) []any) error {
	st, err := tx.PrepareContext(ctx, query)
	if err != nil {
		return err
	}
	defer st.Close()
	for i := 0; i < n; i++ {
		if _, err := st.ExecContext(ctx, args(i)...); err != nil {
			return fmt.Errorf("%s (row %d): %w", query[:30], i+1, err)
		}
	}
	return nil
}
