package service

// Source describes one imported directory: what kinds of service it
// records and where it is meant to be complete. The atlas needs both to
// tell "no services here" from "no directory covers here": a count of zero
// peer support groups is a finding inside Trafford's directory and an
// absence of data everywhere else.
type Source struct {
	// Dataset is the id of the imported dataset.
	Dataset string
	// Types lists the only service types the source records (the NHS
	// files hold hospitals and trust headquarters); empty means any type.
	Types []string
	// Sectors lists the only sectors the source records; empty means any.
	Sectors []Sector
	// Groups says whether the source records population groups.
	Groups bool
	// England is true when the source covers all of England; otherwise
	// Coverage lists the lower-tier authorities it covers.
	England  bool
	Coverage []string
}

// Records reports whether the source would list services that pass f if
// there were any: only then does its coverage count for f.
func (s Source) Records(f Filter) bool {
	if f.Type != "" && len(s.Types) > 0 && !contains(s.Types, f.Type) {
		return false
	}
	if f.Sector != "" && len(s.Sectors) > 0 {
		ok := false
		for _, x := range s.Sectors {
			ok = ok || string(x) == f.Sector
		}
		if !ok {
			return false
		}
	}
	return f.Group == "" || s.Groups
}

// Covers reports whether the source covers the lower-tier authority.
func (s Source) Covers(ltla string) bool {
	return s.England || contains(s.Coverage, ltla)
}
