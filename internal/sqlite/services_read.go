package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"strings"

	"github.com/mhatlas/mhatlas/internal/area"
	"github.com/mhatlas/mhatlas/internal/atlas"
	"github.com/mhatlas/mhatlas/internal/geo"
	"github.com/mhatlas/mhatlas/internal/service"
)

// ServiceTaxonomy implements atlas.ServiceStore.
func (s *Store) ServiceTaxonomy(ctx context.Context) (service.Taxonomy, error) {
	var tax service.Taxonomy
	rows, err := s.db.QueryContext(ctx, `SELECT kind, id, name, description FROM service_terms ORDER BY kind, position`)
	if err != nil {
		return tax, err
	}
	defer rows.Close()
	for rows.Next() {
		var kind string
		var t service.Term
		if err := rows.Scan(&kind, &t.ID, &t.Name, &t.Description); err != nil {
			return tax, err
		}
		if atlas.TermKind(kind) == atlas.TermType {
			tax.Types = append(tax.Types, t)
		} else {
			tax.Groups = append(tax.Groups, t)
		}
	}
	return tax, rows.Err()
}

// ServiceSources implements atlas.ServiceStore.
func (s *Store) ServiceSources(ctx context.Context) ([]service.Source, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT s.dataset_id, s.types, s.sectors, s.groups, s.england, s.coverage
		FROM service_sources s JOIN datasets d ON d.id = s.dataset_id ORDER BY d.imported_at, d.id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []service.Source
	for rows.Next() {
		var src service.Source
		var types, sectors, cov string
		if err := rows.Scan(&src.Dataset, &types, &sectors, &src.Groups, &src.England, &cov); err != nil {
			return nil, err
		}
		var secs []string
		json.Unmarshal([]byte(types), &src.Types)
		json.Unmarshal([]byte(sectors), &secs)
		json.Unmarshal([]byte(cov), &src.Coverage)
		for _, x := range secs {
			src.Sectors = append(src.Sectors, service.Sector(x))
		}
		out = append(out, src)
	}
	return out, rows.Err()
}

const serviceCols = `s.id, s.dataset_id, s.key, s.line, s.name, s.provider, s.sector, s.description, s.address, s.postcode,
	s.telephone, s.website, s.longitude, s.latitude, s.serves, s.verified, s.notes, s.placement, s.place_lon, s.place_lat,
	s.place_note, s.ltla, s.utla, s.sub_icb, s.icb, s.region, s.nhs_region`

// Services implements atlas.ServiceStore.
func (s *Store) Services(ctx context.Context, q atlas.ServiceQuery) ([]service.Service, error) {
	var where []string
	var args []any
	switch {
	case q.AreaType == area.England:
		where = append(where, `s.placement <> 'not located'`)
	case q.AreaType != "":
		col, ok := placementCols[q.AreaType]
		if !ok {
			return nil, atlas.Errorf(atlas.CodeInvalid, "services cannot be selected by %s", q.AreaType)
		}
		where, args = append(where, `s.`+col+` = ?`), append(args, q.AreaCode)
	}
	if q.Unplaced {
		where = append(where, `s.placement = 'not located'`)
	}
	if q.Filter.Sector != "" {
		where, args = append(where, `s.sector = ?`), append(args, q.Filter.Sector)
	}
	for kind, id := range map[atlas.TermKind]string{atlas.TermType: q.Filter.Type, atlas.TermGroup: q.Filter.Group} {
		if id != "" {
			where = append(where, `EXISTS (SELECT 1 FROM service_term_links l WHERE l.service_id = s.id AND l.kind = ? AND l.term_id = ?)`)
			args = append(args, string(kind), id)
		}
	}
	query := `SELECT ` + serviceCols + ` FROM services s`
	if len(where) > 0 {
		query += ` WHERE ` + strings.Join(where, ` AND `)
	}
	rows, err := s.db.QueryContext(ctx, query+` ORDER BY s.name, s.id`, args...)
	if err != nil {
		return nil, err
	}
	out, err := scanServices(rows)
	if err != nil || len(out) == 0 {
		return out, err
	}
	return out, s.addTerms(ctx, out)
}

func scanServices(rows *sql.Rows) ([]service.Service, error) {
	defer rows.Close()
	var out []service.Service
	for rows.Next() {
		var sv service.Service
		var id, sector, serves, notes, method string
		var lon, lat, plon, plat sql.NullFloat64
		codes := make([]sql.NullString, 6)
		dest := []any{&id, &sv.Source, &sv.Key, &sv.Line, &sv.Name, &sv.Provider, &sector, &sv.Description, &sv.Address,
			&sv.Postcode, &sv.Telephone, &sv.Website, &lon, &lat, &serves, &sv.Verified, &notes, &method, &plon, &plat,
			&sv.Placement.Note}
		for i := range codes {
			dest = append(dest, &codes[i])
		}
		if err := rows.Scan(dest...); err != nil {
			return nil, err
		}
		sv.Sector, sv.Placement.Method = service.Sector(sector), service.Method(method)
		if lon.Valid && lat.Valid {
			sv.Point = &geo.Point{Lon: lon.Float64, Lat: lat.Float64}
		}
		if plon.Valid && plat.Valid {
			sv.Placement.Point = &geo.Point{Lon: plon.Float64, Lat: plat.Float64}
		}
		json.Unmarshal([]byte(serves), &sv.Serves)
		json.Unmarshal([]byte(notes), &sv.Notes)
		for i, t := range []area.Type{area.LTLA, area.UTLA, area.SubICB, area.ICB, area.Region, area.NHSRegion} {
			if codes[i].Valid {
				if sv.Placement.Areas == nil {
					sv.Placement.Areas = map[area.Type]string{}
				}
				sv.Placement.Areas[t] = codes[i].String
			}
		}
		out = append(out, sv)
	}
	return out, rows.Err()
}

// addTerms fills in the types and groups of the services, in the order
// their source gave them.
func (s *Store) addTerms(ctx context.Context, ss []service.Service) error {
	idx := make(map[string]int, len(ss))
	for i, sv := range ss {
		idx[sv.ID()] = i
	}
	rows, err := s.db.QueryContext(ctx, `SELECT service_id, kind, term_id FROM service_term_links ORDER BY service_id, kind, position`)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id, kind, term string
		if err := rows.Scan(&id, &kind, &term); err != nil {
			return err
		}
		i, ok := idx[id]
		if !ok {
			continue
		}
		if atlas.TermKind(kind) == atlas.TermType {
			ss[i].Types = append(ss[i].Types, term)
		} else {
			ss[i].Groups = append(ss[i].Groups, term)
		}
	}
	return rows.Err()
}
