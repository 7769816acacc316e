package geo

import (
	"strings"
	"testing"
)

func TestReadFeaturesCounts(t *testing.T) {
	for _, l := range testLayers {
		fs := loadGeoJSON(t, l)
		if len(fs) != l.count {
			t.Errorf("%s: %d features, want %d", l.file, len(fs), l.count)
		}
		seen := map[string]bool{}
		for _, f := range fs {
			if seen[f.Code] || !strings.HasPrefix(f.Code, "E") || f.Name == "" {
				t.Errorf("%s: bad or repeated feature %q %q", l.file, f.Code, f.Name)
			}
			seen[f.Code] = true
			if f.Label == (Point{}) || len(f.Shape) == 0 || f.Shape.Area() <= 0 {
				t.Errorf("%s %s: missing label or shape", l.file, f.Code)
			}
		}
	}
	lad := byCode(loadGeoJSON(t, layerByType(t, "ltla")))
	if f := lad["E08000003"]; f.Name != "Manchester" {
		t.Errorf("E08000003 name = %q, want Manchester", f.Name)
	}
}

func TestReadFeaturesErrors(t *testing.T) {
	const square = `[[[0,0],[1,0],[1,1],[0,1],[0,0]]]`
	for _, tc := range []struct {
		name, in, want string
	}{
		{"not json", `{`, "decoding"},
		{"wrong type", `{"type":"Feature"}`, "FeatureCollection"},
		{"point", `{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"C":"E1"},"geometry":{"type":"Point","coordinates":[0,0]}}]}`, `feature 0 (E1): unsupported geometry type "Point"`},
		{"no geometry", `{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"C":"E1"},"geometry":null}]}`, "no geometry"},
		{"no code", `{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":` + square + `}}]}`, `missing string property "C"`},
		{"short ring", `{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"C":"E1"},"geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[0,0]]]}}]}`, "ring with 3 positions"},
		{"short position", `{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"C":"E1"},"geometry":{"type":"Polygon","coordinates":[[[0],[1,0],[1,1],[0]]]}}]}`, "position with 1 numbers"},
		{"name not string", `{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"C":"E1","N":3},"geometry":{"type":"Polygon","coordinates":` + square + `}}]}`, `"N" is not a string`},
	} {
		_, err := ReadFeatures(strings.NewReader(tc.in), "C", "N")
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: error %v, want it to mention %q", tc.name, err, tc.want)
		}
	}
}

func TestReadFeaturesPolygonAndLabel(t *testing.T) {
	in := `{"type":"FeatureCollection","features":[
	 {"type":"Feature","properties":{"C":"E1","N":"One","LONG":0.5,"LAT":0.25},"geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,1],[0,0]]]}},
	 {"type":"Feature","properties":{"C":"E2","N":"Two"},"geometry":{"type":"MultiPolygon","coordinates":[[[[2,0],[3,0],[3,1],[2,0]]],[[[4,0],[5,0],[5,1],[4,0]]]]}}]}`
	fs, err := ReadFeatures(strings.NewReader(in), "C", "N")
	if err != nil {
		t.Fatal(err)
	}
	if len(fs) != 2 || fs[0].Label != (Point{0.5, 0.25}) || fs[1].Label != (Point{}) || len(fs[1].Shape) != 2 {
		t.Fatalf("unexpected features %+v", fs)
	}
}
