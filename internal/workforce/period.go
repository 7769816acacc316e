package workforce

import (
	"fmt"
	"sort"
	"strconv"
	"time"
)

// A period is a financial year, "2023/24" (1 April 2023 to 31 March 2024,
// as Skills for Care reports), or a date, "2018-06-30" (an NHS snapshot).

// ParsePeriod checks a period and returns the date it starts on (a date is
// its own start).
func ParsePeriod(p string) (time.Time, error) {
	if y, ok := financialYear(p); ok {
		return time.Date(y, time.April, 1, 0, 0, 0, 0, time.UTC), nil
	}
	if t, err := time.Parse("2006-01-02", p); err == nil {
		return t, nil
	}
	return time.Time{}, fmt.Errorf("period %q is neither a financial year like 2023/24 nor a date like 2018-06-30", p)
}

// IsFinancialYear reports whether p is written like 2023/24.
func IsFinancialYear(p string) bool {
	_, ok := financialYear(p)
	return ok
}

// financialYear returns the first calendar year of "2023/24", checking
// that the second part is the next year.
func financialYear(p string) (int, bool) {
	if len(p) != 7 || p[4] != '/' {
		return 0, false
	}
	y, err1 := strconv.Atoi(p[:4])
	n, err2 := strconv.Atoi(p[5:])
	if err1 != nil || err2 != nil || y < 1900 || (y+1)%100 != n {
		return 0, false
	}
	return y, true
}

// FinancialYear writes the financial year that starts in April of y.
func FinancialYear(y int) string {
	return fmt.Sprintf("%d/%02d", y, (y+1)%100)
}

// YearsBefore returns the same period n years earlier.
func YearsBefore(p string, n int) (string, error) {
	if y, ok := financialYear(p); ok {
		return FinancialYear(y - n), nil
	}
	t, err := time.Parse("2006-01-02", p)
	if err != nil {
		return "", fmt.Errorf("period %q is neither a financial year nor a date", p)
	}
	return t.AddDate(-n, 0, 0).Format("2006-01-02"), nil
}

// PopulationYear says which population a period's per-population figures
// use: Census 2021 for 2020/21 (Census Day, 21 March 2021, falls in it);
// otherwise the ONS mid-year estimate (30 June) that falls inside the
// financial year, e.g. mid-2023 for 2023/24. A date uses the mid-year of
// the financial year it falls in. census is true for Census 2021.
func PopulationYear(p string) (year int, census bool, err error) {
	start, err := ParsePeriod(p)
	if err != nil {
		return 0, false, err
	}
	y := start.Year()
	if !IsFinancialYear(p) && start.Month() < time.April {
		y-- // January to March belong to the financial year begun the April before
	}
	return y, y == 2020, nil
}

// SortPeriods orders periods by the date they start, earliest first.
func SortPeriods(ps []string) {
	sort.SliceStable(ps, func(i, j int) bool {
		a, _ := ParsePeriod(ps[i])
		b, _ := ParsePeriod(ps[j])
		if a.Equal(b) {
			return ps[i] < ps[j]
		}
		return a.Before(b)
	})
}
