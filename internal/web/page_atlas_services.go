package web

import (
	"context"
	"net/url"
	"strings"

	"github.com/mhatlas/mhatlas/internal/atlas"
	"github.com/mhatlas/mhatlas/internal/indicator"
	"github.com/mhatlas/mhatlas/internal/service"
)

// servicesRateIndicator is the indicator the services layer offers as the
// map's colours, with the layer's filters.
const servicesRateIndicator = "services-per-100k"

// servicesLayer is what the atlas page needs for its services layer: the
// form's state, the taxonomy its selects offer, the symbols of the legend
// and the URLs services.js and the links use.
//
// The form's parameters are services=on, service_type, service_sector and
// group: service_type because type already names the area type on this
// page, service_sector because sector is the workforce indicators' own
// breakdown (with other ids) and both can be on the page at once. A link
// may say sector= instead; it counts when service_sector is absent and the
// id is a services sector.
type servicesLayer struct {
	// Available is false until a service taxonomy has been imported: the
	// page then offers no services controls at all.
	Available bool
	On        bool
	// Filters shows the layer's selects: when it is on, or when the map
	// shows a services indicator, which they filter.
	Filters bool
	// Type, Sector and Group are the chosen taxonomy ids ("" = all).
	Type, Sector, Group    string
	Types, Sectors, Groups []service.Term
	Symbols                []sectorSymbol
	// Chosen says the filters in words, e.g. "Peer support and group
	// sessions; NHS"; empty when there are none.
	Chosen string
	// AreaCode and AreaName are the area the layer is limited to; empty
	// means England.
	AreaCode, AreaName string
	Heading            string
	// Fit asks services.js to zoom to the services once drawn.
	Fit bool
	// Sources names the imported directories, for the coverage note.
	Sources                                                  []string
	APIURL, TaxonomyURL, ListURL, MapURL, CSVURL, GeoJSONURL string
	// RateFilter says which services the map's colours count when they
	// show a services indicator with filters; empty otherwise.
	RateFilter string
	// RateURL shows services per 100,000 residents with the same filters;
	// empty when the map already shows it or there is no such indicator.
	RateURL string
}

// newServicesLayer reads the layer's state from the atlas page's query and
// builds its URLs. Filter ids the taxonomy does not have are dropped rather
// than refused, so a stale link still opens the atlas. areaCode/areaName
// limit the layer to one area (the atlas's selected area).
func newServicesLayer(tax service.Taxonomy, q url.Values, areaCode, areaName string) servicesLayer {
	// Without a taxonomy there is nothing to filter or show: never on.
	on := len(tax.Types) > 0 && q.Get("services") == "on"
	l := servicesLayer{Available: len(tax.Types) > 0, On: on, Filters: on,
		Types: tax.Types, Sectors: service.Sectors, Groups: tax.Groups, TaxonomyURL: "/api/v1/service-taxonomy"}
	if t := q.Get("service_type"); tax.HasType(t) {
		l.Type = t
	}
	if s := layerSector(q); s != "" {
		if _, err := service.ParseSector(s); err == nil {
			l.Sector = s
		}
	}
	if g := q.Get("group"); tax.HasGroup(g) {
		l.Group = g
	}
	for _, s := range service.Sectors {
		l.Symbols = append(l.Symbols, symbolFor(s.ID, s.Name))
	}
	var chosen []string
	if l.Type != "" {
		chosen = append(chosen, tax.TypeName(l.Type))
	}
	if l.Sector != "" {
		chosen = append(chosen, service.Sector(l.Sector).Name())
	}
	if l.Group != "" {
		chosen = append(chosen, "for "+tax.GroupName(l.Group))
	}
	l.Chosen = strings.Join(chosen, "; ")
	if areaCode != "" && areaCode != englandCode {
		l.AreaCode, l.AreaName, l.Fit = areaCode, areaName, true
	}
	l.Heading = "Services in England"
	if l.AreaName != "" {
		l.Heading = "Services in " + l.AreaName
	}
	api := l.apiQuery().Encode()
	l.APIURL = "/api/v1/services?" + api
	l.CSVURL = "/api/v1/services.csv?" + api
	l.GeoJSONURL = "/api/v1/services.geojson?" + api
	l.ListURL = "/services?" + api
	m := l.filterQuery()
	m.Set("services", "on")
	if l.AreaCode != "" {
		m.Set("area", l.AreaCode)
	}
	l.MapURL = "/?" + m.Encode()
	return l
}

// englandCode is England's GSS code: the services API's default area.
const englandCode = "E92000001"

