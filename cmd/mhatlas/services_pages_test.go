package main

import (
	"regexp"
	"strings"
	"testing"
)

// Peer support in the default dataset, counted by hand from
// data/services/trafford_classification.csv: 14 services have the type
// peer-support, all voluntary sector. By their addresses and coordinates in
// trafford_mental_health_services_2018.csv, 4 stand in Manchester (The
// Proud Trust, M1 7HB; Zion Centre and Zion Anxiety Group, M15 4ZY;
// Chorlton Anxiety Group, M21 9JG) and 10 in Trafford (Stretford Hearing
// Voices, Urmston Depression Group, MacMillan Wellbeing Centre, Parent
// Support Group, New Way Forward, Sporting Memories, Altrincham Anxiety
// Group, The Counselling and Family Centre, Larkhill Demetia Cafe, Target
// Cafe). No NHS file has the type.
//
// Trafford's 139 LSOAs in data/geo/lsoa21_sicbl24_icb24_lad24_lookup.csv
// hold 234,987 usual residents, so peer support in Trafford is
// 10 / 234,987 x 100,000 = 4.2556 per 100,000: "4.3 per 100,000".
const (
	peerInTrafford = 10
	peerRateText   = "4.3 per 100,000"
)

var serviceRow = regexp.MustCompile(`<tr class="govuk-table__row" data-service="`)

// TestServicesListPage reads the page that lists services without a map.
func TestServicesListPage(t *testing.T) {
	resp, body := get(t, "/services?area=E08000009&type=peer-support")
	page := string(body)
	if resp.StatusCode != 200 {
		t.Fatalf("status %d: %s", resp.StatusCode, page)
	}
	if n := len(serviceRow.FindAllString(page, -1)); n != peerInTrafford {
		t.Errorf("%d rows, want %d peer support services in Trafford", n, peerInTrafford)
	}
	for _, want := range []string{
		"Mental health services in Trafford: Peer support and group sessions",
		"10 services (Peer support and group sessions)",
		"Stretford Hearing Voices", "Larkhill Demetia Cafe",
		`href="/api/v1/services.csv?area=E08000009&amp;type=peer-support"`,
		`href="/api/v1/services.geojson?area=E08000009&amp;type=peer-support"`,
		`href="/?area=E08000009&amp;service_type=peer-support&amp;services=on"`,
		"Mental Health Services for Trafford Residents", "Open Government Licence",
		`href="tel:07904601257"`, // Stretford Hearing Voices: "0790 460 1257" in the directory
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the page lacks %s", want)
		}
	}
	for _, not := range []string{"The Proud Trust", "Zion Anxiety Group", "#ZgotmplZ"} {
		if strings.Contains(page, not) {
			t.Errorf("the page has %s", not)
		}
	}

	// A filter the taxonomy lacks is refused, saying what would work.
	resp, body = get(t, "/services?type=knitting")
	if resp.StatusCode != 400 || !strings.Contains(string(body), "peer-support") {
		t.Errorf("unknown type: status %d", resp.StatusCode)
	}
}

// TestAtlasServicesControls checks the atlas page's services layer as the
// server renders it: every filter appears once, whatever the indicator, so
// the form never sends two values for one name.
func TestAtlasServicesControls(t *testing.T) {
	names := regexp.MustCompile(`<select [^>]*name="([a-z_]+)"`)
	pages := []struct {
		path      string
		wantNames []string
		want      []string
	}{
		{"/?services=on", []string{"indicator", "type", "service_type", "service_sector", "group"},
			[]string{`id="services-panel"`, `data-services-url="/api/v1/services?"`, "leaflet.markercluster.js", "MarkerCluster.css",
				`<input class="govuk-checkboxes__input" id="services" name="services" type="checkbox" value="on" checked>`,
				"List the services in a table"}},
		// The rate map: the layer's selects set its filters; its own
		// breakdown selects would repeat them.
		{"/?services=on&indicator=services-per-100k&type=ltla&service_type=peer-support&service_sector=vcse",
			[]string{"indicator", "type", "service_type", "service_sector", "group"},
			[]string{"sector=vcse", "service_type=peer-support", "The colours count only:</strong> Peer support and group sessions; Voluntary, community and social enterprise.",
				`data-code="E08000009"`, peerRateText}},
		// A workforce indicator keeps its own sector select beside the
		// layer's service_sector.
		{"/?services=on&indicator=wf-filled-posts&type=region&sector=voluntary&service_sector=nhs",
			[]string{"indicator", "type", "care_need", "sector", "role", "service_type", "service_sector", "group"},
			[]string{`data-services-url="/api/v1/services?sector=nhs"`}},
		// Layer off: only the box to switch it on.
		{"/?indicator=population", []string{"indicator", "type"},
			[]string{`<input class="govuk-checkboxes__input" id="services" name="services" type="checkbox" value="on">`}},
		// The rate map with the layer off still has the filters it uses.
		{"/?indicator=services-per-100k&type=icb&service_type=advocacy", []string{"indicator", "type", "service_type", "service_sector", "group"},
			[]string{`<option value="advocacy" selected>Advocacy</option>`, "service_type=advocacy"}},
	}
	for _, p := range pages {
		resp, body := get(t, p.path)
		page := string(body)
		if resp.StatusCode != 200 {
			t.Errorf("%s: status %d", p.path, resp.StatusCode)
			continue
		}
		// Other features add selects of their own (a workforce dataset
		// choice, say): every name must appear once, and the services
		// filters exactly when expected.
		seen := map[string]int{}
		for _, m := range names.FindAllStringSubmatch(page, -1) {
			seen[m[1]]++
		}
		for _, n := range p.wantNames {
			if seen[n] != 1 {
				t.Errorf("%s: %d selects named %s, want 1", p.path, seen[n], n)
			}
		}
		for n, c := range seen {
			if c > 1 {
				t.Errorf("%s: %d selects named %s", p.path, c, n)
			}
		}
		if len(p.wantNames) == 2 && seen["service_type"]+seen["service_sector"]+seen["group"] > 0 {
			t.Errorf("%s: the layer is off, yet its filters are shown: %v", p.path, seen)
		}
		for _, w := range p.want {
			if !strings.Contains(page, w) {
				t.Errorf("%s: the page lacks %s", p.path, w)
			}
		}
		if strings.Contains(p.path, "services=on") != strings.Contains(page, `id="services-panel"`) {
			t.Errorf("%s: services panel shown %v", p.path, !strings.Contains(p.path, "services=on"))
		}
	}
}
