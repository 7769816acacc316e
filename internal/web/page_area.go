package web

import (
	"net/http"

	"github.com/mhatlas/mhatlas/internal/area"
	"github.com/mhatlas/mhatlas/internal/atlas"
	"github.com/mhatlas/mhatlas/internal/census"
)

type chartWithTable struct {
	barChart
	Detail []barRow
}

type childGroup struct {
	Type  area.TypeInfo
	Areas []area.Related
}

type areaPage struct {
	basePage
	*atlas.Profile
	TypeInfo    area.TypeInfo
	OtherTypes  []area.Type
	Charts      []chartWithTable
	ChildGroups []childGroup
	Split       bool
	// ServicesSection is nil when the atlas has no services wired.
	ServicesSection *areaServicesView
	// Workforce is the workforce section.
	Workforce *areaWorkforceView
	// Pyramid is the population pyramid (ONS mid-year estimates).
	Pyramid *areaPyramidView
}

func (s *Server) areaPage(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	a, types, err := s.svc.Area(ctx, r.PathValue("code"), area.Type(r.URL.Query().Get("type")))
	if err != nil {
		return err
	}
	prof, err := s.svc.Profile(ctx, a, types)
	if err != nil {
		return err
	}
	p := areaPage{basePage: basePage{Title: a.Name}, Profile: prof, TypeInfo: a.Type.Info()}
	for _, t := range types {
		if t != a.Type {
			p.OtherTypes = append(p.OtherTypes, t)
		}
	}
	for _, par := range prof.Parents {
		if par.Share < 0.999999 {
			p.Split = true
		}
	}
	eng := map[string]*census.Breakdown{}
	for i := range prof.England {
		eng[prof.England[i].Table.ID] = &prof.England[i]
	}
	for _, b := range prof.Census {
		if b.Table.ID == "age-broad" {
			continue // the 5-year bands show the same people in more detail
		}
		c := chartWithTable{barChart: newBarChart(b, eng[b.Table.ID], a.Name, b.Table.ID == "age-5yr"), Detail: detailRows(b, eng[b.Table.ID])}
		p.Charts = append(p.Charts, c)
	}
	idx := map[area.Type]int{}
	for _, c := range prof.Children {
		i, ok := idx[c.Type]
		if !ok {
			i = len(p.ChildGroups)
			idx[c.Type] = i
			p.ChildGroups = append(p.ChildGroups, childGroup{Type: c.Type.Info()})
		}
		p.ChildGroups[i].Areas = append(p.ChildGroups[i].Areas, c)
	}
	p.Sources = []string{
		"Population: Census 2021 usual residents summed from LSOAs (ONS LSOA 2021 lookup, April 2024).",
		"Charts: Census 2021 tables TS007, TS009, TS021, TS030, TS037, TS038, TS039 for lower-tier local authorities; larger areas are built from them by population share.",
		"Source: Office for National Statistics licensed under the Open Government Licence v.3.0.",
	}
	if p.Pyramid, err = s.areaPyramid(ctx, a); err != nil {
		return err
	}
	if p.Pyramid.Chart != nil {
		p.Sources = append(p.Sources, pyramidSource)
	}
	if p.ServicesSection, err = s.areaServices(ctx, a); err != nil {
		return err
	}
	if p.Workforce, err = s.areaWorkforce(ctx, a); err != nil {
		return err
	}
	return s.render(w, http.StatusOK, "area", p)
}
