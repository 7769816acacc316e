package main

import (
	"regexp"
	"strings"
	"testing"
)

// The services page calls out the ICBs with the fewest services for their
// population. On the default data no ICB is fully covered (only Trafford
// has a voluntary-sector directory), so the callout says it is showing the
// thinnest data, and lists the lowest: NHS Bedfordshire, Luton and Milton
// Keynes ICB has none of the 44 mental health trusts' headquarters and none
// of the 311 mental health hospitals of the 2018 NHS list, so 0 per 100,000.
func TestServicesFewestCallout(t *testing.T) {
	resp, body := get(t, "/services")
	if resp.StatusCode != 200 {
		t.Fatalf("status %d", resp.StatusCode)
	}
	page := string(body)
	i := strings.Index(page, `id="services-fewest-heading"`)
	if i < 0 {
		t.Fatal("no callout")
	}
	section := page[i:]
	section = section[:strings.Index(section, "</section>")]
	if !strings.Contains(section, "No integrated care board is fully covered") {
		t.Error("the callout does not say its figures are partial")
	}
	items := regexp.MustCompile(`<li><a class="govuk-link" href="/areas/(E54\d+)\?type=icb">[^<]+</a>: ([0-9.]+) per 100,000 \((\d+) services?\)`).FindAllStringSubmatch(section, -1)
	if len(items) != 5 {
		t.Fatalf("%d areas called out:\n%s", len(items), section)
	}
	if items[0][1] != "E54000024" || items[0][2] != "0.0" || items[0][3] != "0" {
		t.Errorf("first called out: %v", items[0])
	}
}
