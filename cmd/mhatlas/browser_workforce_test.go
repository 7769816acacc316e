package main

import (
	"os"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestBrowserWorkforce opens the workforce dashboard on the default data
// as a new user would: England's real headline figures show with their
// period and source, the map draws, and where the map has no figures it
// says why and which import would fill it.
func TestBrowserWorkforce(t *testing.T) {
	ctx := browser(t)
	do(t, ctx, chromedp.Navigate(baseURL()+"/workforce"), waitMap("#atlas-map"))
	card := func(id string) string {
		return must(t, ctx, chromedp.Evaluate[string](`(() => { const c = document.querySelector('.wf-card[data-indicator="`+id+`"]');
			return c ? c.innerText : ""; })()`))
	}
	// AMHP's figures from Skills for Care data, as published (data/workforce).
	filled := card("wf-filled-posts")
	if !strings.Contains(filled, "536,000") || !strings.Contains(filled, "2021/22") || !strings.Contains(filled, "Source: Association of Mental Health Providers") {
		t.Errorf("filled posts card %q", filled)
	}
	if v := card("wf-vacancy-rate"); !strings.Contains(v, "8.5%") || !strings.Contains(v, "2023/24") || !strings.Contains(v, "as published") {
		t.Errorf("vacancy rate card %q", v)
	}
	// Skills for Care's whole adult social care workforce, as context.
	context := must(t, ctx, chromedp.Evaluate[string](`document.querySelector(".wf-cards--context").innerText`))
	if !strings.Contains(context, "1,600,000") || !strings.Contains(context, "Skills for Care") {
		t.Errorf("context %q", context)
	}
	warning := must(t, ctx, chromedp.Evaluate[string](`(document.querySelector("#wf-map-empty") || {}).innerText || ""`))
	if !strings.Contains(warning, "No figures for integrated care boards") || !strings.Contains(warning, "mhatlas import") {
		t.Errorf("empty map warning %q", warning)
	}
	sources := must(t, ctx, chromedp.Text(".atlas-sources"))
	if !strings.Contains(sources, "Skills for Care") {
		t.Errorf("sources %q", sources)
	}
	os.WriteFile(artifact(t, "workforce-dashboard.png"), must(t, ctx, chromedp.FullScreenshot(100)), 0o644)

	// All adult social care by region: the published regional figures fill
	// their regions on the map.
	do(t, ctx, chromedp.Navigate(baseURL()+"/workforce?indicator=wf-filled-posts&type=region&care_need=all-care-needs&period=2020/21"), waitMap("#atlas-map"))
	filledAreas := must(t, ctx, chromedp.Evaluate[int](`document.querySelectorAll("#atlas-map path.atlas-area[data-code]:not([data-missing])").length`))
	if filledAreas < 1 {
		t.Errorf("%d regions filled", filledAreas)
	}
	os.WriteFile(artifact(t, "workforce-regions.png"), must(t, ctx, chromedp.FullScreenshot(100)), 0o644)

	// The profile's workforce section: AMHP's published 1 specialist role
	// per 20,000 people for Shropshire, Telford and Wrekin beside England's.
	do(t, ctx, chromedp.Navigate(baseURL()+"/areas/E54000011"), waitMap("#locator-map"))
	row := must(t, ctx, chromedp.Text(`#workforce-figures tr[data-indicator="wf-people-per-specialist"]`))
	if !strings.Contains(row, "1 specialist role per 20,000 people") || !strings.Contains(row, "1 specialist role per 3,535 people") {
		t.Errorf("profile row %q", row)
	}
	os.WriteFile(artifact(t, "workforce-profile.png"), must(t, ctx, chromedp.Screenshot("#workforce-figures")), 0o644)
}

// TestBrowserWorkforceAccessibility runs axe-core on the workforce pages:
// the dashboard, the atlas with workforce breakdowns, and a profile's
// workforce section; any serious or critical violation fails.
func TestBrowserWorkforceAccessibility(t *testing.T) {
	ctx := browser(t)
	for _, p := range []struct{ path, ready string }{
		{"/workforce", "#atlas-map"},
		{"/workforce?indicator=wf-people-per-specialist&type=icb", "#atlas-map"},
		{"/?indicator=wf-filled-posts&type=region&care_need=all-care-needs", "#atlas-map"},
		{"/areas/E54000011", "#locator-map"},
	} {
		if err := chromedp.Do(ctx, chromedp.Navigate(baseURL()+p.path), waitMap(p.ready)); err != nil {
			t.Fatalf("%s: %v", p.path, err)
		}
		axeCheck(t, ctx, p.path)
	}
}
