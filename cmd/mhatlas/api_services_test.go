package main

import (
	"encoding/csv"
	"encoding/json"
	"strings"
	"testing"
)

// svcList is the services API answer, as a client reads it.
type svcList struct {
	Area struct{ Code, Name, Type string }
	// Filters echo the query.
	Filters  map[string]string
	Services []struct {
		ID, Name, Provider, Sector string
		Types, Groups              []string
		Address, Postcode, Source  string
		Longitude, Latitude        *float64
		Areas                      map[string]*string
		Located                    bool
		Placement, Verified        string
		Notes                      []string
	}
	Count      int
	NotLocated int `json:"not_located"`
	Coverage   struct {
		Complete, None bool
		Note           string
	}
	Sources []struct{ ID, Name, Publisher, Vintage, Licence string }
}

// The counts are worked by hand in internal/atlas/services_test.go
// (TestTraffordHandCounted): 47 services stand in Trafford, 10 of them
// peer support groups from its directory.
func TestAPIServices(t *testing.T) {
	var l svcList
	getJSON(t, "/api/v1/services?area=E08000009", 200, &l)
	if l.Area.Name != "Trafford" || l.Count != 47 || len(l.Services) != 47 || l.NotLocated != 0 || !l.Coverage.Complete {
		t.Fatalf("Trafford: %s %d services, %d not located, coverage %+v", l.Area.Name, l.Count, l.NotLocated, l.Coverage)
	}
	for _, s := range l.Services {
		if !s.Located || s.Placement != "coordinates" || s.Longitude == nil || *s.Areas["ltla"] != "E08000009" ||
			*s.Areas["icb"] != "E54000057" || *s.Areas["nhs-region"] != "E40000014" || *s.Areas["region"] != "E12000002" {
			t.Errorf("%+v", s)
		}
		if s.Postcode == "WA154 1HF" && (len(s.Notes) != 1 || s.Source != "trafford-mh-services") {
			t.Errorf("malformed postcode: %+v", s)
		}
	}
	getJSON(t, "/api/v1/services?area=E08000009&type=peer-support&sector=vcse", 200, &l)
	if l.Count != 10 || l.Filters["type"] != "peer-support" || len(l.Sources) != 1 || !strings.Contains(l.Sources[0].Licence, "Open Government Licence") {
		t.Errorf("peer support: %d, filters %v, sources %+v", l.Count, l.Filters, l.Sources)
	}
	// England by default: every service, 60 + 44 + 311.
	getJSON(t, "/api/v1/services", 200, &l)
	if l.Area.Code != "E92000001" || l.Count != 415 || len(l.Sources) != 3 || !strings.Contains(l.Coverage.Note, "covers only 0.4% of residents") {
		t.Errorf("England: %s, %d, %d sources, %q", l.Area.Code, l.Count, len(l.Sources), l.Coverage.Note)
	}
}

func TestAPIServicesErrors(t *testing.T) {
	for _, c := range []struct {
		path, code, want string
		status           int
	}{
		{"/api/v1/services?type=yoga", "invalid", `Unknown service type "yoga": use one of health-wellbeing, peer-support`, 400},
		{"/api/v1/services?sector=charity", "invalid", `Unknown sector "charity": use one of vcse, nhs, local-authority, independent.`, 400},
		{"/api/v1/services?group=pirates", "invalid", `Unknown population group "pirates"`, 400},
		{"/api/v1/services?area=E99999999", "not_found", `There is no area with the code "E99999999"`, 404},
		{"/api/v1/services.csv?type=yoga", "invalid", "Unknown service type", 400},
		{"/api/v1/data?indicator=services-per-100k&type=icb&service_type=yoga", "invalid", `service_type="yoga" is not one of: all, health-wellbeing`, 400},
	} {
		var e struct {
			Error struct{ Code, Message string }
		}
		getJSON(t, c.path, c.status, &e)
		if e.Error.Code != c.code || !strings.Contains(e.Error.Message, c.want) {
			t.Errorf("%s: %+v, want %q", c.path, e.Error, c.want)
		}
	}
}

func TestAPIServiceTaxonomy(t *testing.T) {
	var tax struct{ Types, Sectors, Groups []struct{ ID, Name string } }
	getJSON(t, "/api/v1/service-taxonomy", 200, &tax)
	// data/services/service_types.csv has 18 rows, population_groups.csv 14.
	if len(tax.Types) != 18 || len(tax.Sectors) != 4 || len(tax.Groups) != 14 || tax.Types[1].ID != "peer-support" || tax.Sectors[0].ID != "vcse" {
		t.Errorf("%+v", tax)
	}
}

