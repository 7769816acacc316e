package source

import (
	"fmt"
	"sort"

	"github.com/mhatlas/mhatlas/internal/census"
)

// check looks at the file whole: every authority has every band of both
// sexes and of persons, each sex's bands sum to its total, and persons are
// females plus males. Problems are reported at the first line of the
// authority and sex concerned, in file order.
func (rd *ageSexRead) check(file string) Errors {
	keys := make([]ageSexKey, 0, len(rd.line))
	codes := map[string]bool{}
	for k := range rd.line {
		keys = append(keys, k)
		codes[k.code] = true
	}
	for c := range codes {
		for _, s := range []census.Sex{"persons", census.Females, census.Males} {
			if _, ok := rd.line[ageSexKey{c, s}]; !ok {
				rd.line[ageSexKey{c, s}] = 0
				keys = append(keys, ageSexKey{c, s})
			}
		}
	}
	sort.Slice(keys, func(i, j int) bool {
		a, b := keys[i], keys[j]
		if a.code != b.code {
			return a.code < b.code
		}
		return a.sex < b.sex
	})
	var errs Errors
	for _, k := range keys {
		if msg := rd.problem(k); msg != "" && len(errs) < maxErrors {
			errs = append(errs, &Error{File: file, Line: rd.line[k], Msg: msg})
		}
	}
	return errs
}

// problem says what is wrong with one authority and sex, or "".
func (rd *ageSexRead) problem(k ageSexKey) string {
	bands := rd.counts[k]
	if bands == nil {
		return fmt.Sprintf("%s has no %s rows: every authority needs persons, females and males", k.code, k.sex)
	}
	var sum int64
	for _, b := range census.AgeBands {
		n, ok := bands[b]
		if !ok {
			return fmt.Sprintf("%s has no %s row for ages %s", k.code, k.sex, b)
		}
		sum += n
	}
	if sum != rd.total[k] {
		return fmt.Sprintf("the %s bands of %s sum to %d, not to their total %d", k.sex, k.code, sum, rd.total[k])
	}
	if k.sex != "persons" {
		return ""
	}
	f, m := rd.counts[ageSexKey{k.code, census.Females}], rd.counts[ageSexKey{k.code, census.Males}]
	for _, b := range census.AgeBands {
		if f != nil && m != nil && bands[b] != f[b]+m[b] {
			return fmt.Sprintf("%s persons aged %s are %d, not females plus males (%d + %d)", k.code, b, bands[b], f[b], m[b])
		}
	}
	return ""
}
