package geo

import (
	"math"
	"slices"
	"testing"
)

func TestStitchArcs(t *testing.T) {
	a, m, b := Point{1, 0}, Point{1, 0.5}, Point{1, 1}
	p, q := Point{5, 5}, Point{6, 5}
	arcs := [][]Point{
		{a, m},                     // 0: lower half of the shared border
		{m, b},                     // 1: upper half; m is a degree-2 node
		{b, {0, 1}, {0, 0}, a},     // 2: rest of the left square
		{a, {2, 0}, {2, 1}, b},     // 3: rest of the right square
		{p, q},                     // 4: an island made of two arcs
		{q, {6, 6}, {5, 6}, p},     // 5
		{{9, 9}, {9, 9}, {9, 9.5}}, // 6: unused, must not appear
	}
	rings := [][]int{
		{1, 2, 0},   // left square, starting mid-chain
		{3, ^1, ^0}, // right square, using the border backwards
		{4, 5},      // island
	}
	chains, out, err := stitchArcs(arcs, rings)
	if err != nil {
		t.Fatal(err)
	}
	if len(chains) != 4 {
		t.Fatalf("%d chains, want 4 (border, left, right, island)", len(chains))
	}
	border := -1
	for i, c := range chains {
		if slices.Equal(c.refs, []int{0, 1}) {
			border = i
			if !slices.Equal(c.pts, []Point{a, m, b}) {
				t.Errorf("border points %v", c.pts)
			}
		}
	}
	if border < 0 {
		t.Fatalf("arcs 0 and 1 not joined: %+v", chains)
	}
	if !slices.Contains(out[0], border) || !slices.Contains(out[1], ^border) || len(out[0]) != 2 || len(out[1]) != 2 {
		t.Errorf("rings = %v, want left using chain %d forwards and right backwards", out, border)
	}
	if len(out[2]) != 1 {
		t.Errorf("island ring = %v, want one closed chain", out[2])
	}
	island := chains[arcIndex(out[2][0])]
	if n := len(island.pts); n != 5 || island.pts[0] != island.pts[n-1] {
		t.Errorf("island chain %v is not a closed ring of 5 positions", island.pts)
	}
	// Rebuilding the rings from chains must give the same point cycles.
	for i, r := range rings {
		src := (&Topology{Arcs: arcs}).ring(r)
		cs := make([][]Point, len(chains))
		for k, c := range chains {
			cs[k] = c.pts
		}
		got := (&Topology{Arcs: cs}).ring(out[i])
		// Same length and area; the start point may rotate.
		if math.Abs(src.SignedArea()-got.SignedArea()) > 1e-12 || len(src) != len(got) {
			t.Errorf("ring %d changed: %v -> %v", i, src, got)
		}
	}
}

func TestStitchArcsRejectsPartialChain(t *testing.T) {
	// Arc 0 runs into a degree-2 node but the ring stops there.
	arcs := [][]Point{{{0, 0}, {1, 0}}, {{1, 0}, {1, 1}, {0, 0}}}
	if _, _, err := stitchArcs(arcs, [][]int{{0}, {0, 1}}); err == nil {
		t.Error("want error for a ring that uses half a chain")
	}
}

func TestVWWeights(t *testing.T) {
	// A low bump and a tall one: the small one goes first.
	pts := []Point{{0, 0}, {0.001, 0.00001}, {0.002, 0}, {0.003, 0.001}, {0.004, 0}}
	w := vwWeights(pts)
	if !(w[1] < w[3]) || w[0] < w[3] || w[4] < w[3] {
		t.Errorf("weights %v: want small bump < big bump < endpoints", w)
	}
	if len(vwWeights(pts[:2])) != 2 || len(vwWeights(nil)) != 0 {
		t.Error("short lines")
	}
}
