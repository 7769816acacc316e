package workforce

import (
	"github.com/mhatlas/mhatlas/internal/area"
	"github.com/mhatlas/mhatlas/internal/indicator"
)

// Table holds one dataset's figures for one period and one care need,
// sector and role: for each measure, the value of each area that has a
// row. A nil value is a suppressed figure: missing, never zero.
type Table map[Measure]map[indicator.Key]*float64

// Put stores a value.
func (t Table) Put(m Measure, k indicator.Key, v *float64) {
	if t[m] == nil {
		t[m] = map[indicator.Key]*float64{}
	}
	t[m][k] = v
}

// Has reports whether any area has a row for m.
func (t Table) Has(m Measure) bool { return len(t[m]) > 0 }

// BuildOrder is the order in which the area types a dataset has figures
// for are tried as the parts of a larger area: upper-tier authorities (the
// councils with adult social services duties, as Skills for Care reports)
// first, then lower-tier ones, then NHS and ONS areas.
var BuildOrder = []area.Type{area.UTLA, area.LTLA, area.SubICB, area.ICB, area.Region, area.NHSRegion}

// Geography knows how areas of each type reach larger ones.
type Geography struct {
	// into indexes, by source type, the weights into each target area.
	into map[area.Type]map[indicator.Key][]area.Weight
	// Areas lists the areas of each type.
	Areas map[area.Type][]area.Area
}

// NewGeography indexes the weights from local authorities (population
// shares from LSOAs) and the links between NHS and ONS areas, which nest:
// a sub-ICB location lies in one ICB, an ICB in one NHS region, and every
// region and NHS region in England. Links are followed upward, so a
// sub-ICB location reaches its NHS region and England too.
func NewGeography(areas []area.Area, laWeights []area.Weight, links []area.Link) *Geography {
	g := &Geography{into: map[area.Type]map[indicator.Key][]area.Weight{}, Areas: map[area.Type][]area.Area{}}
	for _, a := range areas {
		g.Areas[a.Type] = append(g.Areas[a.Type], a)
	}
	for _, w := range laWeights {
		g.add(w)
	}
	parents := map[indicator.Key][]area.Link{}
	for _, l := range links {
		if l.ChildType == area.LTLA || l.ChildType == area.UTLA {
			continue // local authorities use their population weights
		}
		k := indicator.Key{Type: l.ChildType, Code: l.ChildCode}
		parents[k] = append(parents[k], l)
	}
	for k := range parents {
		walkUp(parents, k, k, 1, g.add)
	}
	return g
}

func walkUp(parents map[indicator.Key][]area.Link, from, at indicator.Key, share float64, add func(area.Weight)) {
	for _, l := range parents[at] {
		s := share * l.Share
		add(area.Weight{FromType: from.Type, FromCode: from.Code, ToType: l.ParentType, ToCode: l.ParentCode, Share: s})
		walkUp(parents, from, indicator.Key{Type: l.ParentType, Code: l.ParentCode}, s, add)
	}
}

// add keeps a weight if it moves figures up the geography: into a larger
// type, or between the two tiers of one unitary authority. A county's
// figure is never spread down over its districts.
func (g *Geography) add(w area.Weight) {
	up := w.ToType.Rank() < w.FromType.Rank()
	same := w.ToCode == w.FromCode && w.Share > 0.999999
	if !up && !same || w.FromType == w.ToType {
		return
	}
	if g.into[w.FromType] == nil {
		g.into[w.FromType] = map[indicator.Key][]area.Weight{}
	}
	k := indicator.Key{Type: w.ToType, Code: w.ToCode}
	g.into[w.FromType][k] = append(g.into[w.FromType][k], w)
}

// Parts returns the weights of the areas of type from that make up the
// target area.
func (g *Geography) Parts(from area.Type, target indicator.Key) []area.Weight {
	return g.into[from][target]
}

// Builds reports whether figures for areas of type from give areas of
// type to a value: their own, or summed up the geography.
func (g *Geography) Builds(from, to area.Type) bool {
	return from == to || g.reaches(from, to)
}

// reaches reports whether figures for type from can build type to.
func (g *Geography) reaches(from, to area.Type) bool {
	for k := range g.into[from] {
		if k.Type == to {
			return true
		}
	}
	return false
}

// Total is one area's sums of some measures.
type Total struct {
	Sums []float64
	// Has is true when there is a figure; false when the dataset has none
	// for the area or it was suppressed.
	Has bool
	// Direct is true when the dataset published the area's own figures.
	Direct bool
	// Suppressed is true when the area's own figure was suppressed.
	Suppressed bool
	// From is the area type of the parts an aggregate was built from;
	// Parts counts those with every figure, Missing those without.
	From           area.Type
	Parts, Missing int
	// Used lists the weights of the parts that were summed, so that a
	// per-population figure can divide by the population of those parts.
	Used []area.Weight
}

// Incomplete reports whether an aggregate lacks some of its parts.
func (t Total) Incomplete() bool { return t.Has && t.Missing > 0 }

// Sources picks, for each area type, the type whose figures build it: the
// first of BuildOrder, smaller than the target, for which the table has
// every measure.
func (g *Geography) Sources(tab Table, ms []Measure) map[area.Type]area.Type {
	out := map[area.Type]area.Type{}
	for _, t := range area.Types {
		for _, from := range BuildOrder {
			if from != t.ID && g.reaches(from, t.ID) && tab.hasAllAt(from, ms) {
				out[t.ID] = from
				break
			}
		}
	}
	return out
}

func (tab Table) hasAllAt(t area.Type, ms []Measure) bool {
	for k := range tab[ms[0]] {
		if k.Type != t {
			continue
		}
		all := true
		for _, m := range ms[1:] {
			if _, ok := tab[m][k]; !ok {
				all = false
			}
		}
		if all {
			return true
		}
	}
	return false
}

// Build sums the measures ms for one area. The area's own published
// figures win; otherwise the parts found by Sources are summed, each
// weighted by the share of its population in the area (1 where it lies
// wholly inside). A part counts only if it has every measure, so that
// numerators and denominators of a rate always cover the same parts.
func (g *Geography) Build(tab Table, ms []Measure, sources map[area.Type]area.Type, target indicator.Key) Total {
	tot := Total{Sums: make([]float64, len(ms))}
	if vs, ok := tab.at(target, ms); ok {
		tot.Direct = true
		for i, v := range vs {
			if v == nil {
				return Total{Sums: tot.Sums, Direct: true, Suppressed: true}
			}
			tot.Sums[i] = *v
		}
		tot.Has = true
		return tot
	}
	from, ok := sources[target.Type]
	if !ok {
		return tot
	}
	tot.From = from
	for _, w := range g.Parts(from, target) {
		vs, ok := tab.at(indicator.Key{Type: from, Code: w.FromCode}, ms)
		if !ok || hasNil(vs) {
			tot.Missing++
			continue
		}
		tot.Parts++
		tot.Used = append(tot.Used, w)
		for i, v := range vs {
			tot.Sums[i] += *v * w.Share
		}
	}
	tot.Has = tot.Parts > 0
	return tot
}

// at returns an area's values of every measure, if it has a row for each.
func (tab Table) at(k indicator.Key, ms []Measure) ([]*float64, bool) {
	vs := make([]*float64, len(ms))
	for i, m := range ms {
		v, ok := tab[m][k]
		if !ok {
			return nil, false
		}
		vs[i] = v
	}
	return vs, true
}

func hasNil(vs []*float64) bool {
	for _, v := range vs {
		if v == nil {
			return true
		}
	}
	return false
}
