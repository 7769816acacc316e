package web

import "github.com/mhatlas/mhatlas/internal/indicator"

// pageFilters keeps, of the filters in the atlas page's URL, those the
// chosen indicator is broken down by and with a value it takes. The URL
// holds the state of the whole page (the services layer's services=on and
// group, a filter left over from the indicator shown before), and none of
// that may turn the map into an error page; the API stays strict.
func pageFilters(metas []indicator.Meta, id string, f map[string]string) map[string]string {
	var m *indicator.Meta
	for i := range metas {
		if metas[i].ID == id {
			m = &metas[i]
		}
	}
	if m == nil {
		return f // the service says the indicator does not exist
	}
	var out map[string]string
	for _, b := range m.Breakdowns {
		v, ok := f[b.ID]
		if !ok {
			continue
		}
		for _, o := range b.Values {
			if o.ID == v {
				if out == nil {
					out = map[string]string{}
				}
				out[b.ID] = v
			}
		}
	}
	return out
}
