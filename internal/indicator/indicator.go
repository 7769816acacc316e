// Package indicator holds what the atlas knows about a measure: its
// metadata, its values per area, and the rules that turn counts into the
// figures people read (rates recomputed from summed numerators and
// denominators, never averaged), plus the class breaks of a map.
package indicator

import (
	"github.com/mhatlas/mhatlas/internal/area"
)

// ValueType says how a value is expressed.
type ValueType string

// The value types.
const (
	Count       ValueType = "count"
	Percentage  ValueType = "percentage"
	RatePer100k ValueType = "rate-per-100000"
)

// Polarity says whether a higher value is better, worse or neither. It
// decides nothing about colour on its own: the atlas uses one sequential,
// colour-blind-safe scale and says in words which end is better.
type Polarity string

// The polarities.
const (
	Neutral    Polarity = "neutral"
	HighIsGood Polarity = "high-is-good"
	LowIsGood  Polarity = "low-is-good"
)

// Meta describes an indicator. ID is a stable public slug: users, scripts
// and links depend on it, so it never changes once published.
type Meta struct {
	ID         string
	Name       string
	Definition string
	Topic      string
	Unit       string
	ValueType  ValueType
	Polarity   Polarity
	// Source names the publication and table, e.g. "Census 2021, table TS009".
	Source    string
	Publisher string
	Licence   string
	// Aggregation states the rule that builds values for larger areas.
	Aggregation string
	Periods     []string
	AreaTypes   []area.Type
	// Numerator and Denominator say what the two counts are.
	Numerator   string
	Denominator string
	// Breakdowns lists the dimensions a query may filter on (for the
	// workforce: care need, sector, role), each with its values.
	Breakdowns []Breakdown
	// Notes are caveats people must read with the figures.
	Notes []string
}

// Breakdown is one dimension an indicator can be filtered by, such as
// care_need; the API takes its ID as a query parameter.
type Breakdown struct {
	ID      string
	Name    string
	Default string
	Values  []Option
}

// Option is one value of a breakdown.
type Option struct {
	ID, Name string
}

// HasAreaType reports whether the indicator has values for t.
func (m Meta) HasAreaType(t area.Type) bool {
	for _, x := range m.AreaTypes {
		if x == t {
			return true
		}
	}
	return false
}

// LatestPeriod returns the last period listed, or "".
func (m Meta) LatestPeriod() string {
	if len(m.Periods) == 0 {
		return ""
	}
	return m.Periods[len(m.Periods)-1]
}

// Value is one figure for one area and period. Numerator and Denominator
// are kept so that anyone can check the value, and so that larger areas are
// built from counts. Value is nil when the figure is missing (suppressed or
// not published): missing is never zero.
type Value struct {
	AreaType    area.Type
	AreaCode    string
	AreaName    string
	Period      string
	Numerator   float64
	Denominator float64
	Value       *float64
	// Note explains a value that needs it: why it is missing, or that an
	// aggregate lacks some of its parts.
	Note string
	// Incomplete marks an aggregate built without every part (a part was
	// suppressed or not published).
	Incomplete bool
	// RateOnly marks a value the source published without the counts
	// behind it: Numerator and Denominator are not known, and the value is
	// shown only for the area it was published for.
	RateOnly bool
}

// Compute turns a numerator and denominator into the figure for vt:
// the numerator itself for a count, 100·n/d for a percentage and
// 100,000·n/d for a rate. It returns nil when a rate has no denominator.
func Compute(vt ValueType, num, den float64) *float64 {
	var v float64
	switch vt {
	case Count:
		v = num
	case Percentage:
		if den <= 0 {
			return nil
		}
		v = 100 * num / den
	case RatePer100k:
		if den <= 0 {
			return nil
		}
		v = 100000 * num / den
	}
	return &v
}
