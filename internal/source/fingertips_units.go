package source

import (
	"math"
	"regexp"
	"strings"

	"github.com/mhatlas/mhatlas/internal/indicator"
)

var (
	per100k  = regexp.MustCompile(`per 100[, ]?000\b`)
	perOther = regexp.MustCompile(`per [0-9][0-9, ]*\b`)
)

// fingertipsValueType works out how an indicator's values are expressed,
// which the Fingertips data export does not say. In order: the name ("%",
// "percentage", "proportion" -> percentage; "per 100,000" -> rate per
// 100,000; another "per N" is a unit the atlas cannot show); then the
// counts, where the file has them (every value equal, within 0.5%, to
// 100·Count/Denominator is a percentage, to 100,000·Count/Denominator a
// rate); then "number of" -> count. An indicator none of these settle is
// refused with the reason, rather than shown in the wrong unit.
func fingertipsValueType(pi *PublishedIndicator) (indicator.ValueType, string, string) {
	name := strings.ToLower(pi.Name)
	vt := indicator.ValueType("")
	switch {
	case strings.Contains(name, "%") || strings.Contains(name, "percentage") || strings.Contains(name, "proportion"):
		vt = indicator.Percentage
	case per100k.MatchString(name):
		vt = indicator.RatePer100k
	case perOther.MatchString(name):
		return "", "", "its values are a rate " + perOther.FindString(name) + ", and the atlas shows only percentages, rates per 100,000 and counts"
	case pi.HasCounts:
		vt = scaleFromCounts(pi.Values)
	}
	if vt == "" && (strings.HasPrefix(name, "number of") || strings.HasPrefix(name, "count of")) {
		vt = indicator.Count
	}
	switch vt {
	case indicator.Percentage:
		for _, v := range pi.Values {
			if v.Value != nil && (*v.Value < 0 || *v.Value > 100) {
				return "", "", "it looks like a percentage but has values outside 0 to 100"
			}
		}
		return vt, "%", ""
	case indicator.RatePer100k:
		return vt, "per 100,000", ""
	case indicator.Count:
		return vt, "", ""
	}
	return "", "", "the file does not say how its values are expressed, and neither the name nor the counts show " +
		"whether they are percentages, rates per 100,000 or counts (the only kinds the atlas shows)"
}

// scaleFromCounts returns the value type whose scale turns every
// value's Count/Denominator into its Value, or "" if none does.
func scaleFromCounts(vs []indicator.Value) indicator.ValueType {
	for _, c := range []struct {
		vt    indicator.ValueType
		scale float64
	}{{indicator.Percentage, 100}, {indicator.RatePer100k, 100000}} {
		n, ok := 0, true
		for _, v := range vs {
			if v.Value == nil || v.Denominator <= 0 {
				continue
			}
			want := c.scale * v.Numerator / v.Denominator
			if math.Abs(*v.Value-want) > 0.005*math.Max(math.Abs(want), 1e-9)+0.05 {
				ok = false
				break
			}
			n++
		}
		if ok && n > 0 {
			return c.vt
		}
	}
	return ""
}
