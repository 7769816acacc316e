package source

import (
	"fmt"
	"io"
	"strings"

	"github.com/mhatlas/mhatlas/internal/service"
)

// The service types the NHS files are given. They must be in the imported
// taxonomy (data/services/service_types.csv has them).
const (
	TypeTrustHeadquarters  = "nhs-trust-headquarters"
	TypeMentalHealthHosp   = "mental-health-hospital"
	TypeMentalHealthTrustH = "mental-health-trust-hospital"
)

// Vintages of the NHS files (see data/services/PROVENANCE.md).
const (
	TrustsVerified    = "2022-04"
	HospitalsVerified = "2018-09"
)

// ReadNHSTrusts reads nhs_trusts_england_2022.csv and returns the open
// trusts flagged as mental health trusts (CQC primary inspection category
// "Mental health - community & residential - NHS", January 2022); other
// trusts are skipped and counted. A trust's point is its headquarters, and
// each service says so.
func ReadNHSTrusts(r io.Reader, file string) ([]service.Service, ServiceReport, error) {
	rep := ServiceReport{File: file}
	t, err := newTable(r, file, "trust_code", "trust_name", "status", "cqc_primary_inspection_category_jan2022",
		"is_mental_health_trust", "longitude", "latitude")
	if err != nil {
		return nil, rep, err
	}
	st := svcTable{t}
	keys := keyLines{}
	var out []service.Service
	for t.next() {
		rep.Rows++
		if t.get("is_mental_health_trust") != "Y" || t.get("status") != "open" {
			rep.Skipped++
			continue
		}
		code, name := t.required("trust_code"), t.required("trust_name")
		s := service.Service{Line: t.line(), Key: service.Slug(code), Name: name, Provider: name, Sector: service.NHS,
			Types: []string{TypeTrustHeadquarters}, Verified: TrustsVerified,
			Description: fmt.Sprintf("NHS mental health trust %s (CQC inspection category, January 2022: %s). "+
				"The point is the trust's headquarters, geocoded from its postcode: it is not a place where care is given.",
				code, t.get("cqc_primary_inspection_category_jan2022")),
			Point: st.point("longitude", "latitude")}
		if s.Point == nil {
			t.fail("longitude", "a mental health trust needs coordinates")
		}
		keys.check(st, "trust_code", s.Key)
		out = append(out, s)
	}
	rep.Notes = append(rep.Notes, fmt.Sprintf("%d mental health trusts; %d other or closed trusts skipped", len(out), rep.Skipped))
	return out, rep, t.errs.err()
}

// ReadNHSHospitals reads nhs_website_hospitals_2018.csv and returns the
// hospitals that are mental health provision by this rule: the NHS website
// gives the sub-type "Mental Health Hospital", or the file's
// name_suggests_mental_health flag is Y (the hospital's or its provider's
// name says psychiatric, mental, Priory, Cygnet and the like: a heuristic),
// both giving the type mental-health-hospital; or the provider is one of
// the 44 mental health trusts (parent_is_mental_health_trust_2022), giving
// mental-health-trust-hospital, which also covers the community hospitals
// those trusts run. Other hospitals are skipped and counted.
//
// The sector follows the provider's ODS code (NHS trusts' codes begin R
// or T, independent providers' N), because the website's sector column
// calls many NHS trust sites "Independent Sector"; where they disagree the
// service carries a note.
func ReadNHSHospitals(r io.Reader, file string) ([]service.Service, ServiceReport, error) {
	rep := ServiceReport{File: file}
	t, err := newTable(r, file, "ods_code", "sub_type", "sector", "status", "name", "address_1", "address_2",
		"address_3", "city", "county", "postcode", "latitude", "longitude", "parent_ods_code", "parent_name", "website",
		"parent_is_mental_health_trust_2022", "name_suggests_mental_health")
	if err != nil {
		return nil, rep, err
	}
	st := svcTable{t}
	keys := keyLines{}
	var out []service.Service
	disagree := 0
	for t.next() {
		rep.Rows++
		types, why := hospitalTypes(t)
		if len(types) == 0 || t.get("status") != "Visible" {
			rep.Skipped++
			continue
		}
		s := service.Service{Line: t.line(), Key: service.Slug(t.required("ods_code")), Name: t.required("name"),
			Provider: t.get("parent_name"), Types: types, Address: hospitalAddress(t), Verified: HospitalsVerified}
		st.postcode("postcode", &rep, &s)
		st.publishedWebsite("website", &rep, &s)
		s.Point = st.point("longitude", "latitude")
		var listed string
		s.Sector, listed = hospitalSector(t.get("parent_ods_code"), t.get("sector"))
		if listed != "" {
			disagree++
			s.Notes = append(s.Notes, fmt.Sprintf("The NHS website lists it as %s; its provider's ODS code %s makes it %s.", listed, t.get("parent_ods_code"), s.Sector.Name()))
		}
		s.Description = fmt.Sprintf("Hospital listed on the NHS website in September 2018 (ODS code %s, sub-type %q), run by %s. Counted as mental health provision because %s.",
			t.get("ods_code"), t.get("sub_type"), t.get("parent_name"), strings.Join(why, " and "))
		keys.check(st, "ods_code", s.Key)
		out = append(out, s)
	}
	rep.Notes = append(rep.Notes, fmt.Sprintf("%d mental health hospitals; %d other hospitals skipped", len(out), rep.Skipped))
	if disagree > 0 {
		rep.Notes = append(rep.Notes, fmt.Sprintf("%d hospitals' sector set from their provider's ODS code rather than the website's sector column, which disagrees", disagree))
	}
	return out, rep, t.errs.err()
}

// hospitalTypes applies the selection rule, saying why in words.
func hospitalTypes(t *table) (types, why []string) {
	if t.get("sub_type") == "Mental Health Hospital" || t.get("name_suggests_mental_health") == "Y" {
		types = append(types, TypeMentalHealthHosp)
		if t.get("sub_type") == "Mental Health Hospital" {
			why = append(why, "the NHS website calls it a mental health hospital")
		} else {
			why = append(why, "its name or its provider's name suggests mental health care")
		}
	}
	if t.get("parent_is_mental_health_trust_2022") == "Y" {
		types = append(types, TypeMentalHealthTrustH)
		why = append(why, "it is run by a mental health trust")
	}
	return types, why
}

// hospitalSector returns the sector by the provider's ODS code, and the
// website's sector label when it disagrees.
func hospitalSector(parentODS, listed string) (service.Sector, string) {
	byListed := map[string]service.Sector{"NHS Sector": service.NHS, "Independent Sector": service.Independent}[listed]
	var byCode service.Sector
	switch {
	case strings.HasPrefix(parentODS, "R"), strings.HasPrefix(parentODS, "T"):
		byCode = service.NHS
	case strings.HasPrefix(parentODS, "N"):
		byCode = service.Independent
	default:
		return byListed, ""
	}
	if byListed != "" && byListed != byCode {
		return byCode, fmt.Sprintf("%q", listed)
	}
	return byCode, ""
}

func hospitalAddress(t *table) string {
	var parts []string
	for _, c := range []string{"address_1", "address_2", "address_3", "city", "county"} {
		if v := t.get(c); v != "" && !hasString(parts, v) {
			parts = append(parts, v)
		}
	}
	return strings.Join(parts, ", ")
}
