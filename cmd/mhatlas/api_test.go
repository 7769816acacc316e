package main

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"io"
	"math"
	"net/http"
	"sort"
	"strings"
	"testing"
)

func TestAPIAreaTypes(t *testing.T) {
	var got struct {
		AreaTypes []struct {
			ID, Name string
			Count    int
		} `json:"area_types"`
	}
	getJSON(t, "/api/v1/area-types", 200, &got)
	want := map[string]int{"england": 1, "nhs-region": 7, "region": 9, "icb": 42, "sub-icb": 106, "utla": 153, "ltla": 296}
	if len(got.AreaTypes) != len(want) {
		t.Fatalf("%d types", len(got.AreaTypes))
	}
	for _, at := range got.AreaTypes {
		if at.Count != want[at.ID] || at.Name == "" {
			t.Errorf("%+v", at)
		}
	}
}

type areaRef struct{ Code, Name, Type string }

func TestAPIAreasSortedByName(t *testing.T) {
	var got struct{ Areas []areaRef }
	getJSON(t, "/api/v1/areas?type=icb", 200, &got)
	if len(got.Areas) != 42 {
		t.Fatalf("%d ICBs", len(got.Areas))
	}
	if !sort.SliceIsSorted(got.Areas, func(i, j int) bool { return got.Areas[i].Name < got.Areas[j].Name }) {
		t.Error("not sorted by name")
	}
	for _, a := range got.Areas {
		if a.Type != "icb" || !strings.HasPrefix(a.Code, "E54") {
			t.Errorf("%+v", a)
		}
	}
}

func TestAPIArea(t *testing.T) {
	var got struct {
		Code, Name, Type string
		Population       int64
		Parents          []struct {
			Code, Name, Type string
			Share            float64
		}
		Children []struct {
			Code, Type string
			Share      float64
		}
	}
	getJSON(t, "/api/v1/areas/E07000089", 200, &got) // Hart, split between two ICBs
	if got.Name != "Hart" || got.Type != "ltla" || got.Population != 99388 {
		t.Errorf("%+v", got)
	}
	shares := map[string]float64{}
	for _, p := range got.Parents {
		if p.Type == "icb" {
			shares[p.Code] = p.Share
		}
	}
	if len(shares) != 2 || math.Abs(shares["E54000034"]+shares["E54000042"]-1) > 1e-9 {
		t.Errorf("ICB shares %v", shares)
	}
	getJSON(t, "/api/v1/areas/E54000011", 200, &got)
	kids := map[string]bool{}
	for _, c := range got.Children {
		kids[c.Type+" "+c.Code] = true
	}
	for _, k := range []string{"ltla E06000051", "ltla E06000020", "utla E06000051", "sub-icb E38000257"} {
		if !kids[k] {
			t.Errorf("E54000011 lacks child %s: %v", k, kids)
		}
	}
}

type apiErr struct {
	Error struct{ Code, Message string }
}

func TestAPIErrors(t *testing.T) {
	cases := []struct {
		path   string
		status int
		want   string
	}{
		{"/api/v1/areas/E99999999", 404, "no area with the code"},
		{"/api/v1/areas?type=county", 400, "unknown area type"},
		{"/api/v1/areas", 400, "type=T"},
		{"/api/v1/data?indicator=nope&type=icb", 404, "no indicator \"nope\""},
		{"/api/v1/data?indicator=population&type=ward", 400, "Unknown area type"},
		{"/api/v1/data?indicator=population&type=icb&period=1999", 400, "no data for period"},
		{"/api/v1/data?type=icb", 400, "Choose an indicator"},
		{"/api/v1/data?indicator=population&type=icb&care_need=specialist", 400, "cannot be broken down by care_need"},
		{"/api/v1/nothing", 404, "no API endpoint"},
	}
	for _, c := range cases {
		var e apiErr
		getJSON(t, c.path, c.status, &e)
		if e.Error.Code == "" || !strings.Contains(e.Error.Message, c.want) {
			t.Errorf("%s: %+v, want message with %q", c.path, e, c.want)
		}
	}
}

type dataResp struct {
	Indicator, Period, Type string
	Values                  []struct {
		Code, Name  string
		Value       *float64
		Numerator   float64
		Denominator *float64
	}
	England struct {
		Value       *float64
		Numerator   float64
		Denominator *float64
	}
}

func TestAPIDataEveryIndicatorEveryType(t *testing.T) {
	var inds struct {
		Indicators []struct {
			ID, Name, Unit, Source string
			ValueType              string `json:"value_type"`
			Polarity               string
			Periods                []string
			AreaTypes              []string `json:"area_types"`
		}
	}
	getJSON(t, "/api/v1/indicators", 200, &inds)
	if len(inds.Indicators) < 24 {
		t.Fatalf("%d indicators", len(inds.Indicators))
	}
	n := map[string]int{"england": 1, "nhs-region": 7, "region": 9, "icb": 42, "sub-icb": 106, "utla": 153, "ltla": 296}
	censusIndicators := 0
	for _, ind := range inds.Indicators {
		if !strings.HasPrefix(ind.Source, "Census 2021") {
			continue // workforce, services and published layers have their own tests
		}
		censusIndicators++
		if ind.Polarity == "" || len(ind.Periods) == 0 {
			t.Errorf("metadata %+v", ind)
		}
		for _, typ := range ind.AreaTypes {
			var d dataResp
			getJSON(t, "/api/v1/data?indicator="+ind.ID+"&type="+typ, 200, &d)
			if d.Indicator != ind.ID || d.Type != typ || d.Period != "2021" || len(d.Values) != n[typ] || d.England.Value == nil {
				t.Errorf("%s %s: %s %s %d values", ind.ID, typ, d.Indicator, d.Period, len(d.Values))
			}
		}
	}
	if censusIndicators != 24 {
		t.Errorf("%d Census indicators, want 24 (population and 23 shares)", censusIndicators)
	}
}

