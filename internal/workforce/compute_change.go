package workforce

import (
	"github.com/mhatlas/mhatlas/internal/area"
	"github.com/mhatlas/mhatlas/internal/indicator"
)

// commonParts narrows a change whose two years were built from different
// parts of the area (a council that reported in one year and not the
// other) to the parts with figures in both years, so that the change
// compares like with like instead of counting a council's arrival as
// growth. It returns the two sums over those parts and how many there
// are; ok is false when the years were not built from parts of one type.
func (in *Input) commonParts(now, before Total) (n, b float64, parts int, ok bool) {
	if now.Direct || before.Direct || now.From != before.From || len(in.Def.Num) == 0 {
		return 0, 0, 0, false
	}
	m := in.Def.Num[0]
	had := map[string]area.Weight{}
	for _, w := range before.Used {
		had[w.FromCode] = w
	}
	for _, w := range now.Used {
		if _, ok := had[w.FromCode]; !ok {
			continue
		}
		x := in.Now[m][indicator.Key{Type: now.From, Code: w.FromCode}]
		y := in.Before[m][indicator.Key{Type: before.From, Code: w.FromCode}]
		if x == nil || y == nil {
			continue
		}
		n += *x * w.Share
		b += *y * had[w.FromCode].Share
		parts++
	}
	return n, b, parts, true
}
