package service

import (
	"regexp"
	"strings"

	"github.com/mhatlas/mhatlas/internal/geo"
)

// Postcode is one row of a postcode table such as the ONS Postcode
// Directory: where a postcode's centroid is, and the LSOA it lies in when
// the table says.
type Postcode struct {
	Postcode string
	Point    geo.Point
	LSOA     string
}

// postcodeShape is the form of a UK postcode: an outward code of one or two
// letters, a digit and an optional letter or digit, then a space and an
// inward code of a digit and two letters. GIR 0AA is the one exception.
var postcodeShape = regexp.MustCompile(`^(GIR 0AA|[A-Z]{1,2}[0-9][A-Z0-9]? [0-9][A-Z]{2})$`)

// NormalisePostcode returns p in upper case with one space before the
// inward code ("m33 7zf" and "M337ZF" give "M33 7ZF"), and whether the
// result has the form of a postcode. A malformed one is returned tidied
// but unchanged otherwise, so it can be shown as the source wrote it.
func NormalisePostcode(p string) (string, bool) {
	s := strings.ToUpper(strings.Join(strings.Fields(p), ""))
	if len(s) > 3 {
		s = s[:len(s)-3] + " " + s[len(s)-3:]
	}
	if postcodeShape.MatchString(s) {
		return s, true
	}
	return strings.ToUpper(strings.Join(strings.Fields(p), " ")), false
}
