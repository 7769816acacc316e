package geo

import (
	"bytes"
	"encoding/json"
	"strconv"
)

// encode writes the compact TopoJSON. Arcs are numbered in order of first
// use so that neighbouring areas' arcs sit together, which gzip likes.
func (b *layerBuilder) encode() []byte {
	num := make([]int, len(b.chains))
	for i := range num {
		num[i] = -1
	}
	var order []int
	var buf bytes.Buffer
	buf.WriteString(`{"type":"Topology","transform":{"scale":[`)
	buf.WriteString(fmtFloat(b.q.kx) + "," + fmtFloat(b.q.ky) + `],"translate":[`)
	buf.WriteString(fmtFloat(b.q.x0) + "," + fmtFloat(b.q.y0) + `]},"objects":{"areas":{"type":"GeometryCollection","geometries":[`)
	for gi, g := range b.geoms {
		if gi > 0 {
			buf.WriteByte(',')
		}
		var live []int
		for _, pi := range g.polys {
			if !b.polys[pi].drop {
				live = append(live, pi)
			}
		}
		multi := len(live) > 1
		if multi {
			buf.WriteString(`{"type":"MultiPolygon","id":`)
		} else {
			buf.WriteString(`{"type":"Polygon","id":`)
		}
		buf.Write(jsonString(g.code))
		buf.WriteString(`,"properties":{"name":`)
		buf.Write(jsonString(g.name))
		buf.WriteString(`},"arcs":`)
		if multi {
			buf.WriteByte('[')
		}
		for k, pi := range live {
			if k > 0 {
				buf.WriteByte(',')
			}
			buf.WriteByte('[')
			for ri, r := range b.polys[pi].rings {
				if ri > 0 {
					buf.WriteByte(',')
				}
				buf.WriteByte('[')
				for j, ref := range b.chainRings[r] {
					c := arcIndex(ref)
					if num[c] < 0 {
						num[c] = len(order)
						order = append(order, c)
					}
					if j > 0 {
						buf.WriteByte(',')
					}
					n := num[c]
					if ref < 0 {
						n = ^n
					}
					buf.WriteString(strconv.Itoa(n))
				}
				buf.WriteByte(']')
			}
			buf.WriteByte(']')
		}
		if multi {
			buf.WriteByte(']')
		}
		buf.WriteByte('}')
	}
	buf.WriteString(`]}},"arcs":[`)
	for k, c := range order {
		if k > 0 {
			buf.WriteByte(',')
		}
		buf.WriteByte('[')
		var px, py int64
		for j, p := range b.qarcs[c] {
			if j > 0 {
				buf.WriteByte(',')
			}
			buf.WriteByte('[')
			buf.WriteString(strconv.FormatInt(p[0]-px, 10))
			buf.WriteByte(',')
			buf.WriteString(strconv.FormatInt(p[1]-py, 10))
			buf.WriteByte(']')
			px, py = p[0], p[1]
		}
		buf.WriteByte(']')
	}
	buf.WriteString(`]}`)
	return buf.Bytes()
}

func fmtFloat(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }

// jsonString encodes s as a JSON string without HTML escaping, so names
// like "Brighton and Hove" or "Telford & Wrekin" stay readable.
func jsonString(s string) []byte {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s) // encoding a string cannot fail
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n"))
}
