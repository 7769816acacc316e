package source

import (
	"strings"

	"github.com/mhatlas/mhatlas/internal/area"
)

// SFCCombinedCornwall is the one area Skills for Care reports for two
// councils: Cornwall (E06000052) and the Isles of Scilly (E06000053).
const SFCCombinedCornwall = "Cornwall and Isles of Scilly"

// sfcAliases maps Skills for Care's spellings (normalised) to the ONS name
// (normalised) where normalising alone does not make them meet. The list
// is the one in SKILLS_FOR_CARE_LAYOUT.md §4 (other spellings there, such
// as "Redcar & Cleveland" or "Stockton on Tees", differ from ONS only by
// "&", hyphens or full stops, which normalising removes).
var sfcAliases = map[string]string{
	"durham":             "county durham",
	"kingston upon hull": "kingston upon hull city of",
	"hull":               "kingston upon hull city of",
	"herefordshire":      "herefordshire county of",
	"bristol":            "bristol city of",
	"eastern":            "east of england",
}

// normName makes names comparable: lower case, "&" as "and", without
// punctuation or repeated spaces. "Stockton-on-Tees" and "Stockton on
// Tees" meet as "stockton on tees"; "St. Helens" and "St Helens" as
// "st helens".
func normName(s string) string {
	s = strings.ToLower(strings.ReplaceAll(s, "&", " and "))
	s = strings.Map(func(r rune) rune {
		switch r {
		case '-', ',', '.', '\'', '’', '(', ')':
			return ' '
		}
		return r
	}, s)
	return strings.Join(strings.Fields(s), " ")
}

// part is an area a Skills for Care row stands for, with the share of the
// row's counts it takes.
type part struct {
	Type  area.Type
	Code  string
	Share float64
}

// sfcPlaces resolves Skills for Care's area names to areas: upper-tier
// local authorities (the councils with adult social services duties),
// regions and England.
type sfcPlaces struct {
	byName map[string]area.Area
	pop    map[string]int64
}

func newSFCPlaces(areas []area.Area) *sfcPlaces {
	p := &sfcPlaces{byName: map[string]area.Area{}, pop: map[string]int64{}}
	for _, a := range areas {
		if a.Type != area.UTLA && a.Type != area.Region && a.Type != area.England {
			continue
		}
		p.byName[normName(a.Name)] = a
		p.pop[a.Code] = a.Population
	}
	return p
}

// resolve returns the areas a name stands for. The combined Cornwall and
// Isles of Scilly is split between the two councils by their shares of
// the Census 2021 population: a count is shared out that way, and a rate
// applies to both, since sharing out its numerator and denominator by the
// same share leaves it unchanged.
func (p *sfcPlaces) resolve(name string) ([]part, bool) {
	n := normName(name)
	if n == normName(SFCCombinedCornwall) {
		c, s := p.pop["E06000052"], p.pop["E06000053"]
		if c+s == 0 {
			return nil, false
		}
		total := float64(c + s)
		return []part{{area.UTLA, "E06000052", float64(c) / total}, {area.UTLA, "E06000053", float64(s) / total}}, true
	}
	if alias, ok := sfcAliases[n]; ok {
		n = alias
	}
	a, ok := p.byName[n]
	if !ok {
		return nil, false
	}
	return []part{{a.Type, a.Code, 1}}, true
}
