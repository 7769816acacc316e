package atlas

import (
	"context"
	"strings"

	"github.com/mhatlas/mhatlas/internal/area"
	"github.com/mhatlas/mhatlas/internal/indicator"
	"github.com/mhatlas/mhatlas/internal/workforce"
)

// wfKey is the care need, sector and role a query asks for.
type wfKey struct {
	need   workforce.CareNeed
	sector string
	role   string
}

// keyFor reads the breakdown choices of a query, with their defaults, and
// returns them as the filters applied.
func keyFor(d workforce.Def, f map[string]string) (wfKey, map[string]string) {
	k := wfKey{need: workforce.MentalHealth, sector: workforce.AllSectors, role: workforce.AllRoles}
	applied := map[string]string{}
	if d.Workforce == workforce.NHS {
		k.sector = workforce.SectorNHS
		if v := f["staff_group"]; v != "" {
			k.role = v
		}
		applied["staff_group"] = k.role
		return k, applied
	}
	if v := f["care_need"]; v != "" {
		k.need = workforce.CareNeed(v)
	}
	if d.CareNeed != "" {
		k.need = d.CareNeed
	}
	if v := f["sector"]; v != "" {
		k.sector = v
	}
	if v := f["role"]; v != "" {
		k.role = v
	}
	// Only the indicator's own breakdowns: the filters of an answer can be
	// sent back as they are (a specialist indicator has no care_need).
	applied["sector"], applied["role"] = k.sector, k.role
	if d.CareNeed == "" {
		applied["care_need"] = string(k.need)
	}
	return k, applied
}

// has reports whether dataset ds has rows of measure m for the key in a
// period. Mental health counts also come from specialist plus generalist.
func (s *wfSnapshot) has(ds, period string, m workforce.Measure, k wfKey) bool {
	var own, spec, gen bool
	for _, ser := range s.series {
		if ser.Dataset != ds || ser.Period != period || ser.Measure != m || ser.Sector != k.sector || ser.Role != k.role || ser.Rows == 0 {
			continue
		}
		own = own || ser.CareNeed == k.need
		spec = spec || ser.CareNeed == workforce.Specialist
		gen = gen || ser.CareNeed == workforce.Generalist
	}
	return own || (k.need == workforce.MentalHealth && spec && gen)
}

// qualifies reports whether dataset ds can answer d for the key in a
// period: it has the published figure, or every count it is built from
// (for a change, in both years).
func (s *wfSnapshot) qualifies(d workforce.Def, ds, period string, k wfKey) bool {
	if d.Published != "" && s.has(ds, period, d.Published, k) {
		return true
	}
	for _, m := range d.Counts() {
		if !s.has(ds, period, m, k) {
			return false
		}
	}
	if d.Kind == workforce.KindChange {
		before, err := workforce.YearsBefore(period, 5)
		if err != nil {
			return false
		}
		for _, m := range d.Num {
			if !s.has(ds, before, m, k) {
				return false
			}
		}
	}
	return true
}

// choose returns the dataset that answers d for the key in period: the
// chosen one if source is set, else the most recently imported one that
// qualifies; nil if none does.
func (s *wfSnapshot) choose(d workforce.Def, period, source string, k wfKey) *Dataset {
	for i := range s.datasets {
		ds := &s.datasets[i]
		if source != "" && ds.ID != source {
			continue
		}
		if s.qualifies(d, ds.ID, period, k) {
			return ds
		}
	}
	return nil
}

// latest returns the latest period in which some dataset (or the chosen
// one) can answer d for the key.
func (s *wfSnapshot) latest(d workforce.Def, periods []string, source string, k wfKey) string {
	for i := len(periods) - 1; i >= 0; i-- {
		if s.choose(d, periods[i], source, k) != nil {
			return periods[i]
		}
	}
	return ""
}

// Data implements Provider. When the caller chose no period, the latest
// period with figures for the query's choices (and source) answers.
func (p *WorkforceProvider) Data(ctx context.Context, m indicator.Meta, q Query) (*Data, error) {
	s, err := p.snapshot(ctx)
	if err != nil {
		return nil, err
	}
	d, ok := workforce.DefByID(m.ID)
	if !ok {
		return nil, Errorf(CodeNotFound, "There is no workforce indicator %q.", m.ID)
	}
	if q.Source != "" && s.dataset(q.Source) == nil {
		return nil, Errorf(CodeInvalid, "source=%q is not an imported workforce dataset. Workforce datasets: %s.", q.Source, s.datasetIDs())
	}
	k, applied := keyFor(d, q.Filters)
	t := area.Type(q.Type)
	out := &Data{Meta: m, Type: t, Period: q.Period, Filters: applied}
	if q.PeriodDefaulted || out.Period == "" {
		if p := s.latestFor(d, m.Periods, q.Source, k, area.Type(q.Type)); p != "" {
			out.Period = p
		}
	}
	ds := s.choose(d, out.Period, q.Source, k)
	if ds == nil {
		out.Values = emptyValues(s.geo.Areas[t], out.Period)
		out.Notes = s.noDatasetNotes(d, m, out.Period, q.Source, k)
		return out, nil
	}
	out.Dataset = ds
	in, refs, err := p.input(ctx, s, d, ds.ID, out.Period, k)
	if err != nil {
		return nil, err
	}
	res := workforce.Compute(in, t)
	out.Values, out.England = res.Values, &res.England
	out.Notes = s.resultNotes(d, m, ds, out.Period, t, k, res, refs)
	return out, nil
}

func emptyValues(as []area.Area, period string) []indicator.Value {
	out := make([]indicator.Value, len(as))
	for i, a := range as {
		out[i] = indicator.Value{AreaType: a.Type, AreaCode: a.Code, AreaName: a.Name, Period: period}
	}
	return out
}

func (s *wfSnapshot) dataset(id string) *Dataset {
	for i := range s.datasets {
		if s.datasets[i].ID == id {
			return &s.datasets[i]
		}
	}
	return nil
}

func (s *wfSnapshot) datasetIDs() string {
	if len(s.datasets) == 0 {
		return "none imported yet"
	}
	ids := make([]string, len(s.datasets))
	for i, d := range s.datasets {
		ids[i] = d.ID
	}
	return strings.Join(ids, ", ")
}