func TestAPIDataHandWorked(t *testing.T) {
	var d dataResp
	getJSON(t, "/api/v1/data?indicator=bad-health-share&type=icb", 200, &d)
	for _, v := range d.Values {
		if v.Code == "E54000011" {
			// 27,801 of 509,154 (see internal/atlas tests for the working).
			if v.Numerator != 27801 || *v.Denominator != 509154 || math.Abs(*v.Value-5.460234035282056) > 1e-9 {
				t.Errorf("%+v", v)
			}
			return
		}
	}
	t.Error("E54000011 missing")
}

func TestAPIDataETag(t *testing.T) {
	resp, _ := get(t, "/api/v1/data?indicator=population&type=region")
	etag := resp.Header.Get("ETag")
	if etag == "" || !strings.Contains(resp.Header.Get("Cache-Control"), "max-age") {
		t.Fatalf("headers %v", resp.Header)
	}
	resp2, body := get(t, "/api/v1/data?indicator=population&type=region", "If-None-Match", etag)
	if resp2.StatusCode != http.StatusNotModified || len(body) != 0 {
		t.Errorf("conditional GET: %d, %d bytes", resp2.StatusCode, len(body))
	}
}

// TestBoundariesBudget reads the served bytes: every area of the layer is
// present, and the gzipped size is within budget.
func TestBoundariesBudget(t *testing.T) {
	budgets := map[string]int{"icb": 40 * 1024, "ltla": 120 * 1024, "utla": 90 * 1024, "sub-icb": 70 * 1024, "region": 25 * 1024, "nhs-region": 25 * 1024}
	for typ, budget := range budgets {
		resp, gz := get(t, "/api/v1/boundaries/"+typ, "Accept-Encoding", "gzip")
		if resp.StatusCode != 200 || resp.Header.Get("Content-Encoding") != "gzip" {
			t.Fatalf("%s: %d %v", typ, resp.StatusCode, resp.Header)
		}
		if len(gz) > budget {
			t.Errorf("%s: %d bytes gzipped, budget %d", typ, len(gz), budget)
		}
		zr, err := gzip.NewReader(bytes.NewReader(gz))
		if err != nil {
			t.Fatal(err)
		}
		raw, _ := io.ReadAll(zr)
		var topo struct {
			Type    string
			Objects map[string]struct {
				Geometries []struct {
					ID         string
					Type       string
					Properties struct{ Name string }
				}
			}
		}
		if err := json.Unmarshal(raw, &topo); err != nil {
			t.Fatal(err)
		}
		var areas struct{ Areas []areaRef }
		getJSON(t, "/api/v1/areas?type="+typ, 200, &areas)
		ids := map[string]bool{}
		for _, g := range topo.Objects["areas"].Geometries {
			if g.Type != "Polygon" && g.Type != "MultiPolygon" {
				t.Errorf("%s %s: geometry %s", typ, g.ID, g.Type)
			}
			ids[g.ID] = true
		}
		for _, a := range areas.Areas {
			if !ids[a.Code] {
				t.Errorf("%s: %s %s missing from the boundaries", typ, a.Code, a.Name)
			}
		}
		if len(ids) != len(areas.Areas) {
			t.Errorf("%s: %d shapes for %d areas", typ, len(ids), len(areas.Areas))
		}
		t.Logf("%s: %d bytes gzipped (budget %d)", typ, len(gz), budget)
	}
}

func TestPagesNoStackTraces(t *testing.T) {
	for path, status := range map[string]int{"/": 200, "/areas/E54000011": 200, "/areas/E92000001": 200, "/areas/E06000051?type=ltla": 200,
		"/sources": 200, "/search?q=leeds": 200, "/areas/E00000000": 404, "/nowhere": 404,
		"/?indicator=nope": 404, "/?type=ward": 400} {
		resp, body := get(t, path)
		if resp.StatusCode != status {
			t.Errorf("%s: %d, want %d", path, resp.StatusCode, status)
		}
		if bytes.Contains(body, []byte("goroutine")) || bytes.Contains(body, []byte(".go:")) {
			t.Errorf("%s shows internals", path)
		}
	}
}

func TestAPIDataCSV(t *testing.T) {
	resp, body := get(t, "/api/v1/data.csv?indicator=bad-health-share&type=icb")
	if resp.StatusCode != 200 || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/csv") ||
		!strings.Contains(resp.Header.Get("Content-Disposition"), "mhatlas-bad-health-share-icb-2021.csv") {
		t.Fatalf("%d %v", resp.StatusCode, resp.Header)
	}
	lines := strings.Split(strings.TrimSpace(string(body)), "\n")
	if len(lines) != 1+42+1 { // header, 42 ICBs, England
		t.Errorf("%d lines", len(lines))
	}
	found := false
	for _, l := range lines {
		if strings.HasPrefix(l, "E54000011,") {
			found = true
			// 27,801 / 509,154 with numerator and denominator, and attribution.
			if !strings.Contains(l, ",5.460234035282056,27801,509154,") || !strings.Contains(l, "Open Government Licence") {
				t.Errorf("row %q", l)
			}
		}
	}
	if !found || !strings.HasPrefix(lines[len(lines)-1], "E92000001,England,england,") {
		t.Errorf("rows: found=%v last=%q", found, lines[len(lines)-1])
	}
}
