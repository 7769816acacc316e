package atlas

import (
	"context"
	"fmt"

	"github.com/mhatlas/mhatlas/internal/area"
	"github.com/mhatlas/mhatlas/internal/indicator"
	"github.com/mhatlas/mhatlas/internal/service"
)

// Data implements Provider: for every area of the type, the services that
// pass the filters and are located there, as a count or per 100,000
// residents. Where no directory that records such services covers an area
// the value is missing, not zero; where one covers it only in part the
// value is marked incomplete, with a note.
func (p *ServiceIndicators) Data(ctx context.Context, m indicator.Meta, q Query) (*Data, error) {
	f := service.Filter{Type: filterValue(q.Filters, BreakdownType), Sector: filterValue(q.Filters, BreakdownSector),
		Group: filterValue(q.Filters, BreakdownGroup)}
	t := area.Type(q.Type)
	ss, err := p.Services.Store.Services(ctx, ServiceQuery{Filter: f})
	if err != nil {
		return nil, err
	}
	counts := map[string]float64{}
	notLocated := 0
	for _, s := range ss {
		if !s.Placement.Located() {
			notLocated++
			continue
		}
		counts[s.Placement.Areas[t]]++
	}
	cov, err := p.Services.coverage(ctx)
	if err != nil {
		return nil, err
	}
	located := float64(len(ss) - notLocated)
	value := func(a area.Area, n float64) indicator.Value {
		c := cov.describe(a.Type, a.Code, f)
		v := indicator.Value{AreaType: a.Type, AreaCode: a.Code, AreaName: a.Name, Period: q.Period, Numerator: n,
			Incomplete: c.Incomplete, Note: c.Note}
		if m.ValueType == indicator.RatePer100k {
			v.Denominator = float64(a.Population)
		}
		switch {
		case !c.None:
			v.Value = indicator.Compute(m.ValueType, n, float64(a.Population))
		case n > 0:
			// Directories for other areas list services here: they are
			// real, so they are shown, as a floor rather than a figure.
			v.Value = indicator.Compute(m.ValueType, n, float64(a.Population))
			v.Incomplete = true
			v.Note = fmt.Sprintf("No imported directory that records services like these covers this area; the %.0f counted here are listed by directories for other areas, so the true figure may be higher.", n)
		default:
			v.Numerator = 0
		}
		return v
	}
	d := &Data{Meta: m, Type: t, Period: q.Period, Notes: m.Notes, Filters: map[string]string{
		BreakdownType: orAll(f.Type), BreakdownSector: orAll(f.Sector), BreakdownGroup: orAll(f.Group)}}
	areas, err := p.Services.Atlas.Store.Areas(ctx, t)
	if err != nil {
		return nil, err
	}
	for _, a := range areas {
		n := counts[a.Code]
		if t == area.England {
			n = located
		}
		d.Values = append(d.Values, value(a, n))
	}
	eng, err := p.Services.Atlas.Store.AreasByCode(ctx, area.EnglandCode)
	if err != nil {
		return nil, err
	}
	if len(eng) == 1 {
		e := value(eng[0], located)
		d.England = &e
	}
	if notLocated > 0 {
		d.Notes = append(append([]string{}, d.Notes...),
			fmt.Sprintf("Services matching these filters that are not located, so no area counts them: %d.", notLocated))
	}
	return d, nil
}

func filterValue(f map[string]string, k string) string {
	if v := f[k]; v != breakdownAll {
		return v
	}
	return ""
}

func orAll(v string) string {
	if v == "" {
		return breakdownAll
	}
	return v
}
