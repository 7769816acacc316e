package geo

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"math"
	"slices"
	"strings"
	"testing"
)

func gzipLen(tb testing.TB, b []byte) int {
	var buf bytes.Buffer
	w := gzip.NewWriter(&buf)
	if _, err := w.Write(b); err != nil {
		tb.Fatal(err)
	}
	if err := w.Close(); err != nil {
		tb.Fatal(err)
	}
	return buf.Len()
}

func TestDisplayLayersTable(t *testing.T) {
	if len(DisplayLayers) != len(testLayers) {
		t.Errorf("DisplayLayers has %d entries, want %d", len(DisplayLayers), len(testLayers))
	}
	for _, l := range testLayers {
		want := LayerSpec{l.object, l.codeProp, l.nameProp}
		if got := DisplayLayers[l.areaType]; got != want {
			t.Errorf("DisplayLayers[%q] = %+v, want %+v", l.areaType, got, want)
		}
	}
}

// TestDisplayLayer builds every display layer and checks the gzipped
// budget, that the output is standard TopoJSON our reader (and so
// topojson-client) can decode, and that every area is still recognisable:
// its area within 10% of the full-resolution GeoJSON, and for nearly all
// areas its ONS label point still inside it.
func TestDisplayLayer(t *testing.T) {
	topo := loadTopology(t)
	for _, l := range testLayers {
		t.Run(l.areaType, func(t *testing.T) {
			spec := DisplayLayers[l.areaType]
			out, err := DisplayLayer(topo, spec.Object, spec.CodeProp, spec.NameProp, DisplayOptionsFor(spec.Object))
			if err != nil {
				t.Fatal(err)
			}
			gz := gzipLen(t, out)
			if gz > l.budget {
				t.Errorf("gzipped size %d bytes, budget %d", gz, l.budget)
			}
			checkTopoJSONShape(t, out)
			back, err := ReadTopology(bytes.NewReader(out))
			if err != nil {
				t.Fatal(err)
			}
			if len(back.Objects) != 1 {
				t.Errorf("%d objects, want only \"areas\"", len(back.Objects))
			}
			simple, err := back.Features("areas", "", "name")
			if err != nil {
				t.Fatal(err)
			}
			full := loadGeoJSON(t, l)
			if !slices.Equal(codes(simple), codes(full)) {
				t.Fatalf("ids differ from the source layer")
			}
			fullByCode := byCode(full)
			worst, worstCode, labelled := 0.0, "", 0
			for _, s := range simple {
				f := fullByCode[s.Code]
				if s.Name != f.Name {
					t.Errorf("%s: name %q, want %q", s.Code, s.Name, f.Name)
				}
				rel := math.Abs(s.Shape.Area()/f.Shape.Area() - 1)
				if rel > 0.10 {
					t.Errorf("%s %s: simplified area differs by %.1f%%", s.Code, s.Name, 100*rel)
				}
				if rel > worst {
					worst, worstCode = rel, s.Code
				}
				if s.Shape.Contains(f.Label) {
					labelled++
				}
				checkRings(t, s)
			}
			frac := float64(labelled) / float64(len(simple))
			if frac < 0.95 {
				t.Errorf("only %.1f%% of label points inside their simplified area", 100*frac)
			}
			checkSharedArcs(t, back)
			t.Logf("%s: %d bytes, %d gzipped (%.1f KB of %d KB); worst area change %.2f%% (%s); labels inside %d/%d",
				l.object, len(out), gz, float64(gz)/1024, l.budget/1024, 100*worst, worstCode, labelled, len(simple))
		})
	}
}

func codes(fs []Feature) []string {
	out := make([]string, len(fs))
	for i, f := range fs {
		out[i] = f.Code
	}
	slices.Sort(out)
	return out
}

