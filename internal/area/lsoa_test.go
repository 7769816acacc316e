package area

import (
	"math"
	"testing"
)

// The LSOAs below are made up for the test: two districts, one of them
// split between two ICBs.
func testLSOAs() ([]LSOA, Names, ODSCodes) {
	mk := func(code string, pop int64, ltla, utla, icb, sub, rgn, nhs string) LSOA {
		return LSOA{Code: code, Population: pop, In: map[Type]string{LTLA: ltla, UTLA: utla, ICB: icb, SubICB: sub, Region: rgn, NHSRegion: nhs}}
	}
	lsoas := []LSOA{
		mk("L1", 100, "D1", "C1", "I1", "S1", "R1", "N1"),
		mk("L2", 300, "D1", "C1", "I2", "S2", "R1", "N1"),
		mk("L3", 600, "D2", "D2", "I2", "S2", "R1", "N1"),
	}
	names := Names{LTLA: {"D1": "District one", "D2": "Unitary two"}, UTLA: {"C1": "County one", "D2": "Unitary two"},
		ICB: {"I1": "ICB one", "I2": "ICB two"}, SubICB: {"S1": "Sub one", "S2": "Sub two"}, Region: {"R1": "Region"}, NHSRegion: {"N1": "NHS region"}}
	return lsoas, names, ODSCodes{ICB: {"I1": "Q01"}}
}

func TestBuildPopulationsAndShares(t *testing.T) {
	lsoas, names, ods := testLSOAs()
	h, err := Build(lsoas, names, ods)
	if err != nil {
		t.Fatal(err)
	}
	pop := map[string]int64{}
	for _, a := range h.Areas {
		pop[string(a.Type)+" "+a.Code] = a.Population
		if a.Type == ICB && a.Code == "I1" && a.ODSCode != "Q01" {
			t.Errorf("ODS code %q", a.ODSCode)
		}
	}
	want := map[string]int64{"ltla D1": 400, "ltla D2": 600, "utla C1": 400, "utla D2": 600, "icb I1": 100, "icb I2": 900, "england " + EnglandCode: 1000}
	for k, v := range want {
		if pop[k] != v {
			t.Errorf("%s = %d, want %d", k, pop[k], v)
		}
	}
	var d1 []Link
	for _, l := range h.Links {
		if l.ChildType == LTLA && l.ChildCode == "D1" && l.ParentType == ICB {
			d1 = append(d1, l)
		}
		if l.ChildType == LTLA && l.ParentType == UTLA && l.ChildCode == l.ParentCode {
			t.Errorf("unitary authority linked to itself: %+v", l)
		}
	}
	if len(d1) != 2 || math.Abs(d1[0].Share+d1[1].Share-1) > 1e-12 {
		t.Fatalf("D1 ICB links %+v", d1)
	}
	for _, l := range d1 {
		if (l.ParentCode == "I1" && l.Share != 0.25) || (l.ParentCode == "I2" && l.Share != 0.75) {
			t.Errorf("%+v", l)
		}
	}
}

func TestBuildRefusesGaps(t *testing.T) {
	lsoas, names, ods := testLSOAs()
	delete(names[ICB], "I2")
	if _, err := Build(lsoas, names, ods); err == nil {
		t.Error("an area without a name was accepted")
	}
	lsoas, names, _ = testLSOAs()
	delete(lsoas[0].In, SubICB)
	if _, err := Build(lsoas, names, ods); err == nil {
		t.Error("an LSOA without a sub-ICB was accepted")
	}
}

func TestParseType(t *testing.T) {
	if ty, err := ParseType("icb"); err != nil || ty != ICB {
		t.Errorf("icb: %v %v", ty, err)
	}
	if _, err := ParseType("ward"); err == nil {
		t.Error("ward accepted")
	}
}
