package geo

import (
	"os"
	"sync"
	"testing"
)

const dataDir = "../../data/geo/"

// testLayer describes one boundary layer as it appears in both the GeoJSON
// files and the shared TopoJSON file.
type testLayer struct {
	areaType, object, file, codeProp, nameProp string
	count                                      int
	budget                                     int // gzipped bytes
}

var testLayers = []testLayer{
	{"ltla", "lad24", "lad24_bsc.geojson", "LAD24CD", "LAD24NM", 296, 120 * 1024},
	{"utla", "ctyua23", "ctyua23_bsc.geojson", "CTYUA23CD", "CTYUA23NM", 153, 90 * 1024},
	{"icb", "icb23", "icb23_bsc.geojson", "ICB23CD", "ICB23NM", 42, 40 * 1024},
	{"sub-icb", "sicbl23", "sicbl23_bsc.geojson", "SICBL23CD", "SICBL23NM", 106, 70 * 1024},
	{"nhs-region", "nhser24", "nhser24_bsc.geojson", "NHSER24CD", "NHSER24NM", 7, 25 * 1024},
	{"region", "rgn23", "rgn23_buc.geojson", "RGN23CD", "RGN23NM", 9, 25 * 1024},
}

// The real files are parsed once per test binary so the suite stays fast.
var (
	topoOnce sync.Once
	topo     *Topology
	topoErr  error

	geoJSONMu    sync.Mutex
	geoJSONCache = map[string][]Feature{}
)

func loadTopology(tb testing.TB) *Topology {
	tb.Helper()
	topoOnce.Do(func() {
		f, err := os.Open(dataDir + "england_boundaries.topojson")
		if err != nil {
			topoErr = err
			return
		}
		defer f.Close()
		topo, topoErr = ReadTopology(f)
	})
	if topoErr != nil {
		tb.Fatal(topoErr)
	}
	return topo
}

func loadGeoJSON(tb testing.TB, l testLayer) []Feature {
	tb.Helper()
	geoJSONMu.Lock()
	defer geoJSONMu.Unlock()
	if fs, ok := geoJSONCache[l.file]; ok {
		return fs
	}
	f, err := os.Open(dataDir + l.file)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	fs, err := ReadFeatures(f, l.codeProp, l.nameProp)
	if err != nil {
		tb.Fatal(err)
	}
	geoJSONCache[l.file] = fs
	return fs
}

func layerByType(tb testing.TB, areaType string) testLayer {
	tb.Helper()
	for _, l := range testLayers {
		if l.areaType == areaType {
			return l
		}
	}
	tb.Fatalf("no test layer %q", areaType)
	return testLayer{}
}

func byCode(fs []Feature) map[string]Feature {
	m := make(map[string]Feature, len(fs))
	for _, f := range fs {
		m[f.Code] = f
	}
	return m
}
