package atlas

import (
	"context"
	"fmt"
	"io"
	"io/fs"
	"path"
	"sort"
	"strings"
	"time"

	"github.com/mhatlas/mhatlas/internal/area"
	"github.com/mhatlas/mhatlas/internal/indicator"
	"github.com/mhatlas/mhatlas/internal/source"
)

// PublishedResult reports an import of published per-area indicators.
type PublishedResult struct {
	Dataset    Dataset
	Indicators []indicator.Meta
	Values     int
	Report     source.PublishedReport
}

// NotAggregated is the aggregation rule of every published indicator.
const NotAggregated = "Not aggregated: values are shown as published, only for the areas (and area types) " +
	"the publisher gave figures for."

// Notes said with every published indicator, by whether its file gives
// counts as well as the figure.
const (
	noteRateOnly = "Only the figure is published, with no counts to weight it, so it is not built up for larger " +
		"areas: an average of areas' rates is not the rate of the larger area."
	noteWithCounts = "The file gives counts too, but the atlas keeps the publisher's own figures for the areas " +
		"published rather than rebuilding larger areas itself: the publisher's method (standardisation, " +
		"rounding, suppression) may not add up."
)

// publisher describes one kind of published file.
type publisher struct {
	kind, topic, name, licence string
	// source names one indicator's origin.
	source func(pi source.PublishedIndicator, file string) string
	read   func(r io.Reader, file string, areas source.AreaLookup, p source.Progress) (*source.Published, error)
}

var (
	fingertips = publisher{kind: "fingertips", topic: "Public health (Fingertips)",
		name:    "Office for Health Improvement and Disparities (Fingertips)",
		licence: "Contains public sector information licensed under the Open Government Licence v3.0 (Fingertips, fingertips.phe.org.uk).",
		source: func(pi source.PublishedIndicator, file string) string {
			return fmt.Sprintf("Fingertips indicator %s (file %s)", pi.SourceID, path.Base(file))
		},
		read: source.ReadFingertips}
	lgInform = publisher{kind: "lginform", topic: "LG Inform",
		name:    "Local Government Association (LG Inform), republishing the metric's original source",
		licence: "As stated for the metric on LG Inform (lginform.local.gov.uk), which names each metric's original publisher and licence.",
		source: func(pi source.PublishedIndicator, file string) string {
			return fmt.Sprintf("LG Inform metric %s (file %s)", pi.SourceID, path.Base(file))
		},
		read: source.ReadLGInform}
)

// ImportFingertips imports a Fingertips "indicators data" CSV export as
// extra indicator layers (one per indicator, sex and age in the file).
func ImportFingertips(ctx context.Context, st ExtraIndicatorStore, fsys fs.FS, file string, opt ImportOptions) (*PublishedResult, error) {
	return importPublished(ctx, st, fsys, file, fingertips, opt)
}

// ImportLGInform imports an LG Inform CSV download as extra indicator
// layers (one per metric in the file).
func ImportLGInform(ctx context.Context, st ExtraIndicatorStore, fsys fs.FS, file string, opt ImportOptions) (*PublishedResult, error) {
	return importPublished(ctx, st, fsys, file, lgInform, opt)
}

func importPublished(ctx context.Context, st ExtraIndicatorStore, fsys fs.FS, file string, p publisher, opt ImportOptions) (*PublishedResult, error) {
	pub, err := readPublished(ctx, st, fsys, file, p.read, opt)
	if err != nil {
		return nil, err
	}
	base := strings.TrimSuffix(path.Base(file), path.Ext(file))
	ds := Dataset{ID: p.kind + "-" + strings.TrimPrefix(source.Slug(base), p.kind+"-"), Name: fmt.Sprintf("%s export %s", p.topic, path.Base(file)),
		Publisher: p.name, Vintage: "as downloaded; periods " + periodsOf(pub), Licence: p.licence,
		Files: []string{file}, ImportedAt: time.Now().UTC(), Rows: pub.Report.Rows}
	var metas []indicator.Meta
	for _, pi := range pub.Indicators {
		m := publishedMeta(pi, p.topic, p.source(pi, file), p.name, p.licence)
		m.Definition = pi.Name + ", as published in " + p.source(pi, file) + "."
		metas = append(metas, m)
	}
	return storePublished(ctx, st, ds, metas, pub, opt)
}

// readPublished opens a file and reads it with a publisher's reader,
// placing each code among the areas the atlas holds.
func readPublished(ctx context.Context, st Store, fsys fs.FS, file string,
	read func(io.Reader, string, source.AreaLookup, source.Progress) (*source.Published, error), opt ImportOptions) (*source.Published, error) {
	lookup, err := areaLookup(ctx, st)
	if err != nil {
		return nil, err
	}
	f, err := fsys.Open(file)
	if err != nil {
		return nil, err // a *fs.PathError already names the file
	}
	defer f.Close()
	return read(f, file, lookup, opt.progress())
}

