package atlas

import (
	"context"
	"fmt"
	"io/fs"
	"time"

	"github.com/mhatlas/mhatlas/internal/area"
	"github.com/mhatlas/mhatlas/internal/census"
	"github.com/mhatlas/mhatlas/internal/source"
)

// AgeSexStore keeps the ONS mid-year population estimates by sex and
// 5-year age band for lower-tier local authorities.
type AgeSexStore interface {
	// ReplaceAgeSex stores the estimates and their dataset in one
	// transaction, replacing any held before.
	ReplaceAgeSex(ctx context.Context, ds Dataset, counts []census.AgeSexCount) error
	// AgeSexCounts returns the estimates of the given LTLAs; none means
	// every LTLA.
	AgeSexCounts(ctx context.Context, ltlas []string) ([]census.AgeSexCount, error)
}

// DefaultAgeSexFile is the embedded dataset's estimates by age and sex.
const DefaultAgeSexFile = "census2021/mid_year_estimates/mye2023_age_sex_5yr_lad23.csv"

// AgeSexResult reports an import of estimates by age and sex.
type AgeSexResult struct {
	Report source.AgeSexReport
	// Missing counts the known LTLAs the file had no rows for.
	Missing int
}

// ImportAgeSex reads a file of ONS mid-year estimates by sex and 5-year
// age band and replaces the stored ones. Nothing is stored unless the
// whole file reads cleanly.
func ImportAgeSex(ctx context.Context, st Store, as AgeSexStore, fsys fs.FS, file string, opt ImportOptions) (*AgeSexResult, error) {
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
	f, err := fsys.Open(file)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	counts, rep, err := source.ReadAgeSexEstimates(f, file, func(c string) bool { return known[c] }, opt.progress())
	if err != nil {
		return nil, err
	}
	res := &AgeSexResult{Report: rep, Missing: len(known) - rep.Areas}
	ds := Dataset{ID: "ons-mye-age-sex",
		Name:      fmt.Sprintf("ONS mid-%d population estimates by sex and 5-year age band, lower-tier local authorities (2023 boundaries)", rep.Year),
		Publisher: census.Publisher, Vintage: fmt.Sprintf("30 June %d", rep.Year),
		Licence: "Source: Office for National Statistics licensed under the Open Government Licence v.3.0.",
		Files:   []string{file}, ImportedAt: time.Now().UTC(), Rows: rep.Rows}
	if opt.DryRun {
		return res, nil
	}
	opt.progress()("saving estimates by age and sex", 0, 0)
	return res, as.ReplaceAgeSex(ctx, ds, counts)
}

// Pyramid builds the population pyramid of an area and England's from the
// stored estimates by age and sex, apportioning LTLA counts by the LTLAs'
// shares of each area. Both are nil when none are stored.
func (s *Service) Pyramid(ctx context.Context, a area.Area) (own, england *census.Pyramid, err error) {
	as, ok := s.Store.(AgeSexStore)
	if !ok {
		return nil, nil, nil
	}
	if england, err = s.englandPyramid(ctx, as); err != nil || england == nil {
		return nil, nil, err
	}
	if a.Type == area.England {
		return england, england, nil
	}
	own, err = s.pyramid(ctx, as, a.Type, a.Code)
	return own, england, err
}

func (s *Service) pyramid(ctx context.Context, as AgeSexStore, t area.Type, code string) (*census.Pyramid, error) {
	byLTLA, codes, err := s.ltlaShares(ctx, t, code)
	if err != nil || byLTLA == nil {
		return nil, err
	}
	counts, err := as.AgeSexCounts(ctx, codes)
	if err != nil {
		return nil, err
	}
	p, err := census.BuildPyramid(counts, byLTLA)
	if err != nil {
		return nil, fmt.Errorf("population pyramid for %s: %w", code, err)
	}
	return p, nil
}

// englandPyramid is England's pyramid, which every profile draws and which
// takes every LTLA's rows to build, kept until the data changes.
func (s *Service) englandPyramid(ctx context.Context, as AgeSexStore) (*census.Pyramid, error) {
	v, err := s.Store.DataVersion(ctx)
	if err != nil {
		return nil, err
	}
	s.england.mu.Lock()
	defer s.england.mu.Unlock()
	if s.england.pyramid != nil && s.england.pyramidVersion == v {
		return s.england.pyramid, nil
	}
	p, err := s.pyramid(ctx, as, area.England, area.EnglandCode)
	if err != nil {
		return nil, err
	}
	s.england.pyramidVersion, s.england.pyramid = v, p
	return p, nil
}
