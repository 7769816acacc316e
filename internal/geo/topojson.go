package geo

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
)

// Topology is a decoded TopoJSON topology of polygon layers. Arcs are stored
// once with absolute coordinates, and geometries refer to them by index,
// which is what lets several layers (and neighbouring areas within a layer)
// share borders exactly.
type Topology struct {
	// Arcs holds every arc as absolute lon/lat positions, with the
	// quantisation transform and delta encoding already undone.
	Arcs [][]Point
	// Objects maps each object name (e.g. "lad24") to its geometries in
	// file order.
	Objects map[string][]TopoGeometry
}

// TopoGeometry is one Polygon or MultiPolygon of a TopoJSON object, still
// expressed as references into Topology.Arcs.
type TopoGeometry struct {
	// Type is "Polygon" or "MultiPolygon".
	Type string
	// ID is the geometry's "id" member as a string, or "" if it has none.
	ID string
	// Properties are the geometry's properties as decoded by encoding/json.
	Properties map[string]any
	// Polygons lists each polygon's rings (outer first), and each ring's
	// arc references: i means Arcs[i] forwards and ^i (that is -i-1)
	// means Arcs[i] backwards. A Polygon geometry has one entry.
	Polygons [][][]int
}

// rawGeometry mirrors a TopoJSON geometry object before validation.
type rawGeometry struct {
	Type       string          `json:"type"`
	ID         any             `json:"id"`
	Properties map[string]any  `json:"properties"`
	Arcs       json.RawMessage `json:"arcs"`
	Geometries []rawGeometry   `json:"geometries"`
}

// ReadTopology decodes a TopoJSON Topology whose objects are polygon
// geometries or GeometryCollections of them. It validates every arc
// reference, so later calls such as Features cannot fail on bad indices.
func ReadTopology(r io.Reader) (*Topology, error) {
	var raw struct {
		Type      string `json:"type"`
		Transform *struct {
			Scale     []float64 `json:"scale"`
			Translate []float64 `json:"translate"`
		} `json:"transform"`
		Arcs    [][][]float64          `json:"arcs"`
		Objects map[string]rawGeometry `json:"objects"`
	}
	if err := json.NewDecoder(r).Decode(&raw); err != nil {
		return nil, fmt.Errorf("geo: decoding TopoJSON: %w", err)
	}
	if raw.Type != "Topology" {
		return nil, fmt.Errorf("geo: TopoJSON type is %q, want Topology", raw.Type)
	}
	// Without a transform, positions are absolute and not delta-encoded.
	scale, translate := [2]float64{1, 1}, [2]float64{0, 0}
	quantised := raw.Transform != nil
	if quantised {
		if len(raw.Transform.Scale) != 2 || len(raw.Transform.Translate) != 2 {
			return nil, errors.New("geo: TopoJSON transform needs two scale and two translate values")
		}
		scale = [2]float64(raw.Transform.Scale)
		translate = [2]float64(raw.Transform.Translate)
	}
	t := &Topology{Arcs: make([][]Point, len(raw.Arcs)), Objects: make(map[string][]TopoGeometry, len(raw.Objects))}
	for i, ra := range raw.Arcs {
		if len(ra) < 2 {
			return nil, fmt.Errorf("geo: TopoJSON arc %d has %d positions (need at least 2)", i, len(ra))
		}
		arc := make([]Point, len(ra))
		var x, y float64
		for j, pos := range ra {
			if len(pos) < 2 {
				return nil, fmt.Errorf("geo: TopoJSON arc %d position %d has %d numbers", i, j, len(pos))
			}
			if quantised {
				x, y = x+pos[0], y+pos[1]
			} else {
				x, y = pos[0], pos[1]
			}
			p := Point{x*scale[0] + translate[0], y*scale[1] + translate[1]}
			if math.IsNaN(p.Lon+p.Lat) || math.IsInf(p.Lon+p.Lat, 0) {
				return nil, fmt.Errorf("geo: TopoJSON arc %d position %d is not finite", i, j)
			}
			arc[j] = p
		}
		t.Arcs[i] = arc
	}
	for name, obj := range raw.Objects {
		geoms := []rawGeometry{obj}
		if obj.Type == "GeometryCollection" {
			geoms = obj.Geometries
		}
		out := make([]TopoGeometry, 0, len(geoms))
		for i, g := range geoms {
			tg, err := t.convertGeometry(g)
			if err != nil {
				return nil, fmt.Errorf("geo: TopoJSON object %q geometry %d%s: %w", name, i, idSuffix(g.ID), err)
			}
			out = append(out, tg)
		}
		t.Objects[name] = out
	}
	return t, nil
}

