package service

import (
	"fmt"
	"math"

	"github.com/mhatlas/mhatlas/internal/area"
	"github.com/mhatlas/mhatlas/internal/geo"
)

// MaxOffshoreMetres is how far outside every boundary a point may be and
// still be placed in the nearest lower-tier authority. The shipped ONS
// boundaries are generalised to about 200 m and clipped to the coastline,
// so a real seafront or estuary address can fall a little outside them;
// a point further out than this is treated as wrong, never guessed.
const MaxOffshoreMetres = 1000

// Geography is what placement needs: the shipped boundaries of lower-tier
// authorities and sub-ICB locations, at the resolution they ship in, and
// the area links that give every other type.
type Geography struct {
	LTLAs   []geo.Feature
	SubICBs []geo.Feature
	Links   []area.Link
}

// Placer puts points in areas. Only two layers are tested by point in
// polygon: the lower-tier authority and, where that authority is split,
// the sub-ICB location. Everything else follows from the area links, so a
// service's areas always nest as the lookups say (a generalised ICB edge
// can never disagree with its sub-ICB locations).
type Placer struct {
	ltla    *geo.Index
	parents map[parentKey][]string
	// splitSub holds, for each authority split between sub-ICB locations,
	// an index of just those locations.
	splitSub map[string]*geo.Index
}

type parentKey struct {
	child  area.Type
	code   string
	parent area.Type
}

// NewPlacer indexes the boundaries. It fails if a boundary's area is
// missing from the links, which would leave services unplaceable.
func NewPlacer(g Geography) (*Placer, error) {
	p := &Placer{ltla: geo.NewIndex(g.LTLAs), parents: map[parentKey][]string{}, splitSub: map[string]*geo.Index{}}
	for _, l := range g.Links {
		k := parentKey{l.ChildType, l.ChildCode, l.ParentType}
		p.parents[k] = append(p.parents[k], l.ParentCode)
	}
	subs := map[string]geo.Feature{}
	for _, f := range g.SubICBs {
		subs[f.Code] = f
	}
	for _, f := range g.LTLAs {
		cands := p.parents[parentKey{area.LTLA, f.Code, area.SubICB}]
		if len(cands) == 0 {
			return nil, fmt.Errorf("boundary of %s (%s) has no sub-ICB location in the area links", f.Code, f.Name)
		}
		if len(cands) == 1 {
			continue
		}
		var fs []geo.Feature
		for _, c := range cands {
			sf, ok := subs[c]
			if !ok {
				return nil, fmt.Errorf("no boundary for sub-ICB location %s", c)
			}
			fs = append(fs, sf)
		}
		p.splitSub[f.Code] = geo.NewIndex(fs)
	}
	return p, nil
}

// Place places s: from its coordinates when they fall in (or within
// MaxOffshoreMetres of) England, failing that from its postcode through
// postcodes (nil when no postcode table has been imported), and otherwise
// not at all, with a note saying why. A service is never placed by guess.
func (p *Placer) Place(s Service, postcodes func(string) (geo.Point, bool)) Placement {
	var why string
	if s.Point != nil {
		areas, note, ok := p.placePoint(*s.Point)
		if ok {
			pt := *s.Point
			return Placement{Method: ByCoordinates, Point: &pt, Areas: areas, Note: note}
		}
		why = note
	}
	pc, valid := NormalisePostcode(s.Postcode)
	switch {
	case s.Postcode == "":
		why = join(why, "no postcode")
	case !valid:
		why = join(why, fmt.Sprintf("the postcode %q is malformed", s.Postcode))
	case postcodes == nil:
		why = join(why, "no postcode table has been imported (mhatlas import postcodes FILE)")
	default:
		pt, ok := postcodes(pc)
		if !ok {
			why = join(why, fmt.Sprintf("the postcode %s is not in the imported postcode table", pc))
			break
		}
		areas, note, ok := p.placePoint(pt)
		if ok {
			return Placement{Method: ByPostcode, Point: &pt, Areas: areas, Note: join(why, join("placed at the centre of its postcode", note))}
		}
		why = join(why, "its postcode "+note)
	}
	if s.Point == nil {
		why = join("no coordinates", why)
	}
	return Placement{Method: NotLocated, Note: why}
}

func join(a, b string) string {
	switch {
	case a == "":
		return b
	case b == "":
		return a
	}
	return a + "; " + b
}

// placePoint finds the areas of every type holding pt.
func (p *Placer) placePoint(pt geo.Point) (map[area.Type]string, string, bool) {
	if math.IsNaN(pt.Lon) || math.IsNaN(pt.Lat) {
		return nil, "the coordinates are not numbers", false
	}
	f, d, ok := p.ltla.Nearest(pt, MaxOffshoreMetres)
	if !ok {
		return nil, fmt.Sprintf("the point (%.5f, %.5f) is outside England (more than %d m from any local authority boundary)",
			pt.Lon, pt.Lat, MaxOffshoreMetres), false
	}
	var note string
	if d > 0 {
		note = fmt.Sprintf("the point is %.0f m outside the coastline-clipped boundaries, so it was placed in the nearest local authority, %s", d, f.Name)
	}
	areas := map[area.Type]string{area.LTLA: f.Code}
	areas[area.UTLA] = p.parent(area.LTLA, f.Code, area.UTLA)
	if areas[area.UTLA] == "" {
		areas[area.UTLA] = f.Code // a unitary authority is its own upper tier
	}
	areas[area.Region] = p.parent(area.LTLA, f.Code, area.Region)
	areas[area.SubICB] = p.parent(area.LTLA, f.Code, area.SubICB)
	if ix, split := p.splitSub[f.Code]; split {
		// Among the authority's own sub-ICB locations, the one holding the
		// point, or the nearest if the generalised edges disagree.
		sf, _, _ := ix.Nearest(pt, math.Inf(1))
		areas[area.SubICB] = sf.Code
	}
	areas[area.ICB] = p.parent(area.SubICB, areas[area.SubICB], area.ICB)
	areas[area.NHSRegion] = p.parent(area.ICB, areas[area.ICB], area.NHSRegion)
	for t, c := range areas {
		if c == "" {
			return nil, fmt.Sprintf("the area links give no %s for %s", t, f.Code), false
		}
	}
	return areas, note, true
}

func (p *Placer) parent(child area.Type, code string, parent area.Type) string {
	ps := p.parents[parentKey{child, code, parent}]
	if len(ps) == 0 {
		return ""
	}
	return ps[0]
}
