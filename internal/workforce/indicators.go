package workforce

import (
	"github.com/mhatlas/mhatlas/internal/area"
	"github.com/mhatlas/mhatlas/internal/indicator"
)

// Kind says how an indicator is computed from the stored counts.
type Kind int

// The kinds of workforce indicator.
const (
	// KindCount sums a count.
	KindCount Kind = iota
	// KindRatio is Scale × sum(Num) / sum(Den), both summed over the same parts.
	KindRatio
	// KindPerPopulation is Scale × sum(Num) / population.
	KindPerPopulation
	// KindPeoplePer is population / sum(Num).
	KindPeoplePer
	// KindChange is sum(Num) in the period minus sum(Num) five years before.
	KindChange
)

// Def defines one workforce indicator: its metadata and its rule.
type Def struct {
	ID, Name, Definition, Unit string
	ValueType                  indicator.ValueType
	Polarity                   indicator.Polarity
	Kind                       Kind
	Num, Den                   []Measure
	Scale                      float64
	// Published is the measure a source may give instead of the counts
	// (a rate without its counts); "" if none.
	Published Measure
	// CareNeed fixes the care need; "" lets the care_need breakdown choose.
	CareNeed CareNeed
	// Workforce is SocialCare or NHS (FTE, by staff group, NHS sector).
	Workforce        string
	Numerator        string
	Denominator      string
	NumeratorLabel   string
	DenominatorLabel string
}

// Measures lists every measure the indicator reads.
func (d Def) Measures() []Measure {
	ms := append([]Measure{}, d.Num...)
	for _, m := range d.Den {
		if !hasMeasure(ms, m) {
			ms = append(ms, m)
		}
	}
	if d.Published != "" {
		ms = append(ms, d.Published)
	}
	return ms
}

// Counts lists the count measures the indicator sums (numerator first).
func (d Def) Counts() []Measure {
	ms := append([]Measure{}, d.Num...)
	for _, m := range d.Den {
		if !hasMeasure(ms, m) {
			ms = append(ms, m)
		}
	}
	return ms
}

func hasMeasure(ms []Measure, m Measure) bool {
	for _, x := range ms {
		if x == m {
			return true
		}
	}
	return false
}

// Topics of the indicators, as the atlas's picker groups them.
const (
	TopicSocialCare = "Mental health social care workforce"
	TopicNHS        = "NHS mental health workforce"
)

