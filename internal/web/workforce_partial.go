package web

import (
	"fmt"
	"sort"
	"strings"

	"github.com/mhatlas/mhatlas/internal/atlas"
)

// partialNote says which more recent datasets cover only part of England
// and so do not give England's headline figures, so that a user who has
// just imported a membership body's figures for a few areas sees why the
// national figures did not change and how to see theirs.
func partialNote(hs []atlas.Headline) string {
	seen := map[string]string{}
	for _, h := range hs {
		if h.Partial == nil {
			continue
		}
		name := fmt.Sprintf("%s (%s)", h.Partial.Name, h.PartialPeriod)
		if _, ok := seen[name]; !ok {
			seen[name] = h.Partial.ID
		}
	}
	if len(seen) == 0 {
		return ""
	}
	var names []string
	for n := range seen {
		names = append(names, n)
	}
	sort.Strings(names)
	return "More recent figures cover only part of England: " + strings.Join(names, "; ") +
		". England's figures above come from the latest dataset that covers all of it; choose a source above to see the others."
}

// wfNoteGroup is what a reader must know about the figures of one dataset
// shown in the headline cards: its caveats (a year the publisher did not
// state, figures that are lower bounds...) and the population a
// per-population figure divides by.
type wfNoteGroup struct {
	Source string
	Notes  []string
}

// headlineNotes gathers the caveats of the datasets behind headline
// cards, once each, in the order the cards show them. Without them a
// card would show "536,000" where the publisher said "over 536,000".
func headlineNotes(hs []atlas.Headline) []wfNoteGroup {
	var out []wfNoteGroup
	at := map[string]int{}
	for _, h := range hs {
		if h.Dataset == nil || h.Value == nil || h.Value.Value == nil {
			continue
		}
		i, ok := at[h.Dataset.ID]
		if !ok {
			src, _ := wfSource(h.Dataset)
			out = append(out, wfNoteGroup{Source: src, Notes: append([]string{}, h.Dataset.Notes...)})
			i = len(out) - 1
			at[h.Dataset.ID] = i
		}
		for _, n := range h.Notes {
			if strings.HasPrefix(n, "Population: ") {
				out[i].Notes = append(out[i].Notes, h.Meta.Name+": "+strings.ToLower(n[:1])+n[1:])
			}
		}
	}
	return out
}
