package atlas

import (
	"github.com/mhatlas/mhatlas/internal/source"
	"github.com/mhatlas/mhatlas/internal/workforce"
)

// pm builds a page measure for all sectors and roles.
func pm(ds string, need workforce.CareNeed, m workforce.Measure) source.PageMeasure {
	return source.PageMeasure{Dataset: ds, CareNeed: need, Sector: workforce.AllSectors, Role: workforce.AllRoles, Measure: m}
}

func withSector(p source.PageMeasure, s string) source.PageMeasure { p.Sector = s; return p }
func withRole(p source.PageMeasure, r string) source.PageMeasure   { p.Role = r; return p }

// Reasons for not loading a measure of a "from pages" file.
const (
	skipNotShown  = "not a measure the atlas shows (age, nationality, experience, organisations, hours, sickness, sex, qualifications or recruitment)"
	skipService   = "broken down by service type (domiciliary, residential, community, day care), a dimension the atlas does not have"
	skipTotal     = "posts filled plus vacant: the atlas stores filled posts and vacancies and does not derive one from the other"
	skipSocialFTE = "full-time equivalent jobs in social care: the atlas keeps FTE for NHS staff only, and never adds it to posts"
)

// sfcHeadlineSpec loads Skills for Care's England and regional headlines
// as the whole adult social care workforce (all care needs).
var sfcHeadlineSpec = source.PagesSpec{
	Measures: map[string]source.PageMeasure{
		"asc_jobs_all_sectors":                   pm(SFCHeadlinesID, workforce.AllCareNeeds, workforce.FilledPosts),
		"asc_filled_posts":                       pm(SFCHeadlinesID, workforce.AllCareNeeds, workforce.FilledPosts),
		"asc_people_working":                     pm(SFCHeadlinesID, workforce.AllCareNeeds, workforce.Headcount),
		"vacancies":                              pm(SFCHeadlinesID, workforce.AllCareNeeds, workforce.Vacancies),
		"vacancy_rate":                           pm(SFCHeadlinesID, workforce.AllCareNeeds, workforce.VacancyRatePublished),
		"staff_turnover_rate":                    pm(SFCHeadlinesID, workforce.AllCareNeeds, workforce.TurnoverRatePublished),
		"leavers_in_year":                        pm(SFCHeadlinesID, workforce.AllCareNeeds, workforce.Leavers),
		"jobs_zero_hours_contract":               pm(SFCHeadlinesID, workforce.AllCareNeeds, workforce.ZeroHoursPosts),
		"pct_zero_hours_contract":                pm(SFCHeadlinesID, workforce.AllCareNeeds, workforce.ZeroHoursSharePublished),
		"pct_permanent_contract":                 pm(SFCHeadlinesID, workforce.AllCareNeeds, workforce.PermanentSharePublished),
		"staff_turnover_rate_registered_nurse":   withRole(pm(SFCHeadlinesID, workforce.AllCareNeeds, workforce.TurnoverRatePublished), "registered-nurse"),
		"staff_turnover_rate_care_worker":        withRole(pm(SFCHeadlinesID, workforce.AllCareNeeds, workforce.TurnoverRatePublished), "care-worker"),
		"vacancies_care_worker":                  withRole(pm(SFCHeadlinesID, workforce.AllCareNeeds, workforce.Vacancies), "care-worker"),
		"staff_turnover_rate_independent_sector": withSector(pm(SFCHeadlinesID, workforce.AllCareNeeds, workforce.TurnoverRatePublished), workforce.SectorIndependent),
	},
	Skip: map[string]string{
		"asc_total_posts": skipTotal, "asc_jobs_fte": skipSocialFTE,
		"pct_zero_hours_contract_domiciliary": skipService, "pct_zero_hours_contract_domiciliary_care_worker": skipService,
		"jobs_aged_over_55": skipNotShown, "pct_british_nationality": skipNotShown, "pct_eu_nationality": skipNotShown,
		"jobs_eu_nationality": skipNotShown, "pct_non_eu_nationality": skipNotShown, "jobs_non_eu_nationality": skipNotShown,
		"avg_years_experience_in_sector": skipNotShown, "pct_recruited_from_within_sector": skipNotShown,
		"organisations": skipNotShown, "care_providing_locations": skipNotShown, "establishments": skipNotShown,
		"pct_full_time": skipNotShown, "pct_part_time": skipNotShown, "pct_no_fixed_hours": skipNotShown,
		"mean_sickness_days": skipNotShown, "staff_turnover_rate_under_20": skipNotShown, "mean_age_years": skipNotShown,
		"pct_female": skipNotShown, "pct_male": skipNotShown, "international_recruits_starting": skipNotShown,
		"pct_care_support_workers_level2_qualification": skipNotShown,
	},
}

