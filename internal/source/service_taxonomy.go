package source

import (
	"io"

	"github.com/mhatlas/mhatlas/internal/service"
)

// TaxonomyKind says which list a taxonomy file holds.
type TaxonomyKind string

// The taxonomy lists. A file's first header names its list: type_id for
// service types, group_id for population groups.
const (
	ServiceTypes     TaxonomyKind = "service types"
	PopulationGroups TaxonomyKind = "population groups"
)

// ReadTaxonomy reads a service type or population group file: columns
// type_id (or group_id), name and an optional description, one row per
// term in the order pickers show them. Ids are lower-case words joined by
// hyphens ("peer-support") and must be unique; every term needs a name.
func ReadTaxonomy(r io.Reader, file string) (TaxonomyKind, []service.Term, error) {
	t, err := newTable(r, file, "name")
	if err != nil {
		return "", nil, err
	}
	var kind TaxonomyKind
	idCol := ""
	_, types := t.index["type_id"]
	_, groups := t.index["group_id"]
	switch {
	case types:
		kind, idCol = ServiceTypes, "type_id"
	case groups:
		kind, idCol = PopulationGroups, "group_id"
	default:
		return "", nil, &Error{File: file, Line: 1, Msg: "the first column must be type_id (service types) or group_id (population groups)"}
	}
	var terms []service.Term
	seen := keyLines{}
	st := svcTable{t}
	for t.next() {
		id := t.required(idCol)
		if id != "" && !service.ValidID(id) {
			t.fail(idCol, "%q is not a usable id: use lower-case letters, digits and hyphens, such as %q", id, service.Slug(id))
		}
		seen.check(st, idCol, id)
		terms = append(terms, service.Term{ID: id, Name: t.required("name"), Description: t.get("description")})
	}
	if err := t.errs.err(); err != nil {
		return "", nil, err
	}
	if len(terms) == 0 {
		return "", nil, &Error{File: file, Msg: "no " + string(kind) + " found"}
	}
	return kind, terms, nil
}
