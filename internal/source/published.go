package source

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/mhatlas/mhatlas/internal/area"
	"github.com/mhatlas/mhatlas/internal/indicator"
)

// AreaLookup says under which area types the atlas holds a GSS code: none
// for a code it does not know, such as a council abolished before the
// atlas's 2023/2024 geography. A unitary authority has two (upper and
// lower tier).
type AreaLookup func(code string) []area.Type

// Published is what a reader of published per-area indicators (Fingertips,
// LG Inform, ASCOF) found: each indicator with its values for the areas
// the publisher gave, and a report of what was left out and why.
type Published struct {
	Indicators []PublishedIndicator
	Report     PublishedReport
}

// PublishedIndicator is one indicator as its publisher gave it. Values
// hold the published figure; Numerator and Denominator are set only when
// the file gives them (HasCounts), and a suppressed figure has a nil Value.
type PublishedIndicator struct {
	// ID is the atlas's stable id, e.g. "lginform-19266".
	ID string
	// SourceID is the publisher's own id, e.g. "19266".
	SourceID  string
	Name      string
	Unit      string
	ValueType indicator.ValueType
	// Periods are in time order, the latest last.
	Periods   []string
	AreaTypes []area.Type
	HasCounts bool
	Values    []indicator.Value
}

// PublishedReport says what a file held and what was not imported.
type PublishedReport struct {
	File string
	Rows int
	// Warnings name, with their lines or columns, the figures not imported
	// and why (an area the atlas does not know, a unit it cannot show...).
	Warnings []string
}

// warnings groups repeated warnings (one per unknown code, say) so that a
// report names each problem once with the lines it occurs on.
type warnings struct {
	order []string
	lines map[string][]int
}

func (w *warnings) add(msg string, line int) {
	if w.lines == nil {
		w.lines = map[string][]int{}
	}
	if _, ok := w.lines[msg]; !ok {
		w.order = append(w.order, msg)
	}
	w.lines[msg] = append(w.lines[msg], line)
}

// list renders each warning with up to five of its lines.
func (w *warnings) list(file string) []string {
	out := make([]string, 0, len(w.order))
	for _, msg := range w.order {
		ls := w.lines[msg]
		if len(ls) == 1 && ls[0] == 0 {
			out = append(out, fmt.Sprintf("%s: %s", file, msg))
			continue
		}
		strs := make([]string, 0, 5)
		for i, l := range ls {
			if i == 5 {
				strs = append(strs, fmt.Sprintf("and %d more", len(ls)-5))
				break
			}
			strs = append(strs, strconv.Itoa(l))
		}
		word := "line"
		if len(ls) > 1 {
			word = "lines"
		}
		out = append(out, fmt.Sprintf("%s: %s %s: %s", file, word, strings.Join(strs, ", "), msg))
	}
	return out
}

// chooseType picks the area type a published figure belongs to. A code
// the atlas holds under one type has that type. A unitary authority is
// both an upper- and a lower-tier authority: the publisher's own area type
// (hint, e.g. "Districts & UAs") decides, and without one the upper tier,
// the council with adult social services duties, is chosen.
func chooseType(types []area.Type, hint string) area.Type {
	if len(types) == 1 {
		return types[0]
	}
	h := strings.ToLower(hint)
	want := area.UTLA
	if strings.Contains(h, "district") || strings.Contains(h, "lower") {
		want = area.LTLA
	}
	for _, t := range types {
		if t == want {
			return t
		}
	}
	return types[0]
}

// isEnglish reports whether a GSS code is an English one; the atlas
// covers England, so other codes are skipped and counted.
func isEnglish(code string) bool {
	return strings.HasPrefix(code, "E")
}

// suppressed reports whether a cell holds one of the markers publishers
// use for a figure withheld or not available: missing, never zero.
func suppressed(s string) bool {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "*", "[c]", "c", "[x]", "x", "[z]", "..", ":", "-", "n/a", "na", "[low]", "[u]":
		return true
	}
	return false
}

// parseNumber reads a published number, allowing thousands separators.
func parseNumber(s string) (float64, error) {
	return parseFloat(strings.ReplaceAll(strings.TrimSpace(s), ",", ""))
}

// Slug turns a label into an id part: "Persons" -> "persons",
// "18+ yrs" -> "18-plus-yrs", "Nurses & health visitors" ->
// "nurses-and-health-visitors".
func Slug(s string) string {
	s = strings.NewReplacer("&", " and ", "+", " plus ", "%", " percent ").Replace(strings.ToLower(s))
	var b strings.Builder
	dash := false
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
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

// periodOrder sorts period labels by a sort key (the publisher's, when the
// file has one) and then by label.
type periodOrder map[string]string

func (p periodOrder) sorted() []string {
	out := make([]string, 0, len(p))
	for l := range p {
		out = append(out, l)
	}
	sort.Slice(out, func(i, j int) bool {
		if p[out[i]] != p[out[j]] {
			return p[out[i]] < p[out[j]]
		}
		return out[i] < out[j]
	})
	return out
}

// typesOf lists the area types of values in the atlas's order.
func typesOf(vs []indicator.Value) []area.Type {
	seen := map[area.Type]bool{}
	for _, v := range vs {
		seen[v.AreaType] = true
	}
	var out []area.Type
	for _, t := range area.Types {
		if seen[t.ID] {
			out = append(out, t.ID)
		}
	}
	return out
}
