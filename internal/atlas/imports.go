package atlas

import (
	"context"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"time"

	"github.com/mhatlas/mhatlas/internal/area"
	"github.com/mhatlas/mhatlas/internal/census"
	"github.com/mhatlas/mhatlas/internal/indicator"
	"github.com/mhatlas/mhatlas/internal/source"
)

// GeographyDataset describes the ONS geography the atlas ships.
func GeographyDataset(dir string) Dataset {
	files := []string{source.LSOALookupFile, source.LADLookupFile, source.UTLALookupFile, source.ICBLookupFile,
		source.SubICBFile, source.NHSRegionFile, source.RegionFile}
	for i, f := range files {
		files[i] = path.Join(dir, f)
	}
	return Dataset{ID: "ons-geography", Name: "ONS LSOA 2021 lookups to sub-ICB, ICB, local authority and region (April 2024), with Census 2021 usual residents",
		Publisher: "Office for National Statistics", Vintage: "2024",
		Licence: "Source: Office for National Statistics licensed under the Open Government Licence v.3.0. Contains OS data © Crown copyright and database right 2024.",
		Files:   files}
}

// ImportOptions controls an import.
type ImportOptions struct {
	Progress source.Progress
	// DryRun reads, validates and computes everything but stores nothing.
	DryRun bool
}

func (o ImportOptions) progress() source.Progress {
	if o.Progress == nil {
		return source.NoProgress
	}
	return o.Progress
}

// ImportGeography reads the ONS lookups in dir and replaces the geography.
func ImportGeography(ctx context.Context, st Store, fsys fs.FS, dir string, opt ImportOptions) (*area.Hierarchy, error) {
	progress := opt.progress()
	g, err := source.ReadGeography(fsys, dir, progress)
	if err != nil {
		return nil, err
	}
	h, err := area.Build(g.LSOAs, g.Names, g.ODS)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", dir, err)
	}
	ds := GeographyDataset(dir)
	ds.Rows = len(g.LSOAs)
	ds.ImportedAt = time.Now().UTC()
	if opt.DryRun {
		return h, nil
	}
	progress("saving areas", 0, 0)
	if err := st.ReplaceGeography(ctx, ds, h); err != nil {
		return nil, err
	}
	return h, nil
}

// CensusResult reports a Census import.
type CensusResult struct {
	Reports    []source.CensusReport
	Indicators int
	Values     int
	// Incomplete lists tables that lack some LTLAs.
	Incomplete []string
	// Kept counts the stored rows of tables the files did not hold.
	Kept int
}

// keptCensusCounts returns the stored counts of every table that the new
// counts do not replace.
func keptCensusCounts(ctx context.Context, st Store, fresh []census.Count) ([]census.Count, error) {
	replaced := map[string]bool{}
	for _, c := range fresh {
		replaced[c.Table] = true
	}
	old, err := st.CensusCounts(ctx, nil)
	if err != nil {
		return nil, err
	}
	var kept []census.Count
	for _, c := range old {
		if !replaced[c.Table] {
			kept = append(kept, c)
		}
	}
	return kept, nil
}

// ImportCensus reads Census topic files and replaces the Census dataset:
// its counts, the population and share indicators, and their values for
// every area type. Nothing is stored unless every file reads cleanly.
func ImportCensus(ctx context.Context, st Store, fsys fs.FS, files []string, opt ImportOptions) (*CensusResult, error) {
	progress := opt.progress()
	ltlas, err := st.Areas(ctx, area.LTLA)
	if err != nil {
		return nil, err
	}
	if len(ltlas) == 0 {
		return nil, Errorf(CodeInvalid, "import the geography first: no local authorities are known yet")
	}
	known := map[string]bool{}
	for _, a := range ltlas {
		known[a.Code] = true
	}
	res := &CensusResult{}
	var counts []census.Count
	for _, name := range files {
		f, err := fsys.Open(name)
		if err != nil {
			return nil, err // a *fs.PathError already names the file
		}
		cs, rep, err := source.ReadCensus(f, name, func(c string) bool { return known[c] }, progress)
		f.Close()
		if err != nil {
			return nil, err
		}
		counts = append(counts, cs...)
		res.Reports = append(res.Reports, rep)
		progress("read "+name, rep.Rows, rep.Rows)
	}
	res.Incomplete = incompleteTables(counts, known)
	// Tables the files do not hold are kept as they were, so importing one
	// topic file replaces that topic and leaves the others alone.
	kept, err := keptCensusCounts(ctx, st, counts)
	if err != nil {
		return nil, err
	}
	res.Kept = len(kept)
	counts = append(counts, kept...)
	metas, values, err := censusValues(ctx, st, counts)
	if err != nil {
		return nil, err
	}
	res.Indicators = len(metas)
	for _, vs := range values {
		res.Values += len(vs)
	}
	ds := Dataset{ID: "census2021", Name: "Census 2021 topic summaries for lower-tier local authorities (2023 boundaries)",
		Publisher: census.Publisher, Vintage: "Census Day, 21 March 2021", Licence: census.Licence,
		Files: files, ImportedAt: time.Now().UTC(), Rows: len(counts)}
	if opt.DryRun {
		return res, nil
	}
	progress("saving Census values", 0, 0)
	return res, st.ReplaceCensus(ctx, ds, counts, metas, values)
}