func TestAPIServicesExports(t *testing.T) {
	resp, body := get(t, "/api/v1/services.csv?area=E08000009&type=peer-support")
	if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != "text/csv; charset=utf-8" ||
		!strings.Contains(resp.Header.Get("Content-Disposition"), "mhatlas-services-E08000009-peer-support.csv") {
		t.Fatalf("CSV: %d %v", resp.StatusCode, resp.Header)
	}
	rows, err := csv.NewReader(strings.NewReader(string(body))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	head := rows[0]
	if len(rows) != 11 || head[0] != "id" || head[len(head)-1] != "source_licence" {
		t.Fatalf("%d rows, header %v", len(rows), head)
	}
	for _, r := range rows[1:] {
		if r[len(r)-3] != "Mental Health Services for Trafford Residents (Trafford Council)" || !strings.Contains(r[len(r)-1], "Trafford Council licensed under the Open Government Licence") {
			t.Errorf("row without attribution: %v", r)
		}
	}
	resp, body = get(t, "/api/v1/services.geojson?area=E54000057")
	var fc struct {
		Type, Attribution string
		Sources           []struct{ ID string }
		Features          []struct {
			Type, ID string
			Geometry struct {
				Type        string
				Coordinates []float64
			}
			Properties struct{ Name, Sector string }
		}
	}
	if err := json.Unmarshal(body, &fc); err != nil {
		t.Fatal(err)
	}
	// NHS Greater Manchester ICB: 60 Trafford directory services and 12
	// NHS ones (TestTraffordHandCounted).
	if resp.Header.Get("Content-Type") != "application/geo+json" || fc.Type != "FeatureCollection" || len(fc.Features) != 72 ||
		len(fc.Sources) != 3 || !strings.Contains(fc.Attribution, "Trafford Council") || !strings.Contains(fc.Attribution, "NHS website") {
		t.Fatalf("GeoJSON: %s, %d features, %d sources, %q", fc.Type, len(fc.Features), len(fc.Sources), fc.Attribution)
	}
	if f := fc.Features[0]; f.Type != "Feature" || f.Geometry.Type != "Point" || len(f.Geometry.Coordinates) != 2 || f.Properties.Name == "" {
		t.Errorf("%+v", f)
	}
}

// The indicator is served for every area type; Trafford's value is worked
// in internal/atlas/services_indicators_test.go (47 per 234,987).
func TestAPIServicesIndicator(t *testing.T) {
	for _, typ := range []string{"england", "nhs-region", "region", "icb", "sub-icb", "utla", "ltla"} {
		var d struct {
			Indicator string
			Filters   map[string]string
			Notes     []string
			Values    []struct {
				Code  string
				Value *float64
			}
		}
		getJSON(t, "/api/v1/data?indicator=services-per-100k&type="+typ+"&service_type=peer-support", 200, &d)
		if d.Filters["service_type"] != "peer-support" || d.Filters["sector"] != "all" || len(d.Notes) < 2 || len(d.Values) == 0 {
			t.Errorf("%s: %+v", typ, d)
		}
		for _, v := range d.Values {
			if typ == "ltla" && v.Code == "E08000009" && (v.Value == nil || *v.Value < 4.25 || *v.Value > 4.26) {
				t.Errorf("Trafford peer support per 100k: %v", v.Value)
			}
		}
	}
}

func TestAreaProfileServices(t *testing.T) {
	resp, body := get(t, "/areas/E08000009")
	page := string(body)
	if resp.StatusCode != 200 {
		t.Fatal(resp.StatusCode)
	}
	for _, want := range []string{
		`id="area-services"`,
		`<dd class="govuk-summary-list__value" id="services-area-count">47</dd>`,
		"20.0 per 100,000", // 47 / 234,987 x 100,000
		`href="/?area=E08000009&amp;services=on&amp;type=utla"`,
		`href="/api/v1/services.csv?area=E08000009"`,
		`<tr class="govuk-table__row" data-type="peer-support"><th scope="row" class="govuk-table__header">Peer support and group sessions</th><td class="govuk-table__cell govuk-table__cell--numeric">10</td>`,
		"Trafford Psychological Therapies",
	} {
		if !strings.Contains(page, want) {
			t.Errorf("Trafford profile lacks %q", want)
		}
	}
	// Leeds: no voluntary-sector directory, said plainly.
	_, body = get(t, "/areas/E08000035")
	if !strings.Contains(string(body), "Not covered by Mental Health Services for Trafford Residents") {
		t.Error("Leeds profile does not say the directory does not cover it")
	}
}
