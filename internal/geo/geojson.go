package geo

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
)

// Feature is one named area with its full shape.
type Feature struct {
	// Code is the ONS GSS code, e.g. "E08000003".
	Code string
	// Name is the area's official name.
	Name string
	// Label is the ONS representative point (the LONG/LAT properties),
	// meant for placing map labels. It is the zero Point when the source
	// has no LONG/LAT; no English area contains (0, 0), so that is
	// unambiguous.
	Label Point
	// Shape is the area's boundary.
	Shape MultiPolygon
}

// geoJSONFeature mirrors only the members of an RFC 7946 Feature we use.
type geoJSONFeature struct {
	Type       string         `json:"type"`
	Properties map[string]any `json:"properties"`
	Geometry   *struct {
		Type        string          `json:"type"`
		Coordinates json.RawMessage `json:"coordinates"`
	} `json:"geometry"`
}

// ReadFeatures decodes a GeoJSON FeatureCollection whose geometries are
// Polygons or MultiPolygons. codeProp and nameProp name the properties that
// hold each feature's code and name (for example "LAD24CD" and "LAD24NM").
// Any other geometry type, a missing geometry or code, or malformed
// coordinates is an error naming the feature, because a silently skipped
// area would later show up as a hole in the map or an unplaced service.
func ReadFeatures(r io.Reader, codeProp, nameProp string) ([]Feature, error) {
	var fc struct {
		Type     string           `json:"type"`
		Features []geoJSONFeature `json:"features"`
	}
	if err := json.NewDecoder(r).Decode(&fc); err != nil {
		return nil, fmt.Errorf("geo: decoding GeoJSON: %w", err)
	}
	if fc.Type != "FeatureCollection" {
		return nil, fmt.Errorf("geo: GeoJSON type is %q, want FeatureCollection", fc.Type)
	}
	out := make([]Feature, 0, len(fc.Features))
	for i, gf := range fc.Features {
		f, err := convertFeature(gf, codeProp, nameProp)
		if err != nil {
			return nil, fmt.Errorf("geo: feature %d%s: %w", i, codeSuffix(gf.Properties, codeProp), err)
		}
		out = append(out, f)
	}
	return out, nil
}

// codeSuffix names a feature in error messages when its code is known.
func codeSuffix(props map[string]any, codeProp string) string {
	if s, ok := props[codeProp].(string); ok && s != "" {
		return " (" + s + ")"
	}
	return ""
}

func convertFeature(gf geoJSONFeature, codeProp, nameProp string) (Feature, error) {
	if gf.Type != "Feature" {
		return Feature{}, fmt.Errorf("type is %q, want Feature", gf.Type)
	}
	code, name, label, err := readProps(gf.Properties, codeProp, nameProp, "")
	if err != nil {
		return Feature{}, err
	}
	if gf.Geometry == nil {
		return Feature{}, errors.New("no geometry")
	}
	var shape MultiPolygon
	switch gf.Geometry.Type {
	case "Polygon":
		var c [][][]float64
		if err := json.Unmarshal(gf.Geometry.Coordinates, &c); err != nil {
			return Feature{}, fmt.Errorf("polygon coordinates: %w", err)
		}
		pg, err := toPolygon(c)
		if err != nil {
			return Feature{}, err
		}
		shape = MultiPolygon{pg}
	case "MultiPolygon":
		var c [][][][]float64
		if err := json.Unmarshal(gf.Geometry.Coordinates, &c); err != nil {
			return Feature{}, fmt.Errorf("multipolygon coordinates: %w", err)
		}
		for _, pc := range c {
			pg, err := toPolygon(pc)
			if err != nil {
				return Feature{}, err
			}
			shape = append(shape, pg)
		}
	default:
		return Feature{}, fmt.Errorf("unsupported geometry type %q (want Polygon or MultiPolygon)", gf.Geometry.Type)
	}
	if len(shape) == 0 {
		return Feature{}, errors.New("empty geometry")
	}
	return Feature{Code: code, Name: name, Label: label, Shape: shape}, nil
}

// readProps extracts code, name and label point. fallbackCode is used when
// the code property is absent (TopoJSON geometries may carry it as "id").
func readProps(props map[string]any, codeProp, nameProp, fallbackCode string) (code, name string, label Point, err error) {
	code, _ = props[codeProp].(string)
	if code == "" {
		code = fallbackCode
	}
	if code == "" {
		return "", "", Point{}, fmt.Errorf("missing string property %q", codeProp)
	}
	if v, ok := props[nameProp]; ok {
		if name, ok = v.(string); !ok {
			return "", "", Point{}, fmt.Errorf("property %q is not a string", nameProp)
		}
	}
	lon, okLon := props["LONG"].(float64)
	lat, okLat := props["LAT"].(float64)
	if okLon && okLat {
		label = Point{lon, lat}
	}
	return code, name, label, nil
}

// toPolygon converts GeoJSON polygon coordinates, checking the shape rules a
// point-in-polygon test depends on: every ring has at least four positions
// and every position is a finite lon/lat pair.
func toPolygon(c [][][]float64) (Polygon, error) {
	if len(c) == 0 {
		return nil, errors.New("polygon with no rings")
	}
	pg := make(Polygon, len(c))
	for i, rc := range c {
		if len(rc) < 4 {
			return nil, fmt.Errorf("ring with %d positions (need at least 4)", len(rc))
		}
		r := make(Ring, len(rc))
		for j, pos := range rc {
			p, err := toPoint(pos)
			if err != nil {
				return nil, err
			}
			r[j] = p
		}
		pg[i] = r
	}
	return pg, nil
}

func toPoint(pos []float64) (Point, error) {
	if len(pos) < 2 {
		return Point{}, fmt.Errorf("position with %d numbers", len(pos))
	}
	p := Point{pos[0], pos[1]}
	if math.IsNaN(p.Lon) || math.IsInf(p.Lon, 0) || math.IsNaN(p.Lat) || math.IsInf(p.Lat, 0) {
		return Point{}, errors.New("non-finite position")
	}
	return p, nil
}
