package census

import (
	"github.com/mhatlas/mhatlas/internal/area"
	"github.com/mhatlas/mhatlas/internal/indicator"
)

// Period is the period of every Census 2021 indicator.
const Period = "2021"

// Publisher, licence and attribution of Census 2021 figures.
const (
	Publisher = "Office for National Statistics"
	Licence   = "Source: Office for National Statistics licensed under the Open Government Licence v.3.0. Contains Census 2021 data."
)

// AggregationRule is how every Census indicator is built for areas larger
// than a lower-tier local authority.
const AggregationRule = "Counts are published for lower-tier local authorities (LTLAs, 2023 boundaries). " +
	"A larger area's numerator and denominator are the sums of its LTLAs' counts; an LTLA split across " +
	"ICBs or sub-ICB locations contributes to each in proportion to the share of its Census 2021 usual " +
	"residents living there (summed from LSOAs in the ONS LSOA 2021 lookup). Percentages are recomputed " +
	"from the summed counts, never averaged."

// PopulationRule is how the population of every area is defined.
const PopulationRule = "The population of an area is the sum of the Census 2021 usual residents (table TS021 totals) " +
	"of the LSOAs (2021) that the ONS LSOA to sub-ICB to ICB to LAD (April 2024) lookup places in it. " +
	"England: 56,490,108."

// Share is a Census indicator that is the share of a table's population in
// some of its categories.
type Share struct {
	ID, Name, Definition string
	Table                string
	Categories           []string
	Polarity             indicator.Polarity
}

// Shares lists the Census share indicators. Their ids are public.
var Shares = []Share{
	{"female-share", "Female", "Share of usual residents who are female.", "sex", []string{"Female"}, indicator.Neutral},
	{"age-0-15-share", "Aged 0 to 15", "Share of usual residents aged 0 to 15.", "age-broad", []string{"Aged 0 to 15 years"}, indicator.Neutral},
	{"age-16-64-share", "Aged 16 to 64", "Share of usual residents aged 16 to 64.", "age-broad", []string{"Aged 16 to 64 years"}, indicator.Neutral},
	{"age-65-plus-share", "Aged 65 and over", "Share of usual residents aged 65 and over.", "age-broad",
		[]string{"Aged 65 to 74 years", "Aged 75 to 84 years", "Aged 85 years and over"}, indicator.Neutral},
	{"ethnic-asian-share", "Asian, Asian British or Asian Welsh", "Share of usual residents in the Asian, Asian British or Asian Welsh ethnic group.", "ethnic-group",
		[]string{"Asian, Asian British or Asian Welsh"}, indicator.Neutral},
	{"ethnic-black-share", "Black, Black British, Black Welsh, Caribbean or African", "Share of usual residents in the Black, Black British, Black Welsh, Caribbean or African ethnic group.", "ethnic-group",
		[]string{"Black, Black British, Black Welsh, Caribbean or African"}, indicator.Neutral},
	{"ethnic-mixed-share", "Mixed or Multiple ethnic groups", "Share of usual residents in Mixed or Multiple ethnic groups.", "ethnic-group",
		[]string{"Mixed or Multiple ethnic groups"}, indicator.Neutral},
	{"ethnic-white-share", "White", "Share of usual residents in the White ethnic group.", "ethnic-group", []string{"White"}, indicator.Neutral},
	{"ethnic-other-share", "Other ethnic group", "Share of usual residents in the Other ethnic group.", "ethnic-group", []string{"Other ethnic group"}, indicator.Neutral},
	{"religion-no-religion-share", "No religion", "Share of usual residents who said they have no religion.", "religion", []string{"No religion"}, indicator.Neutral},
	{"religion-christian-share", "Christian", "Share of usual residents who are Christian.", "religion", []string{"Christian"}, indicator.Neutral},
	{"religion-buddhist-share", "Buddhist", "Share of usual residents who are Buddhist.", "religion", []string{"Buddhist"}, indicator.Neutral},
	{"religion-hindu-share", "Hindu", "Share of usual residents who are Hindu.", "religion", []string{"Hindu"}, indicator.Neutral},
	{"religion-jewish-share", "Jewish", "Share of usual residents who are Jewish.", "religion", []string{"Jewish"}, indicator.Neutral},
	{"religion-muslim-share", "Muslim", "Share of usual residents who are Muslim.", "religion", []string{"Muslim"}, indicator.Neutral},
	{"religion-sikh-share", "Sikh", "Share of usual residents who are Sikh.", "religion", []string{"Sikh"}, indicator.Neutral},
	{"religion-other-share", "Other religion", "Share of usual residents of another religion.", "religion", []string{"Other religion"}, indicator.Neutral},
	{"religion-not-answered-share", "Religion not answered", "Share of usual residents who did not answer the (voluntary) religion question.", "religion", []string{"Not answered"}, indicator.Neutral},
	{"bad-health-share", "Bad or very bad health", "Share of usual residents who describe their general health as bad or very bad (not age-standardised).", "general-health",
		[]string{"Bad health", "Very bad health"}, indicator.LowIsGood},
	{"disabled-share", "Disabled under the Equality Act", "Share of usual residents who are disabled under the Equality Act (not age-standardised).", "disability",
		[]string{"Disabled under the Equality Act"}, indicator.LowIsGood},
	{"disabled-limited-a-lot-share", "Day-to-day activities limited a lot", "Share of usual residents who are disabled under the Equality Act and whose day-to-day activities are limited a lot.", "disability",
		[]string{"Day-to-day activities limited a lot"}, indicator.LowIsGood},
	{"unpaid-care-share", "Provides unpaid care", "Share of usual residents aged 5 and over who provide any unpaid care in a week.", "unpaid-care",
		[]string{"Provides 19 hours or less unpaid care a week", "Provides 20 to 49 hours unpaid care a week", "Provides 50 or more hours unpaid care a week"}, indicator.Neutral},
	{"unpaid-care-50-plus-share", "Provides 50 or more hours of unpaid care a week", "Share of usual residents aged 5 and over who provide 50 or more hours of unpaid care a week.", "unpaid-care",
		[]string{"Provides 50 or more hours unpaid care a week"}, indicator.Neutral},
}

