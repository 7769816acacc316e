package atlas

import (
	"context"
	"fmt"
	"io/fs"
	"sort"
	"strings"

	"github.com/mhatlas/mhatlas/internal/area"
	"github.com/mhatlas/mhatlas/internal/geo"
	"github.com/mhatlas/mhatlas/internal/service"
	"github.com/mhatlas/mhatlas/internal/source"
)

// ServiceImporter imports service directories, the service taxonomy and
// postcode tables. Every import is one transaction, and a dry run reads,
// checks and places everything but stores nothing.
type ServiceImporter struct {
	Store    Store
	Services ServiceStore
	// Boundaries is the data folder that holds LTLABoundaryFile and
	// SubICBBoundaryFile (the embedded data.FS).
	Boundaries fs.FS
	Options    ImportOptions

	placer *service.Placer
}

// ServiceResult reports a services import.
type ServiceResult struct {
	Reports []source.ServiceReport
	// Changes says what each directory's import did; empty on a dry run.
	Changes []ServiceChanges
	// Services counts the services read; Located counts them by method.
	Services int
	Located  map[service.Method]int
	// NotLocated says, for each service that could not be placed, where
	// it is in its file and why.
	NotLocated []string
	// Notes say how features of the data were handled.
	Notes []string
}

// store places every service and stores the sets in one transaction.
func (im *ServiceImporter) store(ctx context.Context, sets []ServiceSet, res *ServiceResult) error {
	if im.placer == nil {
		p, err := NewServicePlacer(ctx, im.Store, im.Boundaries)
		if err != nil {
			return err
		}
		im.placer = p
	}
	lookup, err := im.postcodeLookup(ctx, sets)
	if err != nil {
		return err
	}
	res.Located = map[service.Method]int{}
	for i := range sets {
		set := &sets[i]
		for j := range set.Services {
			s := &set.Services[j]
			s.Source = set.Dataset.ID
			s.Placement = im.placer.Place(*s, lookup)
			res.Services++
			res.Located[s.Placement.Method]++
			if !s.Placement.Located() {
				res.NotLocated = append(res.NotLocated, fmt.Sprintf("%s: line %d: %s: %s", set.Dataset.Files[0], s.Line, s.Name, s.Placement.Note))
			}
		}
		if !set.Source.England && len(set.Source.Coverage) == 0 {
			set.Source.Coverage = standsIn(set.Services)
		}
		notes, err := im.outsideCoverage(ctx, *set)
		if err != nil {
			return err
		}
		res.Notes = append(res.Notes, notes...)
	}
	if im.Options.DryRun {
		return nil
	}
	im.Options.progress()("saving services", 0, 0)
	res.Changes, err = im.Services.ReplaceServices(ctx, sets)
	return err
}

// postcodeLookup returns the postcode table's points for the services'
// postcodes, or nil when no postcode table has been imported.
func (im *ServiceImporter) postcodeLookup(ctx context.Context, sets []ServiceSet) (func(string) (geo.Point, bool), error) {
	ds, err := im.Store.Datasets(ctx)
	if err != nil {
		return nil, err
	}
	have := false
	for _, d := range ds {
		have = have || d.ID == PostcodeDatasetID
	}
	if !have {
		return nil, nil
	}
	var pcs []string
	for _, set := range sets {
		for _, s := range set.Services {
			if pc, ok := service.NormalisePostcode(s.Postcode); ok {
				pcs = append(pcs, pc)
			}
		}
	}
	pts, err := im.Services.PostcodePoints(ctx, pcs)
	if err != nil {
		return nil, err
	}
	return func(pc string) (geo.Point, bool) { p, ok := pts[pc]; return p, ok }, nil
}

// standsIn lists the lower-tier authorities the services were placed in:
// what a directory that does not say what it covers is taken to cover.
func standsIn(ss []service.Service) []string {
	var out []string
	seen := map[string]bool{}
	for _, s := range ss {
		if c := s.Placement.Areas[area.LTLA]; c != "" && !seen[c] {
			seen[c] = true
			out = append(out, c)
		}
	}
	sort.Strings(out)
	return out
}

// outsideCoverage notes the services a local directory lists outside the
// area it covers: they are kept and counted where they stand.
func (im *ServiceImporter) outsideCoverage(ctx context.Context, set ServiceSet) ([]string, error) {
	if set.Source.England {
		return nil, nil
	}
	byLTLA := map[string]int{}
	n := 0
	for _, s := range set.Services {
		if c := s.Placement.Areas[area.LTLA]; c != "" && !set.Source.Covers(c) {
			byLTLA[c]++
			n++
		}
	}
	if n == 0 {
		return nil, nil
	}
	names, err := im.ltlaNames(ctx)
	if err != nil {
		return nil, err
	}
	codes := make([]string, 0, len(byLTLA))
	for c := range byLTLA {
		codes = append(codes, c)
	}
	sort.Slice(codes, func(i, j int) bool {
		return byLTLA[codes[i]] > byLTLA[codes[j]] || byLTLA[codes[i]] == byLTLA[codes[j]] && codes[i] < codes[j]
	})
	var parts, covered []string
	for _, c := range codes {
		parts = append(parts, fmt.Sprintf("%d in %s", byLTLA[c], names[c]))
	}
	for _, c := range set.Source.Coverage {
		covered = append(covered, names[c])
	}
	what := fmt.Sprintf("%d services stand", n)
	if n == 1 {
		what = "1 service stands"
	}
	return []string{fmt.Sprintf("%s: %s outside %s, the area the directory covers: %s. They are kept, and counted where they stand.",
		set.Dataset.Name, what, strings.Join(covered, ", "), strings.Join(parts, ", "))}, nil
}

func (im *ServiceImporter) ltlaNames(ctx context.Context) (map[string]string, error) {
	as, err := im.Store.Areas(ctx, area.LTLA)
	if err != nil {
		return nil, err
	}
	out := map[string]string{}
	for _, a := range as {
		out[a.Code] = a.Name
	}
	return out, nil
}

// taxonomy returns the imported taxonomy, refusing to go on without one.
func (im *ServiceImporter) taxonomy(ctx context.Context, need ...string) (service.Taxonomy, error) {
	tax, err := im.Services.ServiceTaxonomy(ctx)
	if err != nil {
		return tax, err
	}
	if len(tax.Types) == 0 {
		return tax, Errorf(CodeInvalid, "import the service taxonomy first: mhatlas import service-taxonomy data/services/service_types.csv data/services/population_groups.csv")
	}
	for _, id := range need {
		if !tax.HasType(id) {
			return tax, Errorf(CodeInvalid, "the imported service types lack %q, which this importer gives its services: add it to the service types file and re-import it", id)
		}
	}
	return tax, nil
}

// openServiceFile opens a file of fsys, naming it in the error.
func openServiceFile(fsys fs.FS, name string) (fs.File, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err // a *fs.PathError already names the file
	}
	return f, nil
}
