package workforce

import (
	"fmt"
	"strings"
)

// Option is an id with the name people read.
type Option struct {
	ID, Name string
}

// CareNeeds lists the care needs in the order pickers show them.
var CareNeeds = []Option{
	{string(MentalHealth), "Mental health (specialist and generalist)"},
	{string(Specialist), "Specialist mental health services"},
	{string(Generalist), "Generalist services (mental health among other needs)"},
	{string(AllCareNeeds), "All adult social care (context)"},
}

// ParseCareNeed returns the care need with the given id.
func ParseCareNeed(s string) (CareNeed, error) {
	for _, o := range CareNeeds {
		if o.ID == s {
			return CareNeed(s), nil
		}
	}
	return "", fmt.Errorf("unknown care need %q: use one of %s", s, ids(CareNeeds))
}

// The sectors a figure can be broken down by. They are fixed: they are how
// Skills for Care and the NHS report employers, not a local choice.
const (
	SectorLocalAuthority = "local-authority"
	SectorIndependent    = "independent"
	SectorVoluntary      = "voluntary"
	SectorNHS            = "nhs"
	SectorDirectPayments = "direct-payment-recipients"
)

// Sectors lists every sector, "all" first.
var Sectors = []Option{
	{AllSectors, "All sectors"},
	{SectorLocalAuthority, "Local authority"},
	{SectorIndependent, "Independent"},
	{SectorVoluntary, "Voluntary and community"},
	{SectorNHS, "NHS"},
	{SectorDirectPayments, "Direct-payment recipients"},
}

// ParseSector returns the id of a sector.
func ParseSector(s string) (string, error) {
	for _, o := range Sectors {
		if o.ID == s {
			return s, nil
		}
	}
	return "", fmt.Errorf("unknown sector %q: use one of %s", s, ids(Sectors))
}

// MeasureInfo describes a stored measure.
type MeasureInfo struct {
	ID   Measure
	Name string
	// Rate is true for a published percentage or ratio that came without
	// the counts behind it: shown where published, never aggregated.
	Rate bool
	// MayBeNegative is true for published changes.
	MayBeNegative bool
}

// The published rates and ratios: a source that gives only these has no
// counts to weight them, so they are shown for the areas published and
// never aggregated. Percentages are in per cent (27.8, not 0.278).
const (
	VacancyRatePublished         Measure = "vacancy_rate"
	TurnoverRatePublished        Measure = "turnover_rate"
	ZeroHoursSharePublished      Measure = "zero_hours_share"
	PermanentSharePublished      Measure = "permanent_share"
	PeoplePerSpecialistPub       Measure = "people_per_specialist"
	FilledPostsChange5yPublished Measure = "filled_posts_change_5y"
)

// Measures lists every measure a record may carry: counts first, then the
// published rates.
var Measures = []MeasureInfo{
	{ID: FilledPosts, Name: "filled posts"},
	{ID: Vacancies, Name: "vacancies"},
	{ID: Leavers, Name: "leavers in the year"},
	{ID: Starters, Name: "starters in the year"},
	{ID: ZeroHoursPosts, Name: "posts on zero-hours contracts"},
	{ID: PermanentPosts, Name: "posts on permanent contracts"},
	{ID: Headcount, Name: "people working (headcount)"},
	{ID: FTE, Name: "NHS full-time equivalent staff"},
	{ID: VacancyRatePublished, Name: "vacancy rate as published (per cent)", Rate: true},
	{ID: TurnoverRatePublished, Name: "turnover rate as published (per cent)", Rate: true},
	{ID: ZeroHoursSharePublished, Name: "share on zero-hours contracts as published (per cent)", Rate: true},
	{ID: PermanentSharePublished, Name: "share on permanent contracts as published (per cent)", Rate: true},
	{ID: PeoplePerSpecialistPub, Name: "people per specialist role as published", Rate: true},
	{ID: FilledPostsChange5yPublished, Name: "change in filled posts over five years as published", Rate: true, MayBeNegative: true},
}

// ParseMeasure returns the description of a measure id.
func ParseMeasure(s string) (MeasureInfo, error) {
	for _, m := range Measures {
		if string(m.ID) == s {
			return m, nil
		}
	}
	names := make([]string, len(Measures))
	for i, m := range Measures {
		names[i] = string(m.ID)
	}
	return MeasureInfo{}, fmt.Errorf("unknown measure %q: use one of %s", s, strings.Join(names, ", "))
}

func ids(os []Option) string {
	s := make([]string, len(os))
	for i, o := range os {
		s[i] = o.ID
	}
	return strings.Join(s, ", ")
}

// Slug turns a name into an id: lower case, words joined by hyphens,
// "&" read as "and". "Nurses & health visitors" -> "nurses-and-health-visitors".
func Slug(name string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(strings.ReplaceAll(name, "&", " and ")) {
		if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
			continue
		}
		dash = true
	}
	return b.String()
}
