package service

import (
	"fmt"
	"strings"
)

// Term is one entry of a taxonomy: a stable id (used in files, URLs and the
// API) and a name for people.
type Term struct {
	ID          string
	Name        string
	Description string
}

// Taxonomy holds the service types and population groups. Both are data,
// imported from data/services/service_types.csv and population_groups.csv
// or a membership body's own versions of them.
type Taxonomy struct {
	Types  []Term
	Groups []Term
}

// TypeName returns the name of a service type, or the id if unknown.
func (t Taxonomy) TypeName(id string) string { return name(t.Types, id) }

// GroupName returns the name of a population group, or the id if unknown.
func (t Taxonomy) GroupName(id string) string { return name(t.Groups, id) }

func name(ts []Term, id string) string {
	for _, x := range ts {
		if x.ID == id {
			return x.Name
		}
	}
	return id
}

// CheckFilter refuses a filter id the taxonomy does not have, saying what
// would work.
func (t Taxonomy) CheckFilter(f Filter) error {
	if f.Type != "" && !hasID(t.Types, f.Type) {
		return fmt.Errorf("unknown service type %q: use one of %s", f.Type, joinIDs(t.Types))
	}
	if f.Sector != "" {
		if _, err := ParseSector(f.Sector); err != nil {
			return err
		}
	}
	if f.Group != "" && !hasID(t.Groups, f.Group) {
		return fmt.Errorf("unknown population group %q: use one of %s", f.Group, joinIDs(t.Groups))
	}
	return nil
}

// HasType reports whether id is a service type.
func (t Taxonomy) HasType(id string) bool { return hasID(t.Types, id) }

// HasGroup reports whether id is a population group.
func (t Taxonomy) HasGroup(id string) bool { return hasID(t.Groups, id) }

func hasID(ts []Term, id string) bool {
	for _, x := range ts {
		if x.ID == id {
			return true
		}
	}
	return false
}

func joinIDs(ts []Term) string {
	ids := make([]string, len(ts))
	for i, x := range ts {
		ids[i] = x.ID
	}
	return strings.Join(ids, ", ")
}

// ValidID reports whether s is usable as a taxonomy id: lower-case letters,
// digits and single hyphens, as in "peer-support".
func ValidID(s string) bool {
	return s != "" && Slug(s) == s
}
