package web

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"sort"
	"strings"

	"github.com/mhatlas/mhatlas/internal/area"
	"github.com/mhatlas/mhatlas/internal/atlas"
	"github.com/mhatlas/mhatlas/internal/indicator"
	"github.com/mhatlas/mhatlas/internal/workforce"
)

// The dashboard's defaults: the map opens on the vacancy rate by ICB.
const (
	wfDefaultIndicator = "wf-vacancy-rate"
	wfDefaultType      = area.ICB
)

// wfTrendIDs are the columns of the dashboard's trend table.
var wfTrendIDs = []string{"wf-filled-posts", "wf-specialist-posts", "wf-vacancy-rate", "wf-turnover-rate", "wf-zero-hours-share", "wf-permanent-share"}

type wfSelect struct {
	ID, Label string
	Options   []indicator.Option
	Value     string
}

type workforcePage struct {
	basePage
	Selects     []wfSelect
	Indicators  []indicator.Meta
	Types       []area.TypeInfo
	Headlines   []wfFigure
	Partial     string // why a newer dataset does not give the headlines
	About       []wfNoteGroup
	Context     []wfFigure
	Trend       wfTrend
	Map         mapView
	Ranking     []wfRank
	Outliers    []wfOutliers
	TypeName    string
	ShowContext bool
}

type wfRank struct {
	Rank                 int
	Code, Name, Display  string
	Incomplete, RateOnly bool
}

type wfOutliers struct {
	Name, Period, England, Threshold, Source string
	Areas                                    []wfRank
	Compared                                 int // areas with a figure
}

func (s *Server) workforcePage(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	q := r.URL.Query()
	id, typ, source := q.Get("indicator"), q.Get("type"), q.Get("source")
	if id == "" || !strings.HasPrefix(id, "wf-") && !strings.HasPrefix(id, "nhs-") {
		id = wfDefaultIndicator
	}
	t, err := area.ParseType(typ)
	if err != nil || t == area.England {
		t = wfDefaultType
	}
	m, err := s.svc.Indicator(ctx, id)
	if err != nil {
		return err
	}
	dss, err := s.svc.WorkforceDatasets(ctx)
	if err != nil {
		return err
	}
	if source != "" && !hasDataset(dss, source) {
		return atlas.Errorf(atlas.CodeInvalid, "There is no workforce dataset %q. Choose one from the list on the page.", source)
	}
	f := pageFilters([]indicator.Meta{m}, id, queryFrom(r).Filters)
	p := workforcePage{basePage: basePage{Title: "Mental health workforce"}, TypeName: t.Info().Plural}
	all, err := s.svc.Indicators(ctx)
	if err != nil {
		return err
	}
	for _, x := range all {
		if workforce.IsWorkforceIndicator(x.ID) {
			p.Indicators = append(p.Indicators, x)
		}
	}
	period := q.Get("period")
	if !slices.Contains(m.Periods, period) {
		period = "" // a period of the indicator shown before: show the latest
	}
	p.Selects = wfSelects(m, f, source, period, dss)
	for _, ti := range area.Types {
		if ti.ID != area.England {
			p.Types = append(p.Types, ti)
		}
	}
	if err := s.wfHeadlines(ctx, &p, f, source); err != nil {
		return err
	}
	if err := s.wfMapSection(ctx, &p, m, t, period, f, source); err != nil {
		return err
	}
	for _, d := range dss {
		p.Sources = append(p.Sources, fmt.Sprintf("%s. Publisher: %s. Vintage: %s. %s", d.Name, d.Publisher, d.Vintage, d.Licence))
	}
	if len(dss) == 0 {
		p.Sources = []string{"No workforce figures have been imported yet: mhatlas import workforce FILE."}
	}
	return s.render(w, http.StatusOK, "workforce", p)
}

func hasDataset(ds []atlas.Dataset, id string) bool {
	for _, d := range ds {
		if d.ID == id {
			return true
		}
	}
	return false
}

