package indicator

import (
	"math"
	"sort"
)

// Palette is a five-class sequential blue scale (ColorBrewer "Blues"): it
// varies in lightness alone, so people with any common colour-vision
// deficiency can still order the classes.
var Palette = []string{"#eff3ff", "#bdd7e7", "#6baed6", "#3182bd", "#08519c"}

// MissingColour marks areas with no value.
const MissingColour = "#b1b4b6"

// Class is one class of a map legend: values v with Min <= v < Max (the last
// class includes its Max).
type Class struct {
	Min, Max float64
	Colour   string
	Count    int
}

// QuantileBreaks splits values into up to n classes holding about the same
// number of areas. It returns the n-1 inner thresholds; a value v belongs to
// class i where i is the number of thresholds <= v. Duplicate thresholds are
// merged, so fewer classes come back when values repeat.
func QuantileBreaks(values []float64, n int) []float64 {
	vs := make([]float64, 0, len(values))
	for _, v := range values {
		if !math.IsNaN(v) {
			vs = append(vs, v)
		}
	}
	if len(vs) < 2 || n < 2 {
		return nil
	}
	sort.Float64s(vs)
	var br []float64
	for i := 1; i < n; i++ {
		t := vs[i*len(vs)/n]
		if t > vs[0] && (len(br) == 0 || t > br[len(br)-1]) {
			br = append(br, t)
		}
	}
	return br
}

// ClassOf returns the class index of v for the given thresholds.
func ClassOf(v float64, breaks []float64) int {
	return sort.Search(len(breaks), func(i int) bool { return breaks[i] > v })
}

// Legend builds the classes for breaks over values, with colours taken from
// Palette so that the darkest colour is always the highest class.
func Legend(values []float64, breaks []float64) []Class {
	if len(values) == 0 {
		return nil
	}
	lo, hi := values[0], values[0]
	for _, v := range values {
		lo, hi = math.Min(lo, v), math.Max(hi, v)
	}
	edges := append(append([]float64{lo}, breaks...), hi)
	classes := make([]Class, len(breaks)+1)
	off := len(Palette) - len(classes)
	for i := range classes {
		classes[i] = Class{Min: edges[i], Max: edges[i+1], Colour: Palette[off+i]}
	}
	for _, v := range values {
		classes[ClassOf(v, breaks)].Count++
	}
	return classes
}

// Colours returns the palette slice that Legend uses for n classes.
func Colours(n int) []string {
	if n > len(Palette) {
		n = len(Palette)
	}
	return Palette[len(Palette)-n:]
}
