package geo

import "fmt"

// The shared boundary file splits arcs wherever any of its six layers has a
// junction, so a single layer sees many arcs joined end to end at points
// where nothing happens in that layer. Stitching such runs into one longer
// arc matters for the display copy: simplification must keep every arc
// endpoint, and every arc costs an absolute first position, so fewer, longer
// arcs mean both a better simplification and a smaller file.

// chain is a run of source arcs joined end to end through nodes where only
// they meet (nodes of degree two in the layer's arc graph).
type chain struct {
	refs []int   // source arc references in chain order
	pts  []Point // joined positions, shared endpoints not repeated
}

// arcEnd identifies one end of a source arc.
type arcEnd struct {
	arc   int
	atEnd bool // false: the arc's first position, true: its last
}

// stitchArcs joins the arcs used by rings into chains and rewrites each
// ring as references to chains (c forwards, ^c backwards).
func stitchArcs(arcs [][]Point, rings [][]int) ([]chain, [][]int, error) {
	nodes := map[Point][]arcEnd{}
	used := map[int]bool{}
	var order []int // used arcs in first-use order, for deterministic output
	for _, r := range rings {
		for _, ref := range r {
			a := arcIndex(ref)
			if used[a] {
				continue
			}
			used[a] = true
			order = append(order, a)
			arc := arcs[a]
			nodes[arc[0]] = append(nodes[arc[0]], arcEnd{a, false})
			nodes[arc[len(arc)-1]] = append(nodes[arc[len(arc)-1]], arcEnd{a, true})
		}
	}
	// through returns the arc reference that continues a walk leaving
	// through end e, or false if the node there is a real junction.
	through := func(e arcEnd) (int, bool) {
		arc := arcs[e.arc]
		p := arc[0]
		if e.atEnd {
			p = arc[len(arc)-1]
		}
		ends := nodes[p]
		if len(ends) != 2 {
			return 0, false
		}
		o := ends[0]
		if o == e {
			o = ends[1]
		}
		if o.atEnd { // we arrive at its last position, so walk it backwards
			return ^o.arc, true
		}
		return o.arc, true
	}
	// exit is the end a walk along ref leaves through; entry the other.
	exit := func(ref int) arcEnd { return arcEnd{arcIndex(ref), ref >= 0} }
	entry := func(ref int) arcEnd { return arcEnd{arcIndex(ref), ref < 0} }

	type place struct{ chain, pos int }
	where := map[int]place{}  // source arc -> position in its chain
	forward := map[int]bool{} // source arc runs forwards in its chain
	var chains []chain
	for _, a := range order {
		if _, done := where[a]; done {
			continue
		}
		// Walk backwards to the chain's start; a pure cycle stops when it
		// comes back to a.
		start := a
		for range len(order) {
			prev, ok := through(entry(start))
			if !ok || arcIndex(prev) == a {
				break
			}
			start = ^prev // we walked it against the chain's direction
		}
		c := chain{}
		for ref := start; ; {
			i := arcIndex(ref)
			if _, done := where[i]; done {
				break
			}
			where[i] = place{len(chains), len(c.refs)}
			forward[i] = ref >= 0
			c.refs = append(c.refs, ref)
			c.pts = appendArc(c.pts, arcs[i], ref < 0, len(c.refs) > 1)
			next, ok := through(exit(ref))
			if !ok {
				break
			}
			ref = next
		}
		chains = append(chains, c)
	}

	out := make([][]int, len(rings))
	for ri, r := range rings {
		n := len(r)
		// Rotate to a ring position where a chain begins, then consume
		// whole chains; any mismatch means the graph reasoning failed.
		k := -1
		for j, ref := range r {
			p := where[arcIndex(ref)]
			fwd := (ref >= 0) == forward[arcIndex(ref)]
			if (fwd && p.pos == 0) || (!fwd && p.pos == len(chains[p.chain].refs)-1) {
				k = j
				break
			}
		}
		if k < 0 {
			return nil, nil, fmt.Errorf("ring %d: no chain starts in it", ri)
		}
		for done := 0; done < n; {
			ref := r[(k+done)%n]
			p := where[arcIndex(ref)]
			c := chains[p.chain]
			fwd := (ref >= 0) == forward[arcIndex(ref)]
			for j := range len(c.refs) {
				want := c.refs[j]
				if !fwd {
					want = ^c.refs[len(c.refs)-1-j]
				}
				if done+j >= n || r[(k+done+j)%n] != want {
					return nil, nil, fmt.Errorf("ring %d does not follow chain %d", ri, p.chain)
				}
			}
			if fwd {
				out[ri] = append(out[ri], p.chain)
			} else {
				out[ri] = append(out[ri], ^p.chain)
			}
			done += len(c.refs)
		}
	}
	return chains, out, nil
}

// appendArc appends arc's positions to pts, reversed if asked, skipping
// the first one when it repeats the previous arc's last.
func appendArc(pts, arc []Point, reversed, skipFirst bool) []Point {
	n := len(arc)
	for j := range n {
		if skipFirst && j == 0 {
			continue
		}
		if reversed {
			pts = append(pts, arc[n-1-j])
		} else {
			pts = append(pts, arc[j])
		}
	}
	return pts
}
