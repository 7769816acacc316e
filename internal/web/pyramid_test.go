package web

import (
	"strings"
	"testing"

	"github.com/mhatlas/mhatlas/internal/census"
)

// flatPyramid gives every band the same shares.
func flatPyramid(male, female float64) *census.Pyramid {
	p := &census.Pyramid{Year: 2023, Total: 100}
	for _, b := range census.AgeBands {
		p.Bands = append(p.Bands, census.PyramidBand{Band: b, MaleShare: male, FemaleShare: female})
	}
	return p
}

// TestNewPyramidGeometry checks the layout by hand: the largest share
// (3.5%, England's females) rounds the axis up to 4% at 1% steps, so 1%
// is 242 / 4 = 60.5 units; the oldest band is drawn at the top.
func TestNewPyramidGeometry(t *testing.T) {
	own, eng := flatPyramid(2, 3), flatPyramid(3, 3.5)
	own.Bands[0].MaleShare = 1 // the youngest band
	c := newPyramid(own, eng, "Somewhere", false)
	if len(c.Rows) != 19 || c.Rows[0].Band != "90+" || c.Rows[18].Band != "0-4" {
		t.Fatalf("rows not oldest first: %v ... %v", c.Rows[0].Band, c.Rows[len(c.Rows)-1].Band)
	}
	if len(c.Ticks) != 5 || c.Ticks[4].Label != "4%" || c.Ticks[4].LeftX != 20 || c.Ticks[4].RightX != 580 {
		t.Errorf("ticks = %+v, want 0%% to 4%% reaching x 20 and 580", c.Ticks)
	}
	young := c.Rows[18]
	if young.MaleWidth != 60.5 || young.MaleX != 262-60.5 || young.FemaleWidth != 181.5 {
		t.Errorf("0-4 bar = %+v, want male width 60.5 from x 201.5, female width 181.5", young)
	}
	// England's males (3%) are 181.5 units from the centre: x = 80.5,
	// starting at the bottom of the youngest band (34 + 19 x 22 = 452).
	if !strings.HasPrefix(c.EnglandOutline, "M262.0 452 L80.5 452 L80.5 430") {
		t.Errorf("outline starts %q", c.EnglandOutline[:40])
	}
	if c.Height != 452+pyrAxisGap+20+24+10 {
		t.Errorf("height = %d", c.Height)
	}
}

func TestAxisStep(t *testing.T) {
	for max, want := range map[float64]float64{2: 0.5, 3.9: 1, 7.6: 2, 14: 5} {
		if got := axisStep(max); got != want {
			t.Errorf("axisStep(%v) = %v, want %v", max, got, want)
		}
	}
}
