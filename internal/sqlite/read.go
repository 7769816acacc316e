package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"sort"
	"strings"
	"time"

	"github.com/mhatlas/mhatlas/internal/area"
	"github.com/mhatlas/mhatlas/internal/atlas"
	"github.com/mhatlas/mhatlas/internal/census"
	"github.com/mhatlas/mhatlas/internal/indicator"
)

// Empty implements atlas.Store.
func (s *Store) Empty(ctx context.Context) (bool, error) {
	var n int
	err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM areas`).Scan(&n)
	return n == 0, err
}

// AreaTypes implements atlas.Store.
func (s *Store) AreaTypes(ctx context.Context) ([]atlas.TypeCount, error) {
	counts := map[string]int{}
	rows, err := s.db.QueryContext(ctx, `SELECT type, count(*) FROM areas GROUP BY type`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var t string
		var n int
		if err := rows.Scan(&t, &n); err != nil {
			return nil, err
		}
		counts[t] = n
	}
	var out []atlas.TypeCount
	for _, t := range area.Types {
		out = append(out, atlas.TypeCount{Type: t, Count: counts[string(t.ID)]})
	}
	return out, rows.Err()
}

const areaCols = `type, code, name, population, ods_code`

func scanAreas(rows *sql.Rows, extra ...any) ([]area.Area, error) {
	defer rows.Close()
	var out []area.Area
	for rows.Next() {
		var a area.Area
		var t string
		if err := rows.Scan(&t, &a.Code, &a.Name, &a.Population, &a.ODSCode); err != nil {
			return nil, err
		}
		a.Type = area.Type(t)
		out = append(out, a)
	}
	return out, rows.Err()
}

// Areas implements atlas.Store.
func (s *Store) Areas(ctx context.Context, t area.Type) ([]area.Area, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT `+areaCols+` FROM areas WHERE type = ? ORDER BY name, code`, string(t))
	if err != nil {
		return nil, err
	}
	return scanAreas(rows)
}

// AreasByCode implements atlas.Store.
func (s *Store) AreasByCode(ctx context.Context, code string) ([]area.Area, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT `+areaCols+` FROM areas WHERE code = ?`, code)
	if err != nil {
		return nil, err
	}
	return scanAreas(rows)
}

// SearchAreas implements atlas.Store: names that start with q first, then
// names that contain it, then codes.
func (s *Store) SearchAreas(ctx context.Context, q string, limit int) ([]area.Area, error) {
	q = strings.TrimSpace(q)
	if q == "" {
		return nil, nil
	}
	esc := strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(q)
	rows, err := s.db.QueryContext(ctx, `SELECT `+areaCols+` FROM areas
		WHERE name LIKE ? ESCAPE '\' OR code = ? COLLATE NOCASE
		ORDER BY CASE WHEN code = ? COLLATE NOCASE THEN 0 WHEN name LIKE ? ESCAPE '\' THEN 1 ELSE 2 END, length(name), name
		LIMIT ?`, "%"+esc+"%", q, q, esc+"%", limit)
	if err != nil {
		return nil, err
	}
	return scanAreas(rows)
}

func (s *Store) related(ctx context.Context, query string, t area.Type, code string) ([]area.Related, error) {
	rows, err := s.db.QueryContext(ctx, query, string(t), code)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []area.Related
	for rows.Next() {
		var r area.Related
		var typ string
		if err := rows.Scan(&typ, &r.Code, &r.Name, &r.Population, &r.ODSCode, &r.Share); err != nil {
			return nil, err
		}
		r.Type = area.Type(typ)
		out = append(out, r)
	}
	// Largest types first, as people read a hierarchy.
	sort.SliceStable(out, func(i, j int) bool { return out[i].Type.Rank() < out[j].Type.Rank() })
	return out, rows.Err()
}

// Parents implements atlas.Store.
func (s *Store) Parents(ctx context.Context, t area.Type, code string) ([]area.Related, error) {
	return s.related(ctx, `SELECT a.type, a.code, a.name, a.population, a.ods_code, l.share FROM area_links l
		JOIN areas a ON a.type = l.parent_type AND a.code = l.parent_code
		WHERE l.child_type = ? AND l.child_code = ? ORDER BY a.type, l.share DESC, a.name`, t, code)
}

// Children implements atlas.Store.
func (s *Store) Children(ctx context.Context, t area.Type, code string) ([]area.Related, error) {
	return s.related(ctx, `SELECT a.type, a.code, a.name, a.population, a.ods_code, l.share FROM area_links l
		JOIN areas a ON a.type = l.child_type AND a.code = l.child_code
		WHERE l.parent_type = ? AND l.parent_code = ? ORDER BY a.type, a.name`, t, code)
}

// WeightsInto implements atlas.Store. An empty to returns every weight from
// fromType.
func (s *Store) WeightsInto(ctx context.Context, fromType area.Type, to area.Type, toCode string) ([]area.Weight, error) {
	q := `SELECT from_type, from_code, to_type, to_code, share FROM area_weights WHERE from_type = ?`
	args := []any{string(fromType)}
	if to != "" {
		q += ` AND to_type = ? AND to_code = ?`
		args = append(args, string(to), toCode)
	}
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []area.Weight
	for rows.Next() {
		var w area.Weight
		var ft, tt string
		if err := rows.Scan(&ft, &w.FromCode, &tt, &w.ToCode, &w.Share); err != nil {
			return nil, err
		}
		w.FromType, w.ToType = area.Type(ft), area.Type(tt)
		out = append(out, w)
	}
	return out, rows.Err()
}

// Indicators implements atlas.Store.
func (s *Store) Indicators(ctx context.Context) ([]indicator.Meta, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT i.meta FROM indicators i JOIN datasets d ON d.id = i.dataset_id
		ORDER BY d.imported_at, i.position`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []indicator.Meta
	for rows.Next() {
		var b string
		var m indicator.Meta
		if err := rows.Scan(&b); err != nil {
			return nil, err
		}
		if err := json.Unmarshal([]byte(b), &m); err != nil {
			return nil, err
		}
		out = append(out, m)
	}
	return out, rows.Err()
}

