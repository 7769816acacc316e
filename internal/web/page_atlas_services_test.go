package web

import (
	"net/url"
	"testing"

	"github.com/mhatlas/mhatlas/internal/indicator"
	"github.com/mhatlas/mhatlas/internal/service"
)

// testTaxonomy is a made-up, two-type taxonomy for these tests.
var testTaxonomy = service.Taxonomy{
	Types:  []service.Term{{ID: "peer-support", Name: "Peer support and group sessions"}, {ID: "advocacy", Name: "Advocacy"}},
	Groups: []service.Term{{ID: "lgbt", Name: "LGBT+ people"}},
}

func TestNewServicesLayer(t *testing.T) {
	tests := []struct {
		name, query, area string
		wantOn            bool
		wantChosen        string
		wantAPI, wantMap  string
	}{
		{name: "off", query: "indicator=population", wantAPI: "/api/v1/services?", wantMap: "/?services=on"},
		{name: "on with filters", query: "services=on&service_type=peer-support&sector=vcse&group=lgbt&type=ltla", wantOn: true,
			wantChosen: "Peer support and group sessions; Voluntary, community and social enterprise; for LGBT+ people",
			wantAPI:    "/api/v1/services?group=lgbt&sector=vcse&type=peer-support",
			wantMap:    "/?group=lgbt&service_sector=vcse&service_type=peer-support&services=on"},
		// The workforce's sector select says sector=local-authority; the
		// layer's own select (service_sector) wins, even when it is "all".
		{name: "service_sector wins over sector", query: "services=on&sector=local-authority&service_sector=nhs", wantOn: true, wantChosen: "NHS",
			wantAPI: "/api/v1/services?sector=nhs", wantMap: "/?service_sector=nhs&services=on"},
		{name: "all sectors in the layer", query: "services=on&sector=local-authority&service_sector=", wantOn: true,
			wantAPI: "/api/v1/services?", wantMap: "/?services=on"},
		{name: "ids the taxonomy lacks are dropped", query: "services=on&service_type=knitting&sector=voluntary&group=x", wantOn: true,
			wantAPI: "/api/v1/services?", wantMap: "/?services=on"},
		{name: "limited to an area", query: "services=on&sector=nhs", area: "E08000009", wantOn: true, wantChosen: "NHS",
			wantAPI: "/api/v1/services?area=E08000009&sector=nhs", wantMap: "/?area=E08000009&service_sector=nhs&services=on"},
		{name: "England is no limit", query: "services=on", area: "E92000001", wantOn: true,
			wantAPI: "/api/v1/services?", wantMap: "/?services=on"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q, _ := url.ParseQuery(tt.query)
			l := newServicesLayer(testTaxonomy, q, tt.area, "Trafford")
			if !l.Available || l.On != tt.wantOn || l.Chosen != tt.wantChosen || l.APIURL != tt.wantAPI || l.MapURL != tt.wantMap {
				t.Errorf("got available %v, on %v, chosen %q, API %q, map %q", l.Available, l.On, l.Chosen, l.APIURL, l.MapURL)
			}
			if len(l.Symbols) != len(service.Sectors) {
				t.Errorf("%d symbols for %d sectors", len(l.Symbols), len(service.Sectors))
			}
			if tt.area == "E08000009" && (l.Heading != "Services in Trafford" || !l.Fit) {
				t.Errorf("heading %q, fit %v", l.Heading, l.Fit)
			}
		})
	}
	if l := newServicesLayer(service.Taxonomy{}, url.Values{"services": {"on"}}, "", ""); l.Available {
		t.Error("no taxonomy imported, yet the layer is offered")
	}
}

func TestSectorSymbolsDiffer(t *testing.T) {
	seen := map[string]string{}
	for _, s := range service.Sectors {
		sym := symbolFor(s.ID, s.Name)
		for _, key := range []string{"colour " + sym.Colour, "shape " + sym.Shape, "letter " + sym.Letter} {
			if other, ok := seen[key]; ok {
				t.Errorf("%s and %s share %s", other, s.ID, key)
			}
			seen[key] = s.ID
		}
	}
	if o := symbolFor("faith", "Faith groups"); o.Shape != "hexagon" || o.Letter != "F" {
		t.Errorf("a sector with no style of its own: %+v", o)
	}
}

func TestPageFilters(t *testing.T) {
	metas := []indicator.Meta{
		{ID: "population"},
		{ID: "services-per-100k", Breakdowns: []indicator.Breakdown{
			{ID: "service_type", Values: []indicator.Option{{ID: "peer-support"}}},
			{ID: "sector", Values: []indicator.Option{{ID: "vcse"}, {ID: "nhs"}}}}},
	}
	all := map[string]string{"services": "on", "service_type": "peer-support", "sector": "voluntary", "group": "lgbt"}
	if got := pageFilters(metas, "population", all); len(got) != 0 {
		t.Errorf("population: %v", got)
	}
	// sector=voluntary is a workforce sector, not one of this indicator's.
	if got := pageFilters(metas, "services-per-100k", all); len(got) != 1 || got["service_type"] != "peer-support" {
		t.Errorf("services-per-100k: %v", got)
	}
	if got := pageFilters(metas, "unknown", all); len(got) != len(all) {
		t.Errorf("an unknown indicator keeps the filters for the service to refuse: %v", got)
	}
}

func TestServicesFilters(t *testing.T) {
	q, _ := url.ParseQuery("services=on&service_type=peer-support&service_sector=vcse&sector=voluntary")
	in := map[string]string{"service_type": "peer-support", "service_sector": "vcse", "sector": "voluntary", "services": "on"}
	// The rate map takes the layer's sector under its own name.
	got := servicesFilters("services-per-100k", q, in)
	if got["sector"] != "vcse" || got["service_type"] != "peer-support" || in["sector"] != "voluntary" {
		t.Errorf("services-per-100k: %v (the input became %v)", got, in)
	}
	// A workforce indicator keeps its own sector.
	if got := servicesFilters("wf-filled-posts", q, in); got["sector"] != "voluntary" {
		t.Errorf("wf-filled-posts: %v", got)
	}

	bs := []wfSelect{{ID: "service_type"}, {ID: "sector"}, {ID: "group"}}
	on := servicesLayer{Available: true}
	if got := on.withoutLayerFilters("services-per-100k", bs); len(got) != 0 {
		t.Errorf("the layer's selects set a services indicator's filters, yet %v stay", got)
	}
	if got := on.withoutLayerFilters("wf-filled-posts", bs[1:2]); len(got) != 1 {
		t.Errorf("a workforce indicator lost its sector select: %v", got)
	}
	if got := (servicesLayer{}).withoutLayerFilters("services-per-100k", bs); len(got) != 3 {
		t.Errorf("with no layer the indicator's own selects must stay: %v", got)
	}
}
