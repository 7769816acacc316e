package workforce

import (
	"strings"
	"testing"

	"github.com/mhatlas/mhatlas/internal/area"
)

// An aggregate that lacks some parts divides by the population of the
// parts it was built from, never by the whole area's. Made-up figures on
// the test geography (Census 2021 period, so populations are the areas'
// own): A has 1,000 people, B 4,000, a quarter of them in ICB X.
//
//	A 4 specialist posts, B suppressed:
//	  ICB X = 4 posts over A's 1,000 people = 250 people per post
//	  (the whole of X, 1,000 + 0.25 × 4,000 = 2,000 people, would give 500)
//	A suppressed, B 8 posts:
//	  ICB X = 0.25 × 8 = 2 posts over 0.25 × 4,000 = 1,000 people = 500
//	  per post; 100,000 × 2 / 1,000 = 200 per 100,000
func TestComputePerPopulationOverSameParts(t *testing.T) {
	g := testGeo()
	aOnly := Table{}
	aOnly.Put(FilledPosts, akey(area.UTLA, "A"), f(4))
	aOnly.Put(FilledPosts, akey(area.UTLA, "B"), nil)
	d, _ := DefByID("wf-people-per-specialist")
	in := Input{Def: d, Period: "2020/21", Now: aOnly, Geo: g}
	v := in.Value(area.Area{Type: area.ICB, Code: "X"})
	if v.Value == nil || *v.Value != 250 || v.Numerator != 1000 || v.Denominator != 4 || !v.Incomplete {
		t.Errorf("X from A only = %+v", v)
	}
	if !strings.Contains(v.Note, "population is that of those parts") {
		t.Errorf("note %q does not say which population", v.Note)
	}

	bOnly := Table{}
	bOnly.Put(FilledPosts, akey(area.UTLA, "A"), nil)
	bOnly.Put(FilledPosts, akey(area.UTLA, "B"), f(8))
	in.Now = bOnly
	if v := in.Value(area.Area{Type: area.ICB, Code: "X"}); v.Value == nil || *v.Value != 500 || v.Numerator != 1000 {
		t.Errorf("X from a quarter of B = %+v", v)
	}
	d, _ = DefByID("wf-specialist-per-100k")
	in.Def = d
	if v := in.Value(area.Area{Type: area.ICB, Code: "X"}); v.Value == nil || *v.Value != 200 || v.Denominator != 1000 {
		t.Errorf("X per 100,000 = %+v", v)
	}
}
