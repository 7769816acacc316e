package main

import (
	"math"
	"strings"
	"testing"
)

// wfData is the part of a /api/v1/data answer the workforce tests read.
type wfData struct {
	Indicator, Period, Type string
	Dataset                 *struct{ ID, Name, Publisher, Vintage string }
	Filters                 map[string]string
	Notes                   []string
	Values                  []struct {
		Code, Name             string
		Value                  *float64
		Numerator, Denominator *float64
		Incomplete             bool
		Note                   string
	}
	England *struct {
		Value, Numerator, Denominator *float64
		Note                          string
	}
}

func (d wfData) value(code string) *float64 {
	for _, v := range d.Values {
		if v.Code == code {
			return v.Value
		}
	}
	return nil
}

func TestAPIWorkforceIndicators(t *testing.T) {
	var got struct {
		Indicators []struct {
			ID, Aggregation string
			Breakdowns      []struct {
				ID, Default string
				Values      []struct{ ID string }
			}
			AreaTypes []string `json:"area_types"`
		}
	}
	getJSON(t, "/api/v1/indicators", 200, &got)
	want := map[string]string{"wf-filled-posts": "care_need", "wf-specialist-posts": "sector", "wf-vacancy-rate": "care_need",
		"wf-turnover-rate": "care_need", "wf-zero-hours-share": "care_need", "wf-permanent-share": "care_need",
		"wf-posts-per-100k": "care_need", "wf-specialist-per-100k": "sector", "wf-people-per-specialist": "sector",
		"wf-filled-posts-change-5y": "care_need", "wf-specialist-posts-change-5y": "sector",
		"nhs-mh-fte": "staff_group", "nhs-mh-fte-per-100k": "staff_group"}
	for _, i := range got.Indicators {
		first, ok := want[i.ID]
		if !ok {
			continue
		}
		delete(want, i.ID)
		if len(i.Breakdowns) == 0 || i.Breakdowns[0].ID != first || len(i.AreaTypes) != 7 || i.Aggregation == "" {
			t.Errorf("%s: breakdowns %+v, area types %v", i.ID, i.Breakdowns, i.AreaTypes)
		}
		if first == "care_need" && (i.Breakdowns[0].Default != "mental-health" || len(i.Breakdowns[0].Values) != 4) {
			t.Errorf("%s: care_need %+v", i.ID, i.Breakdowns[0])
		}
	}
	if len(want) > 0 {
		t.Errorf("missing indicators %v", want)
	}
}

// The embedded data's real figures, as published (data/workforce):
// AMHP's "over 536,000" mental health filled posts (filed under 2021/22),
// Skills for Care's 8.3% vacancy rate for all adult social care in
// 2023/24, AMHP's 1 specialist role per 20,000 people in Shropshire,
// Telford and Wrekin; and England's people per specialist, worked out from
// AMHP's 16,000 specialist posts and the ONS mid-2021 estimates of the 296
// English LTLAs, which sum to 56,554,891: 56,554,891 / 16,000 = 3,534.68.
func TestAPIWorkforceDefaultData(t *testing.T) {
	var d wfData
	getJSON(t, "/api/v1/data?indicator=wf-filled-posts&type=england", 200, &d)
	if d.Period != "2021/22" || d.Dataset == nil || d.Dataset.ID != "amhp-mental-health-workforce" || d.England == nil ||
		d.England.Value == nil || *d.England.Value != 536000 || d.Filters["care_need"] != "mental-health" {
		t.Errorf("filled posts: %+v", d)
	}
	getJSON(t, "/api/v1/data?indicator=wf-vacancy-rate&type=england&care_need=all-care-needs&period=2023/24", 200, &d)
	if d.England == nil || d.England.Value == nil || *d.England.Value != 8.3 || d.England.Numerator != nil || d.Dataset.ID != "skills-for-care-headlines" {
		t.Errorf("vacancy rate: %+v", d.England)
	}
	getJSON(t, "/api/v1/data?indicator=wf-people-per-specialist&type=icb", 200, &d)
	if v := d.value("E54000011"); v == nil || *v != 20000 {
		t.Errorf("Shropshire, Telford and Wrekin: %v", v)
	}
	if d.England == nil || d.England.Value == nil || math.Abs(*d.England.Value-56554891.0/16000) > 1e-6 || *d.England.Numerator != 56554891 {
		t.Errorf("England people per specialist: %+v", d.England)
	}
}