// checkTopoJSONShape checks the members a standard TopoJSON client relies
// on, independently of our own reader.
func checkTopoJSONShape(t *testing.T, out []byte) {
	t.Helper()
	var compact bytes.Buffer
	if err := json.Compact(&compact, out); err != nil || !bytes.Equal(compact.Bytes(), out) {
		t.Errorf("output is not compact JSON (err %v)", err)
	}
	var doc struct {
		Type      string `json:"type"`
		Transform struct {
			Scale, Translate []float64
		} `json:"transform"`
		Objects map[string]struct {
			Type       string `json:"type"`
			Geometries []struct {
				Type       string            `json:"type"`
				ID         string            `json:"id"`
				Properties map[string]string `json:"properties"`
				Arcs       json.RawMessage   `json:"arcs"`
			} `json:"geometries"`
		} `json:"objects"`
		Arcs [][][2]int `json:"arcs"`
	}
	if err := json.Unmarshal(out, &doc); err != nil {
		t.Fatal(err)
	}
	areas, ok := doc.Objects["areas"]
	if doc.Type != "Topology" || len(doc.Transform.Scale) != 2 || len(doc.Transform.Translate) != 2 || !ok || areas.Type != "GeometryCollection" {
		t.Fatalf("not a Topology with transform and an \"areas\" GeometryCollection")
	}
	for _, g := range areas.Geometries {
		if g.ID == "" || g.Properties["name"] == "" || len(g.Properties) != 1 || (g.Type != "Polygon" && g.Type != "MultiPolygon") {
			t.Errorf("geometry %q: bad type, id or properties", g.ID)
		}
	}
	for i, a := range doc.Arcs {
		if len(a) < 2 {
			t.Errorf("arc %d has %d positions", i, len(a))
		}
	}
}

// checkRings checks each ring as a TopoJSON client rebuilds it: at least
// four positions and a non-zero area.
func checkRings(t *testing.T, f Feature) {
	t.Helper()
	for _, pg := range f.Shape {
		for _, r := range pg {
			if len(r) < 4 || r.SignedArea() == 0 {
				t.Errorf("%s: degenerate ring of %d positions", f.Code, len(r))
			}
		}
		// The source has clockwise outer rings (as d3 expects); a
		// flipped ring would fill the whole globe in d3.
		if pg[0].SignedArea() > 0 {
			t.Errorf("%s: outer ring turned counter-clockwise", f.Code)
		}
	}
}

// checkSharedArcs checks the output is a proper partition: every arc is
// used by one or two rings, and some borders are shared.
func checkSharedArcs(t *testing.T, topo *Topology) {
	t.Helper()
	uses := make([]int, len(topo.Arcs))
	for _, g := range topo.Objects["areas"] {
		for _, pg := range g.Polygons {
			for _, r := range pg {
				for _, ref := range r {
					uses[arcIndex(ref)]++
				}
			}
		}
	}
	shared := 0
	for i, n := range uses {
		if n < 1 || n > 2 {
			t.Errorf("arc %d used %d times", i, n)
		}
		if n == 2 {
			shared++
		}
	}
	if len(topo.Objects["areas"]) > 1 && shared == 0 {
		t.Error("no shared borders")
	}
}

func TestDisplayLayerDeterministicAndSmallAreas(t *testing.T) {
	topo := loadTopology(t)
	opt := DisplayOptionsFor("lad24")
	a, err := DisplayLayer(topo, "lad24", "LAD24CD", "LAD24NM", opt)
	if err != nil {
		t.Fatal(err)
	}
	b, err := DisplayLayer(topo, "lad24", "LAD24CD", "LAD24NM", opt)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a, b) {
		t.Error("two runs gave different output")
	}
	for _, code := range []string{`"E09000001"`, `"E06000053"`} { // City of London, Isles of Scilly
		if !bytes.Contains(a, []byte(`"id":`+code)) {
			t.Errorf("%s missing", code)
		}
	}
}

func TestJSONString(t *testing.T) {
	if got := string(jsonString(`Telford & "Wrekin"`)); got != `"Telford & \"Wrekin\""` {
		t.Errorf("jsonString = %s", got)
	}
}

func TestDisplayLayerErrors(t *testing.T) {
	topo := loadTopology(t)
	if _, err := DisplayLayer(topo, "nope", "A", "B", DisplayOptionsFor("nope")); err == nil {
		t.Error("unknown object: want error")
	}
	if _, err := DisplayLayer(topo, "icb23", "ICB23CD", "ICB23NM", DisplayOptions{}); err == nil || !strings.Contains(err.Error(), "Quantization") {
		t.Errorf("zero options: error %v, want Quantization error", err)
	}
	if _, err := DisplayLayer(topo, "icb23", "NOPE", "ICB23NM", DisplayOptionsFor("icb23")); err == nil {
		t.Error("missing code property: want error")
	}
}

func BenchmarkDisplayLayerLAD(b *testing.B) {
	topo := loadTopology(b)
	opt := DisplayOptionsFor("lad24")
	for b.Loop() {
		if _, err := DisplayLayer(topo, "lad24", "LAD24CD", "LAD24NM", opt); err != nil {
			b.Fatal(err)
		}
	}
}
