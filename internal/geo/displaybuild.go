package geo

import (
	"fmt"
	"math"
	"slices"
)

// layerBuilder carries one DisplayLayer run from stitched arcs to bytes.
type layerBuilder struct {
	t     *Topology
	opt   DisplayOptions
	geoms []layerGeom
	polys []layerPoly
	rings [][]int // source arc references per ring
	// clockwise records each ring's winding at full resolution; a ring
	// that flips when simplified would make d3 fill the whole globe.
	clockwise []bool

	chains     []chain
	chainRings [][]int // per ring, references into chains (nil if dropped)
	weights    [][]float64
	keep       [][]bool
	q          quantiser
	qarcs      [][][2]int64 // per chain, kept positions on the output grid
}

// simplify stitches, simplifies and quantises the layer's arcs, then tops
// up any ring that came out degenerate.
func (b *layerBuilder) simplify() error {
	var ids []int
	var refs [][]int
	for _, p := range b.polys {
		if !p.drop {
			for _, r := range p.rings {
				ids = append(ids, r)
				refs = append(refs, b.rings[r])
			}
		}
	}
	chains, crefs, err := stitchArcs(b.t.Arcs, refs)
	if err != nil {
		return err
	}
	b.chains = chains
	b.chainRings = make([][]int, len(b.rings))
	for k, r := range ids {
		b.chainRings[r] = crefs[k]
	}

	// Each border's threshold is capped by the smallest area beside it.
	smallest := make([]float64, len(chains))
	for i := range smallest {
		smallest[i] = math.Inf(1)
	}
	for _, p := range b.polys {
		for _, r := range p.rings {
			for _, ref := range b.chainRings[r] {
				c := arcIndex(ref)
				smallest[c] = math.Min(smallest[c], b.geoms[p.geom].area)
			}
		}
	}
	b.weights = make([][]float64, len(chains))
	b.keep = make([][]bool, len(chains))
	for c, ch := range chains {
		thr := b.opt.Tolerance
		if b.opt.SmallAreaFraction > 0 {
			thr = math.Min(thr, b.opt.SmallAreaFraction*smallest[c])
		}
		b.weights[c] = vwWeights(ch.pts)
		b.keep[c] = make([]bool, len(ch.pts))
		for i, w := range b.weights[c] {
			b.keep[c][i] = w >= thr
		}
	}
	// The grid spans the whole topology, not just this layer, so every
	// layer built with the same Quantization snaps a shared border to the
	// same grid points and overlaid layers line up.
	bounds := EmptyBBox()
	for _, arc := range b.t.Arcs {
		for _, p := range arc {
			bounds = bounds.Extend(p)
		}
	}
	b.q = newQuantiser(bounds, b.opt.Quantization)
	b.qarcs = make([][][2]int64, len(chains))
	for c := range chains {
		b.quantiseChain(c)
	}
	return b.repairRings()
}

// repairRings makes every ring keep at least four positions and a non-zero
// area on the output grid. A degenerate ring first gets back its most
// important dropped vertices. A ring that cannot be saved even at full
// resolution is smaller than a grid cell (the ONS files have a few such
// slivers): a hole is removed, a polygon is removed if its area has
// others. Removing either leaves at most a sub-cell gap that nothing can
// draw. Each pass adds a vertex or removes a ring, so it ends.
func (b *layerBuilder) repairRings() error {
	for changed := true; changed; {
		changed = false
		for pi := range b.polys {
			p := &b.polys[pi]
			if p.drop {
				continue
			}
			for k := 0; k < len(p.rings); k++ {
				r := p.rings[k]
				if b.ringValid(r) {
					continue
				}
				changed = true
				if b.topUp(r) {
					continue
				}
				if k > 0 {
					p.rings = slices.Delete(p.rings, k, k+1)
					k--
					continue
				}
				if b.livePolys(p.geom) < 2 {
					return fmt.Errorf("area %s: ring cannot be represented at quantization %d", b.geoms[p.geom].code, b.opt.Quantization)
				}
				p.drop = true
				break
			}
		}
	}
	return nil
}

func (b *layerBuilder) livePolys(g int) int {
	n := 0
	for _, pi := range b.geoms[g].polys {
		if !b.polys[pi].drop {
			n++
		}
	}
	return n
}

// topUp restores, in every chain of ring r, the dropped vertex with the
// largest weight. It reports false if there was none left anywhere.
func (b *layerBuilder) topUp(r int) bool {
	added := false
	for _, ref := range b.chainRings[r] {
		c := arcIndex(ref)
		best := -1
		for i, w := range b.weights[c] {
			if !b.keep[c][i] && (best < 0 || w > b.weights[c][best]) {
				best = i
			}
		}
		if best >= 0 {
			b.keep[c][best] = true
			b.quantiseChain(c)
			added = true
		}
	}
	return added
}

// quantiseChain snaps chain c's kept vertices to the grid and drops
// consecutive duplicates. Endpoints snap identically in every chain that
// shares them, so borders stay shared after quantisation. A chain that
// collapses to one position is written as two equal positions because
// TopoJSON arcs need at least two.
func (b *layerBuilder) quantiseChain(c int) {
	var out [][2]int64
	for i, p := range b.chains[c].pts {
		if !b.keep[c][i] {
			continue
		}
		qp := b.q.point(p)
		if len(out) == 0 || out[len(out)-1] != qp {
			out = append(out, qp)
		}
	}
	if len(out) == 1 {
		out = append(out, out[0])
	}
	b.qarcs[c] = out
}

// ringValid reports whether ring r, as a TopoJSON reader will rebuild it,
// has at least three distinct consecutive vertices plus the closing one
// and encloses some area with its original winding.
func (b *layerBuilder) ringValid(r int) bool {
	var pts [][2]int64
	for _, ref := range b.chainRings[r] {
		arc := b.qarcs[arcIndex(ref)]
		for j := range arc {
			p := arc[j]
			if ref < 0 {
				p = arc[len(arc)-1-j]
			}
			if len(pts) == 0 || pts[len(pts)-1] != p {
				pts = append(pts, p)
			}
		}
	}
	if len(pts) < 4 || pts[0] != pts[len(pts)-1] {
		return false
	}
	var a2 int64
	for i := 1; i < len(pts); i++ {
		a2 += pts[i-1][0]*pts[i][1] - pts[i][0]*pts[i-1][1]
	}
	return a2 != 0 && (a2 < 0) == b.clockwise[r]
}