func idSuffix(id any) string {
	if s := idString(id); s != "" {
		return " (" + s + ")"
	}
	return ""
}

// idString renders a TopoJSON id, which the spec allows to be a string or
// a number.
func idString(id any) string {
	switch v := id.(type) {
	case string:
		return v
	case float64:
		return strconv.FormatFloat(v, 'f', -1, 64)
	}
	return ""
}

func (t *Topology) convertGeometry(g rawGeometry) (TopoGeometry, error) {
	tg := TopoGeometry{Type: g.Type, ID: idString(g.ID), Properties: g.Properties}
	switch g.Type {
	case "Polygon":
		var rings [][]int
		if err := json.Unmarshal(g.Arcs, &rings); err != nil {
			return tg, fmt.Errorf("polygon arcs: %w", err)
		}
		tg.Polygons = [][][]int{rings}
	case "MultiPolygon":
		if err := json.Unmarshal(g.Arcs, &tg.Polygons); err != nil {
			return tg, fmt.Errorf("multipolygon arcs: %w", err)
		}
	default:
		return tg, fmt.Errorf("unsupported geometry type %q (want Polygon or MultiPolygon)", g.Type)
	}
	if len(tg.Polygons) == 0 {
		return tg, errors.New("empty geometry")
	}
	for _, pg := range tg.Polygons {
		if len(pg) == 0 {
			return tg, errors.New("polygon with no rings")
		}
		for _, ring := range pg {
			if len(ring) == 0 {
				return tg, errors.New("ring with no arcs")
			}
			for _, ref := range ring {
				if i := arcIndex(ref); i >= len(t.Arcs) {
					return tg, fmt.Errorf("arc reference %d out of range (%d arcs)", ref, len(t.Arcs))
				}
			}
		}
	}
	return tg, nil
}

// arcIndex returns the arc an arc reference points at, whichever direction.
func arcIndex(ref int) int {
	if ref < 0 {
		return ^ref
	}
	return ref
}

// Features rebuilds the full-resolution polygons of one object, reading
// each area's code from the codeProp property (or the geometry's id if that
// property is missing, so pass "" to read DisplayLayer output) and its name
// from nameProp.
func (t *Topology) Features(object, codeProp, nameProp string) ([]Feature, error) {
	geoms, ok := t.Objects[object]
	if !ok {
		return nil, fmt.Errorf("geo: TopoJSON has no object %q", object)
	}
	out := make([]Feature, 0, len(geoms))
	for i, g := range geoms {
		code, name, label, err := readProps(g.Properties, codeProp, nameProp, g.ID)
		if err != nil {
			return nil, fmt.Errorf("geo: object %q geometry %d: %w", object, i, err)
		}
		shape := make(MultiPolygon, 0, len(g.Polygons))
		for _, pg := range g.Polygons {
			poly := make(Polygon, 0, len(pg))
			for _, refs := range pg {
				r := t.ring(refs)
				if len(r) < 4 {
					return nil, fmt.Errorf("geo: object %q geometry %d (%s): ring with %d positions", object, i, code, len(r))
				}
				poly = append(poly, r)
			}
			shape = append(shape, poly)
		}
		out = append(out, Feature{Code: code, Name: name, Label: label, Shape: shape})
	}
	return out, nil
}

// ring joins the arcs of one ring. Consecutive arcs share an endpoint, so
// every arc after the first contributes all but its first position.
func (t *Topology) ring(refs []int) Ring {
	var r Ring
	for k, ref := range refs {
		arc := t.Arcs[arcIndex(ref)]
		n := len(arc)
		for j := range n {
			if k > 0 && j == 0 {
				continue
			}
			if ref < 0 {
				r = append(r, arc[n-1-j])
			} else {
				r = append(r, arc[j])
			}
		}
	}
	// Close the ring if the arcs did not (only malformed input does this).
	if len(r) > 0 && r[0] != r[len(r)-1] {
		r = append(r, r[0])
	}
	return r
}
