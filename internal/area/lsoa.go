package area

import (
	"fmt"
	"sort"
)

// LSOA is a Lower layer Super Output Area (2021) with the codes of the areas
// of every type it lies in and its Census 2021 usual residents. LSOAs are the
// building blocks: every population and every apportionment share in the
// atlas is a sum of them.
type LSOA struct {
	Code       string
	Name       string
	Population int64
	// In maps every area type except England to the code of the area the
	// LSOA lies in.
	In map[Type]string
}

// Relations lists the parent/child links the atlas keeps, as (child,
// parent) type pairs. Others (say LTLA to NHS region) can be derived but
// are not shown as links.
var Relations = [][2]Type{
	{LTLA, UTLA}, {LTLA, Region}, {LTLA, ICB}, {LTLA, SubICB},
	{UTLA, Region}, {UTLA, ICB},
	{SubICB, ICB},
	{ICB, NHSRegion},
	{Region, England}, {NHSRegion, England},
}

// Names gives the name of each area by type and code; it comes from the ONS
// area lookups.
type Names map[Type]map[string]string

// ODSCodes gives the NHS organisation code of NHS areas by type and code.
type ODSCodes map[Type]map[string]string

// Hierarchy is the geography built from LSOAs: every area with its
// population, the links between types and the apportionment weights.
type Hierarchy struct {
	// LSOAs are the building blocks the rest was summed from.
	LSOAs []LSOA
	Areas []Area
	Links []Link
	// Weights holds, for each source type, the share of each source area's
	// population in each area of every type. It is how figures published
	// for one geography are moved to another.
	Weights []Weight
}

// Weight is the share of the From area's population living in the To area.
type Weight struct {
	FromType Type
	FromCode string
	ToType   Type
	ToCode   string
	Share    float64
}

// ApportionFrom lists the source types for which weights are kept: Census
// topics and workforce figures arrive for local authorities.
var ApportionFrom = []Type{LTLA, UTLA}

// codeIn returns the code of the area of type t that holds the LSOA.
func (l LSOA) codeIn(t Type) string {
	if t == England {
		return EnglandCode
	}
	return l.In[t]
}

// Build sums LSOAs into areas, links and weights. It fails if an LSOA lacks
// a code for a type or an area has no name.
func Build(lsoas []LSOA, names Names, ods ODSCodes) (*Hierarchy, error) {
	pop := map[Type]map[string]int64{}
	for _, t := range Types {
		pop[t.ID] = map[string]int64{}
	}
	type pair struct{ from, to string }
	overlap := map[[2]Type]map[pair]int64{}
	for _, l := range lsoas {
		for _, t := range Types {
			c := l.codeIn(t.ID)
			if c == "" {
				return nil, fmt.Errorf("LSOA %s has no %s code", l.Code, t.ID)
			}
			pop[t.ID][c] += l.Population
		}
		for _, from := range ApportionFrom {
			for _, to := range Types {
				k := [2]Type{from, to.ID}
				if overlap[k] == nil {
					overlap[k] = map[pair]int64{}
				}
				overlap[k][pair{l.codeIn(from), l.codeIn(to.ID)}] += l.Population
			}
		}
		for _, r := range Relations {
			if _, ok := overlap[r]; !ok {
				overlap[r] = map[pair]int64{}
			}
			if r[0] == LTLA || r[0] == UTLA {
				continue // already counted above as an apportionment pair
			}
			overlap[r][pair{l.codeIn(r[0]), l.codeIn(r[1])}] += l.Population
		}
	}
	h := &Hierarchy{LSOAs: lsoas}
	for _, t := range Types {
		for code, p := range pop[t.ID] {
			name := names[t.ID][code]
			if t.ID == England {
				name = "England"
			}
			if name == "" {
				return nil, fmt.Errorf("no name for %s area %s", t.ID, code)
			}
			h.Areas = append(h.Areas, Area{Code: code, Name: name, Type: t.ID, Population: p, ODSCode: ods[t.ID][code]})
		}
	}
	share := func(t Type, code string, n int64) float64 {
		if d := pop[t][code]; d > 0 {
			return float64(n) / float64(d)
		}
		return 0
	}
	for _, r := range Relations {
		for pr, n := range overlap[r] {
			if r == [2]Type{LTLA, UTLA} && pr.from == pr.to {
				continue // a unitary authority is not its own child
			}
			h.Links = append(h.Links, Link{ChildType: r[0], ChildCode: pr.from, ParentType: r[1], ParentCode: pr.to,
				Share: share(r[0], pr.from, n), Population: n})
		}
	}
	for _, from := range ApportionFrom {
		for _, to := range Types {
			for pr, n := range overlap[[2]Type{from, to.ID}] {
				h.Weights = append(h.Weights, Weight{from, pr.from, to.ID, pr.to, share(from, pr.from, n)})
			}
		}
	}
	h.sort()
	return h, nil
}

// sort makes the output deterministic, which keeps imports repeatable.
func (h *Hierarchy) sort() {
	sort.Slice(h.Areas, func(i, j int) bool {
		a, b := h.Areas[i], h.Areas[j]
		if a.Type != b.Type {
			return a.Type.Rank() < b.Type.Rank()
		}
		return a.Code < b.Code
	})
	sort.Slice(h.Links, func(i, j int) bool {
		a, b := h.Links[i], h.Links[j]
		return fmt.Sprint(a.ChildType, a.ChildCode, a.ParentType, a.ParentCode) <
			fmt.Sprint(b.ChildType, b.ChildCode, b.ParentType, b.ParentCode)
	})
	sort.Slice(h.Weights, func(i, j int) bool {
		a, b := h.Weights[i], h.Weights[j]
		return fmt.Sprint(a.FromType, a.FromCode, a.ToType, a.ToCode) <
			fmt.Sprint(b.FromType, b.FromCode, b.ToType, b.ToCode)
	})
}