// publishedMeta is the metadata every published indicator shares.
func publishedMeta(pi source.PublishedIndicator, topic, src, publisher, licence string) indicator.Meta {
	note := noteRateOnly
	if pi.HasCounts {
		note = noteWithCounts
	}
	if pi.ValueType == indicator.Count {
		note = "Counts are shown as published for each area and not added up for larger areas, which the publisher may count differently."
	}
	m := indicator.Meta{ID: pi.ID, Name: pi.Name, Topic: topic, Unit: pi.Unit, ValueType: pi.ValueType,
		Polarity: indicator.Neutral, Source: src, Publisher: publisher, Licence: licence,
		Aggregation: NotAggregated, Periods: pi.Periods, AreaTypes: pi.AreaTypes,
		Notes: []string{note, "Values are shown only for the areas the file gives: " + joinTypeNames(pi.AreaTypes) + "."}}
	if pi.HasCounts {
		m.Numerator, m.Denominator = "Count (as published)", "Denominator (as published)"
	}
	return m
}

// storePublished stores a dataset of published indicators unless the
// import is a dry run.
func storePublished(ctx context.Context, st ExtraIndicatorStore, ds Dataset, metas []indicator.Meta, pub *source.Published, opt ImportOptions) (*PublishedResult, error) {
	res := &PublishedResult{Dataset: ds, Indicators: metas, Report: pub.Report}
	values := map[string][]indicator.Value{}
	for _, pi := range pub.Indicators {
		values[pi.ID] = pi.Values
		res.Values += len(pi.Values)
	}
	if opt.DryRun {
		return res, nil
	}
	opt.progress()("saving "+ds.ID, 0, 0)
	return res, st.ReplaceIndicators(ctx, ds, metas, values)
}

// areaLookup loads every area once and answers which types hold a code.
func areaLookup(ctx context.Context, st Store) (source.AreaLookup, error) {
	byCode := map[string][]area.Type{}
	for _, t := range area.Types {
		as, err := st.Areas(ctx, t.ID)
		if err != nil {
			return nil, err
		}
		for _, a := range as {
			byCode[a.Code] = append(byCode[a.Code], a.Type)
		}
	}
	if len(byCode) == 0 {
		return nil, Errorf(CodeInvalid, "import the geography first: no areas are known yet")
	}
	return func(code string) []area.Type { return byCode[strings.ToUpper(code)] }, nil
}

func periodsOf(pub *source.Published) string {
	seen := map[string]bool{}
	var ps []string
	for _, pi := range pub.Indicators {
		for _, p := range pi.Periods {
			if !seen[p] {
				seen[p] = true
				ps = append(ps, p)
			}
		}
	}
	return strings.Join(ps, ", ")
}

func joinTypeNames(ts []area.Type) string {
	names := make([]string, len(ts))
	for i, t := range ts {
		names[i] = t.Info().Plural
		if t != area.England {
			names[i] = strings.ToLower(names[i])
		}
	}
	return strings.Join(names, ", ")
}

// NoteNotPublished is the note of an area a published indicator has no
// figure for.
const NoteNotPublished = "Not published for this area: the file gave no figure for it (or gave it under a code from another geography)."

// fillUnpublished lists, for a published indicator, the areas of the type
// the publisher gave no figure for, as missing with a note, so that a map
// and a table say plainly which areas have no data and why.
func (s *Service) fillUnpublished(ctx context.Context, d *Data) error {
	if d.Meta.Aggregation != NotAggregated {
		return nil
	}
	as, err := s.Store.Areas(ctx, d.Type)
	if err != nil {
		return err
	}
	have := make(map[string]bool, len(d.Values))
	for _, v := range d.Values {
		have[v.AreaCode] = true
	}
	missing := 0
	for _, a := range as {
		if !have[a.Code] {
			d.Values = append(d.Values, indicator.Value{AreaType: a.Type, AreaCode: a.Code, AreaName: a.Name, Period: d.Period, Note: NoteNotPublished})
			missing++
		}
	}
	if missing == 0 {
		return nil
	}
	sort.SliceStable(d.Values, func(i, j int) bool {
		if d.Values[i].AreaName != d.Values[j].AreaName {
			return d.Values[i].AreaName < d.Values[j].AreaName
		}
		return d.Values[i].AreaCode < d.Values[j].AreaCode
	})
	d.Notes = append(d.Notes, fmt.Sprintf("%d of %d %s have no published figure for %s: the file gave none for them, "+
		"or gave them under codes from another geography.", missing, len(as), strings.ToLower(d.Type.Info().Plural), d.Period))
	return nil
}

// whyNotAtType explains, for a published indicator asked for an area type
// it has no figures for, why the atlas does not build them.
func whyNotAtType(m indicator.Meta) string {
	if m.Aggregation != NotAggregated {
		return ""
	}
	return " The publisher gave figures only for those areas, and the atlas shows published figures as they are, " +
		"without adding them up for other areas."
}
