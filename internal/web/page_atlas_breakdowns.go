package web

import (
	"context"

	"github.com/mhatlas/mhatlas/internal/atlas"
	"github.com/mhatlas/mhatlas/internal/indicator"
	"github.com/mhatlas/mhatlas/internal/workforce"
)

// atlasBreakdowns returns a select for each breakdown of the indicator
// shown (care need, sector, role for the workforce), set to the choice
// the answer applied, so the atlas page can change them; and, for an
// indicator answered from one of several datasets, a source select.
func (s *Server) atlasBreakdowns(ctx context.Context, d *atlas.Data, source string) ([]wfSelect, error) {
	out := breakdownSelects(d)
	if d.Dataset == nil && !workforce.IsWorkforceIndicator(d.Meta.ID) {
		return out, nil
	}
	dss, err := s.svc.WorkforceDatasets(ctx)
	if err != nil || len(dss) < 2 {
		return out, err
	}
	src := wfSelect{ID: "source", Label: "Source", Value: source,
		Options: []indicator.Option{{ID: "", Name: "The latest dataset with figures"}}}
	for _, ds := range dss {
		src.Options = append(src.Options, indicator.Option{ID: ds.ID, Name: ds.Name})
	}
	return append(out, src), nil
}

func breakdownSelects(d *atlas.Data) []wfSelect {
	var out []wfSelect
	for _, b := range d.Meta.Breakdowns {
		v := d.Filters[b.ID]
		if v == "" {
			v = b.Default
		}
		out = append(out, wfSelect{ID: b.ID, Label: b.Name, Options: b.Values, Value: v})
	}
	return out
}

// atlasSource says where an answer's values came from: its dataset when
// it names one, else the indicator's source.
func atlasSource(d *atlas.Data) string {
	if d.Dataset != nil {
		return d.Dataset.Name + ". Publisher: " + d.Dataset.Publisher + ". Vintage: " + d.Dataset.Vintage + ". " + d.Dataset.Licence
	}
	return d.Meta.Source + ". " + d.Meta.Licence
}