// Defs lists the workforce indicators. Their ids are a public contract.
var Defs = []Def{
	{ID: "wf-filled-posts", Name: "Filled posts", Unit: "filled posts", ValueType: indicator.Count, Polarity: indicator.Neutral,
		Kind: KindCount, Num: []Measure{FilledPosts}, Workforce: SocialCare,
		Definition: "Filled posts (jobs with someone in them) in adult social care for the chosen care need, sector and job role. Mental health is specialist plus generalist: jobs at services only for people with mental health needs and jobs at services that support them among others."},
	{ID: "wf-specialist-posts", Name: "Specialist mental health posts", Unit: "filled posts", ValueType: indicator.Count, Polarity: indicator.Neutral,
		Kind: KindCount, Num: []Measure{FilledPosts}, CareNeed: Specialist, Workforce: SocialCare,
		Definition: "Filled posts at adult social care services that exist only for people with mental health needs (care need: specialist)."},
	{ID: "wf-vacancy-rate", Name: "Vacancy rate", Unit: "% of posts", ValueType: indicator.Percentage, Polarity: indicator.LowIsGood,
		Kind: KindRatio, Num: []Measure{Vacancies}, Den: []Measure{FilledPosts, Vacancies}, Scale: 100, Published: VacancyRatePublished, Workforce: SocialCare,
		Numerator: "vacancies", Denominator: "filled posts plus vacancies",
		Definition: "Vacancies as a share of all posts: vacancies / (filled posts + vacancies)."},
	{ID: "wf-turnover-rate", Name: "Turnover rate", Unit: "% of filled posts", ValueType: indicator.Percentage, Polarity: indicator.LowIsGood,
		Kind: KindRatio, Num: []Measure{Leavers}, Den: []Measure{FilledPosts}, Scale: 100, Published: TurnoverRatePublished, Workforce: SocialCare,
		Numerator: "leavers in the year", Denominator: "filled posts",
		Definition: "Leavers in the year as a share of filled posts: leavers / filled posts."},
	{ID: "wf-zero-hours-share", Name: "Posts on zero-hours contracts", Unit: "% of filled posts", ValueType: indicator.Percentage, Polarity: indicator.LowIsGood,
		Kind: KindRatio, Num: []Measure{ZeroHoursPosts}, Den: []Measure{FilledPosts}, Scale: 100, Published: ZeroHoursSharePublished, Workforce: SocialCare,
		Numerator: "posts on zero-hours contracts", Denominator: "filled posts",
		Definition: "Filled posts on zero-hours contracts as a share of filled posts."},
	{ID: "wf-permanent-share", Name: "Posts on permanent contracts", Unit: "% of filled posts", ValueType: indicator.Percentage, Polarity: indicator.HighIsGood,
		Kind: KindRatio, Num: []Measure{PermanentPosts}, Den: []Measure{FilledPosts}, Scale: 100, Published: PermanentSharePublished, Workforce: SocialCare,
		Numerator: "posts on permanent contracts", Denominator: "filled posts",
		Definition: "Filled posts on permanent contracts as a share of filled posts."},
	{ID: "wf-posts-per-100k", Name: "Filled posts per 100,000 people", Unit: "per 100,000 people", ValueType: indicator.RatePer100k, Polarity: indicator.HighIsGood,
		Kind: KindPerPopulation, Num: []Measure{FilledPosts}, Scale: 100000, Workforce: SocialCare,
		Numerator: "filled posts", Denominator: "population of the same year",
		Definition: "Filled posts per 100,000 residents of the area, against the population of the same year."},
	{ID: "wf-specialist-per-100k", Name: "Specialist posts per 100,000 people", Unit: "per 100,000 people", ValueType: indicator.RatePer100k, Polarity: indicator.HighIsGood,
		Kind: KindPerPopulation, Num: []Measure{FilledPosts}, Scale: 100000, CareNeed: Specialist, Workforce: SocialCare,
		Numerator: "specialist filled posts", Denominator: "population of the same year",
		Definition: "Filled posts at specialist mental health services per 100,000 residents, against the population of the same year."},
	{ID: "wf-people-per-specialist", Name: "People per specialist role", Unit: "people per specialist role", ValueType: indicator.Count, Polarity: indicator.LowIsGood,
		Kind: KindPeoplePer, Num: []Measure{FilledPosts}, Published: PeoplePerSpecialistPub, CareNeed: Specialist, Workforce: SocialCare,
		Numerator: "population of the same year", Denominator: "specialist filled posts",
		Definition: "Residents per filled post at specialist mental health services: population / specialist filled posts, read as \"1 specialist role per N people\"."},
	{ID: "wf-filled-posts-change-5y", Name: "Change in filled posts over five years", Unit: "filled posts", ValueType: indicator.Count, Polarity: indicator.HighIsGood,
		Kind: KindChange, Num: []Measure{FilledPosts}, Published: FilledPostsChange5yPublished, Workforce: SocialCare,
		Numerator: "filled posts in the period", Denominator: "filled posts five years earlier",
		Definition: "Filled posts in the period minus filled posts in the same area five years earlier, from the same dataset; the per cent change is 100 × change / earlier filled posts."},
	{ID: "wf-specialist-posts-change-5y", Name: "Change in specialist posts over five years", Unit: "filled posts", ValueType: indicator.Count, Polarity: indicator.HighIsGood,
		Kind: KindChange, Num: []Measure{FilledPosts}, Published: FilledPostsChange5yPublished, CareNeed: Specialist, Workforce: SocialCare,
		Numerator: "specialist filled posts in the period", Denominator: "specialist filled posts five years earlier",
		Definition: "Specialist filled posts in the period minus those in the same area five years earlier, from the same dataset; the per cent change is 100 × change / earlier posts."},
	{ID: "nhs-mh-fte", Name: "NHS mental health staff (FTE)", Unit: "full-time equivalent staff", ValueType: indicator.Count, Polarity: indicator.Neutral,
		Kind: KindCount, Num: []Measure{FTE}, CareNeed: MentalHealth, Workforce: NHS,
		Definition: "Full-time equivalent staff of NHS mental health trusts, by staff group. FTE is a different unit from posts: it never adds into post counts."},
	{ID: "nhs-mh-fte-per-100k", Name: "NHS mental health staff (FTE) per 100,000 people", Unit: "FTE per 100,000 people", ValueType: indicator.RatePer100k, Polarity: indicator.HighIsGood,
		Kind: KindPerPopulation, Num: []Measure{FTE}, Scale: 100000, CareNeed: MentalHealth, Workforce: NHS,
		Numerator: "full-time equivalent staff", Denominator: "population of the same year",
		Definition: "Full-time equivalent staff of NHS mental health trusts per 100,000 residents, against the population of the same year."},
}