// mentalHealthPagesSpec loads the mental health figures published from
// Skills for Care data: Skills for Care's own 2019/20 figures and AMHP's.
// AMHP's dashboard of 24 May 2023 gives no year: it is filed under 2021/22
// (see the dataset's notes).
var mentalHealthPagesSpec = source.PagesSpec{
	Measures: map[string]source.PageMeasure{
		"mh_jobs_employers_serving_mental_health_all": pm(SFCMentalHealth1920, workforce.MentalHealth, workforce.FilledPosts),
		"mh_jobs_local_authority":                     withSector(pm(SFCMentalHealth1920, workforce.MentalHealth, workforce.FilledPosts), workforce.SectorLocalAuthority),
		"mh_jobs_direct_payment_recipients":           withSector(pm(SFCMentalHealth1920, workforce.MentalHealth, workforce.FilledPosts), workforce.SectorDirectPayments),
		"mh_jobs_independent_sector":                  withSector(pm(SFCMentalHealth1920, workforce.MentalHealth, workforce.FilledPosts), workforce.SectorIndependent),
		"mh_filled_posts_all":                         pm(AMHPMentalHealthID, workforce.MentalHealth, workforce.FilledPosts),
		"mh_filled_posts_specialist":                  pm(AMHPMentalHealthID, workforce.Specialist, workforce.FilledPosts),
		"mh_filled_posts_change_5yr_all":              pm(AMHPMentalHealthID, workforce.MentalHealth, workforce.FilledPostsChange5yPublished),
		"mh_filled_posts_change_5yr_specialist":       pm(AMHPMentalHealthID, workforce.Specialist, workforce.FilledPostsChange5yPublished),
		"mh_pct_zero_hours_all":                       pm(AMHPMentalHealthID, workforce.MentalHealth, workforce.ZeroHoursSharePublished),
		"mh_pct_zero_hours_specialist":                pm(AMHPMentalHealthID, workforce.Specialist, workforce.ZeroHoursSharePublished),
		"mh_pct_permanent_all":                        pm(AMHPMentalHealthID, workforce.MentalHealth, workforce.PermanentSharePublished),
		"mh_population_per_specialist_role":           pm(AMHPMentalHealthID, workforce.Specialist, workforce.PeoplePerSpecialistPub),
		"mh_employees_all":                            pm(AMHPMentalHealthID, workforce.MentalHealth, workforce.Headcount),
		"mh_vacancies_all":                            pm(AMHPMentalHealthID, workforce.MentalHealth, workforce.Vacancies),
		"mh_vacancies_specialist":                     pm(AMHPMentalHealthID, workforce.Specialist, workforce.Vacancies),
		"mh_staff_turnover_rate":                      pm(AMHPMentalHealthID, workforce.MentalHealth, workforce.TurnoverRatePublished),
		"mh_vacancy_rate_across_42_icbs":              pm(AMHPMentalHealthID, workforce.MentalHealth, workforce.VacancyRatePublished),
	},
	Skip: map[string]string{
		"mh_jobs_domiciliary": skipService, "mh_jobs_residential": skipService,
		"mh_jobs_community": skipService, "mh_jobs_day_care": skipService,
	},
	Periods: map[string]string{"as published 2023-05-24": "2021/22"},
}
