package web

import (
	"github.com/mhatlas/mhatlas/internal/area"
	"github.com/mhatlas/mhatlas/internal/indicator"
)

// mapAttrs is everything the "choropleth-div" partial writes onto the
// #atlas-map element for atlas.js. Both the atlas page and the workforce
// dashboard draw their map through it, so the contract with atlas.js is
// written down once.
type mapAttrs struct {
	Meta       indicator.Meta
	Type       area.Type
	ValuesURL  string
	Breaks     []float64
	Colours    []string
	MissingHex string
	Selected   string
	TileURL    string
	TileAttrib string
	// TableHint ends the map's label, naming the table that holds the same
	// values; Fallback is shown where JavaScript does not run.
	TableHint, Fallback string
}

// MapAttrs gives the atlas page's map attributes.
func (p atlasPage) MapAttrs() mapAttrs {
	return mapAttrs{Meta: p.Meta, Type: p.Type, ValuesURL: p.ValuesURL, Breaks: p.Breaks, Colours: p.Colours,
		MissingHex: p.MissingHex, Selected: p.Selected, TileURL: p.TileURL, TileAttrib: p.TileAttrib,
		TableHint: "The table below gives the same values.",
		Fallback:  "The map needs JavaScript. The table below lists the same values for every area."}
}

// MapAttrs gives the workforce dashboard's map attributes.
func (m mapView) MapAttrs() mapAttrs {
	return mapAttrs{Meta: m.Meta, Type: m.Type, ValuesURL: m.ValuesURL, Breaks: m.Breaks, Colours: m.Colours,
		MissingHex: m.MissingHex, TileURL: m.TileURL, TileAttrib: m.TileAttrib,
		TableHint: "The ranking table gives the same values.",
		Fallback:  "The map needs JavaScript. The ranking table below lists the same values."}
}

// legendView is what the "map-legend" partial draws: the heading and the
// classes of a choropleth, shared by the atlas page and the dashboard.
type legendView struct {
	Meta       indicator.Meta
	Classes    []indicator.Class
	Missing    int
	MissingHex string
	// Level is the heading level that fits the page's outline.
	Level int
}

// LegendView gives the atlas page's legend.
func (p atlasPage) LegendView() legendView {
	return legendView{Meta: p.Meta, Classes: p.Legend, Missing: p.Missing, MissingHex: p.MissingHex, Level: 2}
}

// LegendView gives the workforce dashboard's legend.
func (m mapView) LegendView() legendView {
	return legendView{Meta: m.Meta, Classes: m.Legend, Missing: m.Missing, MissingHex: m.MissingHex, Level: 3}
}
