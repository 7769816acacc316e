package indicator

import "github.com/mhatlas/mhatlas/internal/area"

// Counts is a numerator and denominator pair for one area.
type Counts struct {
	Num, Den float64
}

// Key identifies an area of a type.
type Key struct {
	Type area.Type
	Code string
}

// Apportion moves counts published for source areas (say LTLAs) to every
// area the weights reach. The rule: each source area contributes its counts
// multiplied by the share of its population living in the target area, and
// contributions are summed. A source area that lies wholly in a target
// contributes all of it; one split across ICBs contributes to each by its
// Census 2021 population share.
func Apportion(counts map[string]Counts, weights []area.Weight) map[Key]Counts {
	out := map[Key]Counts{}
	for _, w := range weights {
		c, ok := counts[w.FromCode]
		if !ok {
			continue
		}
		k := Key{w.ToType, w.ToCode}
		s := out[k]
		s.Num += c.Num * w.Share
		s.Den += c.Den * w.Share
		out[k] = s
	}
	return out
}
