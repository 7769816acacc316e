package main

import (
	"testing"

	"github.com/chromedp/chromedp"
)

// TestBrowserWorkforceReflow opens the workforce pages on a phone-sized
// screen (375 pixels wide): the choices and the workforce tables must fit
// it or scroll inside their own region, never make the whole page scroll
// sideways. The Source list names whole datasets, and used to push the
// map page to 1,245 pixels.
func TestBrowserWorkforceReflow(t *testing.T) {
	ctx := browser(t)
	do(t, ctx, chromedp.EmulateViewport(375, 800))
	// The choices, the headline cards and the scrolling regions that hold
	// the workforce tables, where wider than the screen.
	const overflow = `(() => { const out = []; for (const el of document.querySelectorAll("form *, .wf-cards *, .wf-scroll")) {
		if (el.closest(".leaflet-container") || el.parentElement.closest(".wf-scroll")) continue;
		const r = el.getBoundingClientRect();
		if (r.width > 0 && r.right > window.innerWidth + 1) out.push(el.tagName + (el.id ? "#" + el.id : "") + " " + Math.round(r.right));
	} return out.slice(0, 5).join(", "); })()`
	for _, p := range []struct{ path, ready string }{
		{"/workforce", "#atlas-map"},
		{"/?indicator=wf-vacancy-rate&type=icb", "#atlas-map"},
		{"/areas/E54000011", "#locator-map"},
	} {
		if err := chromedp.Do(ctx, chromedp.Navigate(baseURL()+p.path), waitMap(p.ready)); err != nil {
			t.Fatalf("%s: %v", p.path, err)
		}
		if wide := must(t, ctx, chromedp.Evaluate[string](overflow)); wide != "" {
			t.Errorf("%s at 375 pixels: wider than the screen: %s", p.path, wide)
		}
	}
}
