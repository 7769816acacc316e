package geo

import (
	"math"
	"testing"
)

// square returns a closed counter-clockwise ring of the square with lower
// left corner (x, y) and side s.
func square(x, y, s float64) Ring {
	return Ring{{x, y}, {x + s, y}, {x + s, y + s}, {x, y + s}, {x, y}}
}

func reversed(r Ring) Ring {
	out := make(Ring, len(r))
	for i, p := range r {
		out[len(r)-1-i] = p
	}
	return out
}

func TestPolygonWithHole(t *testing.T) {
	// A 4×4 square with a 2×2 hole, given clockwise to check that
	// winding does not matter.
	pg := Polygon{reversed(square(0, 0, 4)), square(1, 1, 2)}
	mp := MultiPolygon{pg, {square(10, 10, 1)}}
	for _, tc := range []struct {
		p    Point
		want bool
	}{
		{Point{0.5, 0.5}, true},
		{Point{2, 2}, false}, // in the hole
		{Point{3.5, 2}, true},
		{Point{5, 2}, false},
		{Point{10.5, 10.5}, true}, // second polygon
		{Point{-1, -1}, false},
	} {
		if got := mp.Contains(tc.p); got != tc.want {
			t.Errorf("Contains(%v) = %v, want %v", tc.p, got, tc.want)
		}
	}
	if got, want := mp.Area(), 16.0-4+1; math.Abs(got-want) > 1e-12 {
		t.Errorf("Area = %v, want %v", got, want)
	}
	if got, want := mp.BBox(), (BBox{0, 0, 11, 11}); got != want {
		t.Errorf("BBox = %v, want %v", got, want)
	}
	if a := square(0, 0, 1).SignedArea(); a != 1 {
		t.Errorf("CCW SignedArea = %v, want 1", a)
	}
}

// TestSharedEdgeDeterministic checks that points on the border between two
// neighbours land in exactly one of them, always the same one.
func TestSharedEdgeDeterministic(t *testing.T) {
	left := MultiPolygon{{square(0, 0, 1)}}
	right := MultiPolygon{{square(1, 0, 1)}}
	for _, p := range []Point{{1, 0.5}, {1, 0.25}, {1, 0}, {0.5, 0}, {1.5, 1}} {
		l, r := left.Contains(p), right.Contains(p)
		if p.Lat > 0 && p.Lat < 1 && l == r {
			t.Errorf("point %v on shared edge: left=%v right=%v, want exactly one", p, l, r)
		}
		for range 3 {
			if left.Contains(p) != l || right.Contains(p) != r {
				t.Fatalf("point %v: answer changed between calls", p)
			}
		}
	}
}

func TestBBox(t *testing.T) {
	b := EmptyBBox()
	if !b.IsEmpty() || b.Contains(Point{}) {
		t.Fatal("EmptyBBox should be empty")
	}
	b = b.Extend(Point{1, 2}).Extend(Point{-1, 3})
	if b != (BBox{-1, 2, 1, 3}) || b.IsEmpty() || !b.Contains(Point{0, 2.5}) || b.Contains(Point{0, 4}) {
		t.Fatalf("unexpected box %v", b)
	}
}
