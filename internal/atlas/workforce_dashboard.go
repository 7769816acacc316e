package atlas

import (
	"context"
	"sort"

	"github.com/mhatlas/mhatlas/internal/area"
	"github.com/mhatlas/mhatlas/internal/indicator"
	"github.com/mhatlas/mhatlas/internal/workforce"
)

// HeadlineIndicators are the figures the workforce pages lead with.
var HeadlineIndicators = []string{"wf-filled-posts", "wf-specialist-posts", "wf-vacancy-rate", "wf-turnover-rate",
	"wf-zero-hours-share", "wf-permanent-share", "wf-people-per-specialist", "nhs-mh-fte"}

// OutlierFactor is how far above England's rate an area's vacancy or
// turnover rate must be to be called out: one and a half times.
const OutlierFactor = 1.5

// Headline is one indicator for an area beside England's, from one dataset.
type Headline struct {
	Meta    indicator.Meta
	Period  string
	Dataset *Dataset
	Filters map[string]string
	Value   *indicator.Value
	England *indicator.Value
	// Rank is the area's place among the areas of its type with a value,
	// 1 for the highest; Of counts those areas. 0 when not ranked.
	Rank, Of int
	Notes    []string
	// Partial is the more recent dataset whose England figure lacks some
	// parts and so was passed over for this one (England only), with its
	// period; nil when none was.
	Partial       *Dataset
	PartialPeriod string
}

// FiltersFor keeps the filters an indicator is broken down by, so that one
// set of page choices can ask every indicator.
func FiltersFor(m indicator.Meta, f map[string]string) map[string]string {
	out := map[string]string{}
	for _, b := range m.Breakdowns {
		if v := f[b.ID]; v != "" {
			out[b.ID] = v
		}
	}
	return out
}

// WorkforceHeadlines returns each headline indicator for an area, for the
// latest period with figures for the filters (or the period asked for).
func (s *Service) WorkforceHeadlines(ctx context.Context, a area.Area, f map[string]string, source string) ([]Headline, error) {
	var out []Headline
	for _, id := range HeadlineIndicators {
		m, err := s.Indicator(ctx, id)
		if err != nil {
			return nil, err
		}
		q := Query{Indicator: id, Type: string(a.Type), Source: source, Filters: FiltersFor(m, f)}
		var d, partial *Data
		if a.Type == area.England {
			d, partial, err = s.englandData(ctx, q)
		} else {
			d, err = s.Data(ctx, q)
		}
		if err != nil {
			return nil, err
		}
		h := headlineOf(d, a)
		if partial != nil {
			h.Partial, h.PartialPeriod = partial.Dataset, partial.Period
		}
		out = append(out, h)
	}
	return out, nil
}

func headlineOf(d *Data, a area.Area) Headline {
	h := Headline{Meta: d.Meta, Period: d.Period, Dataset: d.Dataset, Filters: d.Filters, England: d.England, Notes: d.Notes}
	if a.Type == area.England {
		h.Value = d.England
		return h
	}
	for i := range d.Values {
		if d.Values[i].AreaCode == a.Code {
			h.Value = &d.Values[i]
		}
	}
	if h.Value != nil && h.Value.Value != nil {
		for _, v := range d.Values {
			if v.Value == nil {
				continue
			}
			h.Of++
			if *v.Value > *h.Value.Value {
				h.Rank++
			}
		}
		h.Rank++
	}
	return h
}

// TrendRow is one period of an area's figures; each cell names its dataset.
type TrendRow struct {
	Period string
	Cells  []TrendCell
}

// TrendCell is one indicator in one period.
type TrendCell struct {
	Value   *indicator.Value
	Dataset *Dataset
}

// WorkforceTrend returns an area's figures for every period that has any,
// one column per indicator id. Each period's figure comes from the dataset
// that answers for it; a trend may therefore join datasets, and every
// cell names its own.
func (s *Service) WorkforceTrend(ctx context.Context, a area.Area, ids []string, f map[string]string, source string) ([]indicator.Meta, []TrendRow, error) {
	var metas []indicator.Meta
	periods := map[string]bool{}
	for _, id := range ids {
		m, err := s.Indicator(ctx, id)
		if err != nil {
			return nil, nil, err
		}
		metas = append(metas, m)
		for _, p := range m.Periods {
			periods[p] = true
		}
	}
	var ps []string
	for p := range periods {
		ps = append(ps, p)
	}
	workforce.SortPeriods(ps)
	var rows []TrendRow
	for _, p := range ps {
		row := TrendRow{Period: p, Cells: make([]TrendCell, len(metas))}
		found := false
		for i, m := range metas {
			if !contains(m.Periods, p) {
				continue
			}
			q := Query{Indicator: m.ID, Type: string(a.Type), Period: p, Source: source, Filters: FiltersFor(m, f)}
			var d *Data
			var err error
			if a.Type == area.England {
				d, _, err = s.englandData(ctx, q)
			} else {
				d, err = s.Data(ctx, q)
			}
			if err != nil {
				return nil, nil, err
			}
			h := headlineOf(d, a)
			if h.Value != nil && h.Value.Value != nil {
				row.Cells[i] = TrendCell{Value: h.Value, Dataset: d.Dataset}
				found = true
			}
		}
		if found {
			rows = append(rows, row)
		}
	}
	return metas, rows, nil
}

// Outliers are the areas whose rate is far above England's.
type Outliers struct {
	Meta      indicator.Meta
	Period    string
	Dataset   *Dataset
	England   float64
	Threshold float64
	Areas     []indicator.Value
	// Compared counts the areas with a figure to compare with England's.
	Compared int
	// EnglandIncomplete: England's rate is summed from only some parts.
	EnglandIncomplete bool
}

// WorkforceOutliers returns, for the vacancy and turnover rates of areas
// of type t, those at least OutlierFactor times England's rate (from the
// same dataset), highest first. A rate with no England figure has none.
func (s *Service) WorkforceOutliers(ctx context.Context, t area.Type, f map[string]string, source string) ([]Outliers, error) {
	var out []Outliers
	for _, id := range []string{"wf-vacancy-rate", "wf-turnover-rate"} {
		m, err := s.Indicator(ctx, id)
		if err != nil {
			return nil, err
		}
		d, err := s.Data(ctx, Query{Indicator: id, Type: string(t), Source: source, Filters: FiltersFor(m, f)})
		if err != nil {
			return nil, err
		}
		if d.England == nil || d.England.Value == nil || *d.England.Value <= 0 {
			continue
		}
		o := Outliers{Meta: d.Meta, Period: d.Period, Dataset: d.Dataset, England: *d.England.Value,
			Threshold: OutlierFactor * *d.England.Value, EnglandIncomplete: d.England.Incomplete}
		for _, v := range d.Values {
			if v.Value != nil {
				o.Compared++
			}
			if v.Value != nil && *v.Value >= o.Threshold {
				o.Areas = append(o.Areas, v)
			}
		}
		sort.SliceStable(o.Areas, func(i, j int) bool { return *o.Areas[i].Value > *o.Areas[j].Value })
		out = append(out, o)
	}
	return out, nil
}

// WorkforceDatasets lists the imported workforce datasets, the most
// recently imported first: the choices of a page's source picker.
func (s *Service) WorkforceDatasets(ctx context.Context) ([]Dataset, error) {
	for _, p := range s.Providers {
		if wp, ok := p.(*WorkforceProvider); ok {
			snap, err := wp.snapshot(ctx)
			if err != nil {
				return nil, err
			}
			return snap.datasets, nil
		}
	}
	return nil, nil
}
