package geo

import (
	"bytes"
	"testing"
)

const fuzzTopology = `{"type":"Topology","transform":{"scale":[0.5,0.25],"translate":[10,20]},
"objects":{"o":{"type":"GeometryCollection","geometries":[
 {"type":"Polygon","id":"L","properties":{"n":"Left"},"arcs":[[0,1]]},
 {"type":"MultiPolygon","properties":{"c":"R","n":"Right"},"arcs":[[[2,-1]]]}]}},
"arcs":[[[2,0],[0,4]],[[2,4],[-2,0],[0,-4],[2,0]],[[2,0],[2,0],[0,4],[-2,0]]]}`

// FuzzReadTopology feeds malformed topologies through the reader and, when
// one is accepted, through everything built on it: none may panic.
func FuzzReadTopology(f *testing.F) {
	for _, s := range []string{
		fuzzTopology,
		`{"type":"Topology","arcs":[[[0,0],[1,0],[1,1],[0,0]]],"objects":{"o":{"type":"Polygon","arcs":[[0]]}}}`,
		`{"type":"Topology","arcs":[[[0,0],[0,0]]],"objects":{"o":{"type":"Polygon","arcs":[[0,0,-1]]}}}`,
		`{"type":"Topology","arcs":[[[0,0],[1,0]],[[1,0],[2,0]]],"objects":{"o":{"type":"Polygon","arcs":[[0]]}}}`,
		`{"type":"Topology","arcs":[],"objects":{"o":{"type":"Polygon","arcs":[[-1]]}}}`,
		`{"type":"Topology","arcs":[[[1e308,1e308],[-1e308,-1e308]]],"objects":{}}`,
		`{"type":"Topology"}`,
		`{}`,
		``,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		topo, err := ReadTopology(bytes.NewReader(data))
		if err != nil {
			return
		}
		for name := range topo.Objects {
			topo.Features(name, "c", "n")
			DisplayLayer(topo, name, "c", "n", DisplayOptionsFor(name))
		}
	})
}

// FuzzReadFeatures feeds malformed GeoJSON to the reader and, when it is
// accepted, to the index: neither may panic.
func FuzzReadFeatures(f *testing.F) {
	for _, s := range []string{
		`{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"C":"E1","N":"A","LONG":0.5,"LAT":0.5},"geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,1],[0,0]]]}}]}`,
		`{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"C":"E1"},"geometry":{"type":"MultiPolygon","coordinates":[[[[0,0],[1,0],[1,1],[0,0]]],[]]}}]}`,
		`{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"C":"E1"},"geometry":{"type":"MultiPolygon","coordinates":[]}}]}`,
		`{"type":"FeatureCollection","features":[{"type":"Feature","properties":null,"geometry":{"type":"Point","coordinates":[0,0]}}]}`,
		`{"type":"FeatureCollection","features":[null]}`,
		`{"type":"FeatureCollection"}`,
		`[]`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		fs, err := ReadFeatures(bytes.NewReader(data), "C", "N")
		if err != nil {
			return
		}
		ix := NewIndex(fs)
		for _, ft := range fs {
			ix.Locate(ft.Label)
			ix.Nearest(ft.Label, 1000)
		}
	})
}