// censusValues computes the population indicator and every share indicator
// whose table was imported, for every area type.
func censusValues(ctx context.Context, st Store, counts []census.Count) ([]indicator.Meta, map[string][]indicator.Value, error) {
	var areas []area.Area
	names := map[indicator.Key]string{}
	for _, t := range area.Types {
		as, err := st.Areas(ctx, t.ID)
		if err != nil {
			return nil, nil, err
		}
		areas = append(areas, as...)
		for _, a := range as {
			names[indicator.Key{Type: a.Type, Code: a.Code}] = a.Name
		}
	}
	weights, err := st.WeightsInto(ctx, area.LTLA, "", "")
	if err != nil {
		return nil, nil, err
	}
	have := map[string]bool{}
	for _, c := range counts {
		have[c.Table] = true
	}
	metas := []indicator.Meta{census.PopulationMeta()}
	values := map[string][]indicator.Value{"population": census.PopulationValues(areas)}
	for _, s := range census.Shares {
		if !have[s.Table] {
			continue
		}
		vs := s.Values(counts, weights)
		for i := range vs {
			vs[i].AreaName = names[indicator.Key{Type: vs[i].AreaType, Code: vs[i].AreaCode}]
		}
		metas = append(metas, s.Meta())
		values[s.ID] = vs
	}
	return metas, values, nil
}

func incompleteTables(counts []census.Count, ltlas map[string]bool) []string {
	per := map[string]map[string]bool{}
	for _, c := range counts {
		if per[c.Table] == nil {
			per[c.Table] = map[string]bool{}
		}
		per[c.Table][c.LTLA] = true
	}
	var out []string
	for t, got := range per {
		if len(got) < len(ltlas) {
			out = append(out, fmt.Sprintf("%s: %d of %d local authorities", t, len(got), len(ltlas)))
		}
	}
	sort.Strings(out)
	return out
}

// DefaultCensusFiles lists the Census files of the embedded dataset.
var DefaultCensusFiles = []string{
	"census2021/lad23/ts007_age_5yr_bands_lad23.csv",
	"census2021/lad23/ts007_age_broad_bands_lad23.csv",
	"census2021/lad23/ts009_sex_lad23.csv",
	"census2021/lad23/ts021_ethnic_group_lad23.csv",
	"census2021/lad23/ts030_religion_lad23.csv",
	"census2021/lad23/ts037_general_health_lad23.csv",
	"census2021/lad23/ts038_disability_lad23.csv",
	"census2021/lad23/ts039_unpaid_care_lad23.csv",
}

// LoadDefault imports the embedded default dataset (fsys is the data
// folder) with the same importers as `mhatlas import`.
func LoadDefault(ctx context.Context, st Store, fsys fs.FS, progress source.Progress) error {
	opt := ImportOptions{Progress: progress}
	if _, err := ImportGeography(ctx, st, fsys, "geo", opt); err != nil {
		return fmt.Errorf("geography: %w", err)
	}
	if _, err := ImportCensus(ctx, st, fsys, DefaultCensusFiles, opt); err != nil {
		return fmt.Errorf("census: %w", err)
	}
	if as, ok := st.(AgeSexStore); ok {
		if _, err := ImportAgeSex(ctx, st, as, fsys, DefaultAgeSexFile, opt); err != nil {
			return fmt.Errorf("age-sex: %w", err)
		}
	}
	// Workforce first: it loads the role taxonomy other workforce imports use.
	if err := LoadDefaultWorkforce(ctx, st, fsys, opt); err != nil {
		return fmt.Errorf("workforce: %w", err)
	}
	if err := loadDefaultPublished(ctx, st, fsys, opt); err != nil {
		return err
	}
	if ss, ok := st.(ServiceStore); ok {
		if err := LoadDefaultServices(ctx, st, ss, fsys, opt); err != nil {
			return fmt.Errorf("services: %w", err)
		}
	}
	return nil
}
