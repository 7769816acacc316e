package atlas

import (
	"context"
	"sync"

	"github.com/mhatlas/mhatlas/internal/area"
	"github.com/mhatlas/mhatlas/internal/indicator"
	"github.com/mhatlas/mhatlas/internal/workforce"
)

// WorkforceProvider answers the workforce indicators (wf-* and nhs-*)
// from the stored figures, computing each answer for the query's care
// need, sector, role and dataset. It implements Provider.
type WorkforceProvider struct {
	Store Store
	WF    WorkforceStore

	mu   sync.Mutex
	snap *wfSnapshot
}

var _ Provider = (*WorkforceProvider)(nil)

// wfSnapshot is what every answer needs, read once per data version: the
// data changes only on import, and each import bumps the version.
type wfSnapshot struct {
	version  int64
	tax      *workforce.Taxonomy
	datasets []Dataset // most recently imported first
	series   []WorkforceSeries
	geo      *workforce.Geography
	pops     workforce.Populations
	metas    []indicator.Meta
}

func (p *WorkforceProvider) snapshot(ctx context.Context) (*wfSnapshot, error) {
	v, err := p.Store.DataVersion(ctx)
	if err != nil {
		return nil, err
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.snap != nil && p.snap.version == v {
		return p.snap, nil
	}
	s := &wfSnapshot{version: v}
	if s.tax, err = p.WF.Roles(ctx); err != nil {
		return nil, err
	}
	if s.datasets, err = p.WF.WorkforceDatasets(ctx); err != nil {
		return nil, err
	}
	if s.series, err = p.WF.WorkforceSeries(ctx); err != nil {
		return nil, err
	}
	if s.pops, err = p.WF.PopulationEstimates(ctx); err != nil {
		return nil, err
	}
	if s.geo, err = p.geography(ctx); err != nil {
		return nil, err
	}
	for _, d := range workforce.Defs {
		s.metas = append(s.metas, d.Meta(s.tax, s.periods(d)))
	}
	p.snap = s
	return s, nil
}

func (p *WorkforceProvider) geography(ctx context.Context) (*workforce.Geography, error) {
	var areas []area.Area
	for _, t := range area.Types {
		as, err := p.Store.Areas(ctx, t.ID)
		if err != nil {
			return nil, err
		}
		areas = append(areas, as...)
	}
	var ws []area.Weight
	for _, from := range area.ApportionFrom {
		w, err := p.Store.WeightsInto(ctx, from, "", "")
		if err != nil {
			return nil, err
		}
		ws = append(ws, w...)
	}
	links, err := p.WF.AreaLinks(ctx)
	if err != nil {
		return nil, err
	}
	return workforce.NewGeography(areas, ws, links), nil
}

// Indicators implements Provider: every workforce indicator, with the
// periods the imported data has.
func (p *WorkforceProvider) Indicators(ctx context.Context) ([]indicator.Meta, error) {
	s, err := p.snapshot(ctx)
	if err != nil {
		return nil, err
	}
	return s.metas, nil
}

// periods lists the periods in which some dataset has d's numerator or
// published figure (for a change, the published change or the count in
// both years).
func (s *wfSnapshot) periods(d workforce.Def) []string {
	seen := map[string]bool{}
	var out []string
	for _, ser := range s.series {
		if ser.Rows == 0 || !measureOf(d, ser.Measure) || (d.CareNeed != "" && d.Workforce == workforce.SocialCare && ser.CareNeed != d.CareNeed) {
			continue
		}
		if d.Kind == workforce.KindChange && ser.Measure != d.Published {
			before, err := workforce.YearsBefore(ser.Period, 5)
			if err != nil || !s.datasetHas(ser.Dataset, before, ser.Measure) {
				continue
			}
		}
		if !seen[ser.Period] {
			seen[ser.Period] = true
			out = append(out, ser.Period)
		}
	}
	workforce.SortPeriods(out)
	return out
}

// measureOf reports whether m gives d its values: d's numerator or the
// figure published in its place (a denominator alone gives none).
func measureOf(d workforce.Def, m workforce.Measure) bool {
	if m == d.Published && m != "" {
		return true
	}
	for _, x := range d.Num {
		if x == m {
			return true
		}
	}
	return false
}

func (s *wfSnapshot) datasetHas(ds, period string, m workforce.Measure) bool {
	for _, ser := range s.series {
		if ser.Dataset == ds && ser.Period == period && ser.Measure == m && ser.Rows > 0 {
			return true
		}
	}
	return false
}
