package geo

import "math"

// indexGridSize is the number of grid cells per axis. With a few hundred
// areas over England, 64×64 cells of roughly 9 km leave only a handful of
// candidate areas per cell, so a lookup does one or two full polygon tests.
const indexGridSize = 64

// Index answers "which area contains this point" for one layer of areas.
// It is safe for concurrent use once built.
type Index struct {
	features []Feature
	// polyBoxes[i][j] is the box of polygon j of feature i, so polygons
	// (mostly islands) far from the point are skipped cheaply.
	polyBoxes [][]BBox
	boxes     []BBox
	bounds    BBox
	// cells lists, for each grid cell, the features whose box overlaps it,
	// in input order so that Locate is deterministic.
	cells [][]int32
}

// NewIndex builds an index over features. The slice is kept, not copied;
// do not modify it afterwards.
func NewIndex(features []Feature) *Index {
	ix := &Index{
		features:  features,
		polyBoxes: make([][]BBox, len(features)),
		boxes:     make([]BBox, len(features)),
		bounds:    EmptyBBox(),
		cells:     make([][]int32, indexGridSize*indexGridSize),
	}
	for i, f := range features {
		pb := make([]BBox, len(f.Shape))
		b := EmptyBBox()
		for j, pg := range f.Shape {
			pb[j] = pg.BBox()
			b = b.Union(pb[j])
		}
		ix.polyBoxes[i], ix.boxes[i] = pb, b
		ix.bounds = ix.bounds.Union(b)
	}
	if ix.bounds.IsEmpty() {
		return ix
	}
	for i, b := range ix.boxes {
		if b.IsEmpty() {
			continue
		}
		x0, y0 := ix.cell(Point{b.MinLon, b.MinLat})
		x1, y1 := ix.cell(Point{b.MaxLon, b.MaxLat})
		for y := y0; y <= y1; y++ {
			for x := x0; x <= x1; x++ {
				c := y*indexGridSize + x
				ix.cells[c] = append(ix.cells[c], int32(i))
			}
		}
	}
	return ix
}

// cell returns the grid cell holding p, clamped to the grid.
func (ix *Index) cell(p Point) (x, y int) {
	clamp := func(v, lo, hi float64) int {
		if hi <= lo {
			return 0
		}
		i := int(math.Floor((v - lo) / (hi - lo) * indexGridSize))
		return min(max(i, 0), indexGridSize-1)
	}
	return clamp(p.Lon, ix.bounds.MinLon, ix.bounds.MaxLon),
		clamp(p.Lat, ix.bounds.MinLat, ix.bounds.MaxLat)
}

// Len returns the number of indexed features.
func (ix *Index) Len() int { return len(ix.features) }

// Locate returns the feature containing p. If areas overlap (they should
// not), the first in input order wins, so results are reproducible. A point
// outside every area, such as one at sea, returns false.
func (ix *Index) Locate(p Point) (Feature, bool) {
	if !ix.bounds.Contains(p) {
		return Feature{}, false
	}
	x, y := ix.cell(p)
	for _, i := range ix.cells[y*indexGridSize+x] {
		if !ix.boxes[i].Contains(p) {
			continue
		}
		for j, pg := range ix.features[i].Shape {
			if ix.polyBoxes[i][j].Contains(p) && pg.Contains(p) {
				return ix.features[i], true
			}
		}
	}
	return Feature{}, false
}

// Nearest is Locate with a fallback for points just outside every area.
// The boundary files are generalised (about 200 m) and clipped to the
// coastline, so a real address on a seafront or estuary can fall a little
// outside its area. If p is in no area, Nearest returns the area whose
// boundary is closest to p, provided it is within maxMetres, together with
// that distance; a point inside an area has distance 0.
func (ix *Index) Nearest(p Point, maxMetres float64) (Feature, float64, bool) {
	if f, ok := ix.Locate(p); ok {
		return f, 0, true
	}
	// Work in a local metric frame centred on p (equirectangular), which
	// is accurate to well under 1% over the few kilometres that matter.
	kx := metresPerDegLat * math.Cos(p.Lat*math.Pi/180)
	ky := metresPerDegLat
	dLon, dLat := maxMetres/kx, maxMetres/ky
	best, bestD := -1, math.Inf(1)
	for i, f := range ix.features {
		b := ix.boxes[i]
		if p.Lon < b.MinLon-dLon || p.Lon > b.MaxLon+dLon || p.Lat < b.MinLat-dLat || p.Lat > b.MaxLat+dLat {
			continue
		}
		for _, pg := range f.Shape {
			for _, r := range pg {
				for k := 1; k < len(r); k++ {
					ax, ay := (r[k-1].Lon-p.Lon)*kx, (r[k-1].Lat-p.Lat)*ky
					bx, by := (r[k].Lon-p.Lon)*kx, (r[k].Lat-p.Lat)*ky
					if d := segmentDistance(ax, ay, bx, by); d < bestD {
						best, bestD = i, d
					}
				}
			}
		}
	}
	if best < 0 || bestD > maxMetres {
		return Feature{}, 0, false
	}
	return ix.features[best], bestD, true
}

// metresPerDegLat is the length of one degree of latitude at England's
// latitudes; one degree of longitude is this times cos(latitude).
const metresPerDegLat = 111_250.0

// segmentDistance is the distance from the origin to segment a–b.
func segmentDistance(ax, ay, bx, by float64) float64 {
	dx, dy := bx-ax, by-ay
	l2 := dx*dx + dy*dy
	t := 0.0
	if l2 > 0 {
		t = math.Max(0, math.Min(1, -(ax*dx+ay*dy)/l2))
	}
	return math.Hypot(ax+t*dx, ay+t*dy)
}
