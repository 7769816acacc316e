package service

import "testing"

func TestRecordsAllOf(t *testing.T) {
	local := Source{Groups: true, Coverage: []string{"E06000051"}}
	other := Source{Groups: true, Coverage: []string{"E08000009"}}
	hosp := Source{England: true, Types: []string{"mental-health-hospital", "mental-health-trust-hospital"}, Sectors: []Sector{NHS, Independent}}
	hq := Source{England: true, Types: []string{"nhs-trust-headquarters"}, Sectors: []Sector{NHS}}
	noGroups := Source{Coverage: []string{"E06000051"}}
	for _, c := range []struct {
		name string
		s, o Source
		f    Filter
		want bool
	}{
		{"two directories of everything", local, other, Filter{}, true},
		{"for one type", local, other, Filter{Type: "peer-support"}, true},
		{"a directory records the hospitals too", local, hosp, Filter{}, true},
		{"hospitals are not every kind of service", hosp, local, Filter{}, false},
		// A local directory could list a voluntary-sector hospital, which the
		// NHS file does not record; NHS hospitals it does.
		{"hospitals for the hospital type", hosp, local, Filter{Type: "mental-health-hospital"}, false},
		{"NHS hospitals", hosp, local, Filter{Type: "mental-health-hospital", Sector: "nhs"}, true},
		{"hospitals are not headquarters", hosp, hq, Filter{}, false},
		{"hospitals for the NHS sector", hosp, other, Filter{Sector: "nhs"}, false},
		{"no groups recorded", noGroups, other, Filter{Group: "women"}, false},
		{"groups not asked for", noGroups, other, Filter{}, true},
	} {
		if got := c.s.RecordsAllOf(c.o, c.f); got != c.want {
			t.Errorf("%s: RecordsAllOf = %v, want %v", c.name, got, c.want)
		}
	}
}
