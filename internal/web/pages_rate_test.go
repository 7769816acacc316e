package web

import (
	"testing"

	"github.com/mhatlas/mhatlas/internal/indicator"
)

// A small rate keeps the places it needs, so a non-zero rate never reads as
// zero: 14 peer support services for England's 56,490,108 residents are
// 14 / 56,490,108 x 100,000 = 0.0248 per 100,000.
func TestFmtValueSmallRates(t *testing.T) {
	for _, c := range []struct {
		v    float64
		want string
	}{
		{14.0 / 56490108 * 100000, "0.02 per 100,000"},
		{0.004, "0.004 per 100,000"},
		{0, "0.0 per 100,000"},
		{0.087, "0.1 per 100,000"},
		{47.0 / 234987 * 100000, "20.0 per 100,000"},
	} {
		v := c.v
		if got := fmtValue(indicator.RatePer100k, &v); got != c.want {
			t.Errorf("%v: %q, want %q", c.v, got, c.want)
		}
	}
}

func TestFmtRange(t *testing.T) {
	for _, c := range []struct {
		vt     indicator.ValueType
		lo, hi float64
		want   string
	}{
		{indicator.RatePer100k, 129.06, 202.5, "129.1 to 202.5 per 100,000"},
		{indicator.Percentage, 2.6, 3.94, "2.6% to 3.9%"},
		{indicator.Count, 509162, 790664, "509,162 to 790,664"},
		{indicator.RatePer100k, 4.2556, 4.2556, "4.3 per 100,000"},
	} {
		if got := fmtRange(c.vt, c.lo, c.hi); got != c.want {
			t.Errorf("fmtRange(%v, %v, %v) = %q, want %q", c.vt, c.lo, c.hi, got, c.want)
		}
	}
}
