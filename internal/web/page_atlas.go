package web

import (
	"net/http"
	"net/url"

	"github.com/mhatlas/mhatlas/internal/area"
	"github.com/mhatlas/mhatlas/internal/atlas"
	"github.com/mhatlas/mhatlas/internal/indicator"
)

// defaultIndicator and defaultType are what the atlas shows first.
const (
	defaultIndicator = "population"
	defaultType      = area.ICB
)

type indicatorGroup struct {
	Topic      string
	Indicators []indicator.Meta
}

// atlasRow is one area's row in the table under the map.
type atlasRow struct {
	AreaCode, AreaName     string
	Value                  *float64
	Numerator, Denominator float64
	Class                  int
	Colour                 string
	// RateOnly: the source gave the value without its counts.
	RateOnly, Incomplete bool
}

type atlasPage struct {
	basePage
	Groups     []indicatorGroup
	Types      []area.TypeInfo
	Meta       indicator.Meta
	Type       area.Type
	Period     string
	Selected   string
	Rows       []atlasRow
	England    *indicator.Value
	Legend     []indicator.Class
	Breaks     []float64
	Colours    []string
	Missing    int
	MissingHex string
	ValuesURL  string
	CSVURL     string
	TileURL    string
	TileAttrib string
	// Services is the services layer's state (page_atlas_services.go).
	Services servicesLayer
	// Breakdowns are the chosen indicator's filters (care need, sector,
	// role); Notes what the answer says a reader must know.
	Breakdowns []wfSelect
	Notes      []string
}

func (s *Server) atlasPage(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	q := r.URL.Query()
	id, typ := q.Get("indicator"), q.Get("type")
	if id == "" {
		id = defaultIndicator
	}
	if typ == "" {
		typ = string(defaultType)
	}
	metas, err := s.svc.Indicators(ctx)
	if err != nil {
		return err
	}
	if len(metas) == 0 {
		return atlas.Errorf(atlas.CodeNotFound, "No data has been imported yet. Run: mhatlas import --db PATH default")
	}
	aq := queryFrom(r)
	aq.Indicator, aq.Type = id, typ
	aq.Filters = pageFilters(metas, id, servicesFilters(id, q, aq.Filters))
	d, err := s.svc.Data(ctx, aq)
	if err != nil {
		return err
	}
	p := atlasPage{basePage: basePage{Title: d.Meta.Name + " by " + d.Type.Info().Name}, Groups: groupByTopic(metas),
		Meta: d.Meta, Type: d.Type, Period: d.Period, Selected: q.Get("area"), England: d.England,
		MissingHex: indicator.MissingColour, TileURL: s.cfg.TileURL, TileAttrib: s.cfg.TileAttribution}
	p.Sources = []string{atlasSource(d)}
	if p.Breakdowns, err = s.atlasBreakdowns(ctx, d, aq.Source); err != nil {
		return err
	}
	p.Notes = d.Notes
	var svcSources []string
	if p.Services, svcSources, err = s.atlasServices(ctx, q, metas, d.Meta.ID, string(d.Type)); err != nil {
		return err
	}
	p.Sources = append(p.Sources, svcSources...)
	p.Breakdowns = p.Services.withoutLayerFilters(d.Meta.ID, p.Breakdowns)
	for _, t := range area.Types {
		if d.Meta.HasAreaType(t.ID) && t.ID != area.England {
			p.Types = append(p.Types, t)
		}
	}
	var vals []float64
	for _, v := range d.Values {
		if v.Value != nil {
			vals = append(vals, *v.Value)
		}
	}
	p.Breaks = indicator.QuantileBreaks(vals, len(indicator.Palette))
	p.Legend = indicator.Legend(vals, p.Breaks)
	p.Colours = indicator.Colours(len(p.Breaks) + 1)
	for _, v := range d.Values {
		row := atlasRow{AreaCode: v.AreaCode, AreaName: v.AreaName, Value: v.Value, Numerator: v.Numerator,
			Denominator: v.Denominator, Class: -1, Colour: indicator.MissingColour, RateOnly: v.RateOnly, Incomplete: v.Incomplete}
		if v.Value != nil {
			row.Class = indicator.ClassOf(*v.Value, p.Breaks)
			row.Colour = p.Colours[row.Class]
		} else {
			p.Missing++
		}
		p.Rows = append(p.Rows, row)
	}
	params := url.Values{"indicator": {d.Meta.ID}, "type": {string(d.Type)}}
	// An indicator with one period answers with it anyway, and its label
	// can move (the services' years widen with each directory imported):
	// a saved download link must not break when it does.
	if len(d.Meta.Periods) > 1 {
		params.Set("period", d.Period)
	}
	for k, v := range d.Filters {
		params.Set(k, v)
	}
	if aq.Source != "" {
		params.Set("source", aq.Source)
	}
	p.ValuesURL = "/api/v1/data?" + params.Encode()
	p.CSVURL = "/api/v1/data.csv?" + params.Encode()
	return s.render(w, http.StatusOK, "atlas", p)
}

// groupByTopic keeps the indicators' order and gathers them under their
// topic, for the picker's option groups.
func groupByTopic(ms []indicator.Meta) []indicatorGroup {
	var gs []indicatorGroup
	idx := map[string]int{}
	for _, m := range ms {
		i, ok := idx[m.Topic]
		if !ok {
			i = len(gs)
			idx[m.Topic] = i
			gs = append(gs, indicatorGroup{Topic: m.Topic})
		}
		gs[i].Indicators = append(gs[i].Indicators, m)
	}
	return gs
}
