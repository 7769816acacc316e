package geo

import (
	"math/rand/v2"
	"testing"
)

func TestLocateNeighbours(t *testing.T) {
	fs := loadGeoJSON(t, layerByType(t, "ltla"))
	ix := NewIndex(fs)
	lad := byCode(fs)
	// Pairs of neighbouring districts: each one's ONS label point must
	// land in itself, not in its neighbour.
	pairs := [][2]string{
		{"E08000009", "E08000003"}, // Trafford / Manchester
		{"E09000001", "E09000030"}, // City of London / Tower Hamlets
		{"E06000023", "E06000024"}, // Bristol / North Somerset
		{"E08000025", "E08000029"}, // Birmingham / Solihull
		{"E06000053", "E06000052"}, // Isles of Scilly / Cornwall
		{"E07000012", "E07000008"}, // South Cambridgeshire / Cambridge (enclave)
	}
	for _, pr := range pairs {
		for k, code := range pr {
			other := pr[1-k]
			f, ok := lad[code]
			if !ok {
				t.Fatalf("no LAD %s", code)
			}
			got, found := ix.Locate(f.Label)
			if !found || got.Code != code {
				t.Errorf("label of %s (%s) located in %q (found=%v)", code, f.Name, got.Code, found)
			}
			if lad[other].Shape.Contains(f.Label) {
				t.Errorf("label of %s is inside neighbour %s", code, other)
			}
		}
	}
}

func TestLocateAllLabels(t *testing.T) {
	for _, l := range testLayers {
		fs := loadGeoJSON(t, l)
		ix := NewIndex(fs)
		for _, f := range fs {
			if got, ok := ix.Locate(f.Label); !ok || got.Code != f.Code {
				t.Errorf("%s: label of %s located in %q (found=%v)", l.object, f.Code, got.Code, ok)
			}
		}
	}
}

func TestLocateSea(t *testing.T) {
	ix := NewIndex(loadGeoJSON(t, layerByType(t, "icb")))
	for _, p := range []Point{
		{-3.0, 50.0},   // English Channel, inside England's bounding box
		{2.0, 54.0},    // North Sea
		{-4.0, 54.0},   // Irish Sea
		{-3.9, 51.3},   // Bristol Channel
		{0.0, 0.0},     // far away
		{-1.5, 89.99},  // outside the bounding box
		{1.29, 52.5},   // Norfolk, on land: control
		{-2.24, 53.48}, // Manchester, on land: control
	} {
		_, ok := ix.Locate(p)
		wantLand := p == (Point{1.29, 52.5}) || p == (Point{-2.24, 53.48})
		if ok != wantLand {
			t.Errorf("Locate(%v) found=%v, want %v", p, ok, wantLand)
		}
	}
}

func TestNearest(t *testing.T) {
	ix := NewIndex([]Feature{
		{Code: "A", Shape: MultiPolygon{{square(0, 0, 0.01)}}},
		{Code: "B", Shape: MultiPolygon{{square(0.01, 0, 0.01)}}},
	})
	if f, d, ok := ix.Nearest(Point{0.005, 0.005}, 100); !ok || f.Code != "A" || d != 0 {
		t.Errorf("inside: got %q %v %v", f.Code, d, ok)
	}
	// 0.0005° of latitude is about 55 m south of B's bottom edge.
	f, d, ok := ix.Nearest(Point{0.015, -0.0005}, 100)
	if !ok || f.Code != "B" || d < 50 || d > 60 {
		t.Errorf("just outside: got %q %v %v, want B at about 55 m", f.Code, d, ok)
	}
	if _, _, ok := ix.Nearest(Point{0.015, -0.0005}, 40); ok {
		t.Error("beyond maxMetres: want not found")
	}
	if _, ok := NewIndex(nil).Locate(Point{}); ok {
		t.Error("empty index found something")
	}
}

func BenchmarkLocate(b *testing.B) {
	fs := loadGeoJSON(b, layerByType(b, "ltla"))
	ix := NewIndex(fs)
	bb := EmptyBBox()
	for _, f := range fs {
		bb = bb.Union(f.Shape.BBox())
	}
	rng := rand.New(rand.NewPCG(1, 2))
	pts := make([]Point, 1024)
	for i := range pts {
		pts[i] = Point{bb.MinLon + rng.Float64()*(bb.MaxLon-bb.MinLon), bb.MinLat + rng.Float64()*(bb.MaxLat-bb.MinLat)}
	}
	for i := 0; b.Loop(); i++ {
		ix.Locate(pts[i%len(pts)])
	}
}
