package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/mhatlas/mhatlas/internal/atlas"
	"github.com/mhatlas/mhatlas/internal/indicator"
)

var _ atlas.ExtraIndicatorStore = (*Store)(nil)

// ReplaceIndicators implements atlas.ExtraIndicatorStore.
func (s *Store) ReplaceIndicators(ctx context.Context, ds atlas.Dataset, metas []indicator.Meta, values map[string][]indicator.Value) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		ids := make([]any, len(metas))
		for i, m := range metas {
			ids[i] = m.ID
		}
		// Datasets that held these indicators before: once the
		// indicators move to ds, those left empty are removed too.
		var previous []string
		if len(ids) > 0 {
			rows, err := tx.QueryContext(ctx, `SELECT DISTINCT dataset_id FROM indicators WHERE id IN (?`+
				strings.Repeat(`, ?`, len(ids)-1)+`)`, ids...)
			if err != nil {
				return err
			}
			for rows.Next() {
				var id string
				if err := rows.Scan(&id); err != nil {
					rows.Close()
					return err
				}
				previous = append(previous, id)
			}
			rows.Close()
			if _, err := tx.ExecContext(ctx, `DELETE FROM indicators WHERE id IN (?`+strings.Repeat(`, ?`, len(ids)-1)+`)`, ids...); err != nil {
				return err // cascades to their values, whatever dataset they came with
			}
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM datasets WHERE id = ?`, ds.ID); err != nil {
			return err // cascades to its indicators and values
		}
		for _, id := range previous {
			if _, err := tx.ExecContext(ctx, `DELETE FROM datasets WHERE id = ? AND NOT EXISTS (SELECT 1 FROM indicators WHERE dataset_id = ?)
				AND NOT EXISTS (SELECT 1 FROM indicator_values WHERE dataset_id = ?)`, id, id, id); err != nil {
				return err
			}
		}
		if err := putDataset(ctx, tx, ds); err != nil {
			return err
		}
		n := 0
		for i, m := range metas {
			if err := putIndicator(ctx, tx, ds.ID, i, m); err != nil {
				return err
			}
			vs := values[m.ID]
			n += len(vs)
			if err := putPublishedValues(ctx, tx, m, ds.ID, vs); err != nil {
				return err
			}
		}
		return s.changed(ctx, tx, "import indicators", fmt.Sprintf("%s: %d indicators, %d values", ds.ID, len(metas), n))
	})
}

// putPublishedValues stores values as published. Unlike a Census share, a
// published rate may come without its counts: the numerator is then
// stored as NULL (unknown), not 0.
func putPublishedValues(ctx context.Context, tx *sql.Tx, m indicator.Meta, datasetID string, vs []indicator.Value) error {
	return bulk(ctx, tx, `INSERT INTO indicator_values (indicator_id, dataset_id, period, area_type, area_code, numerator, denominator, value)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, len(vs), func(i int) []any {
		v := vs[i]
		var val, num, den any
		if v.Value != nil {
			val = *v.Value
		}
		if v.Denominator != 0 {
			num, den = v.Numerator, v.Denominator
		} else if m.ValueType == indicator.Count && v.Value != nil {
			num = *v.Value
		}
		return []any{m.ID, datasetID, v.Period, string(v.AreaType), v.AreaCode, num, den, val}
	})
}
