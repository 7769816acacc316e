package atlas

import (
	"context"

	"github.com/mhatlas/mhatlas/internal/workforce"
)

// englandData answers a headline query for England. With a chosen source,
// or when the most recently imported dataset gives England a complete
// figure, that answer stands. Otherwise (a membership body's figures for a
// few authorities, say, sum to a small "England" that lacks most of its
// parts) the latest complete England figure of any dataset answers, and
// the partial answer is returned as skipped so that the page can say so:
// a partial import never stands in for the national figure.
func (s *Service) englandData(ctx context.Context, q Query) (d, skipped *Data, err error) {
	d, err = s.Data(ctx, q)
	if err != nil || q.Source != "" || completeEngland(d) {
		return d, nil, err
	}
	datasets, err := s.WorkforceDatasets(ctx)
	if err != nil {
		return nil, nil, err
	}
	var best *Data
	for _, ds := range datasets {
		alt := q
		alt.Source = ds.ID
		a, err := s.Data(ctx, alt)
		if err != nil {
			if ErrorCode(err) == CodeInvalid {
				continue // the dataset has no figures for the period asked
			}
			return nil, nil, err
		}
		if completeEngland(a) && (best == nil || laterPeriod(a.Period, best.Period)) {
			best = a
		}
	}
	if best == nil {
		return d, nil, nil
	}
	if d.Dataset == nil || d.England == nil || d.England.Value == nil {
		return best, nil, nil // nothing partial to mention, only a gap
	}
	return best, d, nil
}

func completeEngland(d *Data) bool {
	return d != nil && d.England != nil && d.England.Value != nil && !d.England.Incomplete
}

// laterPeriod reports whether period a starts after period b.
func laterPeriod(a, b string) bool {
	ta, errA := workforce.ParsePeriod(a)
	tb, errB := workforce.ParsePeriod(b)
	return errA == nil && errB == nil && ta.After(tb)
}
