package workforce

import (
	"fmt"
	"math"
	"strings"

	"github.com/mhatlas/mhatlas/internal/area"
	"github.com/mhatlas/mhatlas/internal/indicator"
)

// Input is what computing an indicator needs: one dataset's figures for
// the period (and, for a change, five years earlier), the geography and
// the populations.
type Input struct {
	Def    Def
	Period string
	Now    Table
	// Before holds the figures five years before Period (KindChange only).
	Before       Table
	BeforePeriod string
	Geo          *Geography
	Pops         Populations

	sources map[*Table]map[area.Type]area.Type
}

// Result is an indicator's values for every area of a type.
type Result struct {
	Values  []indicator.Value
	England indicator.Value
	// Counts of the type's areas by what their value is.
	WithValue, RateOnly, Incomplete, Suppressed, NoPopulation int
}

// Compute returns the indicator's value for every area of type t, and
// England's.
func Compute(in Input, t area.Type) Result {
	var r Result
	for _, a := range in.Geo.Areas[t] {
		v := in.Value(a)
		switch {
		case v.Value != nil:
			r.WithValue++
		case v.Note == noteSuppressed:
			r.Suppressed++
		case v.Note == noteNoPopulation:
			r.NoPopulation++
		}
		if v.RateOnly && v.Value != nil {
			r.RateOnly++
		}
		if v.Incomplete {
			r.Incomplete++
		}
		r.Values = append(r.Values, v)
	}
	r.England = in.Value(area.Area{Type: area.England, Code: area.EnglandCode, Name: "England"})
	return r
}

const (
	noteSuppressed   = "Suppressed in the source: missing, not zero."
	noteNoPopulation = "No population for this period has been imported."
	notePublished    = "As published; not recomputed from counts."
	// notePartsPopulation says what an incomplete per-population figure
	// divides by.
	notePartsPopulation = "The population is that of those parts, so that posts and people cover the same places."
)

// Value computes the indicator for one area.
func (in *Input) Value(a area.Area) indicator.Value {
	k := indicator.Key{Type: a.Type, Code: a.Code}
	v := indicator.Value{AreaType: a.Type, AreaCode: a.Code, AreaName: a.Name, Period: in.Period}
	d := in.Def
	if d.Published != "" {
		if p, ok := in.Now[d.Published][k]; ok {
			if p == nil {
				v.Note = noteSuppressed
				return v
			}
			x := *p
			v.Value, v.RateOnly, v.Note = &x, true, notePublished
			return v
		}
	}
	tot := in.build(&in.Now, d.Counts(), k)
	if !tot.Has {
		if tot.Suppressed {
			v.Note = noteSuppressed
		}
		return v
	}
	v.Incomplete = tot.Incomplete()
	if v.Incomplete {
		v.Note = fmt.Sprintf("Incomplete: built from %d of %d parts (%s); the others are suppressed or not published.",
			tot.Parts, tot.Parts+tot.Missing, lowerFirst(tot.From.Info().Plural))
	}
	num := tot.Sums[0]
	switch d.Kind {
	case KindCount:
		v.Numerator = num
		v.Value = &num
	case KindRatio:
		var den float64
		for _, m := range d.Den {
			den += tot.Sums[index(d.Counts(), m)]
		}
		v.Numerator, v.Denominator = num, den
		v.Value = ratio(d.Scale*num, den)
	case KindPerPopulation, KindPeoplePer:
		pop, ok := in.populationOf(k, tot)
		if !ok {
			v.Note = noteNoPopulation
			return v
		}
		if v.Incomplete {
			v.Note += " " + notePartsPopulation
		}
		if d.Kind == KindPerPopulation {
			v.Numerator, v.Denominator = num, pop.Value
			v.Value = ratio(d.Scale*num, pop.Value)
		} else {
			v.Numerator, v.Denominator = pop.Value, num
			v.Value = ratio(pop.Value, num)
		}
	case KindChange:
		return in.change(v, tot, k)
	}
	return v
}

