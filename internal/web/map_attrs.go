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
