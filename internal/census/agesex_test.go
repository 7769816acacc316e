package census

import (
	"math"
	"testing"
)

// shropTelford are real rows of data/census2021/mid_year_estimates/
// mye2023_age_sex_5yr_lad23.csv (ONS mid-2023 estimates): the youngest and
// oldest bands of Shropshire (E06000051, lines 2700, 2718, 2719, 2737) and
// Telford and Wrekin (E06000020, lines 1104, 1122, 1123, 1141), the two
// authorities that make up NHS Shropshire, Telford and Wrekin ICB
// (E54000011), each wholly inside it.
var shropTelford = []AgeSexCount{
	{"E06000051", 2023, Males, "0-4", 7324}, {"E06000051", 2023, Females, "0-4", 6766},
	{"E06000051", 2023, Males, "90+", 1490}, {"E06000051", 2023, Females, "90+", 2850},
	{"E06000020", 2023, Males, "0-4", 5402}, {"E06000020", 2023, Females, "0-4", 5270},
	{"E06000020", 2023, Males, "90+", 429}, {"E06000020", 2023, Females, "90+", 870},
	{"W06000001", 2023, Males, "0-4", 1494}, // Isle of Anglesey: no weight, so left out
}

// TestBuildPyramidICB works the ICB's figures by hand:
//
//	males 0-4    = 7,324 (Shropshire) + 5,402 (Telford and Wrekin) = 12,726
//	females 0-4  = 6,766 + 5,270 = 12,036
//	males 90+    = 1,490 + 429   = 1,919
//	females 90+  = 2,850 + 870   = 3,720
//	total        = 12,726 + 12,036 + 1,919 + 3,720 = 30,401 (these rows only)
//	males 0-4    = 12,726 / 30,401 = 41.860%
//	females 90+  = 3,720 / 30,401  = 12.236%
//
// With every band, the ICB's total is 329,260 + 191,915 = 521,175 and its
// males aged 0-4 are 2.442% of it (checked in internal/atlas).
func TestBuildPyramidICB(t *testing.T) {
	p, err := BuildPyramid(shropTelford, map[string]float64{"E06000051": 1, "E06000020": 1})
	if err != nil {
		t.Fatal(err)
	}
	if p.Year != 2023 || p.Total != 30401 || len(p.Bands) != len(AgeBands) {
		t.Fatalf("year %d, total %v, %d bands; want 2023, 30401, %d", p.Year, p.Total, len(p.Bands), len(AgeBands))
	}
	first, last := p.Bands[0], p.Bands[len(p.Bands)-1]
	if first.Band != "0-4" || first.Males != 12726 || first.Females != 12036 {
		t.Errorf("0-4 = %+v, want males 12726, females 12036", first)
	}
	if last.Band != "90+" || last.Males != 1919 || last.Females != 3720 {
		t.Errorf("90+ = %+v, want males 1919, females 3720", last)
	}
	near(t, "males 0-4 share", first.MaleShare, 41.860)
	near(t, "females 90+ share", last.FemaleShare, 12.236)
	if b := p.Bands[1]; b.Males != 0 || b.MaleShare != 0 {
		t.Errorf("5-9 had no rows but = %+v", b)
	}
}

// TestBuildPyramidSplit apportions a split authority: half of Shropshire
// and all of Telford and Wrekin give males 0-4 = 0.5 x 7,324 + 5,402 =
// 9,064.
func TestBuildPyramidSplit(t *testing.T) {
	p, err := BuildPyramid(shropTelford, map[string]float64{"E06000051": 0.5, "E06000020": 1})
	if err != nil {
		t.Fatal(err)
	}
	if got := p.Bands[0].Males; got != 9064 {
		t.Errorf("males 0-4 = %v, want 9064", got)
	}
}

func TestBuildPyramidEmptyAndMixedYears(t *testing.T) {
	if p, err := BuildPyramid(shropTelford, map[string]float64{"E09000001": 1}); p != nil || err != nil {
		t.Errorf("no counts reach the area: got %+v, %v; want nil, nil", p, err)
	}
	mixed := append([]AgeSexCount{{"E06000051", 2022, Males, "0-4", 1}}, shropTelford...)
	if _, err := BuildPyramid(mixed, map[string]float64{"E06000051": 1}); err == nil {
		t.Error("estimates of 2022 and 2023 were combined without an error")
	}
}

func near(t *testing.T, what string, got, want float64) {
	t.Helper()
	if math.Abs(got-want) > 0.0005 {
		t.Errorf("%s = %.4f, want %.3f", what, got, want)
	}
}
