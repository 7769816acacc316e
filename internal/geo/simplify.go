package geo

import (
	"container/heap"
	"math"
)

// metresPerDeg is the length of one degree of a great circle on a sphere
// of the mean Earth radius.
const metresPerDeg = 6_371_008.8 * math.Pi / 180

// project maps p to the sinusoidal projection in metres. Sinusoidal is
// equal-area, so triangle areas (simplification weights) and polygon areas
// mean the same thing in Cornwall as in Northumberland, and thresholds can
// be given in square metres.
func project(p Point) (x, y float64) {
	return p.Lon * math.Cos(p.Lat*math.Pi/180) * metresPerDeg, p.Lat * metresPerDeg
}

// ringAreaM2 returns the absolute area of r in square metres.
func ringAreaM2(r Ring) float64 {
	if len(r) < 3 {
		return 0
	}
	x0, y0 := project(r[0])
	var s float64
	px, py := 0.0, 0.0
	for _, p := range r[1:] {
		x, y := project(p)
		x, y = x-x0, y-y0
		s += px*y - x*py
		px, py = x, y
	}
	return math.Abs(s / 2)
}

// polygonAreaM2 returns the outer ring's area minus the holes', in m².
func polygonAreaM2(pg Polygon) float64 {
	if len(pg) == 0 {
		return 0
	}
	a := ringAreaM2(pg[0])
	for _, h := range pg[1:] {
		a -= ringAreaM2(h)
	}
	return a
}

// vwWeights returns, for each vertex of the polyline pts, its
// Visvalingam–Whyatt effective area in m²: the area of the triangle it
// forms with its neighbours at the moment it would be removed, raised to at
// least the weight of any vertex removed before it. That last rule makes
// weights monotonic, so "keep every vertex with weight ≥ t" gives exactly
// the line VW would produce for threshold t, for any t, from one pass.
// Endpoints get +Inf because they are shared with other arcs.
func vwWeights(pts []Point) []float64 {
	n := len(pts)
	w := make([]float64, n)
	if n == 0 {
		return w
	}
	w[0], w[n-1] = math.Inf(1), math.Inf(1)
	if n < 3 {
		return w
	}
	xs, ys := make([]float64, n), make([]float64, n)
	for i, p := range pts {
		xs[i], ys[i] = project(p)
	}
	prev, next := make([]int, n), make([]int, n)
	for i := range n {
		prev[i], next[i] = i-1, i+1
	}
	tri := func(i int) float64 {
		a, b := prev[i], next[i]
		return math.Abs((xs[a]-xs[i])*(ys[b]-ys[i])-(xs[b]-xs[i])*(ys[a]-ys[i])) / 2
	}
	h := &vwHeap{pos: make([]int, n)}
	for i := 1; i < n-1; i++ {
		h.items = append(h.items, vwItem{i, tri(i)})
		h.pos[i] = len(h.items) - 1
	}
	heap.Init(h)
	last := 0.0
	for h.Len() > 0 {
		it := heap.Pop(h).(vwItem)
		last = math.Max(last, it.area)
		w[it.vertex] = last
		a, b := prev[it.vertex], next[it.vertex]
		next[a], prev[b] = b, a
		for _, v := range [2]int{a, b} {
			if v > 0 && v < n-1 {
				h.items[h.pos[v]].area = tri(v)
				heap.Fix(h, h.pos[v])
			}
		}
	}
	return w
}

type vwItem struct {
	vertex int
	area   float64
}

// vwHeap is a min-heap of vertices by triangle area that tracks each
// vertex's heap position so neighbours can be re-keyed after a removal.
type vwHeap struct {
	items []vwItem
	pos   []int
}

func (h *vwHeap) Len() int { return len(h.items) }
func (h *vwHeap) Less(i, j int) bool {
	if h.items[i].area != h.items[j].area {
		return h.items[i].area < h.items[j].area
	}
	return h.items[i].vertex < h.items[j].vertex // deterministic ties
}
func (h *vwHeap) Swap(i, j int) {
	h.items[i], h.items[j] = h.items[j], h.items[i]
	h.pos[h.items[i].vertex] = i
	h.pos[h.items[j].vertex] = j
}
func (h *vwHeap) Push(x any) {
	it := x.(vwItem)
	h.pos[it.vertex] = len(h.items)
	h.items = append(h.items, it)
}
func (h *vwHeap) Pop() any {
	it := h.items[len(h.items)-1]
	h.items = h.items[:len(h.items)-1]
	return it
}
