package geo

import (
	"math"
	"strings"
	"testing"
)

func TestReadTopologyCounts(t *testing.T) {
	topo := loadTopology(t)
	if len(topo.Arcs) != 16568 {
		t.Errorf("%d arcs, want 16568", len(topo.Arcs))
	}
	for _, l := range testLayers {
		fs, err := topo.Features(l.object, l.codeProp, l.nameProp)
		if err != nil {
			t.Fatal(err)
		}
		if len(fs) != l.count {
			t.Errorf("%s: %d features, want %d", l.object, len(fs), l.count)
		}
	}
	if _, err := topo.Features("nope", "A", "B"); err == nil {
		t.Error("unknown object: want error")
	}
}

// TestTopologyMatchesGeoJSON rebuilds every area of every layer from the
// shared arcs and compares it with the GeoJSON original. The TopoJSON is
// quantised to a 1e5 grid (about 6 m), so areas agree closely but not
// exactly.
func TestTopologyMatchesGeoJSON(t *testing.T) {
	topo := loadTopology(t)
	for _, l := range testLayers {
		want := byCode(loadGeoJSON(t, l))
		got, err := topo.Features(l.object, l.codeProp, l.nameProp)
		if err != nil {
			t.Fatal(err)
		}
		worst := 0.0
		for _, f := range got {
			g, ok := want[f.Code]
			if !ok {
				t.Errorf("%s: %s not in GeoJSON", l.object, f.Code)
				continue
			}
			if f.Name != g.Name || f.Label != g.Label {
				t.Errorf("%s %s: name/label %q %v, GeoJSON has %q %v", l.object, f.Code, f.Name, f.Label, g.Name, g.Label)
			}
			rel := math.Abs(f.Shape.Area()/g.Shape.Area() - 1)
			worst = math.Max(worst, rel)
			if rel > 0.005 {
				t.Errorf("%s %s: area differs by %.2f%%", l.object, f.Code, 100*rel)
			}
		}
		t.Logf("%s: worst area difference %.4f%%", l.object, 100*worst)
	}
}

// TestReadTopologySmall checks the decoding rules on a hand-made topology:
// delta decoding, the transform, reversed arcs (~i) and shared endpoints.
func TestReadTopologySmall(t *testing.T) {
	// Two unit squares side by side sharing the arc x=1 (arc 0, running
	// up); arcs 1 and 2 complete the left and right squares.
	in := `{"type":"Topology","transform":{"scale":[0.5,0.25],"translate":[10,20]},
	"objects":{"o":{"type":"GeometryCollection","geometries":[
	 {"type":"Polygon","id":"L","properties":{"n":"Left"},"arcs":[[0,1]]},
	 {"type":"MultiPolygon","properties":{"c":"R","n":"Right"},"arcs":[[[2,-1]]]}]}},
	"arcs":[[[2,0],[0,4]],[[2,4],[-2,0],[0,-4],[2,0]],[[2,0],[2,0],[0,4],[-2,0]]]}`
	topo, err := ReadTopology(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if got := topo.Arcs[0]; len(got) != 2 || got[0] != (Point{11, 20}) || got[1] != (Point{11, 21}) {
		t.Fatalf("arc 0 = %v", got)
	}
	fs, err := topo.Features("o", "c", "n")
	if err != nil {
		t.Fatal(err)
	}
	if fs[0].Code != "L" || fs[1].Code != "R" || fs[0].Name != "Left" {
		t.Fatalf("codes/names %+v", fs)
	}
	wantLeft := Ring{{11, 20}, {11, 21}, {10, 21}, {10, 20}, {11, 20}}
	if got := fs[0].Shape[0][0]; !equalRings(got, wantLeft) {
		t.Errorf("left ring = %v, want %v", got, wantLeft)
	}
	wantRight := Ring{{11, 20}, {12, 20}, {12, 21}, {11, 21}, {11, 20}}
	if got := fs[1].Shape[0][0]; !equalRings(got, wantRight) {
		t.Errorf("right ring = %v, want %v", got, wantRight)
	}
}

func equalRings(a, b Ring) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestReadTopologyErrors(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{`[`, "decoding"},
		{`{"type":"FeatureCollection"}`, "want Topology"},
		{`{"type":"Topology","arcs":[[[0,0]]],"objects":{}}`, "arc 0 has 1 positions"},
		{`{"type":"Topology","arcs":[[[0,0],[1]]],"objects":{}}`, "position 1 has 1 numbers"},
		{`{"type":"Topology","transform":{"scale":[1]},"arcs":[],"objects":{}}`, "transform"},
		{`{"type":"Topology","arcs":[[[0,0],[1,1]]],"objects":{"o":{"type":"GeometryCollection","geometries":[{"type":"Polygon","id":"X","arcs":[[5]]}]}}}`, `object "o" geometry 0 (X): arc reference 5 out of range`},
		{`{"type":"Topology","arcs":[[[0,0],[1,1]]],"objects":{"o":{"type":"GeometryCollection","geometries":[{"type":"Polygon","arcs":[[-2]]}]}}}`, "out of range"},
		{`{"type":"Topology","arcs":[[[0,0],[1,1]]],"objects":{"o":{"type":"LineString","arcs":[0]}}}`, `unsupported geometry type "LineString"`},
		{`{"type":"Topology","arcs":[[[0,0],[1,1]]],"objects":{"o":{"type":"Polygon","arcs":[[]]}}}`, "ring with no arcs"},
		{`{"type":"Topology","arcs":[[[0,0],[1,1]]],"objects":{"o":{"type":"Polygon","arcs":[[0.5]]}}}`, "polygon arcs"},
	} {
		if _, err := ReadTopology(strings.NewReader(tc.in)); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("ReadTopology(%s): error %v, want it to mention %q", tc.in, err, tc.want)
		}
	}
}
