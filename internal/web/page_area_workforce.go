package web

import (
	"context"

	"github.com/mhatlas/mhatlas/internal/area"
)

// areaTrendIDs are the columns of the trend on an area's profile.
var areaTrendIDs = []string{"wf-filled-posts", "wf-vacancy-rate", "wf-turnover-rate"}

// areaWorkforceView is the workforce section of an area profile: the
// headline figures beside England's, with the area's rank among areas of
// its type, and its trend.
type areaWorkforceView struct {
	Area      area.Area
	TypeName  string
	Figures   []wfFigure
	Trend     wfTrend
	HasAny    bool
	IsEngland bool
}

// areaWorkforce builds the workforce section for area a (care need mental
// health, all sectors and roles, each figure's latest period).
func (s *Server) areaWorkforce(ctx context.Context, a area.Area) (*areaWorkforceView, error) {
	hs, err := s.svc.WorkforceHeadlines(ctx, a, nil, "")
	if err != nil {
		return nil, err
	}
	v := &areaWorkforceView{Area: a, TypeName: a.Type.Info().Plural, IsEngland: a.Type == area.England}
	for _, h := range hs {
		f := figureOf(h)
		v.HasAny = v.HasAny || !f.Missing
		v.Figures = append(v.Figures, f)
	}
	metas, rows, err := s.svc.WorkforceTrend(ctx, a, areaTrendIDs, nil, "")
	if err != nil {
		return nil, err
	}
	v.Trend = trendOf(a.Name+", by year: mental health care need, all sectors and roles", metas, rows)
	return v, nil
}
