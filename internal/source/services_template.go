package source

import (
	"fmt"
	"io"
	"strings"

	"github.com/mhatlas/mhatlas/internal/service"
)

// Directory is one directory in a services template file: a membership
// body's list of its members' services, or any other list kept in the
// template. Its name identifies it across yearly refreshes.
type Directory struct {
	Name      string
	Publisher string
	Licence   string
	// Covers lists the GSS codes of the areas the directory sets out to
	// cover completely; empty when the file does not say.
	Covers   []string
	Services []service.Service
}

// TemplateColumns are the columns of the services template, in the order
// the documented example uses. Only the first six after the directory
// metadata are required; columns are found by name.
var TemplateColumns = []string{"directory", "publisher", "licence", "directory_covers",
	"id", "name", "provider", "sector", "types", "groups", "description", "address", "postcode",
	"telephone", "website", "longitude", "latitude", "serves", "verified"}

var templateRequired = []string{"directory", "id", "name", "provider", "sector", "types"}

// ReadServicesTemplate reads a services file in the mhatlas template. tax
// holds the service types and population groups the file may use; isArea
// says whether a GSS code is an area the atlas knows (for serves and
// directory_covers). Every problem is reported with file, line and column;
// a malformed postcode is a warning, not an error.
func ReadServicesTemplate(r io.Reader, file string, tax service.Taxonomy, isArea func(string) bool) ([]Directory, ServiceReport, error) {
	rep := ServiceReport{File: file}
	r, err := csvInput(r, file)
	if err != nil {
		return nil, rep, err
	}
	t, err := newTable(r, file)
	if err != nil {
		return nil, rep, err
	}
	foldHeader(t)
	if err := checkTemplateHeader(t); err != nil {
		return nil, rep, err
	}
	st := svcTable{t}
	var dirs []*Directory
	byName := map[string]*Directory{}
	keys := map[string]keyLines{}
	var blanks []int
	for t.next() {
		if blankRow(t.row) {
			blanks = append(blanks, t.line())
			continue
		}
		rep.Rows++
		st.checkUTF8()
		name := t.required("directory")
		d := byName[name]
		if d == nil {
			d = &Directory{Name: name}
			byName[name], keys[name] = d, keyLines{}
			dirs = append(dirs, d)
		}
		d.Publisher = st.same("publisher", d.Name, d.Publisher)
		d.Licence = st.same("licence", d.Name, d.Licence)
		if covers := st.codes("directory_covers", isArea); len(covers) > 0 {
			if len(d.Covers) > 0 && strings.Join(covers, ";") != strings.Join(d.Covers, ";") {
				t.fail("directory_covers", "differs from an earlier row of directory %q: give it once, or the same on every row", d.Name)
			}
			d.Covers = covers
		}
		s := st.templateService(tax, isArea, &rep)
		keys[name].check(st, "id", s.Key)
		d.Services = append(d.Services, s)
	}
	if err := t.errs.err(); err != nil {
		return nil, rep, err
	}
	if w := blankRows(file, blanks); w != nil {
		rep.Warnings = append(rep.Warnings, w)
	}
	if rep.Rows == 0 {
		return nil, rep, &Error{File: file, Msg: "no services found: the file has a header but no rows"}
	}
	out := make([]Directory, len(dirs))
	for i, d := range dirs {
		out[i] = *d
	}
	return out, rep, nil
}

// checkTemplateHeader names the missing columns, and recognises the
// Trafford directory, which has its own importer.
func checkTemplateHeader(t *table) error {
	var missing []string
	for _, c := range templateRequired {
		if _, ok := t.index[c]; !ok {
			missing = append(missing, c)
		}
	}
	if len(missing) == 0 {
		return nil
	}
	// Trafford's header has none of the template's own columns; a
	// template file missing one of them is still a template file.
	if isTraffordHeader(t) && len(missing) == len(templateRequired)-1 {
		return &Error{File: t.file, Line: 1, Msg: "this is the Trafford Council directory format, not the services template: import it with `mhatlas import trafford FILE CLASSIFICATION`"}
	}
	return &Error{File: t.file, Line: 1, Msg: fmt.Sprintf("missing column(s) %s: the template needs %s (the header has: %s)",
		strings.Join(missing, ", "), strings.Join(templateRequired, ", "), strings.Join(t.header, ", "))}
}

// templateService reads the service on the current row.
func (t svcTable) templateService(tax service.Taxonomy, isArea func(string) bool, rep *ServiceReport) service.Service {
	s := service.Service{Line: t.line(), Key: service.Slug(t.required("id")), Name: t.required("name"),
		Provider: t.required("provider"), Description: t.get("description"), Address: t.get("address"),
		Telephone: t.get("telephone")}
	if id := t.get("id"); id != "" && s.Key == "" {
		t.fail("id", "%q has no letters or digits to make a key from", id)
	}
	if v := t.required("sector"); v != "" {
		sec, err := service.ParseSector(v)
		if err != nil {
			t.fail("sector", "%s", err)
		}
		s.Sector = sec
	}
	s.Types = t.ids("types", "service type", tax.HasType, "data/services/service_types.csv or /api/v1/service-taxonomy")
	if len(s.Types) == 0 && t.get("types") == "" {
		t.fail("types", "give at least one service type id, separated by semicolons")
	}
	s.Groups = t.ids("groups", "population group", tax.HasGroup, "data/services/population_groups.csv or /api/v1/service-taxonomy")
	t.postcode("postcode", rep, &s)
	s.Website = t.website("website")
	s.Point = t.point("longitude", "latitude")
	s.Serves = t.codes("serves", isArea)
	s.Verified = t.verified("verified")
	return s
}

// same reads a directory-level column that must agree on every row that
// gives it.
func (t svcTable) same(col, dir, prev string) string {
	v := t.get(col)
	if v == "" {
		return prev
	}
	if prev != "" && v != prev {
		t.fail(col, "%q differs from %q on an earlier row of directory %q", v, prev, dir)
		return prev
	}
	return v
}

// codes reads GSS codes separated by semicolons, each an area the atlas
// knows.
func (t svcTable) codes(col string, isArea func(string) bool) []string {
	var out []string
	for _, v := range strings.Split(t.get(col), ";") {
		v = strings.ToUpper(strings.TrimSpace(v))
		if v == "" {
			continue
		}
		if !isArea(v) {
			t.fail(col, "%q is not an area code the atlas knows: use ONS GSS codes such as E08000009 or E54000057", v)
			continue
		}
		if !hasString(out, v) {
			out = append(out, v)
		}
	}
	return out
}
