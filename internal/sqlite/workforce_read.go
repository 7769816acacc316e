package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"strings"
	"time"

	"github.com/mhatlas/mhatlas/internal/area"
	"github.com/mhatlas/mhatlas/internal/atlas"
	"github.com/mhatlas/mhatlas/internal/workforce"
)

// WorkforceSeries implements atlas.WorkforceStore.
func (s *Store) WorkforceSeries(ctx context.Context) ([]atlas.WorkforceSeries, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT dataset_id, measure, period, care_need, sector, role, area_type, count(*), count(value)
		FROM workforce_values GROUP BY dataset_id, measure, period, care_need, sector, role, area_type`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []atlas.WorkforceSeries
	for rows.Next() {
		var w atlas.WorkforceSeries
		var m, cn, t string
		if err := rows.Scan(&w.Dataset, &m, &w.Period, &cn, &w.Sector, &w.Role, &t, &w.Rows, &w.Values); err != nil {
			return nil, err
		}
		w.Measure, w.CareNeed, w.AreaType = workforce.Measure(m), workforce.CareNeed(cn), area.Type(t)
		out = append(out, w)
	}
	return out, rows.Err()
}

// in appends "AND col IN (?, ...)" for a non-empty list.
func wfIn[T ~string](q *strings.Builder, args *[]any, col string, xs []T) {
	if len(xs) == 0 {
		return
	}
	q.WriteString(" AND " + col + " IN (?" + strings.Repeat(", ?", len(xs)-1) + ")")
	for _, x := range xs {
		*args = append(*args, string(x))
	}
}

// WorkforceValues implements atlas.WorkforceStore.
func (s *Store) WorkforceValues(ctx context.Context, f atlas.WorkforceQuery) ([]workforce.Record, error) {
	var q strings.Builder
	q.WriteString(`SELECT measure, period, care_need, sector, role, area_type, area_code, value, ref, file, line
		FROM workforce_values WHERE dataset_id = ?`)
	args := []any{f.Dataset}
	wfIn(&q, &args, "period", f.Periods)
	wfIn(&q, &args, "measure", f.Measures)
	wfIn(&q, &args, "care_need", f.CareNeeds)
	if f.Sector != "" {
		q.WriteString(" AND sector = ?")
		args = append(args, f.Sector)
	}
	if f.Role != "" {
		q.WriteString(" AND role = ?")
		args = append(args, f.Role)
	}
	rows, err := s.db.QueryContext(ctx, q.String(), args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []workforce.Record
	for rows.Next() {
		var r workforce.Record
		var m, cn, t string
		var v sql.NullFloat64
		if err := rows.Scan(&m, &r.Period, &cn, &r.Sector, &r.Role, &t, &r.AreaCode, &v, &r.Ref, &r.File, &r.Line); err != nil {
			return nil, err
		}
		r.Measure, r.CareNeed, r.AreaType = workforce.Measure(m), workforce.CareNeed(cn), area.Type(t)
		if v.Valid {
			x := v.Float64
			r.Value = &x
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// WorkforceDatasets implements atlas.WorkforceStore.
func (s *Store) WorkforceDatasets(ctx context.Context) ([]atlas.Dataset, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT d.id, d.name, d.publisher, d.vintage, d.licence, d.files, d.imported_at, d.row_count, w.notes
		FROM workforce_datasets w JOIN datasets d ON d.id = w.dataset_id ORDER BY w.seq DESC`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []atlas.Dataset
	for rows.Next() {
		var d atlas.Dataset
		var files, at, notes string
		if err := rows.Scan(&d.ID, &d.Name, &d.Publisher, &d.Vintage, &d.Licence, &files, &at, &d.Rows, &notes); err != nil {
			return nil, err
		}
		json.Unmarshal([]byte(files), &d.Files)
		json.Unmarshal([]byte(notes), &d.Notes)
		d.ImportedAt, _ = time.Parse(time.RFC3339, at)
		out = append(out, d)
	}
	return out, rows.Err()
}

// Roles implements atlas.WorkforceStore.
func (s *Store) Roles(ctx context.Context) (*workforce.Taxonomy, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, name, role_group, workforce FROM workforce_roles ORDER BY position`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	t := &workforce.Taxonomy{}
	for rows.Next() {
		var r workforce.Role
		if err := rows.Scan(&r.ID, &r.Name, &r.Group, &r.Workforce); err != nil {
			return nil, err
		}
		t.Roles = append(t.Roles, r)
	}
	return t, rows.Err()
}

// PopulationEstimates implements atlas.WorkforceStore.
func (s *Store) PopulationEstimates(ctx context.Context) (workforce.Populations, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT ltla, year, population FROM population_estimates`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := workforce.Populations{}
	for rows.Next() {
		var c string
		var y int
		var p float64
		if err := rows.Scan(&c, &y, &p); err != nil {
			return nil, err
		}
		if out[y] == nil {
			out[y] = map[string]float64{}
		}
		out[y][c] = p
	}
	return out, rows.Err()
}

// AreaLinks implements atlas.WorkforceStore.
func (s *Store) AreaLinks(ctx context.Context) ([]area.Link, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT child_type, child_code, parent_type, parent_code, share, population FROM area_links`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []area.Link
	for rows.Next() {
		var l area.Link
		var ct, pt string
		if err := rows.Scan(&ct, &l.ChildCode, &pt, &l.ParentCode, &l.Share, &l.Population); err != nil {
			return nil, err
		}
		l.ChildType, l.ParentType = area.Type(ct), area.Type(pt)
		out = append(out, l)
	}
	return out, rows.Err()
}
