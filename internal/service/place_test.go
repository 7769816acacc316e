package service

import (
	"strings"
	"testing"

	"github.com/mhatlas/mhatlas/data"
	"github.com/mhatlas/mhatlas/internal/area"
	"github.com/mhatlas/mhatlas/internal/geo"
)

// testPlacer places points with the shipped boundaries of five real
// authorities and every sub-ICB location, and the links those authorities
// have in data/geo/lad24_icb24_nhser24_lookup.csv and
// lad24_sicbl24_apportionment.csv, written out here.
func testPlacer(t *testing.T) *Placer {
	t.Helper()
	read := func(name, code, nm string) []geo.Feature {
		f, err := data.FS.Open(name)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		fs, err := geo.ReadFeatures(f, code, nm)
		if err != nil {
			t.Fatal(err)
		}
		return fs
	}
	keep := map[string]bool{"E08000009": true, "E08000003": true, "E08000007": true, "E06000011": true, "E07000089": true}
	var ltlas []geo.Feature
	for _, f := range read("geo/lad24_bsc.geojson", "LAD24CD", "LAD24NM") {
		if keep[f.Code] {
			ltlas = append(ltlas, f)
		}
	}
	link := func(ct area.Type, c string, pt area.Type, p string) area.Link {
		return area.Link{ChildType: ct, ChildCode: c, ParentType: pt, ParentCode: p, Share: 1}
	}
	links := []area.Link{
		// Trafford, Manchester and Stockport: metropolitan districts (their
		// own upper tier), North West, NHS Greater Manchester ICB.
		link(area.LTLA, "E08000009", area.Region, "E12000002"), link(area.LTLA, "E08000009", area.SubICB, "E38000187"),
		link(area.LTLA, "E08000003", area.Region, "E12000002"), link(area.LTLA, "E08000003", area.SubICB, "E38000217"),
		link(area.LTLA, "E08000007", area.Region, "E12000002"), link(area.LTLA, "E08000007", area.SubICB, "E38000174"),
		link(area.SubICB, "E38000187", area.ICB, "E54000057"), link(area.SubICB, "E38000217", area.ICB, "E54000057"),
		link(area.SubICB, "E38000174", area.ICB, "E54000057"), link(area.ICB, "E54000057", area.NHSRegion, "E40000014"),
		// East Riding of Yorkshire: unitary, Yorkshire and The Humber, two
		// sub-ICB locations of Humber and North Yorkshire ICB.
		link(area.LTLA, "E06000011", area.Region, "E12000003"), link(area.LTLA, "E06000011", area.SubICB, "E38000052"),
		link(area.LTLA, "E06000011", area.SubICB, "E38000188"), link(area.SubICB, "E38000052", area.ICB, "E54000051"),
		link(area.SubICB, "E38000188", area.ICB, "E54000051"), link(area.ICB, "E54000051", area.NHSRegion, "E40000012"),
		// Hart: a district of Hampshire, split between Frimley ICB
		// (E38000252, 75% of residents) and Hampshire and Isle of Wight
		// ICB (E38000253).
		link(area.LTLA, "E07000089", area.UTLA, "E10000014"), link(area.LTLA, "E07000089", area.Region, "E12000008"),
		link(area.LTLA, "E07000089", area.SubICB, "E38000252"), link(area.LTLA, "E07000089", area.SubICB, "E38000253"),
		link(area.SubICB, "E38000252", area.ICB, "E54000034"), link(area.SubICB, "E38000253", area.ICB, "E54000042"),
		link(area.ICB, "E54000034", area.NHSRegion, "E40000005"), link(area.ICB, "E54000042", area.NHSRegion, "E40000005"),
	}
	p, err := NewPlacer(Geography{LTLAs: ltlas, SubICBs: read("geo/sicbl23_bsc.geojson", "SICBL23CD", "SICBL23NM"), Links: links})
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func at(lon, lat float64) *geo.Point { return &geo.Point{Lon: lon, Lat: lat} }

// Points from data/services/trafford_mental_health_services_2018.csv
// (line numbers in brackets) on both sides of Trafford's boundaries, and
// points in Hart on both sides of its split between two ICBs.
func TestPlaceBothSidesOfBoundaries(t *testing.T) {
	p := testPlacer(t)
	cases := []struct {
		name           string
		pt             *geo.Point
		ltla, sub, icb string
	}{
		// Its address says Manchester, but 346 Chester Road is in Trafford
		// (line 10); Hulme's Zion Centre, 1 km east, is in Manchester (23).
		{"Relate, Chester Road", at(-2.266819, 53.46762), "E08000009", "E38000187", "E54000057"},
		{"Zion Centre, Hulme", at(-2.252901, 53.466414), "E08000003", "E38000217", "E54000057"},
		// Stretford (line 26) and Chorlton (24), 1.5 km apart.
		{"Stretford Hearing Voices", at(-2.303315, 53.445169), "E08000009", "E38000187", "E54000057"},
		{"Chorlton Anxiety Group", at(-2.282079, 53.441785), "E08000003", "E38000217", "E54000057"},
		// Heald Green is in Stockport (line 59).
		{"Manchester Rape Crisis, Heald Green", at(-2.231155, 53.36647), "E08000007", "E38000174", "E54000057"},
		// Fleet is on Hart's Frimley side, Hook on its Hampshire side.
		{"Fleet", at(-0.8372, 51.2233), "E07000089", "E38000252", "E54000034"},
		{"Hook", at(-0.9362, 51.2800), "E07000089", "E38000253", "E54000042"},
		// Inside Hart's boundary but inside Wokingham's sub-ICB polygon
		// (the two generalised layers disagree at the edge): it takes the
		// nearest of Hart's own sub-ICB locations, never one Hart is not in.
		{"Hart's edge with Wokingham", at(-0.8537, 51.3536), "E07000089", "E38000252", "E54000034"},
	}
	for _, c := range cases {
		pl := p.Place(Service{Name: c.name, Point: c.pt}, nil)
		if pl.Method != ByCoordinates || pl.Areas[area.LTLA] != c.ltla || pl.Areas[area.SubICB] != c.sub || pl.Areas[area.ICB] != c.icb {
			t.Errorf("%s: %+v, want %s / %s / %s", c.name, pl, c.ltla, c.sub, c.icb)
		}
	}
	// The other types follow the links: a metropolitan district is its own
	// upper tier; Hart's is Hampshire.
	if pl := p.Place(Service{Point: cases[0].pt}, nil); pl.Areas[area.UTLA] != "E08000009" || pl.Areas[area.Region] != "E12000002" || pl.Areas[area.NHSRegion] != "E40000014" {
		t.Errorf("Trafford point: %v", pl.Areas)
	}
	if pl := p.Place(Service{Point: cases[5].pt}, nil); pl.Areas[area.UTLA] != "E10000014" || pl.Areas[area.NHSRegion] != "E40000005" {
		t.Errorf("Fleet: %v", pl.Areas)
	}
}

func TestPlaceSeafrontAndSea(t *testing.T) {
	p := testPlacer(t)
	// Granville Court, Hornsea (nhs_website_hospitals_2018.csv line 838)
	// is on the seafront, a few metres outside the coastline-clipped
	// boundary: it goes to the nearest authority, with a note.
	pl := p.Place(Service{Point: at(-0.16441945731639862, 53.917549133300781)}, nil)
	if pl.Method != ByCoordinates || pl.Areas[area.LTLA] != "E06000011" || !strings.Contains(pl.Note, "m outside the coastline-clipped boundaries") {
		t.Errorf("Hornsea seafront: %+v", pl)
	}
	// 4 km out into the North Sea is not guessed.
	pl = p.Place(Service{Point: at(-0.10, 53.92)}, nil)
	if pl.Located() || !strings.Contains(pl.Note, "outside England") {
		t.Errorf("at sea: %+v", pl)
	}
}

func TestPlaceByPostcode(t *testing.T) {
	p := testPlacer(t)
	// A made-up postcode table with one row: Sale Waterside's point from
	// line 39 of the Trafford file given to the postcode M33 7ZF.
	table := func(pc string) (geo.Point, bool) {
		if pc == "M33 7ZF" {
			return geo.Point{Lon: -2.319314, Lat: 53.425127}, true
		}
		return geo.Point{}, false
	}
	pl := p.Place(Service{Postcode: "m33 7zf"}, table)
	if pl.Method != ByPostcode || pl.Areas[area.LTLA] != "E08000009" || pl.Point == nil {
		t.Errorf("by postcode: %+v", pl)
	}
	// Coordinates at sea, but a known postcode: the postcode places it.
	pl = p.Place(Service{Point: at(-0.10, 53.92), Postcode: "M33 7ZF"}, table)
	if pl.Method != ByPostcode || !strings.Contains(pl.Note, "outside England") {
		t.Errorf("sea then postcode: %+v", pl)
	}
	for _, c := range []struct {
		s     Service
		table func(string) (geo.Point, bool)
		want  string
	}{
		{Service{Postcode: "M33 7ZF"}, nil, "no postcode table has been imported"},
		{Service{Postcode: "M1 1AA"}, table, "M1 1AA is not in the imported postcode table"},
		{Service{Postcode: "WA154 1HF"}, table, `the postcode "WA154 1HF" is malformed`},
		{Service{}, table, "no coordinates; no postcode"},
	} {
		pl := p.Place(c.s, c.table)
		if pl.Located() || !strings.Contains(pl.Note, c.want) {
			t.Errorf("%+v: %+v, want a note with %q", c.s, pl, c.want)
		}
	}
}
