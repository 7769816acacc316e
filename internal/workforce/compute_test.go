package workforce

import (
	"math"
	"strings"
	"testing"

	"github.com/mhatlas/mhatlas/internal/area"
	"github.com/mhatlas/mhatlas/internal/indicator"
)

// A made-up geography: England holds ICBs X and Y; upper-tier authority A
// lies wholly in X, B is split, a quarter of its residents in X and three
// quarters in Y. Regions R1 and R2 make up England.
func testGeo() *Geography {
	areas := []area.Area{
		{Type: area.England, Code: area.EnglandCode, Name: "England"},
		{Type: area.ICB, Code: "X", Name: "ICB X"}, {Type: area.ICB, Code: "Y", Name: "ICB Y"},
		{Type: area.UTLA, Code: "A", Name: "A", Population: 1000}, {Type: area.UTLA, Code: "B", Name: "B", Population: 4000},
		{Type: area.Region, Code: "R1", Name: "R1"}, {Type: area.Region, Code: "R2", Name: "R2"},
	}
	ws := []area.Weight{
		{FromType: area.UTLA, FromCode: "A", ToType: area.ICB, ToCode: "X", Share: 1},
		{FromType: area.UTLA, FromCode: "B", ToType: area.ICB, ToCode: "X", Share: 0.25},
		{FromType: area.UTLA, FromCode: "B", ToType: area.ICB, ToCode: "Y", Share: 0.75},
		{FromType: area.UTLA, FromCode: "A", ToType: area.England, ToCode: area.EnglandCode, Share: 1},
		{FromType: area.UTLA, FromCode: "B", ToType: area.England, ToCode: area.EnglandCode, Share: 1},
		{FromType: area.UTLA, FromCode: "A", ToType: area.UTLA, ToCode: "A", Share: 1}, // dropped: same type
	}
	links := []area.Link{
		{ChildType: area.Region, ChildCode: "R1", ParentType: area.England, ParentCode: area.EnglandCode, Share: 1},
		{ChildType: area.Region, ChildCode: "R2", ParentType: area.England, ParentCode: area.EnglandCode, Share: 1},
	}
	return NewGeography(areas, ws, links)
}

func f(x float64) *float64 { return &x }

func akey(t area.Type, c string) indicator.Key { return indicator.Key{Type: t, Code: c} }

// Made-up figures. A: 100 filled, 10 vacant. B: 200 filled, 40 vacant.
//
//	ICB X: filled 100 + 0.25 × 200 = 150; vacant 10 + 0.25 × 40 = 20;
//	       vacancy rate 20 / (150 + 20) = 11.76% (not the mean of 9.09% and 16.67%)
//	ICB Y: filled 0.75 × 200 = 150; vacant 30; rate 30 / 180 = 16.67%
func TestComputeApportionedRate(t *testing.T) {
	tab := Table{}
	tab.Put(FilledPosts, akey(area.UTLA, "A"), f(100))
	tab.Put(Vacancies, akey(area.UTLA, "A"), f(10))
	tab.Put(FilledPosts, akey(area.UTLA, "B"), f(200))
	tab.Put(Vacancies, akey(area.UTLA, "B"), f(40))
	d, _ := DefByID("wf-vacancy-rate")
	in := Input{Def: d, Period: "2023/24", Now: tab, Geo: testGeo()}
	r := Compute(in, area.ICB)
	got := map[string]indicator.Value{}
	for _, v := range r.Values {
		got[v.AreaCode] = v
	}
	if v := got["X"]; v.Value == nil || math.Abs(*v.Value-100*20.0/170) > 1e-9 || v.Numerator != 20 || v.Denominator != 170 {
		t.Errorf("X = %+v", v)
	}
	if v := got["Y"]; v.Value == nil || math.Abs(*v.Value-100*30.0/180) > 1e-9 {
		t.Errorf("Y = %+v", v)
	}
	if r.England.Value == nil || math.Abs(*r.England.Value-100*50.0/350) > 1e-9 {
		t.Errorf("England = %+v", r.England)
	}
}

