package atlas

import (
	"context"
	"sort"

	"github.com/mhatlas/mhatlas/internal/indicator"
	"github.com/mhatlas/mhatlas/internal/workforce"
)

// input reads one dataset's figures for the period (and five years
// before, for a change) into the tables the computation needs. It also
// returns the publications the figures of the period were read from.
func (p *WorkforceProvider) input(ctx context.Context, s *wfSnapshot, d workforce.Def, ds, period string, k wfKey) (workforce.Input, []string, error) {
	in := workforce.Input{Def: d, Period: period, Geo: s.geo, Pops: s.pops}
	periods := []string{period}
	if d.Kind == workforce.KindChange {
		before, err := workforce.YearsBefore(period, 5)
		if err != nil {
			return in, nil, err
		}
		in.BeforePeriod = before
		periods = append(periods, before)
	}
	needs := []workforce.CareNeed{k.need}
	if k.need == workforce.MentalHealth {
		needs = append(needs, workforce.Specialist, workforce.Generalist)
	}
	recs, err := p.WF.WorkforceValues(ctx, WorkforceQuery{Dataset: ds, Periods: periods, Measures: d.Measures(),
		CareNeeds: needs, Sector: k.sector, Role: k.role})
	if err != nil {
		return in, nil, err
	}
	in.Now = table(recs, period, k.need)
	if in.BeforePeriod != "" {
		in.Before = table(recs, in.BeforePeriod, k.need)
	}
	refs := map[string]bool{}
	for _, r := range recs {
		if r.Period == period && r.Ref != "" {
			refs[r.Ref] = true
		}
	}
	var list []string
	for r := range refs {
		list = append(list, r)
	}
	sort.Strings(list)
	return in, list, nil
}

// table gathers the records of one period and care need; for mental
// health, an area's specialist and generalist counts are added where it
// has no mental-health row of its own.
func table(recs []workforce.Record, period string, need workforce.CareNeed) workforce.Table {
	byNeed := map[workforce.CareNeed]workforce.Table{}
	for _, r := range recs {
		if r.Period != period {
			continue
		}
		if byNeed[r.CareNeed] == nil {
			byNeed[r.CareNeed] = workforce.Table{}
		}
		byNeed[r.CareNeed].Put(r.Measure, indicator.Key{Type: r.AreaType, Code: r.AreaCode}, r.Value)
	}
	if need != workforce.MentalHealth {
		if t := byNeed[need]; t != nil {
			return t
		}
		return workforce.Table{}
	}
	return workforce.MentalHealthTable(byNeed[workforce.MentalHealth], byNeed[workforce.Specialist], byNeed[workforce.Generalist])
}
