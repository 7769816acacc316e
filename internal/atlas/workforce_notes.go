package atlas

import (
	"fmt"
	"strings"

	"github.com/mhatlas/mhatlas/internal/area"
	"github.com/mhatlas/mhatlas/internal/indicator"
	"github.com/mhatlas/mhatlas/internal/workforce"
)

// The imports that fill workforce maps, named in notes when a map is empty.
const (
	importTemplateHint = "the workforce template (mhatlas import workforce FILE)"
	importSFCHint      = "a Skills for Care local authority workbook (mhatlas import sfc FILE)"
	importNHSHint      = "NHS Digital's workforce file with the NHS trust list (mhatlas import nhs-fte FILE TRUSTS_FILE)"
	importPopHint      = "ONS mid-year population estimates (mhatlas import population FILE)"
)

func fillHint(d workforce.Def) string {
	if d.Workforce == workforce.NHS {
		return importNHSHint
	}
	return importSFCHint + " or " + importTemplateHint
}

func describeKey(d workforce.Def, k wfKey, tax *workforce.Taxonomy) string {
	if d.Workforce == workforce.NHS {
		if k.role == workforce.AllRoles {
			return "all staff groups"
		}
		return "staff group: " + tax.Name(k.role)
	}
	return fmt.Sprintf("care need: %s; sector: %s; role: %s", k.need, k.sector, tax.Name(k.role))
}

// noDatasetNotes explains an answer that no dataset can give.
func (s *wfSnapshot) noDatasetNotes(d workforce.Def, m indicator.Meta, period, source string, k wfKey) []string {
	what := fmt.Sprintf("%s (%s)", m.Name, describeKey(d, k, s.tax))
	var have []string
	for _, p := range m.Periods {
		if s.choose(d, p, source, k) != nil {
			have = append(have, p)
		}
	}
	var notes []string
	switch {
	case source != "" && period != "":
		notes = append(notes, fmt.Sprintf("Dataset %s has no figures for %s in %s.", source, what, period))
	case source != "":
		notes = append(notes, fmt.Sprintf("Dataset %s has no figures for %s.", source, what))
	case period != "":
		notes = append(notes, fmt.Sprintf("No imported dataset has figures for %s in %s.", what, period))
	default:
		notes = append(notes, fmt.Sprintf("No imported dataset has figures for %s.", what))
	}
	if len(have) > 0 {
		notes = append(notes, "Periods with figures for this choice: "+strings.Join(have, ", ")+".")
	}
	return append(notes, "To add figures, import "+fillHint(d)+".")
}

// resultNotes says what a reader must know with an answer: where it came
// from, what is missing and why, and how it was built.
func (s *wfSnapshot) resultNotes(d workforce.Def, m indicator.Meta, ds *Dataset, period string, t area.Type,
	k wfKey, res workforce.Result, refs []string) []string {
	var notes []string
	if res.WithValue == 0 {
		notes = append(notes, s.emptyMapNote(d, m, ds, period, t, k))
	}
	notes = append(notes, fmt.Sprintf("Figures from %s (%s, %s).", ds.Name, ds.Publisher, ds.Vintage))
	if res.RateOnly > 0 && res.RateOnly < len(res.Values) {
		notes = append(notes, fmt.Sprintf("%s publishes this figure without the counts behind it for %d of these %d areas: it is shown where published and, since rates are never averaged, not built for other areas.",
			ds.Publisher, res.RateOnly, len(res.Values)))
	}
	if none := len(res.Values) - res.WithValue - res.Suppressed - res.NoPopulation; res.WithValue > 0 && none > 0 {
		notes = append(notes, fmt.Sprintf("%d of these %d areas have no figure: the dataset has none for them or any of their parts (a larger area's figure is never spread down to smaller ones).",
			none, len(res.Values)))
	}
	if res.Incomplete > 0 {
		notes = append(notes, fmt.Sprintf("%s built without some of their parts (suppressed or not published) and marked incomplete.", areasAre(res.Incomplete)))
	}
	if res.Suppressed > 0 {
		notes = append(notes, fmt.Sprintf("Suppressed in the source (missing, not zero): %s.", areasN(res.Suppressed)))
	}
	if d.Kind == workforce.KindPerPopulation || d.Kind == workforce.KindPeoplePer {
		notes = append(notes, "Population: "+workforce.PopulationLabel(period)+".")
		if res.NoPopulation > 0 {
			notes = append(notes, fmt.Sprintf("No population for %s for %s: import %s.", period, areasN(res.NoPopulation), importPopHint))
		}
	}
	if d.Kind == workforce.KindChange {
		before, _ := workforce.YearsBefore(period, 5)
		notes = append(notes, fmt.Sprintf("Change from %s to %s, both from this dataset.", before, period))
	}
	notes = append(notes, ds.Notes...)
	if len(refs) > 0 && len(refs) <= 5 {
		notes = append(notes, "Read from: "+strings.Join(refs, "; ")+".")
	}
	return notes
}

// emptyMapNote says plainly why a map has no figures and which import
// would fill it.
func (s *wfSnapshot) emptyMapNote(d workforce.Def, m indicator.Meta, ds *Dataset, period string, t area.Type, k wfKey) string {
	var types []string
	for _, at := range area.Types {
		for _, ser := range s.series {
			if ser.Dataset == ds.ID && ser.Period == period && ser.AreaType == at.ID && measureOf(d, ser.Measure) &&
				ser.Sector == k.sector && ser.Role == k.role && ser.Rows > 0 {
				types = append(types, typeWords(at.ID))
				break
			}
		}
	}
	has := "no areas"
	if len(types) > 0 {
		has = strings.Join(types, ", ")
	}
	return fmt.Sprintf("No figures for %s: %s has %s in %s for %s only, and figures are never spread down from larger areas to smaller ones. To fill this map, import %s.",
		typeWords(t), ds.Name, strings.ToLower(m.Name), period, has, fillHint(d))
}

// typeWords names a type's areas in a sentence: "regions", "England".
func typeWords(t area.Type) string {
	p := t.Info().Plural
	if t == area.England || len(p) < 2 || (p[1] >= 'A' && p[1] <= 'Z') {
		return p // "England", "NHS England regions"
	}
	return strings.ToLower(p[:1]) + p[1:]
}

// areasN writes "1 area" or "3 areas".
func areasN(n int) string {
	if n == 1 {
		return "1 area"
	}
	return fmt.Sprintf("%d areas", n)
}

// areasAre writes "1 area is" or "3 areas are".
func areasAre(n int) string {
	if n == 1 {
		return "1 area is"
	}
	return fmt.Sprintf("%d areas are", n)
}
