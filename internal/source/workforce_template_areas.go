package source

import (
	"fmt"
	"sort"
	"strings"

	"github.com/mhatlas/mhatlas/internal/area"
)

// WorkforceAreas finds the area a workforce row is for, by GSS code or by
// a name that matches exactly one area.
type WorkforceAreas struct {
	byCode map[string][]area.Type
	byName map[string][]area.Area
}

// NewWorkforceAreas indexes the areas the atlas knows.
func NewWorkforceAreas(areas []area.Area) *WorkforceAreas {
	w := &WorkforceAreas{byCode: map[string][]area.Type{}, byName: map[string][]area.Area{}}
	for _, a := range areas {
		w.byCode[a.Code] = append(w.byCode[a.Code], a.Type)
		n := wfAreaName(a.Name)
		w.byName[n] = append(w.byName[n], a)
	}
	return w
}

func wfAreaName(s string) string {
	return strings.Join(strings.Fields(strings.ToLower(s)), " ")
}

// wfLooksLikeCode reports whether s has the shape of a GSS code (E54000011).
func wfLooksLikeCode(s string) bool {
	if len(s) != 9 || s[0] < 'A' || s[0] > 'Z' {
		return false
	}
	for _, c := range s[1:] {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// wfPreferredType picks the type a figure for a code is filed under: a unitary
// authority is both an upper- and a lower-tier authority, and social care
// figures belong to the upper tier, the council with adult social services
// duties.
func wfPreferredType(ts []area.Type) area.Type {
	best := ts[0]
	for _, t := range ts[1:] {
		if t.Rank() < best.Rank() {
			best = t
		}
	}
	return best
}

// Resolve returns the type and code of the area a code or name stands for.
func (w *WorkforceAreas) Resolve(codeOrName string) (area.Type, string, error) {
	s := strings.TrimSpace(codeOrName)
	if wfLooksLikeCode(strings.ToUpper(s)) {
		c := strings.ToUpper(s)
		ts := w.byCode[c]
		if len(ts) == 0 {
			return "", "", fmt.Errorf("unknown area code %q: not an area the atlas knows (England, regions, NHS regions, ICBs, sub-ICB locations and local authorities, 2023/2024 codes)", s)
		}
		return wfPreferredType(ts), c, nil
	}
	as := w.byName[wfAreaName(s)]
	codes := map[string][]area.Type{}
	for _, a := range as {
		codes[a.Code] = append(codes[a.Code], a.Type)
	}
	switch len(codes) {
	case 0:
		return "", "", fmt.Errorf("no area is called %q: give its GSS code, or its name as the atlas spells it (search at /search)", s)
	case 1:
		for c, ts := range codes {
			return wfPreferredType(ts), c, nil
		}
	}
	var list []string
	for c, ts := range codes {
		list = append(list, fmt.Sprintf("%s (%s)", c, ts[0]))
	}
	sort.Strings(list)
	return "", "", fmt.Errorf("%q names %d areas: %s; give the code instead", s, len(codes), strings.Join(list, ", "))
}