// populationOf is the population a per-population figure divides by: the
// area's own, or, for an aggregate that lacks some parts, that of the
// parts it was built from (a split authority by its Census 2021
// population share, as its counts are). Dividing a sum over some parts by
// the whole area's population would understate posts per person.
func (in *Input) populationOf(k indicator.Key, tot Total) (Population, bool) {
	if !tot.Incomplete() {
		return in.Geo.PopulationFor(in.Pops, in.Period, k)
	}
	var out Population
	for _, w := range tot.Used {
		p, ok := in.Geo.PopulationFor(in.Pops, in.Period, indicator.Key{Type: w.FromType, Code: w.FromCode})
		if !ok {
			return Population{}, false
		}
		out.Value += p.Value * w.Share
		out.Label = p.Label
	}
	return out, len(tot.Used) > 0
}

// change is the count in the period minus the count five years before,
// each built by the same rules from the same dataset.
func (in *Input) change(v indicator.Value, now Total, k indicator.Key) indicator.Value {
	before := in.build(&in.Before, in.Def.Num, k)
	if !before.Has {
		v.Incomplete = false
		v.Note = fmt.Sprintf("No figure for %s in this dataset to compare with.", in.BeforePeriod)
		return v
	}
	n, b := now.Sums[0], before.Sums[0]
	v.Incomplete = now.Incomplete() || before.Incomplete()
	missing := " Incomplete: a part of the area is missing in one of the two years."
	if v.Incomplete {
		if cn, cb, parts, ok := in.commonParts(now, before); ok {
			if parts == 0 {
				v.Incomplete = false
				v.Note = fmt.Sprintf("No part of the area has figures in both %s and %s in this dataset.", in.BeforePeriod, in.Period)
				return v
			}
			n, b = cn, cb
			what := now.From.Info().Plural
			if parts == 1 {
				what = now.From.Info().Name
			}
			missing = fmt.Sprintf(" Incomplete: compared over the %d %s with figures in both years; the others are missing in one or both.",
				parts, lowerFirst(what))
		}
	}
	diff := n - b
	v.Numerator, v.Denominator, v.Value = n, b, &diff
	pct := ""
	if b > 0 {
		pct = fmt.Sprintf(" (%+.1f%%)", 100*diff/b)
	}
	v.Note = fmt.Sprintf("%+.0f%s since %s.", diff, pct, in.BeforePeriod)
	if v.Incomplete {
		v.Note += missing
	}
	return v
}

func (in *Input) build(tab *Table, ms []Measure, k indicator.Key) Total {
	if in.sources == nil {
		in.sources = map[*Table]map[area.Type]area.Type{}
	}
	src, ok := in.sources[tab]
	if !ok {
		src = in.Geo.Sources(*tab, ms)
		in.sources[tab] = src
	}
	return in.Geo.Build(*tab, ms, src, k)
}

func ratio(num, den float64) *float64 {
	if den <= 0 || math.IsNaN(num) {
		return nil
	}
	x := num / den
	return &x
}

func index(ms []Measure, m Measure) int {
	for i, x := range ms {
		if x == m {
			return i
		}
	}
	return -1
}

// MentalHealthTable builds the mental-health figures of a dataset: an
// area's own mental-health row where it has one, otherwise specialist plus
// generalist where it has both (if either is suppressed, so is the sum).
// Published rates are never added together.
func MentalHealthTable(mh, spec, gen Table) Table {
	out := Table{}
	for m, byArea := range mh {
		for k, v := range byArea {
			out.Put(m, k, v)
		}
	}
	for m, byArea := range spec {
		if info, err := ParseMeasure(string(m)); err != nil || info.Rate {
			continue
		}
		for k, s := range byArea {
			if _, own := out[m][k]; own {
				continue
			}
			g, ok := gen[m][k]
			if !ok {
				continue
			}
			if s == nil || g == nil {
				out.Put(m, k, nil)
				continue
			}
			sum := *s + *g
			out.Put(m, k, &sum)
		}
	}
	return out
}

// lowerFirst lower-cases a type's name for the middle of a sentence,
// leaving acronyms ("NHS England regions") alone.
func lowerFirst(s string) string {
	if len(s) < 2 || (s[1] >= 'A' && s[1] <= 'Z') {
		return s
	}
	return strings.ToLower(s[:1]) + s[1:]
}
