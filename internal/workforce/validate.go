package workforce

import (
	"fmt"
	"strings"

	"github.com/mhatlas/mhatlas/internal/area"
)

// Problem is a record that breaks a rule. Field is the template column the
// problem is in (area_code, period, care_need, sector, role, measure or
// value).
type Problem struct {
	File  string
	Line  int
	Field string
	// Column is the 1-based column of Field in File; 0 when unknown.
	Column int
	Msg    string
}

// MaxProblems caps how many problems Check reports.
const MaxProblems = 20

// key is a record without its measure and value.
type key struct {
	t                        area.Type
	code, period, need, sect string
	role                     string
}

func keyOf(r Record) key {
	return key{r.AreaType, r.AreaCode, r.Period, string(r.CareNeed), r.Sector, r.Role}
}

// Check validates records before they are stored: the area must be one
// the atlas knows; period, care need, sector, role and measure must be
// known; counts may not be negative; a key (area, period, care need,
// sector, role) may hold each measure once; and vacancies need the filled
// posts of the same key, without which no vacancy rate can be computed.
func Check(recs []Record, knownArea func(area.Type, string) bool, tax *Taxonomy) []Problem {
	var ps []Problem
	fail := func(r Record, field, format string, args ...any) {
		if len(ps) < MaxProblems {
			ps = append(ps, Problem{File: r.File, Line: r.Line, Field: field, Column: r.Columns[field], Msg: fmt.Sprintf(format, args...)})
		}
	}
	seen := map[key]map[Measure]int{}
	for _, r := range recs {
		checkOne(r, knownArea, tax, fail)
		k := keyOf(r)
		if seen[k] == nil {
			seen[k] = map[Measure]int{}
		}
		if first, dup := seen[k][r.Measure]; dup {
			fail(r, "measure", "duplicate row: %s %s, %s, care need %s, sector %s, role %s already has %s on line %d",
				r.AreaCode, r.Period, r.AreaType, r.CareNeed, r.Sector, r.Role, r.Measure, first)
			continue
		}
		seen[k][r.Measure] = r.Line
	}
	for _, r := range recs {
		if r.Measure != Vacancies {
			continue
		}
		if _, ok := seen[keyOf(r)][FilledPosts]; !ok {
			fail(r, "measure", "vacancies for %s %s (care need %s, sector %s, role %s) without filled posts for the same area, period, care need, sector and role: a vacancy rate needs both",
				r.AreaCode, r.Period, r.CareNeed, r.Sector, r.Role)
		}
	}
	return ps
}

func checkOne(r Record, knownArea func(area.Type, string) bool, tax *Taxonomy, fail func(Record, string, string, ...any)) {
	if !knownArea(r.AreaType, r.AreaCode) {
		fail(r, "area_code", "unknown area %q: the atlas knows no %s with this code (check the code, or import the geography)", r.AreaCode, orAny(r.AreaType))
	}
	if _, err := ParsePeriod(r.Period); err != nil {
		fail(r, "period", "%v", err)
	}
	if _, err := ParseCareNeed(string(r.CareNeed)); err != nil {
		fail(r, "care_need", "%v", err)
	}
	if _, err := ParseSector(r.Sector); err != nil {
		fail(r, "sector", "%v", err)
	}
	info, err := ParseMeasure(string(r.Measure))
	if err != nil {
		fail(r, "measure", "%v", err)
		return
	}
	checkRole(r, tax, fail)
	if r.Value == nil {
		return
	}
	v := *r.Value
	switch {
	case v < 0 && !info.MayBeNegative:
		fail(r, "value", "%g is negative: %s cannot be", v, info.Name)
	case info.Rate && (r.Measure == ZeroHoursSharePublished || r.Measure == PermanentSharePublished || r.Measure == VacancyRatePublished) && v > 100:
		fail(r, "value", "%g is more than 100: %s is a percentage", v, info.Name)
	}
}

// checkRole keeps NHS staff groups with FTE and job roles with posts: the
// two taxonomies measure different things.
func checkRole(r Record, tax *Taxonomy, fail func(Record, string, string, ...any)) {
	if !tax.Known(r.Role) {
		fail(r, "role", "unknown job role %q: add it to the role taxonomy (data/workforce/roles.csv) and re-import it, or use one of its ids", r.Role)
		return
	}
	if r.Role == AllRoles {
		return
	}
	want := SocialCare
	if r.Measure == FTE {
		want = NHS
	}
	for _, ro := range tax.Roles {
		if (ro.ID == r.Role || ro.GroupID() == r.Role) && ro.Workforce != want {
			if want == NHS {
				fail(r, "role", "%q is a social care job role, but FTE figures are by NHS staff group", r.Role)
			} else {
				fail(r, "role", "%q is an NHS staff group, but %s figures are by social care job role", r.Role, r.Measure)
			}
			return
		}
	}
}

func orAny(t area.Type) string {
	if t == "" {
		return "area"
	}
	return strings.ToLower(t.Info().Name)
}
