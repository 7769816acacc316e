package workforce

import (
	"fmt"

	"github.com/mhatlas/mhatlas/internal/area"
	"github.com/mhatlas/mhatlas/internal/indicator"
)

// Populations holds the ONS mid-year population estimates of lower-tier
// local authorities, by year (30 June of that year) and LTLA code.
type Populations map[int]map[string]float64

// Population is the population a per-population figure divides by.
type Population struct {
	Value float64
	// Label says which population it is, e.g. "ONS mid-2023 estimate".
	Label string
}

// PopulationFor returns the population of an area for a period (see
// PopulationYear): the Census 2021 usual residents summed from LSOAs for
// 2020/21; otherwise the mid-year estimates of the lower-tier authorities
// in the area, a split authority counted by its Census 2021 population
// share. ok is false when the estimates for that year, or for some of the
// area's authorities, have not been imported.
func (g *Geography) PopulationFor(pops Populations, period string, k indicator.Key) (Population, bool) {
	year, census, err := PopulationYear(period)
	if err != nil {
		return Population{}, false
	}
	if census {
		for _, a := range g.Areas[k.Type] {
			if a.Code == k.Code {
				return Population{Value: float64(a.Population), Label: "Census 2021 usual residents"}, true
			}
		}
		return Population{}, false
	}
	byLTLA := pops[year]
	if byLTLA == nil {
		return Population{}, false
	}
	var sum float64
	parts := g.Parts(area.LTLA, k)
	if k.Type == area.LTLA {
		parts = []area.Weight{{FromCode: k.Code, Share: 1}}
	}
	for _, w := range parts {
		p, ok := byLTLA[w.FromCode]
		if !ok {
			return Population{}, false
		}
		sum += p * w.Share
	}
	if len(parts) == 0 {
		return Population{}, false
	}
	return Population{Value: sum, Label: fmt.Sprintf("ONS mid-%d population estimate", year)}, true
}

// PopulationLabel names the population used for a period, for notes.
func PopulationLabel(period string) string {
	year, census, err := PopulationYear(period)
	switch {
	case err != nil:
		return ""
	case census:
		return "Census 2021 usual residents (Census Day, 21 March 2021, falls in 2020/21)"
	}
	if !IsFinancialYear(period) {
		return fmt.Sprintf("ONS mid-%d population estimate (the mid-year of the financial year %s falls in)", year, period)
	}
	return fmt.Sprintf("ONS mid-%d population estimate (30 June %d falls in %s)", year, year, period)
}
