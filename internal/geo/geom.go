// Package geo holds the geometry behind the atlas map: reading the ONS
// boundary files (GeoJSON and the shared TopoJSON), placing points such as
// service locations into areas, and building small TopoJSON display copies
// of each area layer for the browser.
//
// Coordinates are WGS84 longitude/latitude in degrees throughout. Planar
// calculations (Area, Contains) treat them as plane coordinates, which is
// adequate for England-sized polygons: containment is exact in that plane, and
// Area is for comparing versions of one shape rather than for real areas.
package geo

import "math"

// Point is a WGS84 position in degrees.
type Point struct {
	Lon, Lat float64
}

// Ring is a closed sequence of points. As in GeoJSON and TopoJSON the last
// point repeats the first; functions here tolerate an unclosed ring by
// treating it as implicitly closed.
type Ring []Point

// Polygon is an outer ring followed by zero or more holes.
type Polygon []Ring

// MultiPolygon is a set of polygons forming one area, for example a district
// with offshore islands. A single Polygon is a MultiPolygon of length one.
type MultiPolygon []Polygon

// BBox is an axis-aligned bounding box in degrees. The zero value is not
// empty (it is the single point 0,0); use EmptyBBox as the starting value
// when accumulating.
type BBox struct {
	MinLon, MinLat, MaxLon, MaxLat float64
}

// EmptyBBox returns a box that contains nothing and grows to fit the first
// point added with Extend.
func EmptyBBox() BBox {
	return BBox{math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)}
}

// IsEmpty reports whether b contains no points.
func (b BBox) IsEmpty() bool {
	return b.MinLon > b.MaxLon || b.MinLat > b.MaxLat
}

// Extend returns b grown to include p.
func (b BBox) Extend(p Point) BBox {
	b.MinLon = math.Min(b.MinLon, p.Lon)
	b.MinLat = math.Min(b.MinLat, p.Lat)
	b.MaxLon = math.Max(b.MaxLon, p.Lon)
	b.MaxLat = math.Max(b.MaxLat, p.Lat)
	return b
}

// Union returns the smallest box containing both b and o.
func (b BBox) Union(o BBox) BBox {
	return BBox{
		math.Min(b.MinLon, o.MinLon), math.Min(b.MinLat, o.MinLat),
		math.Max(b.MaxLon, o.MaxLon), math.Max(b.MaxLat, o.MaxLat),
	}
}

// Contains reports whether p lies inside b or on its edge.
func (b BBox) Contains(p Point) bool {
	return p.Lon >= b.MinLon && p.Lon <= b.MaxLon && p.Lat >= b.MinLat && p.Lat <= b.MaxLat
}

// BBox returns the bounding box of the ring's points.
func (r Ring) BBox() BBox {
	b := EmptyBBox()
	for _, p := range r {
		b = b.Extend(p)
	}
	return b
}

// SignedArea returns the shoelace area in degrees²: positive for
// counter-clockwise rings (the RFC 7946 outer-ring order) and negative for
// clockwise ones (the order d3 and the TopoJSON file use).
func (r Ring) SignedArea() float64 {
	n := len(r)
	if n < 3 {
		return 0
	}
	// Centre on the first point so the products stay small and the
	// cancellation error of the shoelace sum does not swamp tiny rings.
	o := r[0]
	var s float64
	for i := range n {
		a, b := r[i], r[(i+1)%n]
		s += (a.Lon-o.Lon)*(b.Lat-o.Lat) - (b.Lon-o.Lon)*(a.Lat-o.Lat)
	}
	return s / 2
}

// crossings toggles once per ring edge that a ray from p towards +Lon
// crosses. The half-open test on latitude ((a.Lat > p.Lat) != (b.Lat > p.Lat))
// counts a vertex exactly once and ignores horizontal edges, so the answer
// is deterministic even for points on an edge or vertex, and a point on an
// edge shared by two neighbouring areas lands in exactly one of them.
func (r Ring) crossings(p Point) bool {
	in := false
	n := len(r)
	for i, j := 0, n-1; i < n; j, i = i, i+1 {
		a, b := r[i], r[j]
		if (a.Lat > p.Lat) != (b.Lat > p.Lat) {
			x := a.Lon + (p.Lat-a.Lat)*(b.Lon-a.Lon)/(b.Lat-a.Lat)
			if p.Lon < x {
				in = !in
			}
		}
	}
	return in
}

// Contains reports whether p is inside the polygon by the even-odd rule
// over all its rings, so a point inside a hole is outside the polygon.
func (pg Polygon) Contains(p Point) bool {
	in := false
	for _, r := range pg {
		if r.crossings(p) {
			in = !in
		}
	}
	return in
}

// Area returns the planar area in degrees²: the outer ring's area minus its
// holes', regardless of winding.
func (pg Polygon) Area() float64 {
	if len(pg) == 0 {
		return 0
	}
	a := math.Abs(pg[0].SignedArea())
	for _, h := range pg[1:] {
		a -= math.Abs(h.SignedArea())
	}
	return a
}

// BBox returns the bounding box of the polygon's outer ring.
func (pg Polygon) BBox() BBox {
	if len(pg) == 0 {
		return EmptyBBox()
	}
	return pg[0].BBox()
}

// Contains reports whether p is inside any of the polygons. Points exactly
// on an edge get a deterministic but unspecified answer.
func (mp MultiPolygon) Contains(p Point) bool {
	for _, pg := range mp {
		if pg.Contains(p) {
			return true
		}
	}
	return false
}

// Area returns the total planar area in degrees², always non-negative for
// well-formed input. It is meant for comparing versions of the same shape,
// not for real-world areas (a degree of longitude shrinks with latitude).
func (mp MultiPolygon) Area() float64 {
	var a float64
	for _, pg := range mp {
		a += pg.Area()
	}
	return a
}

// BBox returns the bounding box of all outer rings.
func (mp MultiPolygon) BBox() BBox {
	b := EmptyBBox()
	for _, pg := range mp {
		b = b.Union(pg.BBox())
	}
	return b
}
