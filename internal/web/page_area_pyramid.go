package web

import (
	"context"

	"github.com/mhatlas/mhatlas/internal/area"
)

// pyramidSource is the area page's source line for the pyramid: a
// different publication and date from the Census charts.
const pyramidSource = "Population pyramid: ONS mid-2023 population estimates by sex and 5-year age band for lower-tier local authorities (30 June 2023, mid-2023 edition), not Census 2021; larger areas are built from them by population share."

// areaPyramidView is the population pyramid section of an area profile.
type areaPyramidView struct {
	// Chart is nil when no estimates by age and sex are stored.
	Chart *pyramidChart
}

// areaPyramid builds the pyramid section for area a.
func (s *Server) areaPyramid(ctx context.Context, a area.Area) (*areaPyramidView, error) {
	own, eng, err := s.svc.Pyramid(ctx, a)
	if err != nil {
		return nil, err
	}
	v := &areaPyramidView{}
	if own != nil && eng != nil {
		v.Chart = newPyramid(own, eng, a.Name, a.Type == area.England)
	}
	return v, nil
}
