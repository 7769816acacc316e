package source

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/mhatlas/mhatlas/internal/geo"
	"github.com/mhatlas/mhatlas/internal/service"
)

// ServiceReport says what a services file held and what needed a second
// look. Warnings are problems that did not stop the import (a malformed
// postcode is kept as written and not used); Notes describe how features
// of the file were handled (shared addresses, repeated organisations).
type ServiceReport struct {
	File string
	Rows int
	// Skipped counts rows that are not services for the atlas, such as
	// trusts that are not mental health trusts.
	Skipped  int
	Warnings []*Error
	Notes    []string
}

// svcTable adds the readers of service fields to table; a distinct type
// keeps these names out of the way of other importers' helpers.
type svcTable struct{ *table }

// at returns an Error pointing at a column of the current row, for
// warnings that are reported but do not stop the import.
func (t svcTable) at(name, format string, args ...any) *Error {
	e := &Error{File: t.file, Line: t.line(), ColumnName: name, Msg: fmt.Sprintf(format, args...)}
	if i, ok := t.index[name]; ok {
		e.Column = i + 1
		if i < len(t.row) {
			e.Line, _ = t.r.FieldPos(i)
		}
	}
	return e
}

// point reads a longitude and latitude pair. Both empty means no
// coordinates; one without the other, a value that is not a number, or a
// pair that looks swapped is an error.
func (t svcTable) point(lonCol, latCol string) *geo.Point {
	lonS, latS := t.get(lonCol), t.get(latCol)
	if lonS == "" && latS == "" {
		return nil
	}
	if lonS == "" || latS == "" {
		missing := lonCol
		if latS == "" {
			missing = latCol
		}
		t.fail(missing, "give both longitude and latitude, or neither")
		return nil
	}
	lon, err1 := parseFloat(lonS)
	lat, err2 := parseFloat(latS)
	switch {
	case err1 != nil:
		t.fail(lonCol, "%q is not a number", lonS)
	case err2 != nil:
		t.fail(latCol, "%q is not a number", latS)
	case lat >= 49 && lat <= 56 && lon >= 49 && lon <= 56:
		t.fail(lonCol, "%q is a latitude, not a longitude: England's longitudes run from about -6.5 to 2", lonS)
	case lon >= 49 && lon <= 56 && lat >= -7 && lat <= 2:
		t.fail(lonCol, "longitude %s and latitude %s look swapped", lonS, latS)
	case lon < -180 || lon > 180:
		t.fail(lonCol, "longitude %s is out of range", lonS)
	case lat < -90 || lat > 90:
		t.fail(latCol, "latitude %s is out of range", latS)
	default:
		return &geo.Point{Lon: lon, Lat: lat}
	}
	return nil
}

// ids reads a list of taxonomy ids separated by semicolons, refusing ids
// the taxonomy lacks.
func (t svcTable) ids(col, what string, known func(string) bool, listing string) []string {
	var out []string
	for _, v := range strings.Split(t.get(col), ";") {
		v = strings.TrimSpace(v)
		if v == "" {
			continue
		}
		if !known(v) {
			t.fail(col, "unknown %s %q: use the ids in %s", what, v, listing)
			continue
		}
		if !hasString(out, v) {
			out = append(out, v)
		}
	}
	return out
}

// website reads a web address; only http and https are accepted, since the
// pages turn it into a link.
func (t svcTable) website(col string) string {
	v := t.get(col)
	if v != "" && !strings.HasPrefix(v, "http://") && !strings.HasPrefix(v, "https://") {
		t.fail(col, "%q must start with http:// or https://", v)
		return ""
	}
	return v
}

// publishedWebsite reads a web address from a published file, which the
// atlas cannot send back for correction: an address written without its
// scheme ("www.example.org/x") is given http://, and anything else that is
// not an http or https address is left out; both with a warning and a note
// on the service, so nothing changes silently.
func (t svcTable) publishedWebsite(col string, rep *ServiceReport, s *service.Service) {
	v := t.get(col)
	switch {
	case v == "" || strings.HasPrefix(v, "http://") || strings.HasPrefix(v, "https://"):
		s.Website = v
	case strings.HasPrefix(strings.ToLower(v), "www."):
		s.Website = "http://" + v
		rep.Warnings = append(rep.Warnings, t.at(col, "%q has no http:// or https://: http:// added", v))
		s.Notes = append(s.Notes, fmt.Sprintf("The source gives the web address as %q; http:// was added.", v))
	default:
		rep.Warnings = append(rep.Warnings, t.at(col, "%q is not a web address: left out", v))
		s.Notes = append(s.Notes, fmt.Sprintf("The source gives %q as the web address, which is not one.", v))
	}
}

var verifiedShape = regexp.MustCompile(`^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$`)

// verified reads a date as YYYY, YYYY-MM or YYYY-MM-DD.
func (t svcTable) verified(col string) string {
	v := t.get(col)
	if v != "" && !verifiedShape.MatchString(v) {
		t.fail(col, "%q is not a date: write YYYY-MM-DD, YYYY-MM or YYYY", v)
		return ""
	}
	return v
}

// postcode reads a postcode, tidied. A malformed one is kept as written,
// with a warning and a note on the service, and is never used to place it.
func (t svcTable) postcode(col string, rep *ServiceReport, s *service.Service) {
	raw := t.get(col)
	if raw == "" {
		return
	}
	pc, ok := service.NormalisePostcode(raw)
	s.Postcode = pc
	if !ok {
		rep.Warnings = append(rep.Warnings, t.at(col, "%q is not a valid postcode: kept as written and not used to place %q", raw, s.Name))
		s.Notes = append(s.Notes, fmt.Sprintf("The postcode %q in the source is malformed.", raw))
	}
}

func hasString(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// keyLines remembers the line each service key was first seen on, so that
// a repeated key (which would make re-imports ambiguous) is an error that
// names both lines.
type keyLines map[string]int

func (k keyLines) check(t svcTable, col, key string) {
	if key == "" {
		return
	}
	if first, dup := k[key]; dup {
		t.fail(col, "this service repeats the one on line %d (same key %q): remove one, or tell them apart", first, key)
		return
	}
	k[key] = t.line()
}
