// Package area models the geography of England that the atlas reports on:
// area types, areas with their Census 2021 populations, the links between
// them (including areas that do not nest) and the population shares used to
// apportion figures from one geography to another.
//
// It knows nothing of HTTP, SQL or files.
package area

import (
	"fmt"
	"strings"
)

// Type is the stable API id of a kind of area, such as "icb".
type Type string

// The area types, with the ids the public API uses.
const (
	England   Type = "england"
	NHSRegion Type = "nhs-region"
	Region    Type = "region"
	ICB       Type = "icb"
	SubICB    Type = "sub-icb"
	UTLA      Type = "utla"
	LTLA      Type = "ltla"
)

// TypeInfo describes an area type for people.
type TypeInfo struct {
	ID Type
	// Name is singular, for labels ("Integrated care board").
	Name string
	// Plural is for headings and pickers ("Integrated care boards").
	Plural string
	// Short is the abbreviation used in tables ("ICB").
	Short string
}

// Types lists every area type, largest first. The order is the order of
// pickers and of parent lists.
var Types = []TypeInfo{
	{England, "Country", "England", "England"},
	{NHSRegion, "NHS England region", "NHS England regions", "NHS region"},
	{Region, "Region", "Regions", "Region"},
	{ICB, "Integrated care board", "Integrated care boards", "ICB"},
	{SubICB, "Sub-ICB location", "Sub-ICB locations", "Sub-ICB"},
	{UTLA, "Upper-tier local authority", "Upper-tier local authorities", "Upper-tier LA"},
	{LTLA, "Lower-tier local authority", "Lower-tier local authorities", "Lower-tier LA"},
}

// EnglandCode is the GSS code of England.
const EnglandCode = "E92000001"

// ParseType returns the Type with the given id, or an error that lists the
// valid ids.
func ParseType(s string) (Type, error) {
	for _, t := range Types {
		if string(t.ID) == s {
			return t.ID, nil
		}
	}
	ids := make([]string, len(Types))
	for i, t := range Types {
		ids[i] = string(t.ID)
	}
	return "", fmt.Errorf("unknown area type %q: use one of %s", s, strings.Join(ids, ", "))
}

// Info returns the description of t; the zero TypeInfo if t is unknown.
func (t Type) Info() TypeInfo {
	for _, ti := range Types {
		if ti.ID == t {
			return ti
		}
	}
	return TypeInfo{}
}

// Rank orders types from largest (0) to smallest.
func (t Type) Rank() int {
	for i, ti := range Types {
		if ti.ID == t {
			return i
		}
	}
	return len(Types)
}

// Area is one area of one type. The same GSS code can stand for two types:
// a unitary authority (E06, E08, E09) is both an upper- and a lower-tier
// local authority, so an area is identified by its type and code together.
type Area struct {
	Code string
	Name string
	Type Type
	// Population is the Census 2021 usual resident population: the sum of
	// the area's LSOAs in the ONS LSOA 2021 lookup.
	Population int64
	// ODSCode is the NHS organisation code of an ICB, sub-ICB location or
	// NHS region (NHS data is published by these codes); empty otherwise.
	ODSCode string
}

// Link joins a child area to a parent area. Share is the part of the
// child's population that lives in the parent: 1 where the child nests,
// less where it is split (13 LTLAs and 10 UTLAs straddle ICBs). The shares
// of one child across parents of one type sum to 1.
type Link struct {
	ChildType  Type
	ChildCode  string
	ParentType Type
	ParentCode string
	Share      float64
	// Population is the number of the child's residents in the parent.
	Population int64
}

// Related is an area seen from another one, with the share of the link.
type Related struct {
	Area
	Share float64
}