// A map with no figures says so and names the import that would fill it.
func TestAPIWorkforceEmptyTypeSaysWhy(t *testing.T) {
	var d wfData
	getJSON(t, "/api/v1/data?indicator=wf-vacancy-rate&type=icb", 200, &d)
	if len(d.Values) != 42 {
		t.Fatalf("%d values", len(d.Values))
	}
	for _, v := range d.Values {
		if v.Value != nil {
			t.Fatalf("%s has a value", v.Code)
		}
	}
	if len(d.Notes) == 0 || !strings.Contains(d.Notes[0], "No figures for integrated care boards") || !strings.Contains(d.Notes[0], "mhatlas import") {
		t.Errorf("notes %q", d.Notes)
	}
}

func TestAPIWorkforceBadChoices(t *testing.T) {
	for path, want := range map[string]string{
		"/api/v1/data?indicator=wf-filled-posts&type=icb&care_need=happy":          "care_need=\"happy\" is not one of: mental-health",
		"/api/v1/data?indicator=wf-filled-posts&type=icb&source=nope":              "not an imported workforce dataset",
		"/api/v1/data?indicator=wf-specialist-posts&type=icb&care_need=generalist": "cannot be broken down by care_need",
		"/api/v1/data?indicator=wf-filled-posts&type=icb&period=1999/00":           "no data for period",
	} {
		var e struct {
			Error struct{ Code, Message string }
		}
		getJSON(t, path, 400, &e)
		if !strings.Contains(e.Error.Message, want) {
			t.Errorf("%s: %q lacks %q", path, e.Error.Message, want)
		}
	}
}

// The filters an answer reports can be sent back as they are: pages build
// their map's data URL from them.
func TestAPIWorkforceFiltersRoundTrip(t *testing.T) {
	for _, id := range []string{"wf-filled-posts", "wf-specialist-posts", "wf-people-per-specialist", "wf-vacancy-rate", "nhs-mh-fte"} {
		var d wfData
		getJSON(t, "/api/v1/data?indicator="+id+"&type=icb", 200, &d)
		q := "/api/v1/data?indicator=" + id + "&type=icb"
		for k, v := range d.Filters {
			q += "&" + k + "=" + v
		}
		if d.Period != "" {
			q += "&period=" + d.Period
		}
		var again wfData
		getJSON(t, q, 200, &again)
		if again.Period != d.Period {
			t.Errorf("%s: period %q then %q", id, d.Period, again.Period)
		}
	}
}

// The pages, read without JavaScript, say the same: the atlas page warns
// that an empty workforce map is empty and why; the profile shows the
// area's published figure beside England's.
func TestPagesWorkforceWithoutJavaScript(t *testing.T) {
	for path, wants := range map[string][]string{
		"/?indicator=wf-vacancy-rate&type=icb": {`id="atlas-empty"`, "No figures for integrated care boards", "mhatlas import sfc FILE",
			`name="care_need"`, `name="sector"`, `name="role"`},
		"/workforce": {`data-indicator="wf-filled-posts"`, "536,000", "Source: Association of Mental Health Providers",
			"All adult social care, for context", "1,600,000", "Over the years", "Areas far above England"},
		"/areas/E54000011": {`id="workforce"`, "1 specialist role per 20,000 people", "1 specialist role per 3,535 people", "as published"},
		"/areas/E92000001": {`id="workforce"`, "536,000"},
	} {
		resp, body := get(t, path)
		if resp.StatusCode != 200 {
			t.Fatalf("%s: %d", path, resp.StatusCode)
		}
		for _, w := range wants {
			if !strings.Contains(string(body), w) {
				t.Errorf("%s lacks %q", path, w)
			}
		}
	}
}