func scanValues(rows *sql.Rows) ([]indicator.Value, error) {
	defer rows.Close()
	var out []indicator.Value
	for rows.Next() {
		var v indicator.Value
		var t string
		var den, val sql.NullFloat64
		var num sql.NullFloat64
		if err := rows.Scan(&t, &v.AreaCode, &v.AreaName, &v.Period, &num, &den, &val); err != nil {
			return nil, err
		}
		v.AreaType = area.Type(t)
		v.Numerator, v.Denominator = num.Float64, den.Float64
		v.RateOnly = !num.Valid // published without its counts (see extra_indicators.go)
		if val.Valid {
			x := val.Float64
			v.Value = &x
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

// Values implements atlas.Store.
func (s *Store) Values(ctx context.Context, id string, t area.Type, period string) ([]indicator.Value, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT v.area_type, v.area_code, a.name, v.period, v.numerator, v.denominator, v.value
		FROM indicator_values v JOIN areas a ON a.type = v.area_type AND a.code = v.area_code
		WHERE v.indicator_id = ? AND v.area_type = ? AND v.period = ? AND v.breakdown = ''
		ORDER BY a.name, a.code`, id, string(t), period)
	if err != nil {
		return nil, err
	}
	return scanValues(rows)
}

// AreaValues implements atlas.Store: the latest period of every indicator.
func (s *Store) AreaValues(ctx context.Context, t area.Type, code string) (map[string]indicator.Value, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT v.indicator_id, v.area_type, v.area_code, a.name, v.period, v.numerator, v.denominator, v.value
		FROM indicator_values v JOIN areas a ON a.type = v.area_type AND a.code = v.area_code
		WHERE v.area_type = ? AND v.area_code = ? AND v.breakdown = '' ORDER BY v.period`, string(t), code)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]indicator.Value{}
	for rows.Next() {
		var id, typ string
		var v indicator.Value
		var num, den, val sql.NullFloat64
		if err := rows.Scan(&id, &typ, &v.AreaCode, &v.AreaName, &v.Period, &num, &den, &val); err != nil {
			return nil, err
		}
		v.AreaType = area.Type(typ)
		v.Numerator, v.Denominator = num.Float64, den.Float64
		v.RateOnly = !num.Valid
		if val.Valid {
			x := val.Float64
			v.Value = &x
		}
		out[id] = v // later periods overwrite earlier ones
	}
	return out, rows.Err()
}

// CensusCounts implements atlas.Store; no codes means every LTLA.
func (s *Store) CensusCounts(ctx context.Context, ltlas []string) ([]census.Count, error) {
	q := `SELECT ltla, table_id, category, count, total FROM census_counts`
	q, args := whereLTLAIn(q, ltlas)
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []census.Count
	for rows.Next() {
		var c census.Count
		if err := rows.Scan(&c.LTLA, &c.Table, &c.Category, &c.Count, &c.Total); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// Datasets implements atlas.Store.
func (s *Store) Datasets(ctx context.Context) ([]atlas.Dataset, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, name, publisher, vintage, licence, files, imported_at, row_count FROM datasets ORDER BY imported_at`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []atlas.Dataset
	for rows.Next() {
		var d atlas.Dataset
		var files, at string
		if err := rows.Scan(&d.ID, &d.Name, &d.Publisher, &d.Vintage, &d.Licence, &files, &at, &d.Rows); err != nil {
			return nil, err
		}
		json.Unmarshal([]byte(files), &d.Files)
		d.ImportedAt, _ = time.Parse(time.RFC3339, at)
		out = append(out, d)
	}
	return out, rows.Err()
}
