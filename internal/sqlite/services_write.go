package sqlite

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/mhatlas/mhatlas/internal/area"
	"github.com/mhatlas/mhatlas/internal/atlas"
	"github.com/mhatlas/mhatlas/internal/service"
)

var _ atlas.ServiceStore = (*Store)(nil)

// ReplaceServiceTerms implements atlas.ServiceStore.
func (s *Store) ReplaceServiceTerms(ctx context.Context, lists []atlas.TermList) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		var detail []string
		for _, l := range lists {
			if err := replaceTerms(ctx, tx, l); err != nil {
				return err
			}
			detail = append(detail, fmt.Sprintf("%s: %d %s terms", l.Dataset.ID, len(l.Terms), l.Kind))
		}
		return s.changed(ctx, tx, "import service taxonomy", strings.Join(detail, "; "))
	})
}

func replaceTerms(ctx context.Context, tx *sql.Tx, l atlas.TermList) error {
	keep := map[string]bool{}
	for _, t := range l.Terms {
		keep[t.ID] = true
	}
	rows, err := tx.QueryContext(ctx, `SELECT term_id, count(*) FROM service_term_links WHERE kind = ? GROUP BY term_id ORDER BY term_id`, string(l.Kind))
	if err != nil {
		return err
	}
	var inUse []string
	for rows.Next() {
		var id string
		var n int
		if err := rows.Scan(&id, &n); err != nil {
			rows.Close()
			return err
		}
		if !keep[id] {
			inUse = append(inUse, fmt.Sprintf("%q (%d services)", id, n))
		}
	}
	rows.Close()
	if len(inUse) > 0 {
		return atlas.Errorf(atlas.CodeInvalid, "%s: services still use %s. Keep them in the file, or re-import those services without them first.",
			strings.Join(l.Dataset.Files, ", "), strings.Join(inUse, ", "))
	}
	if err := putDataset(ctx, tx, l.Dataset); err != nil {
		return err
	}
	// Drop the terms no longer listed (none is in use: checked above),
	// then update the rest in place, since services refer to them.
	if _, err := tx.ExecContext(ctx, `CREATE TEMP TABLE IF NOT EXISTS keep_terms (id TEXT PRIMARY KEY)`); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM keep_terms`); err != nil {
		return err
	}
	if err := bulk(ctx, tx, `INSERT OR IGNORE INTO keep_terms (id) VALUES (?)`, len(l.Terms), func(i int) []any { return []any{l.Terms[i].ID} }); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM service_terms WHERE kind = ? AND id NOT IN (SELECT id FROM keep_terms)`, string(l.Kind)); err != nil {
		return err
	}
	return bulk(ctx, tx, `INSERT INTO service_terms (kind, id, name, description, position) VALUES (?, ?, ?, ?, ?)
		ON CONFLICT (kind, id) DO UPDATE SET name = excluded.name, description = excluded.description, position = excluded.position`,
		len(l.Terms), func(i int) []any {
			t := l.Terms[i]
			return []any{string(l.Kind), t.ID, t.Name, t.Description, i}
		})
}

// ReplaceServices implements atlas.ServiceStore.
func (s *Store) ReplaceServices(ctx context.Context, sets []atlas.ServiceSet) ([]atlas.ServiceChanges, error) {
	var out []atlas.ServiceChanges
	err := s.tx(ctx, func(tx *sql.Tx) error {
		out = nil
		var detail []string
		for _, set := range sets {
			ch, err := replaceSet(ctx, tx, set)
			if err != nil {
				return err
			}
			out = append(out, ch)
			detail = append(detail, fmt.Sprintf("%s: %d added, %d updated, %d unchanged, %d removed",
				ch.Dataset, ch.Added, ch.Updated, ch.Unchanged, ch.Removed))
		}
		return s.changed(ctx, tx, "import services", strings.Join(detail, "; "))
	})
	return out, err
}