// AllAreaTypes lists the types every Census indicator covers.
func AllAreaTypes() []area.Type {
	ts := make([]area.Type, len(area.Types))
	for i, t := range area.Types {
		ts[i] = t.ID
	}
	return ts
}

// PopulationMeta describes the population indicator.
func PopulationMeta() indicator.Meta {
	return indicator.Meta{
		ID: "population", Name: "Population", Topic: "Population",
		Definition: "Census 2021 usual resident population. " + PopulationRule,
		Unit:       "people", ValueType: indicator.Count, Polarity: indicator.Neutral,
		Source: "Census 2021, table TS021 (usual residents by LSOA)", Publisher: Publisher, Licence: Licence,
		Aggregation: "Summed from LSOAs: " + PopulationRule,
		Periods:     []string{Period}, AreaTypes: AllAreaTypes(),
		Numerator: "Usual residents",
	}
}

// Meta describes a share indicator.
func (s Share) Meta() indicator.Meta {
	t, _ := TableByID(s.Table)
	return indicator.Meta{
		ID: s.ID, Name: s.Name, Topic: t.Name, Definition: s.Definition,
		Unit: "%", ValueType: indicator.Percentage, Polarity: s.Polarity,
		Source:    "Census 2021, table " + t.TableID + " (" + t.Name + ")",
		Publisher: Publisher, Licence: Licence, Aggregation: AggregationRule,
		Periods: []string{Period}, AreaTypes: AllAreaTypes(),
		Numerator:   joinCategories(s.Categories),
		Denominator: t.Population,
	}
}

func joinCategories(cs []string) string {
	out := ""
	for i, c := range cs {
		if i > 0 {
			out += "; "
		}
		out += c
	}
	return out
}

// Metas lists the metadata of every Census indicator, population first.
func Metas() []indicator.Meta {
	ms := []indicator.Meta{PopulationMeta()}
	for _, s := range Shares {
		ms = append(ms, s.Meta())
	}
	return ms
}