// A suppressed part leaves its aggregates incomplete, never zero; a
// published figure for the area itself wins over its parts; a published
// rate is shown where published and nowhere else.
func TestComputeSuppressedAndPublished(t *testing.T) {
	tab := Table{}
	tab.Put(FilledPosts, akey(area.UTLA, "A"), f(100))
	tab.Put(FilledPosts, akey(area.UTLA, "B"), nil)
	tab.Put(FilledPosts, akey(area.England, area.EnglandCode), f(999))
	d, _ := DefByID("wf-filled-posts")
	r := Compute(Input{Def: d, Period: "2023/24", Now: tab, Geo: testGeo()}, area.ICB)
	for _, v := range r.Values {
		switch v.AreaCode {
		case "X":
			if v.Value == nil || *v.Value != 100 || !v.Incomplete || !strings.Contains(v.Note, "1 of 2") {
				t.Errorf("X = %+v", v)
			}
		case "Y":
			if v.Value != nil {
				t.Errorf("Y has only a suppressed part, got %v", *v.Value)
			}
		}
	}
	if r.England.Value == nil || *r.England.Value != 999 || r.England.Incomplete {
		t.Errorf("England's own figure should win: %+v", r.England)
	}

	rates := Table{}
	rates.Put(VacancyRatePublished, akey(area.ICB, "X"), f(8.5))
	d, _ = DefByID("wf-vacancy-rate")
	r = Compute(Input{Def: d, Period: "2023/24", Now: rates, Geo: testGeo()}, area.ICB)
	if r.RateOnly != 1 || r.WithValue != 1 || !r.Values[0].RateOnly || r.England.Value != nil {
		t.Errorf("published rate: %+v", r)
	}
}

// Regions nest in England through links: England = R1 + R2.
func TestComputeFromLinks(t *testing.T) {
	tab := Table{}
	tab.Put(FilledPosts, akey(area.Region, "R1"), f(7))
	tab.Put(FilledPosts, akey(area.Region, "R2"), f(5))
	d, _ := DefByID("wf-filled-posts")
	r := Compute(Input{Def: d, Period: "2023/24", Now: tab, Geo: testGeo()}, area.England)
	if r.England.Value == nil || *r.England.Value != 12 || r.England.Incomplete {
		t.Errorf("England = %+v", r.England)
	}
	// ICBs cannot be built from regions: regions do not nest in them.
	r = Compute(Input{Def: d, Period: "2023/24", Now: tab, Geo: testGeo()}, area.ICB)
	if r.WithValue != 0 {
		t.Errorf("ICBs from regions: %+v", r.Values)
	}
}

// Change over five years and people per specialist, against populations:
// A has 1,000 people and 4 specialist posts in 2023/24 (2 in 2018/19), so
// 250 people per post and a change of +2 (+100%).
func TestComputeChangeAndPeoplePer(t *testing.T) {
	now, before := Table{}, Table{}
	now.Put(FilledPosts, akey(area.UTLA, "A"), f(4))
	before.Put(FilledPosts, akey(area.UTLA, "A"), f(2))
	g := testGeo()
	d, _ := DefByID("wf-specialist-posts-change-5y")
	in := Input{Def: d, Period: "2023/24", Now: now, Before: before, BeforePeriod: "2018/19", Geo: g}
	v := in.Value(area.Area{Type: area.UTLA, Code: "A"})
	if v.Value == nil || *v.Value != 2 || v.Note != "+2 (+100.0%) since 2018/19." {
		t.Errorf("change %+v", v)
	}
	d, _ = DefByID("wf-people-per-specialist")
	in = Input{Def: d, Period: "2020/21", Now: now, Geo: g}
	v = in.Value(area.Area{Type: area.UTLA, Code: "A"})
	if v.Value == nil || *v.Value != 250 || v.Numerator != 1000 {
		t.Errorf("people per specialist %+v", v)
	}
	in.Period = "2023/24" // no mid-2023 estimates in this test
	if v := in.Value(area.Area{Type: area.UTLA, Code: "A"}); v.Value != nil || v.Note != noteNoPopulation {
		t.Errorf("without a population: %+v", v)
	}
}

func TestMentalHealthTable(t *testing.T) {
	mh, spec, gen := Table{}, Table{}, Table{}
	spec.Put(FilledPosts, akey(area.UTLA, "A"), f(3))
	gen.Put(FilledPosts, akey(area.UTLA, "A"), f(7))
	spec.Put(FilledPosts, akey(area.UTLA, "B"), f(3))
	gen.Put(FilledPosts, akey(area.UTLA, "B"), nil)
	mh.Put(FilledPosts, akey(area.UTLA, "C"), f(1))
	spec.Put(FilledPosts, akey(area.UTLA, "C"), f(100))
	gen.Put(FilledPosts, akey(area.UTLA, "C"), f(100))
	spec.Put(VacancyRatePublished, akey(area.UTLA, "A"), f(5))
	gen.Put(VacancyRatePublished, akey(area.UTLA, "A"), f(5))
	out := MentalHealthTable(mh, spec, gen)
	if v := out[FilledPosts][akey(area.UTLA, "A")]; v == nil || *v != 10 {
		t.Errorf("A = %v", v)
	}
	if v, ok := out[FilledPosts][akey(area.UTLA, "B")]; !ok || v != nil {
		t.Errorf("B should be suppressed: %v %v", v, ok)
	}
	if v := out[FilledPosts][akey(area.UTLA, "C")]; v == nil || *v != 1 {
		t.Errorf("C's own row should win: %v", v)
	}
	if out.Has(VacancyRatePublished) {
		t.Error("published rates were added together")
	}
}