// DefByID returns the definition of an indicator id.
func DefByID(id string) (Def, bool) {
	for _, d := range Defs {
		if d.ID == id {
			return d, true
		}
	}
	return Def{}, false
}

// Rule texts shared by the metadata and the README.
const (
	AggregationCounts = "Counts move up the geography by summing, within one dataset. An area's own published figure is used as published; otherwise it is the sum of its parts (upper-tier local authorities first, then lower-tier ones, sub-ICB locations, ICBs, regions), an authority split across ICBs contributing to each by the share of its Census 2021 population living there (ONS LSOA 2021 lookup, April 2024). Suppressed figures are missing, never zero; an aggregate that lacks a part is marked incomplete."
	AggregationRates  = "Rates are computed from summed counts, never by averaging rates; numerator and denominator are summed over the same parts. " + AggregationCounts + " A rate a source published without its counts is shown for the areas it was published for and is not aggregated."
	NoteSources       = "Sources never mix: each answer comes from one dataset (chosen with source=, or else the most recently imported dataset with figures for the period), and two datasets are never summed."
	NotePopulation    = "Population of the same year: Census 2021 usual residents for 2020/21; otherwise the ONS mid-year estimate that falls inside the financial year (mid-2023 for 2023/24), for lower-tier authorities, apportioned to larger areas like every other count."
	NoteNHS           = "NHS figures are full-time equivalent (FTE) staff, a different unit from posts: they never add into post counts. Trusts are placed in their NHS region exactly and in an ICB by the location of their headquarters, an approximation: a trust serves people beyond that ICB."
	NoteMentalHealth  = "Care need mental-health is specialist plus generalist. Where a dataset gives only the two parts for an area they are added; all-care-needs (the whole adult social care workforce) is context and never added into the mental health figures."
)

// Meta builds the metadata of an indicator as the data stands: its periods
// (those with figures in any dataset) and the choices of its breakdowns.
func (d Def) Meta(tax *Taxonomy, periods []string) indicator.Meta {
	m := indicator.Meta{ID: d.ID, Name: d.Name, Definition: d.Definition, Topic: TopicSocialCare, Unit: d.Unit,
		ValueType: d.ValueType, Polarity: d.Polarity, Numerator: d.Numerator, Denominator: d.Denominator,
		Source:    "Imported workforce datasets; each answer names its dataset",
		Publisher: "As named by each dataset (Skills for Care, NHS Digital, membership bodies...)",
		Licence:   "As stated by each dataset's publisher; see /sources.",
		Periods:   periods, Aggregation: AggregationCounts, Notes: []string{NoteSources}}
	for _, t := range area.Types {
		m.AreaTypes = append(m.AreaTypes, t.ID)
	}
	if d.Kind == KindRatio || d.Published != "" {
		m.Aggregation = AggregationRates
	}
	if d.Kind == KindPerPopulation || d.Kind == KindPeoplePer {
		m.Notes = append(m.Notes, NotePopulation)
	}
	if d.Workforce == NHS {
		m.Topic = TopicNHS
		m.Notes = append(m.Notes, NoteNHS)
		m.Breakdowns = []indicator.Breakdown{breakdown("staff_group", "NHS staff group", AllRoles, tax.Options(NHS))}
		return m
	}
	if d.CareNeed == "" {
		m.Notes = append(m.Notes, NoteMentalHealth)
		m.Breakdowns = append(m.Breakdowns, breakdown("care_need", "Care need", string(MentalHealth), CareNeeds))
	}
	m.Breakdowns = append(m.Breakdowns, breakdown("sector", "Sector", AllSectors, Sectors),
		breakdown("role", "Job role", AllRoles, tax.Options(SocialCare)))
	return m
}

func breakdown(id, name, def string, os []Option) indicator.Breakdown {
	b := indicator.Breakdown{ID: id, Name: name, Default: def}
	for _, o := range os {
		b.Values = append(b.Values, indicator.Option{ID: o.ID, Name: o.Name})
	}
	return b
}

// IsWorkforceIndicator reports whether id is one of Defs.
func IsWorkforceIndicator(id string) bool {
	_, ok := DefByID(id)
	return ok
}