// wfSelects builds the dashboard's pickers: the map indicator's
// breakdowns and the source dataset.
func wfSelects(m indicator.Meta, f map[string]string, source, period string, dss []atlas.Dataset) []wfSelect {
	var out []wfSelect
	for _, b := range m.Breakdowns {
		v := f[b.ID]
		if v == "" {
			v = b.Default
		}
		out = append(out, wfSelect{ID: b.ID, Label: b.Name, Options: b.Values, Value: v})
	}
	src := wfSelect{ID: "source", Label: "Source", Value: source,
		Options: []indicator.Option{{ID: "", Name: "The latest dataset for each figure"}}}
	for _, d := range dss {
		src.Options = append(src.Options, indicator.Option{ID: d.ID, Name: d.Name})
	}
	per := wfSelect{ID: "period", Label: "Period of the map", Value: period,
		Options: []indicator.Option{{ID: "", Name: "The latest with figures"}}}
	for i := len(m.Periods) - 1; i >= 0; i-- {
		per.Options = append(per.Options, indicator.Option{ID: m.Periods[i], Name: m.Periods[i]})
	}
	return append(out, src, per)
}

// wfHeadlines fills England's headline figures for the chosen care need,
// sector and role, and for all adult social care as context.
func (s *Server) wfHeadlines(ctx context.Context, p *workforcePage, f map[string]string, source string) error {
	eng := area.Area{Type: area.England, Code: area.EnglandCode, Name: "England"}
	hs, err := s.svc.WorkforceHeadlines(ctx, eng, f, source)
	if err != nil {
		return err
	}
	for _, h := range hs {
		p.Headlines = append(p.Headlines, figureOf(h))
	}
	p.Partial, p.About = partialNote(hs), headlineNotes(hs)
	metas, rows, err := s.svc.WorkforceTrend(ctx, eng, wfTrendIDs, f, source)
	if err != nil {
		return err
	}
	p.Trend = trendOf("England, by year, for the care need, sector and role chosen", metas, rows)
	if f["care_need"] == string(workforce.AllCareNeeds) {
		return nil
	}
	p.ShowContext = true
	ctxF := map[string]string{"care_need": string(workforce.AllCareNeeds), "sector": f["sector"], "role": f["role"]}
	hs, err = s.svc.WorkforceHeadlines(ctx, eng, ctxF, source)
	if err != nil {
		return err
	}
	for _, h := range hs {
		if h.Meta.ID == "wf-filled-posts" || h.Meta.ID == "wf-vacancy-rate" || h.Meta.ID == "wf-turnover-rate" {
			p.Context = append(p.Context, figureOf(h))
		}
	}
	return nil
}

// wfMapSection fills the map, the ranking and the outliers for the chosen
// indicator and area type.
func (s *Server) wfMapSection(ctx context.Context, p *workforcePage, m indicator.Meta, t area.Type, period string, f map[string]string, source string) error {
	d, err := s.svc.Data(ctx, atlas.Query{Indicator: m.ID, Type: string(t), Period: period, Source: source, Filters: atlas.FiltersFor(m, f)})
	if err != nil {
		return err
	}
	p.Map = newMapView(d, s.cfg.TileURL, s.cfg.TileAttribution)
	v := url.Values{"indicator": {m.ID}, "type": {string(t)}, "period": {d.Period}}
	for k, x := range d.Filters {
		v.Set(k, x)
	}
	if source != "" {
		v.Set("source", source)
	}
	p.Map.ValuesURL = "/api/v1/data?" + v.Encode()
	var ranked []indicator.Value
	for _, x := range d.Values {
		if x.Value != nil {
			ranked = append(ranked, x)
		}
	}
	sort.SliceStable(ranked, func(i, j int) bool { return *ranked[i].Value > *ranked[j].Value })
	for i, x := range ranked {
		p.Ranking = append(p.Ranking, wfRank{Rank: i + 1, Code: x.AreaCode, Name: x.AreaName, Display: wfDisplay(m, &x),
			Incomplete: x.Incomplete, RateOnly: x.RateOnly})
	}
	os, err := s.svc.WorkforceOutliers(ctx, t, f, source)
	if err != nil {
		return err
	}
	for _, o := range os {
		src, _ := wfSource(o.Dataset)
		wo := wfOutliers{Name: o.Meta.Name, Period: o.Period, Source: src, England: fmtValue(indicator.Percentage, &o.England),
			Threshold: fmt.Sprintf("%.1f × England's %.1f%% = %.1f%%", atlas.OutlierFactor, o.England, o.Threshold), Compared: o.Compared}
		if o.EnglandIncomplete {
			wo.Threshold += " (England's rate in this dataset is built from only some of its areas)"
		}
		for _, x := range o.Areas {
			wo.Areas = append(wo.Areas, wfRank{Code: x.AreaCode, Name: x.AreaName, Display: wfDisplay(o.Meta, &x), Incomplete: x.Incomplete})
		}
		p.Outliers = append(p.Outliers, wo)
	}
	return nil
}
