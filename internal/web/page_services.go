package web

import (
	"context"
	"html/template"
	"net/http"
	"net/url"
	"regexp"
	"strings"

	"github.com/mhatlas/mhatlas/internal/area"
	"github.com/mhatlas/mhatlas/internal/atlas"
	"github.com/mhatlas/mhatlas/internal/service"
)

// servicesPage lists services without a map: the page that works with no
// JavaScript, with the same filters as the map's layer and the API.
type servicesPage struct {
	basePage
	Heading string
	// Layer holds the filters, the taxonomy for the selects and the
	// export URLs, as on the atlas page.
	Layer              servicesLayer
	AreaCode, AreaName string
	EnglandURL         string
	Count, NotLocated  int64
	Coverage           atlas.Coverage
	Rows               []serviceListRow
	Datasets           []atlas.Dataset
	// Fewest calls out the ICBs with the fewest services for their
	// population, among those with complete figures.
	Fewest *fewestServices
}

// serviceListRow is one service in the services page's table.
type serviceListRow struct {
	ID, Name, Provider, Description string
	Symbol                          sectorSymbol
	Types, Groups                   []string
	Address, Postcode               string
	Telephone, WebURL               string
	// TelURL is a tel: link, made of digits only, so safe to mark as a
	// URL (html/template would otherwise refuse the scheme).
	TelURL           template.URL
	Source, Verified string
	Located          bool
	Note             string
	// Where links the areas the service stands in, smallest first.
	Where []area.Area
}

// servicesListPage serves GET /services?area=&type=&sector=&group=, the
// parameters of the services API.
func (s *Server) servicesListPage(w http.ResponseWriter, r *http.Request) error {
	if s.cfg.Services == nil {
		return atlas.Errorf(atlas.CodeNotFound, "This atlas has no services.")
	}
	ctx := r.Context()
	q := r.URL.Query()
	f := service.Filter{Type: q.Get("type"), Sector: q.Get("sector"), Group: q.Get("group")}
	l, err := s.cfg.Services.List(ctx, q.Get("area"), f)
	if err != nil {
		return err
	}
	code, name := "", ""
	if l.Area.Type != area.England {
		code, name = l.Area.Code, l.Area.Name
	}
	// The layer speaks the atlas page's language (service_type).
	lq := url.Values{"services": {"on"}, "service_type": {f.Type}, "sector": {f.Sector}, "group": {f.Group}}
	p := servicesPage{Layer: newServicesLayer(l.Taxonomy, lq, code, name), AreaCode: code, AreaName: name,
		NotLocated: int64(l.NotLocated), Coverage: l.Coverage, EnglandURL: "/services?" + newServicesLayer(l.Taxonomy, lq, "", "").apiQuery().Encode()}
	p.Heading = "Mental health services in " + l.Area.Name
	if p.Layer.Chosen != "" {
		p.Heading += ": " + p.Layer.Chosen
	}
	p.Title = p.Heading
	names, err := s.areaNames(ctx)
	if err != nil {
		return err
	}
	sources := map[string]string{}
	for _, src := range l.Sources {
		sources[src.Info.ID] = src.Info.Name
		p.Datasets = append(p.Datasets, src.Info)
		p.Sources = append(p.Sources, datasetName(src.Info)+". "+src.Info.Licence)
	}
	for _, sv := range l.Services {
		row := listRow(sv, l.Taxonomy, names)
		if n, ok := sources[sv.Source]; ok {
			row.Source = n
		}
		p.Rows = append(p.Rows, row)
		if sv.Placement.Located() {
			p.Count++
		}
	}
	if p.Fewest, err = s.fewestServices(ctx, f); err != nil {
		return err
	}
	return s.render(w, http.StatusOK, "services", p)
}

// whereTypes are the areas a row links to: the local authority and ICB a
// service stands in.
var whereTypes = []area.Type{area.LTLA, area.ICB}

// areaNames looks up the names of the areas the services stand in.
func (s *Server) areaNames(ctx context.Context) (map[area.Type]map[string]string, error) {
	out := map[area.Type]map[string]string{}
	for _, t := range whereTypes {
		as, err := s.svc.Store.Areas(ctx, t)
		if err != nil {
			return nil, err
		}
		out[t] = map[string]string{}
		for _, a := range as {
			out[t][a.Code] = a.Name
		}
	}
	return out, nil
}

var telJunk = regexp.MustCompile(`[^0-9+]`)

// listRow turns a service into a table row: names for taxonomy ids, safe
// links for the telephone and website.
func listRow(sv service.Service, tax service.Taxonomy, names map[area.Type]map[string]string) serviceListRow {
	row := serviceListRow{ID: sv.ID(), Name: sv.Name, Description: sv.Description, Symbol: symbolFor(string(sv.Sector), sv.Sector.Name()),
		Address: sv.Address, Postcode: sv.Postcode, Telephone: sv.Telephone, Source: sv.Source, Verified: sv.Verified,
		Located: sv.Placement.Located(), Note: sv.Placement.Note}
	if sv.Provider != sv.Name {
		row.Provider = sv.Provider
	}
	for _, t := range sv.Types {
		row.Types = append(row.Types, tax.TypeName(t))
	}
	for _, g := range sv.Groups {
		row.Groups = append(row.Groups, tax.GroupName(g))
	}
	if d := telJunk.ReplaceAllString(sv.Telephone, ""); len(d) >= 6 {
		row.TelURL = template.URL("tel:" + d)
	}
	row.WebURL = webURL(sv.Website)
	if row.Located {
		for _, t := range whereTypes {
			if c, ok := sv.Placement.Areas[t]; ok {
				row.Where = append(row.Where, area.Area{Code: c, Name: names[t][c], Type: t})
			}
		}
	}
	return row
}

// webURL makes a website as directories write it ("www.x.org",
// "http://x.org/") a link; anything that is not http(s) gives "".
func webURL(raw string) string {
	s := strings.TrimSpace(raw)
	if s == "" {
		return ""
	}
	if !strings.Contains(s, "://") {
		s = "http://" + s
	}
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return ""
	}
	return u.String()
}
