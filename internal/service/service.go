// Package service models mental health services: who runs them, what they
// offer and for whom, where they stand, and how each is placed in the areas
// the atlas reports on. The service types and population groups are data
// (see Taxonomy), so a membership body can edit them without a new release.
//
// It knows nothing of HTTP, SQL or files.
package service

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/mhatlas/mhatlas/internal/area"
	"github.com/mhatlas/mhatlas/internal/geo"
)

// Service is one service as a directory lists it, with where the atlas
// placed it.
type Service struct {
	// Source is the id of the dataset (directory) the service came from.
	Source string
	// Key identifies the service within its source and survives a
	// re-import: the directory's own reference where it has one (the
	// template's id column, an ODS code), otherwise its name and postcode.
	Key string
	// Line is the line of the source file the service was read from.
	Line int

	Name        string
	Provider    string
	Sector      Sector
	Description string
	// Types and Groups hold taxonomy ids.
	Types     []string
	Groups    []string
	Address   string
	Postcode  string
	Telephone string
	Website   string
	// Point is the location given by the source; nil when it gave none.
	Point *geo.Point
	// Serves lists GSS codes of areas the service serves beyond the one
	// it stands in.
	Serves []string
	// Verified is when the source last confirmed the entry: YYYY,
	// YYYY-MM or YYYY-MM-DD.
	Verified string
	// Notes are caveats found at import, such as a malformed postcode.
	Notes []string

	Placement Placement
}

// ID is the service's public id: its source and key, which stay the same
// when a directory is re-imported.
func (s Service) ID() string { return s.Source + ":" + s.Key }

// Sector is who runs a service.
type Sector string

// The sectors.
const (
	VCSE           Sector = "vcse"
	NHS            Sector = "nhs"
	LocalAuthority Sector = "local-authority"
	Independent    Sector = "independent"
)

// Sectors lists every sector with its name, in the order pickers show them.
var Sectors = []Term{
	{ID: string(VCSE), Name: "Voluntary, community and social enterprise"},
	{ID: string(NHS), Name: "NHS"},
	{ID: string(LocalAuthority), Name: "Local authority"},
	{ID: string(Independent), Name: "Independent sector"},
}

// ParseSector returns the sector with id s, or an error listing the ids.
func ParseSector(s string) (Sector, error) {
	for _, t := range Sectors {
		if t.ID == s {
			return Sector(t.ID), nil
		}
	}
	return "", fmt.Errorf("unknown sector %q: use one of %s", s, joinIDs(Sectors))
}

// Name returns the sector's name for people.
func (s Sector) Name() string {
	for _, t := range Sectors {
		if t.ID == string(s) {
			return t.Name
		}
	}
	return string(s)
}

// Method says how a service was placed in areas.
type Method string

// The placement methods, as the API spells them.
const (
	ByCoordinates Method = "coordinates"
	ByPostcode    Method = "postcode"
	NotLocated    Method = "not located"
)

// Placement is where the atlas put a service: the point used and the code
// of the area of each type that holds it. A service that is not located has
// no point and no areas; Note says why.
type Placement struct {
	Method Method
	Point  *geo.Point
	// Areas maps every area type except England to a GSS code.
	Areas map[area.Type]string
	Note  string
}

// Located reports whether the service was placed in areas.
func (p Placement) Located() bool { return p.Method != NotLocated && p.Method != "" }

// Filter selects services by taxonomy ids; an empty field matches all.
type Filter struct {
	Type, Sector, Group string
}

// Matches reports whether s passes the filter.
func (f Filter) Matches(s Service) bool {
	return (f.Sector == "" || string(s.Sector) == f.Sector) &&
		(f.Type == "" || contains(s.Types, f.Type)) &&
		(f.Group == "" || contains(s.Groups, f.Group))
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

var slugJunk = regexp.MustCompile(`[^a-z0-9]+`)

// Slug turns text into a lower-case, hyphenated key: "Dance System CIC
// M33 3JR" -> "dance-system-cic-m33-3jr". Keys built from it are stable
// as long as the text is.
func Slug(s string) string {
	return strings.Trim(slugJunk.ReplaceAllString(strings.ToLower(s), "-"), "-")
}
