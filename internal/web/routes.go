package web

import "net/http"

// routes registers every route in one place.
func (s *Server) routes() http.Handler {
	mux := http.NewServeMux()
	// Public JSON API, version 1.
	mux.HandleFunc("GET /api/v1/area-types", s.api(s.apiAreaTypes))
	mux.HandleFunc("GET /api/v1/areas", s.api(s.apiAreas))
	mux.HandleFunc("GET /api/v1/areas/{code}", s.api(s.apiArea))
	mux.HandleFunc("GET /api/v1/indicators", s.api(s.apiIndicators))
	mux.HandleFunc("GET /api/v1/data", s.api(s.apiData))
	mux.HandleFunc("GET /api/v1/data.csv", s.apiDataCSV)
	mux.HandleFunc("GET /api/v1/datasets", s.api(s.apiDatasets))
	mux.HandleFunc("GET /api/v1/boundaries/{type}", s.boundaries)
	mux.HandleFunc("GET /api/v1/services", s.api(s.apiServices))
	mux.HandleFunc("GET /api/v1/services.csv", s.apiServicesCSV)
	mux.HandleFunc("GET /api/v1/services.geojson", s.apiServicesGeoJSON)
	mux.HandleFunc("GET /api/v1/service-taxonomy", s.api(s.apiServiceTaxonomy))
	mux.HandleFunc("/api/", s.api(s.apiNotFound))

	// Pages.
	mux.HandleFunc("GET /{$}", s.page(s.atlasPage))
	mux.HandleFunc("GET /areas/{code}", s.page(s.areaPage))
	mux.HandleFunc("GET /search", s.page(s.searchPage))
	mux.HandleFunc("GET /workforce", s.page(s.workforcePage))
	mux.HandleFunc("GET /services", s.page(s.servicesListPage))
	mux.HandleFunc("GET /sources", s.page(s.sourcesPage))
	mux.HandleFunc("GET /static/", s.static.ServeHTTP)
	mux.HandleFunc("GET /favicon.ico", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, s.static.url("favicon.svg"), http.StatusMovedPermanently)
	})
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) { w.Write([]byte("ok\n")) })
	mux.HandleFunc("/", s.page(s.notFoundPage))
	return mux
}
