package main

import (
	"strings"
	"testing"
)

// TestAreaPagePyramid checks the population pyramid of a profile: labelled
// as the ONS mid-2023 estimates, drawn as an accessible SVG with England's
// outline, with the hand-worked ICB figures in its table (males 0-4 =
// 7,324 Shropshire + 5,402 Telford and Wrekin) and its source listed.
func TestAreaPagePyramid(t *testing.T) {
	resp, b := get(t, "/areas/E54000011")
	if resp.StatusCode != 200 {
		t.Fatalf("status %d", resp.StatusCode)
	}
	page := string(b)
	i := strings.Index(page, `id="age-sex"`)
	if i < 0 {
		t.Fatal("no pyramid section")
	}
	section := page[i : i+strings.Index(page[i:], "</section>")]
	for _, want := range []string{
		"ONS mid-2023 population estimates",
		`role="img" aria-labelledby="pyramid-svg-title pyramid-desc"`,
		`class="atlas-pyramid__england"`,
		"a different source and date from the Census 2021 charts",
		"<summary", "12,726", "12,036",
	} {
		if !strings.Contains(section, want) {
			t.Errorf("pyramid section lacks %q", want)
		}
	}
	if !strings.Contains(page, "Population pyramid: ONS mid-2023 population estimates") {
		t.Error("the page's sources do not list the mid-2023 estimates")
	}
	_, b = get(t, "/areas/E92000001")
	if eng := string(b); !strings.Contains(eng, `id="age-sex"`) || strings.Contains(eng, `class="atlas-pyramid__england"`) {
		t.Error("England's profile should have a pyramid without an outline of itself")
	}
}
