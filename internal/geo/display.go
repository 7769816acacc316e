package geo

import (
	"cmp"
	"errors"
	"fmt"
	"math"
	"slices"
)

// DisplayOptions controls how DisplayLayer shrinks a layer for the browser.
//
// Simplification is Visvalingam–Whyatt by effective area rather than
// Douglas–Peucker. VW removes first the vertices whose removal changes the
// drawn area least, which is what the eye notices on a choropleth and what
// the recognisability test measures (area kept within 10%). Douglas–Peucker
// keeps the points farthest from a chord instead, so a thin spike survives
// while a broad shallow bay of far greater area can vanish. VW also yields
// one weight per vertex, so a threshold, and later local top-ups for rings
// that would degenerate, cost no re-run.
type DisplayOptions struct {
	// Tolerance is the VW threshold in m²: vertices whose effective
	// triangle is smaller are dropped.
	Tolerance float64
	// SmallAreaFraction caps the threshold on a border at this fraction of
	// the smallest area (m²) on either side, so small areas such as the
	// City of London keep their shape while large rural ones are
	// simplified hard. Zero disables the cap.
	SmallAreaFraction float64
	// Quantization is the number of grid steps per axis used when
	// re-quantising the output (e.g. 1e4 is about 60 m over England).
	Quantization int
	// MinIslandArea (m²): islands smaller than this that share no border
	// with another area in the layer may be dropped, but only within
	// MaxIslandLoss, and never an area's largest polygon.
	MinIslandArea float64
	// MaxIslandLoss is the largest fraction of an area's total area that
	// dropping islands may remove.
	MaxIslandLoss float64
}

// LayerSpec names the TopoJSON object and properties behind one of the
// app's area types.
type LayerSpec struct {
	Object, CodeProp, NameProp string
}

// DisplayLayers maps the app's area-type ids to their layer in
// england_boundaries.topojson. There is no "england" entry: the national
// outline is the outer boundary of the nhs-region layer, which the browser
// can derive with topojson-client's merge() or mesh() at no download cost.
var DisplayLayers = map[string]LayerSpec{
	"ltla":       {"lad24", "LAD24CD", "LAD24NM"},
	"utla":       {"ctyua23", "CTYUA23CD", "CTYUA23NM"},
	"icb":        {"icb23", "ICB23CD", "ICB23NM"},
	"sub-icb":    {"sicbl23", "SICBL23CD", "SICBL23NM"},
	"nhs-region": {"nhser24", "NHSER24CD", "NHSER24NM"},
	"region":     {"rgn23", "RGN23CD", "RGN23NM"},
}

// DisplayOptionsFor returns the tuned defaults for an object of the shared
// boundary file. The ONS BSC/BUC sources are already generalised to
// 200–500 m, so light settings suffice: with them every layer fits its
// gzipped budget (icb ≤ 40 KB, ltla ≤ 120 KB, utla ≤ 90 KB, sub-icb
// ≤ 70 KB, regions ≤ 25 KB) with at least a quarter to spare, and every
// area keeps its area within a few percent.
//
// All layers deliberately get the same settings. Each border is then
// simplified alike in every layer (VW weights depend only on nearby
// vertices) and snapped to the same topology-wide grid, so outlines of one
// layer drawn over another, such as ICBs over districts, coincide instead
// of wobbling against each other. The object parameter is there so a
// future layer from a finer source can be given its own settings without
// changing callers; today every object, known or not, gets these.
func DisplayOptionsFor(object string) DisplayOptions {
	return DisplayOptions{
		// About the triangle of a 200 m wiggle on a 200 m base: the
		// scale of the ONS generalisation itself.
		Tolerance: 20_000,
		// 0.2% of the City of London (2.9 km²) is about 6,000 m².
		SmallAreaFraction: 0.002,
		// Cells of about 55 m by 65 m over England: below a pixel
		// until zoomed well into a town.
		Quantization:  10_000,
		MinIslandArea: 2_000_000,
		MaxIslandLoss: 0.01,
	}
}

// layerPoly is one polygon of the layer being built.
type layerPoly struct {
	geom   int
	rings  []int   // indices into the layer's ring list
	area   float64 // full-resolution area, m²
	island bool    // one ring whose arcs no other ring in the layer uses
	drop   bool
}

// layerGeom is one area of the layer being built.
type layerGeom struct {
	code, name string
	polys      []int // indices into the layer's polygon list
	area       float64
}

