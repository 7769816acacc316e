package service

// RecordsAllOf reports whether s records every kind of service that o
// records and that passes f: every type and sector o lists (or, when f
// names one, that one), and population groups when f asks for one.
//
// Coverage needs it to tell two kinds of directory apart. A directory for
// another place (Trafford's, seen from Shropshire) does not make an area's
// count incomplete when a directory that records at least as much covers
// the area in full; an England-wide NHS file that records only hospitals
// cannot stand in for a local directory of every kind of service.
func (s Source) RecordsAllOf(o Source, f Filter) bool {
	if !s.Records(f) {
		return false
	}
	sectors := func(xs []Sector) []string {
		out := make([]string, len(xs))
		for i, x := range xs {
			out[i] = string(x)
		}
		return out
	}
	return within(s.Types, o.Types, f.Type) && within(sectors(s.Sectors), sectors(o.Sectors), f.Sector)
}

// within reports whether the terms a source limits itself to (sup; empty
// means any) include those another source records (sub; empty means any),
// or just the chosen one when a filter names it.
func within(sup, sub []string, chosen string) bool {
	switch {
	case len(sup) == 0:
		return true
	case chosen != "":
		return contains(sup, chosen)
	case len(sub) == 0:
		return false
	}
	for _, x := range sub {
		if !contains(sup, x) {
			return false
		}
	}
	return true
}
