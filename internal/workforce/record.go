// Package workforce models the mental health workforce: the stored counts
// (filled posts, vacancies, leavers...) by area, period, care need, sector
// and job role, and the rules that derive rates, per-population figures and
// changes from them. It knows nothing of HTTP, SQL or files.
package workforce

import "github.com/mhatlas/mhatlas/internal/area"

// CareNeed says which people a workforce figure serves, following how
// Skills for Care analyses care need.
type CareNeed string

// The care needs. MentalHealth is Specialist and Generalist together, the
// default everywhere; AllCareNeeds is the whole adult social care
// workforce, context that is never added into the mental health figures.
const (
	Specialist   CareNeed = "specialist"
	Generalist   CareNeed = "generalist"
	MentalHealth CareNeed = "mental-health"
	AllCareNeeds CareNeed = "all-care-needs"
)

// Measure is a stored count. Published rates (a vacancy rate with no count
// to weight it) are measures too, kept apart from counts: they are shown for
// the areas they were published for and never aggregated.
type Measure string

// The stored counts, with the ids the import template uses.
const (
	FilledPosts    Measure = "filled_posts"
	Vacancies      Measure = "vacancies"
	Leavers        Measure = "leavers"
	Starters       Measure = "starters"
	ZeroHoursPosts Measure = "zero_hours_posts"
	PermanentPosts Measure = "permanent_posts"
	Headcount      Measure = "headcount"
	// FTE is NHS full-time equivalent staff: a different unit from posts,
	// never added into post counts.
	FTE Measure = "fte"
)

// AllSectors and AllRoles are the sector and role of a figure that covers
// every sector or every role.
const (
	AllSectors = "all"
	AllRoles   = "all"
)

// Record is one figure from a source file, before it is stored: a count (or
// a published rate) for one area, period, care need, sector and role.
// Value is nil when the source suppressed it (`*` and similar): missing is
// never zero.
type Record struct {
	AreaType area.Type
	AreaCode string
	Period   string // financial year, "2023/24"; or a date for NHS snapshots
	CareNeed CareNeed
	Sector   string
	Role     string
	Measure  Measure
	Value    *float64
	// Source is where the row came from: file and line, for error messages
	// and provenance.
	File string
	Line int
	// Ref names the publication or page the figure was read from, when the
	// file says (the template's source column); it is kept with the value.
	Ref string
	// Columns gives the 1-based column of each template field (area_code,
	// period, care_need, sector, role, measure, value) in File, so that
	// errors can point at the cell; nil when the format has no such columns.
	Columns map[string]int
}

// Conventions for importers: NHS figures are Measure FTE, CareNeed
// MentalHealth, Sector "nhs" and Role an NHS staff group of the taxonomy
// (or AllRoles); figures for a whole job-role group use the group's id as
// Role; published rates use the *Published measures, in per cent.