// DisplayLayer builds a compact TopoJSON Topology holding one object,
// "areas", a GeometryCollection with one Polygon or MultiPolygon per area
// of object, each with "id" set to its code and properties {"name": …}.
// Only the arcs this layer uses are kept; they are simplified with their
// endpoints fixed, so neighbours still share every border exactly, and
// re-quantised with delta encoding onto an integer grid that spans all of
// t, so layers built from the same topology share grid points. Ring
// orientation is kept as in t (the shared file has clockwise outer rings,
// as d3 expects) and checked after simplification.
func DisplayLayer(t *Topology, object, codeProp, nameProp string, opt DisplayOptions) ([]byte, error) {
	geoms, ok := t.Objects[object]
	if !ok || len(geoms) == 0 {
		return nil, fmt.Errorf("geo: TopoJSON has no object %q or it is empty", object)
	}
	if opt.Quantization < 2 {
		return nil, errors.New("geo: DisplayOptions.Quantization must be at least 2")
	}
	var (
		lg        = make([]layerGeom, len(geoms))
		polys     []layerPoly
		rings     [][]int
		clockwise []bool
		uses      = map[int]int{}
	)
	for gi, g := range geoms {
		code, name, _, err := readProps(g.Properties, codeProp, nameProp, g.ID)
		if err != nil {
			return nil, fmt.Errorf("geo: object %q geometry %d: %w", object, gi, err)
		}
		lg[gi] = layerGeom{code: code, name: name}
		for _, pg := range g.Polygons {
			lp := layerPoly{geom: gi}
			full := make(Polygon, len(pg))
			for k, refs := range pg {
				lp.rings = append(lp.rings, len(rings))
				rings = append(rings, refs)
				full[k] = t.ring(refs)
				clockwise = append(clockwise, full[k].SignedArea() < 0)
				for _, ref := range refs {
					uses[arcIndex(ref)]++
				}
			}
			lp.area = polygonAreaM2(full)
			lg[gi].area += lp.area
			lg[gi].polys = append(lg[gi].polys, len(polys))
			polys = append(polys, lp)
		}
	}
	for i := range polys {
		p := &polys[i]
		p.island = len(p.rings) == 1 && !slices.ContainsFunc(rings[p.rings[0]], func(ref int) bool { return uses[arcIndex(ref)] > 1 })
	}
	dropIslands(lg, polys, opt)

	b := &layerBuilder{t: t, opt: opt, geoms: lg, polys: polys, rings: rings, clockwise: clockwise}
	if err := b.simplify(); err != nil {
		return nil, fmt.Errorf("geo: object %q: %w", object, err)
	}
	return b.encode(), nil
}

// dropIslands marks small islands for removal, smallest first, within each
// area's MaxIslandLoss budget and never touching its largest polygon.
// Dropping only islands that share no arc keeps the rest of the layer's
// topology intact.
func dropIslands(lg []layerGeom, polys []layerPoly, opt DisplayOptions) {
	for _, g := range lg {
		if len(g.polys) < 2 {
			continue
		}
		largest := slices.MaxFunc(g.polys, func(a, b int) int { return cmp.Compare(polys[a].area, polys[b].area) })
		var cand []int
		for _, pi := range g.polys {
			if pi != largest && polys[pi].island && polys[pi].area < opt.MinIslandArea {
				cand = append(cand, pi)
			}
		}
		slices.SortStableFunc(cand, func(a, b int) int { return cmp.Compare(polys[a].area, polys[b].area) })
		lost := 0.0
		for _, pi := range cand {
			if lost+polys[pi].area > opt.MaxIslandLoss*g.area {
				break
			}
			lost += polys[pi].area
			polys[pi].drop = true
		}
	}
}

// quantiser maps lon/lat to the output's integer grid.
type quantiser struct {
	x0, y0, kx, ky float64
}

func newQuantiser(b BBox, steps int) quantiser {
	q := quantiser{x0: b.MinLon, y0: b.MinLat, kx: (b.MaxLon - b.MinLon) / float64(steps-1), ky: (b.MaxLat - b.MinLat) / float64(steps-1)}
	if !(q.kx > 0) {
		q.kx = 1
	}
	if !(q.ky > 0) {
		q.ky = 1
	}
	return q
}

func (q quantiser) point(p Point) [2]int64 {
	return [2]int64{int64(math.Round((p.Lon - q.x0) / q.kx)), int64(math.Round((p.Lat - q.y0) / q.ky))}
}
