package census

import (
	"fmt"

	"github.com/mhatlas/mhatlas/internal/area"
	"github.com/mhatlas/mhatlas/internal/indicator"
)

// Count is one published count: the people in one category of one table in
// one lower-tier local authority, with the table's total for that area.
type Count struct {
	LTLA     string
	Table    string
	Category string
	Count    int64
	Total    int64
}

// Values computes a share indicator for every area the weights reach.
func (s Share) Values(counts []Count, weights []area.Weight) []indicator.Value {
	want := map[string]bool{}
	for _, c := range s.Categories {
		want[c] = true
	}
	perLTLA := map[string]indicator.Counts{}
	for _, c := range counts {
		if c.Table != s.Table {
			continue
		}
		x := perLTLA[c.LTLA]
		x.Den = float64(c.Total) // the same total is repeated on every row of an area
		if want[c.Category] {
			x.Num += float64(c.Count)
		}
		perLTLA[c.LTLA] = x
	}
	return toValues(indicator.Apportion(perLTLA, fromLTLA(weights)), indicator.Percentage)
}

// PopulationValues gives the population indicator from the areas themselves.
func PopulationValues(areas []area.Area) []indicator.Value {
	vs := make([]indicator.Value, 0, len(areas))
	for _, a := range areas {
		v := float64(a.Population)
		vs = append(vs, indicator.Value{AreaType: a.Type, AreaCode: a.Code, AreaName: a.Name,
			Period: Period, Numerator: v, Value: &v})
	}
	return vs
}

func fromLTLA(ws []area.Weight) []area.Weight {
	out := make([]area.Weight, 0, len(ws))
	for _, w := range ws {
		if w.FromType == area.LTLA {
			out = append(out, w)
		}
	}
	return out
}

func toValues(m map[indicator.Key]indicator.Counts, vt indicator.ValueType) []indicator.Value {
	vs := make([]indicator.Value, 0, len(m))
	for k, c := range m {
		vs = append(vs, indicator.Value{AreaType: k.Type, AreaCode: k.Code, Period: Period,
			Numerator: c.Num, Denominator: c.Den, Value: indicator.Compute(vt, c.Num, c.Den)})
	}
	return vs
}

// Breakdown is a table's categories for one area, apportioned like the
// indicators, for the charts of an area profile.
type Breakdown struct {
	Table Table
	Total float64
	Rows  []BreakdownRow
}

// BreakdownRow is one category of a breakdown.
type BreakdownRow struct {
	Category Category
	Count    float64
	Share    float64 // per cent of the table's total
}

// Breakdowns builds every table's breakdown for one area from the counts of
// the LTLAs that overlap it and their weights (shares of each LTLA in the
// area).
func Breakdowns(counts []Count, weightByLTLA map[string]float64) ([]Breakdown, error) {
	type key struct{ table, cat string }
	sum := map[key]float64{}
	total := map[string]float64{}
	seen := map[[2]string]bool{}
	for _, c := range counts {
		w, ok := weightByLTLA[c.LTLA]
		if !ok {
			continue
		}
		sum[key{c.Table, c.Category}] += float64(c.Count) * w
		if k := [2]string{c.Table, c.LTLA}; !seen[k] {
			seen[k] = true
			total[c.Table] += float64(c.Total) * w
		}
	}
	var out []Breakdown
	for _, t := range Tables {
		if total[t.ID] == 0 {
			continue
		}
		b := Breakdown{Table: t, Total: total[t.ID]}
		for _, c := range t.Categories {
			n := sum[key{t.ID, c.Name}]
			b.Rows = append(b.Rows, BreakdownRow{Category: c, Count: n, Share: 100 * n / b.Total})
		}
		out = append(out, b)
	}
	if len(out) == 0 && len(weightByLTLA) > 0 {
		return nil, fmt.Errorf("no Census counts for this area")
	}
	return out, nil
}