// apiQuery is the layer's question in the services API's terms, where the
// service type parameter is called type.
func (l servicesLayer) apiQuery() url.Values {
	v := url.Values{}
	if l.AreaCode != "" {
		v.Set("area", l.AreaCode)
	}
	if l.Type != "" {
		v.Set("type", l.Type)
	}
	if l.Sector != "" {
		v.Set("sector", l.Sector)
	}
	if l.Group != "" {
		v.Set("group", l.Group)
	}
	return v
}

// filterQuery is the layer's filters in the atlas page's terms.
func (l servicesLayer) filterQuery() url.Values {
	v := url.Values{}
	if l.Type != "" {
		v.Set("service_type", l.Type)
	}
	if l.Sector != "" {
		v.Set("service_sector", l.Sector)
	}
	if l.Group != "" {
		v.Set("group", l.Group)
	}
	return v
}

// rateURL is the atlas showing services per 100,000 residents of areas of
// type typ with the layer's filters, the layer on.
func (l servicesLayer) rateURL(typ, selected string) string {
	v := l.filterQuery()
	v.Set("indicator", servicesRateIndicator)
	v.Set("type", typ)
	v.Set("services", "on")
	if selected != "" {
		v.Set("area", selected)
	}
	return "/?" + v.Encode()
}

// atlasServices builds the atlas page's services layer from its query:
// no controls at all when the atlas has no services or no taxonomy yet.
// It also returns the services' sources for the page's footer when the
// layer is on. metas lists every indicator, to offer the rate map only
// when it exists.
func (s *Server) atlasServices(ctx context.Context, q url.Values, metas []indicator.Meta, indicatorID, typ string) (servicesLayer, []string, error) {
	if s.cfg.Services == nil {
		return servicesLayer{}, nil, nil
	}
	tax, err := s.cfg.Services.Taxonomy(ctx)
	if err != nil {
		return servicesLayer{}, nil, err
	}
	selected := strings.TrimSpace(q.Get("area"))
	var code, name string
	if selected != "" {
		a, _, err := s.svc.Area(ctx, selected, "")
		if err != nil && !atlas.IsNotFound(err) {
			return servicesLayer{}, nil, err
		}
		code, name = a.Code, a.Name // an unknown code limits nothing
	}
	l := newServicesLayer(tax, q, code, name)
	if isServicesIndicator(indicatorID) {
		l.RateFilter, l.Filters = l.Chosen, l.Available
	}
	if !l.On {
		return l, nil, nil
	}
	srcs, err := s.cfg.Services.Sources(ctx)
	if err != nil {
		return servicesLayer{}, nil, err
	}
	var footer []string
	for _, src := range srcs {
		l.Sources = append(l.Sources, src.Info.Name)
		footer = append(footer, "Services: "+datasetName(src.Info)+". "+src.Info.Licence)
	}
	if indicatorID != servicesRateIndicator {
		for _, m := range metas {
			if m.ID == servicesRateIndicator {
				l.RateURL = l.rateURL(typ, selected)
			}
		}
	}
	return l, footer, nil
}

// datasetName names a dataset with its publisher and vintage.
func datasetName(d atlas.Dataset) string {
	var extra []string
	for _, x := range []string{d.Publisher, d.Vintage} {
		if x != "" {
			extra = append(extra, x)
		}
	}
	if len(extra) == 0 {
		return d.Name
	}
	return d.Name + " (" + strings.Join(extra, ", ") + ")"
}

// layerSector is the services sector the atlas page's query asks for:
// service_sector, or sector when there is no service_sector.
func layerSector(q url.Values) string {
	if v, ok := q["service_sector"]; ok {
		if len(v) == 0 {
			return ""
		}
		return v[0]
	}
	return q.Get("sector")
}

// isServicesIndicator reports whether the indicator counts services: its
// breakdowns are the layer's filters, and the layer's selects set them.
func isServicesIndicator(id string) bool {
	return id == servicesRateIndicator || id == "services-count"
}

// servicesFilters gives a services indicator the layer's filters in the
// indicator's terms (sector, not service_sector); other indicators' filters
// pass unchanged.
func servicesFilters(id string, q url.Values, f map[string]string) map[string]string {
	if !isServicesIndicator(id) {
		return f
	}
	out := map[string]string{}
	for k, v := range f {
		out[k] = v
	}
	if _, ok := q["service_sector"]; ok {
		delete(out, "sector")
		if s := q.Get("service_sector"); s != "" {
			out["sector"] = s
		}
	}
	return out
}

// withoutLayerFilters drops a services indicator's breakdown selects when
// the layer's own selects are on the page, so no filter appears twice.
func (l servicesLayer) withoutLayerFilters(id string, bs []wfSelect) []wfSelect {
	if !l.Available || !isServicesIndicator(id) {
		return bs
	}
	var out []wfSelect
	for _, b := range bs {
		if b.ID != "service_type" && b.ID != "sector" && b.ID != "group" {
			out = append(out, b)
		}
	}
	return out
}
