package web

import (
	"fmt"
	"math"
	"strings"

	"github.com/mhatlas/mhatlas/internal/census"
)

// pyramidChart is a population pyramid drawn as SVG on the server: males
// to the left of a central column of age labels, females to the right,
// youngest at the bottom, and England's shape as an outline on each side.
// All geometry is worked out here; the template only prints it.
type pyramidChart struct {
	AreaName  string
	Year      int
	IsEngland bool // the outline would repeat the bars, so it is left out
	Height    int
	Rows      []pyramidRow // oldest first, as drawn from the top
	Ticks     []pyramidTick
	// EnglandOutline is an SVG path of England's shares, both sides.
	EnglandOutline           string
	AxisY, TickY, AxisLabelY int
	// MaleEnd and FemaleStart are where the bars start, either side of
	// the age labels at Mid; BarHeight is a bar's height.
	MaleEnd, Mid, FemaleStart, BarHeight int
	Table                                []census.PyramidBand // youngest first
	England                              map[string]census.PyramidBand
}

// pyramidRow is one age band as drawn.
type pyramidRow struct {
	census.PyramidBand
	Y, LabelY   int
	MaleX       float64 // left edge of the male bar
	MaleWidth   float64
	FemaleWidth float64
}

// pyramidTick is one mark of the horizontal axis, drawn on both sides.
type pyramidTick struct {
	Label         string
	LeftX, RightX float64
}

// Geometry of a pyramid, in SVG user units (the viewBox is 600 wide).
const (
	pyrTop     = 34  // below the "Males" and "Females" headings
	pyrRowH    = 22  // one age band
	pyrBarH    = 18  // a bar, leaving a gap between bands
	pyrLeft    = 262 // right end of the male bars
	pyrRight   = 338 // left end of the female bars
	pyrHalf    = 242 // the longest possible bar
	pyrAxisGap = 6
)

// newPyramid lays out p beside England's pyramid eng.
func newPyramid(p, eng *census.Pyramid, areaName string, isEngland bool) *pyramidChart {
	c := &pyramidChart{AreaName: areaName, Year: p.Year, IsEngland: isEngland, Table: p.Bands,
		England: map[string]census.PyramidBand{},
		MaleEnd: pyrLeft, Mid: (pyrLeft + pyrRight) / 2, FemaleStart: pyrRight, BarHeight: pyrBarH}
	max := 0.0
	for i, b := range p.Bands {
		e := eng.Bands[i]
		c.England[b.Band] = e
		max = math.Max(max, math.Max(math.Max(b.MaleShare, b.FemaleShare), math.Max(e.MaleShare, e.FemaleShare)))
	}
	step := axisStep(max)
	top := step * math.Max(1, math.Ceil(max/step))
	scale := pyrHalf / top
	n := len(p.Bands)
	for i := n - 1; i >= 0; i-- {
		b := p.Bands[i]
		y := pyrTop + (n-1-i)*pyrRowH
		w := scale * b.MaleShare
		c.Rows = append(c.Rows, pyramidRow{PyramidBand: b, Y: y + (pyrRowH-pyrBarH)/2, LabelY: y + 16,
			MaleX: pyrLeft - w, MaleWidth: w, FemaleWidth: scale * b.FemaleShare})
	}
	c.EnglandOutline = outline(eng.Bands, func(b census.PyramidBand) float64 { return pyrLeft - scale*b.MaleShare }, pyrLeft) +
		" " + outline(eng.Bands, func(b census.PyramidBand) float64 { return pyrRight + scale*b.FemaleShare }, pyrRight)
	for v := 0.0; v <= top+1e-9; v += step {
		c.Ticks = append(c.Ticks, pyramidTick{Label: fmt.Sprintf("%g%%", v), LeftX: pyrLeft - scale*v, RightX: pyrRight + scale*v})
	}
	c.AxisY = pyrTop + n*pyrRowH + pyrAxisGap
	c.TickY = c.AxisY + 20
	c.AxisLabelY = c.TickY + 24
	c.Height = c.AxisLabelY + 10
	return c
}

// axisStep chooses the spacing of the axis marks for a largest share of
// max per cent, so that each side has at most about six.
func axisStep(max float64) float64 {
	switch {
	case max <= 2.5:
		return 0.5
	case max <= 6:
		return 1
	case max <= 12:
		return 2
	default:
		return 5
	}
}

// outline traces England's bands as a stepped line from the base column
// (x = base) round the outer ends of its bars, youngest (bottom) first.
func outline(bands []census.PyramidBand, x func(census.PyramidBand) float64, base float64) string {
	n := len(bands)
	var b strings.Builder
	bottom := pyrTop + n*pyrRowH
	fmt.Fprintf(&b, "M%.1f %d", base, bottom)
	for i, band := range bands {
		yBottom := bottom - i*pyrRowH
		fmt.Fprintf(&b, " L%.1f %d L%.1f %d", x(band), yBottom, x(band), yBottom-pyrRowH)
	}
	fmt.Fprintf(&b, " L%.1f %d", base, pyrTop)
	return b.String()
}