func replaceSet(ctx context.Context, tx *sql.Tx, set atlas.ServiceSet) (atlas.ServiceChanges, error) {
	ch := atlas.ServiceChanges{Dataset: set.Dataset.ID}
	if err := putDataset(ctx, tx, set.Dataset); err != nil {
		return ch, err
	}
	if err := putSource(ctx, tx, set.Dataset.ID, set.Source); err != nil {
		return ch, err
	}
	old := map[string]string{} // id -> hash
	rows, err := tx.QueryContext(ctx, `SELECT id, hash FROM services WHERE dataset_id = ?`, set.Dataset.ID)
	if err != nil {
		return ch, err
	}
	for rows.Next() {
		var id, h string
		if err := rows.Scan(&id, &h); err != nil {
			rows.Close()
			return ch, err
		}
		old[id] = h
	}
	rows.Close()
	seen := map[string]bool{}
	for _, sv := range set.Services {
		sv.Source = set.Dataset.ID
		id, h := sv.ID(), contentHash(sv)
		seen[id] = true
		prev, existed := old[id]
		switch {
		case !existed:
			ch.Added++
		case prev == h:
			ch.Unchanged++
		default:
			ch.Updated++
		}
		if err := putService(ctx, tx, sv, h); err != nil {
			return ch, fmt.Errorf("service %s (line %d): %w", id, sv.Line, err)
		}
	}
	for id := range old {
		if seen[id] {
			continue
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM services WHERE id = ?`, id); err != nil {
			return ch, err
		}
		ch.Removed++
	}
	return ch, nil
}

func putSource(ctx context.Context, tx *sql.Tx, dataset string, src service.Source) error {
	types, _ := json.Marshal(svcNonNil(src.Types))
	sectors := make([]string, len(src.Sectors))
	for i, x := range src.Sectors {
		sectors[i] = string(x)
	}
	secs, _ := json.Marshal(sectors)
	cov, _ := json.Marshal(svcNonNil(src.Coverage))
	_, err := tx.ExecContext(ctx, `INSERT INTO service_sources (dataset_id, types, sectors, groups, england, coverage)
		VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (dataset_id) DO UPDATE SET types = excluded.types, sectors = excluded.sectors,
		groups = excluded.groups, england = excluded.england, coverage = excluded.coverage`,
		dataset, string(types), string(secs), src.Groups, src.England, string(cov))
	return err
}

// placementCols are the area columns of services, by area type.
var placementCols = map[area.Type]string{area.LTLA: "ltla", area.UTLA: "utla", area.SubICB: "sub_icb",
	area.ICB: "icb", area.Region: "region", area.NHSRegion: "nhs_region"}

// putService inserts or updates one service (keeping its row, so its id
// and any reference to it survive) and rewrites its taxonomy links.
func putService(ctx context.Context, tx *sql.Tx, sv service.Service, hash string) error {
	serves, _ := json.Marshal(svcNonNil(sv.Serves))
	notes, _ := json.Marshal(svcNonNil(sv.Notes))
	var lon, lat any
	if sv.Point != nil {
		lon, lat = sv.Point.Lon, sv.Point.Lat
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO services (id, dataset_id, key, line, name, provider, sector, description,
		address, postcode, telephone, website, longitude, latitude, serves, verified, notes, placement, place_note, hash)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'not located', '', ?)
		ON CONFLICT (id) DO UPDATE SET line = excluded.line, name = excluded.name, provider = excluded.provider,
		sector = excluded.sector, description = excluded.description, address = excluded.address,
		postcode = excluded.postcode, telephone = excluded.telephone, website = excluded.website,
		longitude = excluded.longitude, latitude = excluded.latitude, serves = excluded.serves,
		verified = excluded.verified, notes = excluded.notes, hash = excluded.hash`,
		sv.ID(), sv.Source, sv.Key, sv.Line, sv.Name, sv.Provider, string(sv.Sector), sv.Description, sv.Address,
		sv.Postcode, sv.Telephone, sv.Website, lon, lat, string(serves), sv.Verified, string(notes), hash)
	if err != nil {
		return err
	}
	if err := setPlacement(ctx, tx, sv.ID(), sv.Placement); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM service_term_links WHERE service_id = ?`, sv.ID()); err != nil {
		return err
	}
	for kind, ids := range map[atlas.TermKind][]string{atlas.TermType: sv.Types, atlas.TermGroup: sv.Groups} {
		for i, id := range ids {
			if _, err := tx.ExecContext(ctx, `INSERT INTO service_term_links (service_id, kind, term_id, position) VALUES (?, ?, ?, ?)`,
				sv.ID(), string(kind), id, i); err != nil {
				return fmt.Errorf("%s %q: %w", kind, id, err)
			}
		}
	}
	return nil
}

func setPlacement(ctx context.Context, tx *sql.Tx, id string, p service.Placement) error {
	var lon, lat any
	if p.Point != nil {
		lon, lat = p.Point.Lon, p.Point.Lat
	}
	method := p.Method
	if method == "" {
		method = service.NotLocated
	}
	args := []any{string(method), lon, lat, p.Note}
	var sets []string
	for _, t := range []area.Type{area.LTLA, area.UTLA, area.SubICB, area.ICB, area.Region, area.NHSRegion} {
		sets = append(sets, placementCols[t]+" = ?")
		var code any
		if c := p.Areas[t]; c != "" && p.Located() {
			code = c
		}
		args = append(args, code)
	}
	args = append(args, id)
	_, err := tx.ExecContext(ctx, `UPDATE services SET placement = ?, place_lon = ?, place_lat = ?, place_note = ?, `+
		strings.Join(sets, ", ")+` WHERE id = ?`, args...)
	return err
}

// contentHash fingerprints what the source said about a service (not where
// it sits in the file, nor where the atlas placed it), so a re-import can
// report which services did not change.
func contentHash(sv service.Service) string {
	c := sv
	c.Line, c.Placement = 0, service.Placement{}
	b, _ := json.Marshal(c)
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:12])
}

func svcNonNil[T any](xs []T) []T {
	if xs == nil {
		return []T{}
	}
	return xs
}
