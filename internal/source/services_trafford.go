package source

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/mhatlas/mhatlas/internal/service"
)

// traffordColumns are the columns of Trafford Council's "Mental Health
// Services for Trafford Residents" directory (see data/services/PROVENANCE.md).
var traffordColumns = []string{"name", "description", "address", "postcode", "telephone", "website", "longitude", "latitude"}

func isTraffordHeader(t *table) bool {
	for _, c := range traffordColumns {
		if _, ok := t.index[c]; !ok {
			return false
		}
	}
	return true
}

// TraffordVerified is when Trafford Council says its directory was
// correct: July 2018.
const TraffordVerified = "2018-07"

// TraffordKey is the stable key of a Trafford service: the directory has
// no reference numbers, so a service is its name and postcode as
// published. Two venues of one organisation differ by postcode, and the
// services sharing a building differ by name.
func TraffordKey(name, postcode string) string {
	return service.Slug(name + " " + postcode)
}

// ReadTrafford reads the Trafford directory and its classification file.
// The directory says what each service is in words only; the
// classification (data/services/trafford_classification.csv) gives each
// one, by name and postcode, its provider, sector, service types and
// population groups. Every directory row needs a classification row and
// every classification row must match a directory row.
//
// How the directory's known defects are handled: a malformed postcode is a
// warning and kept as written (the service is placed by its coordinates);
// services sharing a postcode or an organisation name are kept as separate
// services and listed in the report's notes.
func ReadTrafford(r io.Reader, file string, class io.Reader, classFile string, tax service.Taxonomy) ([]service.Service, ServiceReport, error) {
	rep := ServiceReport{File: file}
	cls, err := readTraffordClassification(class, classFile, tax)
	if err != nil {
		return nil, rep, err
	}
	t, err := newTable(r, file, traffordColumns...)
	if err != nil {
		return nil, rep, err
	}
	st := svcTable{t}
	keys := keyLines{}
	used := map[string]bool{}
	var out []service.Service
	for t.next() {
		rep.Rows++
		s := service.Service{Line: t.line(), Name: t.required("name"), Description: t.get("description"),
			Address: t.get("address"), Telephone: t.get("telephone"), Verified: TraffordVerified}
		st.postcode("postcode", &rep, &s)
		st.publishedWebsite("website", &rep, &s)
		s.Point = st.point("longitude", "latitude")
		s.Key = TraffordKey(s.Name, t.get("postcode"))
		keys.check(st, "name", s.Key)
		c, ok := cls[s.Key]
		if !ok {
			t.fail("name", "no row in %s classifies %q (postcode %q): add one with its provider, sector and types", classFile, s.Name, t.get("postcode"))
		}
		used[s.Key] = true
		s.Provider, s.Sector, s.Types, s.Groups = c.Provider, c.Sector, c.Types, c.Groups
		out = append(out, s)
	}
	if err := t.errs.err(); err != nil {
		return nil, rep, err
	}
	var unused Errors
	for k, c := range cls {
		if !used[k] {
			unused = append(unused, &Error{File: classFile, Line: c.Line, Column: 1, ColumnName: "name",
				Msg: fmt.Sprintf("%q (postcode %q) is not in %s", c.Name, c.Postcode, file)})
		}
	}
	if len(unused) > 0 {
		sort.Slice(unused, func(i, j int) bool { return unused[i].Line < unused[j].Line })
		return nil, rep, unused
	}
	rep.Notes = append(rep.Notes, sharedNotes(out)...)
	return out, rep, nil
}

// sharedNotes describes services that share a postcode (one building can
// house several organisations) and organisations listed more than once
// (one organisation, several venues). Both are kept as they are.
func sharedNotes(ss []service.Service) []string {
	byPostcode, byName := map[string][]int{}, map[string][]int{}
	for _, s := range ss {
		if _, ok := service.NormalisePostcode(s.Postcode); ok {
			byPostcode[s.Postcode] = append(byPostcode[s.Postcode], s.Line)
		}
		byName[strings.ToLower(s.Name)] = append(byName[strings.ToLower(s.Name)], s.Line)
	}
	var notes []string
	for _, pc := range sortedKeys(byPostcode) {
		if ls := byPostcode[pc]; len(ls) > 1 {
			notes = append(notes, fmt.Sprintf("%d services share the postcode %s (lines %s): kept as separate services at one address", len(ls), pc, joinLines(ls)))
		}
	}
	for _, n := range sortedKeys(byName) {
		if ls := byName[n]; len(ls) > 1 {
			notes = append(notes, fmt.Sprintf("%q is listed %d times (lines %s) at different addresses: kept as separate services of one provider", ss[indexOfLine(ss, ls[0])].Name, len(ls), joinLines(ls)))
		}
	}
	return notes
}

func sortedKeys(m map[string][]int) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}

func joinLines(ls []int) string {
	s := make([]string, len(ls))
	for i, l := range ls {
		s[i] = fmt.Sprint(l)
	}
	return strings.Join(s, ", ")
}

func indexOfLine(ss []service.Service, line int) int {
	for i, s := range ss {
		if s.Line == line {
			return i
		}
	}
	return 0
}

// classification is one row of the Trafford classification file.
type classification struct {
	Line           int
	Name, Postcode string
	Provider       string
	Sector         service.Sector
	Types, Groups  []string
}

// readTraffordClassification reads the classification file: name and
// postcode (exactly as the directory has them), provider, sector, types,
// groups and evidence (the words of the directory or of the service's own
// web address that justify the classification; required, so that every
// judgement can be checked).
func readTraffordClassification(r io.Reader, file string, tax service.Taxonomy) (map[string]classification, error) {
	t, err := newTable(r, file, "name", "postcode", "provider", "sector", "types", "groups", "evidence")
	if err != nil {
		return nil, err
	}
	st := svcTable{t}
	out := map[string]classification{}
	keys := keyLines{}
	for t.next() {
		c := classification{Line: t.line(), Name: t.required("name"), Postcode: t.get("postcode"), Provider: t.required("provider")}
		if v := t.required("sector"); v != "" {
			sec, err := service.ParseSector(v)
			if err != nil {
				t.fail("sector", "%s", err)
			}
			c.Sector = sec
		}
		// Types may be empty: where the directory does not say what a
		// service offers, the classification does not guess.
		c.Types = st.ids("types", "service type", tax.HasType, "data/services/service_types.csv")
		c.Groups = st.ids("groups", "population group", tax.HasGroup, "data/services/population_groups.csv")
		t.required("evidence")
		k := TraffordKey(c.Name, c.Postcode)
		keys.check(st, "name", k)
		out[k] = c
	}
	return out, t.errs.err()
}
