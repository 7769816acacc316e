package source

import (
	"strings"
	"testing"
)

// Rates written as proportions (0.085 for 8.5%) are imported as written
// but warned about, naming the lines; per-cent rates are not. Made-up
// figures.
func TestWorkforceTemplateRateScaleWarning(t *testing.T) {
	in := "area_code,period,care_need,measure,value,source\n" +
		"E06000051,2023/24,mental-health,vacancy_rate,0.085,made up\n" +
		"E54000011,2023/24,mental-health,vacancy_rate,0.07,made up\n" +
		"E06000051,2023/24,mental-health,turnover_rate,27.5,made up\n" +
		"E54000011,2023/24,mental-health,turnover_rate,0.9,made up\n"
	_, rep, err := ReadWorkforceTemplate(strings.NewReader(in), "rates.csv", wfTestAreas(), wfTestTaxonomy(t), NoProgress)
	if err != nil {
		t.Fatal(err)
	}
	warn := strings.Join(rep.Warnings, "\n")
	if !strings.Contains(warn, "every vacancy_rate value is between 0 and 1 (lines 2, 3)") || !strings.Contains(warn, "multiply them by 100") {
		t.Errorf("no warning about proportions:\n%s", warn)
	}
	if strings.Contains(warn, "turnover_rate") {
		t.Errorf("turnover rates include 27.5, a per cent: no warning wanted:\n%s", warn)
	}
}
