package web

import (
	"github.com/mhatlas/mhatlas/internal/area"
	"github.com/mhatlas/mhatlas/internal/atlas"
	"github.com/mhatlas/mhatlas/internal/indicator"
)

// mapView is what the choropleth partial ("workforce-map") needs: the same
// #atlas-map data attributes the atlas page gives atlas.js.
type mapView struct {
	Meta       indicator.Meta
	Type       area.Type
	Period     string
	Dataset    *atlas.Dataset
	Breaks     []float64
	Colours    []string
	Legend     []indicator.Class
	Missing    int
	MissingHex string
	England    *indicator.Value
	EnglandTxt string
	// Notes explain the figures; Empty says no area of the type has one,
	// and Why (the first note) says why and which import would add them.
	Notes      []string
	Empty      bool
	Why        string
	ValuesURL  string
	TileURL    string
	TileAttrib string
}

func newMapView(d *atlas.Data, tiles, attrib string) mapView {
	mv := mapView{Meta: d.Meta, Type: d.Type, Period: d.Period, Dataset: d.Dataset, England: d.England,
		EnglandTxt: wfDisplay(d.Meta, d.England), Notes: d.Notes, MissingHex: indicator.MissingColour,
		TileURL: tiles, TileAttrib: attrib}
	var vals []float64
	for _, v := range d.Values {
		if v.Value != nil {
			vals = append(vals, *v.Value)
		} else {
			mv.Missing++
		}
	}
	mv.Empty = len(vals) == 0
	if mv.Empty && len(mv.Notes) > 0 {
		mv.Why, mv.Notes = mv.Notes[0], mv.Notes[1:]
	}
	mv.Breaks = indicator.QuantileBreaks(vals, len(indicator.Palette))
	if mv.Breaks == nil {
		mv.Breaks = []float64{} // "[]", not "null", for atlas.js
	}
	mv.Legend = indicator.Legend(vals, mv.Breaks)
	mv.Colours = indicator.Colours(len(mv.Breaks) + 1)
	return mv
}
