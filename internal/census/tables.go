// Package census turns Census 2021 topic tables, published for lower-tier
// local authorities, into the atlas's population indicators and the
// breakdowns drawn on area profiles.
package census

// Table is one Census 2021 table as the atlas stores it: a topic, the ONS
// table id and its categories in order. Level-1 categories sum to the
// table's total; level-2 categories sum to their parent.
type Table struct {
	ID      string
	Topic   string // the value of the files' topic column
	TableID string // the ONS table id, e.g. TS021
	Name    string
	// Population is the table's universe, the denominator of its shares.
	Population string
	Categories []Category
}

// Category is one category of a table.
type Category struct {
	Name   string
	Level  int
	Parent string
	// Label is the short name shown in charts.
	Label string
}

func level1(names ...string) []Category {
	cs := make([]Category, 0, len(names)/2)
	for i := 0; i+1 < len(names); i += 2 {
		cs = append(cs, Category{Name: names[i], Level: 1, Label: names[i+1]})
	}
	return cs
}

func withChildren(parent, label string, children ...string) []Category {
	cs := []Category{{Name: parent, Level: 1, Label: label}}
	for i := 0; i+1 < len(children); i += 2 {
		cs = append(cs, Category{Name: children[i], Level: 2, Parent: parent, Label: children[i+1]})
	}
	return cs
}

func concat(parts ...[]Category) []Category {
	var out []Category
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}

const allResidents = "All usual residents"

// Tables lists the Census 2021 tables the atlas knows. The importer refuses a
// category that is not listed here, so a changed file cannot slip in.
var Tables = []Table{
	{ID: "age-5yr", Topic: "age", TableID: "TS007", Name: "Age (5-year bands)", Population: allResidents,
		Categories: level1(
			"Aged 4 years and under", "0-4", "Aged 5 to 9 years", "5-9", "Aged 10 to 14 years", "10-14",
			"Aged 15 to 19 years", "15-19", "Aged 20 to 24 years", "20-24", "Aged 25 to 29 years", "25-29",
			"Aged 30 to 34 years", "30-34", "Aged 35 to 39 years", "35-39", "Aged 40 to 44 years", "40-44",
			"Aged 45 to 49 years", "45-49", "Aged 50 to 54 years", "50-54", "Aged 55 to 59 years", "55-59",
			"Aged 60 to 64 years", "60-64", "Aged 65 to 69 years", "65-69", "Aged 70 to 74 years", "70-74",
			"Aged 75 to 79 years", "75-79", "Aged 80 to 84 years", "80-84", "Aged 85 years and over", "85+")},
	{ID: "age-broad", Topic: "age", TableID: "TS007", Name: "Age (broad bands)", Population: allResidents,
		Categories: level1(
			"Aged 0 to 15 years", "0-15", "Aged 16 to 64 years", "16-64", "Aged 65 to 74 years", "65-74",
			"Aged 75 to 84 years", "75-84", "Aged 85 years and over", "85+")},
	{ID: "sex", Topic: "sex", TableID: "TS009", Name: "Sex", Population: allResidents,
		Categories: level1("Female", "Female", "Male", "Male")},
	{ID: "ethnic-group", Topic: "ethnic_group", TableID: "TS021", Name: "Ethnic group", Population: allResidents,
		Categories: concat(
			withChildren("Asian, Asian British or Asian Welsh", "Asian",
				"Bangladeshi", "Bangladeshi", "Chinese", "Chinese", "Indian", "Indian", "Pakistani", "Pakistani",
				"Other Asian", "Other Asian"),
			withChildren("Black, Black British, Black Welsh, Caribbean or African", "Black",
				"African", "African", "Caribbean", "Caribbean", "Other Black", "Other Black"),
			withChildren("Mixed or Multiple ethnic groups", "Mixed",
				"White and Asian", "White and Asian", "White and Black African", "White and Black African",
				"White and Black Caribbean", "White and Black Caribbean",
				"Other Mixed or Multiple ethnic groups", "Other Mixed"),
			withChildren("White", "White",
				"English, Welsh, Scottish, Northern Irish or British", "White British",
				"Irish", "Irish", "Gypsy or Irish Traveller", "Gypsy or Irish Traveller", "Roma", "Roma",
				"Other White", "Other White"),
			withChildren("Other ethnic group", "Other",
				"Arab", "Arab", "Any other ethnic group", "Any other"))},
	{ID: "religion", Topic: "religion", TableID: "TS030", Name: "Religion", Population: allResidents,
		Categories: level1("No religion", "No religion", "Christian", "Christian", "Buddhist", "Buddhist",
			"Hindu", "Hindu", "Jewish", "Jewish", "Muslim", "Muslim", "Sikh", "Sikh",
			"Other religion", "Other religion", "Not answered", "Not answered")},
	{ID: "general-health", Topic: "general_health", TableID: "TS037", Name: "General health", Population: allResidents,
		Categories: level1("Very good health", "Very good", "Good health", "Good", "Fair health", "Fair",
			"Bad health", "Bad", "Very bad health", "Very bad")},
	{ID: "disability", Topic: "disability", TableID: "TS038", Name: "Disability", Population: allResidents,
		Categories: concat(
			withChildren("Disabled under the Equality Act", "Disabled",
				"Day-to-day activities limited a lot", "Limited a lot",
				"Day-to-day activities limited a little", "Limited a little"),
			withChildren("Not disabled under the Equality Act", "Not disabled",
				"Has long term physical or mental health condition but day-to-day activities are not limited",
				"Condition, not limited",
				"No long term physical or mental health conditions", "No condition"))},
	{ID: "unpaid-care", Topic: "unpaid_care", TableID: "TS039", Name: "Unpaid care", Population: "Usual residents aged 5 and over",
		Categories: concat(
			level1("Provides no unpaid care", "None"),
			withChildren("Provides 19 hours or less unpaid care a week", "1-19 hours",
				"Provides 9 hours or less unpaid care a week", "1-9 hours",
				"Provides 10 to 19 hours unpaid care a week", "10-19 hours"),
			withChildren("Provides 20 to 49 hours unpaid care a week", "20-49 hours",
				"Provides 20 to 34 hours unpaid care a week", "20-34 hours",
				"Provides 35 to 49 hours unpaid care a week", "35-49 hours"),
			level1("Provides 50 or more hours unpaid care a week", "50+ hours"))},
}

// TableByID returns the table with the given id.
func TableByID(id string) (Table, bool) {
	for _, t := range Tables {
		if t.ID == id {
			return t, true
		}
	}
	return Table{}, false
}

// Candidates returns the ids of the tables a row from a Census file could
// belong to: the topic and table id columns narrow the tables, the category
// must be one of theirs. A category can sit in two tables (the 5-year and
// broad age bands both end at "Aged 85 years and over"), so a reader
// narrows the candidates over all the rows of a file.
func Candidates(topic, tableID, category string) []string {
	var ids []string
	for _, t := range Tables {
		if t.Topic != topic || t.TableID != tableID {
			continue
		}
		for _, c := range t.Categories {
			if c.Name == category {
				ids = append(ids, t.ID)
				break
			}
		}
	}
	return ids
}
