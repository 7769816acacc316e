package indicator

import (
	"math"
	"testing"

	"github.com/mhatlas/mhatlas/internal/area"
)

func TestCompute(t *testing.T) {
	if v := Compute(Percentage, 27801, 509154); math.Abs(*v-5.460234035282056) > 1e-12 {
		t.Errorf("percentage %v", *v)
	}
	if v := Compute(RatePer100k, 3, 60000); *v != 5 {
		t.Errorf("rate %v", *v)
	}
	if v := Compute(Percentage, 1, 0); v != nil {
		t.Errorf("no denominator gave %v", *v)
	}
	if v := Compute(Count, 12, 0); *v != 12 {
		t.Errorf("count %v", *v)
	}
}

// Made-up counts: source area A lies wholly in X; B is split 25/75 between
// X and Y.
func TestApportion(t *testing.T) {
	counts := map[string]Counts{"A": {Num: 10, Den: 100}, "B": {Num: 40, Den: 200}}
	ws := []area.Weight{
		{FromType: area.LTLA, FromCode: "A", ToType: area.ICB, ToCode: "X", Share: 1},
		{FromType: area.LTLA, FromCode: "B", ToType: area.ICB, ToCode: "X", Share: 0.25},
		{FromType: area.LTLA, FromCode: "B", ToType: area.ICB, ToCode: "Y", Share: 0.75},
	}
	got := Apportion(counts, ws)
	if x := got[Key{area.ICB, "X"}]; x.Num != 20 || x.Den != 150 {
		t.Errorf("X = %+v, want 20/150", x)
	}
	if y := got[Key{area.ICB, "Y"}]; y.Num != 30 || y.Den != 150 {
		t.Errorf("Y = %+v, want 30/150", y)
	}
}

func TestQuantileBreaksAndClasses(t *testing.T) {
	vals := []float64{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}
	br := QuantileBreaks(vals, 5)
	want := []float64{3, 5, 7, 9}
	if len(br) != len(want) {
		t.Fatalf("breaks %v", br)
	}
	for i := range want {
		if br[i] != want[i] {
			t.Fatalf("breaks %v, want %v", br, want)
		}
	}
	for v, c := range map[float64]int{1: 0, 2.9: 0, 3: 1, 8.5: 3, 10: 4} {
		if got := ClassOf(v, br); got != c {
			t.Errorf("ClassOf(%v) = %d, want %d", v, got, c)
		}
	}
	leg := Legend(vals, br)
	total := 0
	for _, c := range leg {
		total += c.Count
	}
	if len(leg) != 5 || total != 10 || leg[0].Min != 1 || leg[4].Max != 10 || leg[4].Colour != Palette[4] {
		t.Errorf("legend %+v", leg)
	}
	// Repeated values merge classes rather than making empty ones.
	if br := QuantileBreaks([]float64{1, 1, 1, 1, 2}, 5); len(br) != 1 || br[0] != 2 {
		t.Errorf("repeated values: %v", br)
	}
}
