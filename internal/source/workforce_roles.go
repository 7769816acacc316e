package source

import (
	"io"

	"github.com/mhatlas/mhatlas/internal/workforce"
)

// ReadRoles reads the job-role taxonomy: columns id, name, group and
// workforce (social-care, the default, or nhs for NHS staff groups). Ids
// are lower-case words joined by hyphens, unique, and never the id of a
// group; a group holds roles of one workforce only.
func ReadRoles(r io.Reader, file string) (*workforce.Taxonomy, error) {
	t, err := newTable(r, file, "id", "name", "group")
	if err != nil {
		return nil, err
	}
	var roles []workforce.Role
	lines := map[string]int{}
	for t.next() {
		ro := workforce.Role{ID: t.required("id"), Name: t.required("name"), Group: t.required("group"), Workforce: t.get("workforce")}
		if ro.Workforce == "" {
			ro.Workforce = workforce.SocialCare
		}
		switch {
		case ro.ID != "" && workforce.Slug(ro.ID) != ro.ID:
			t.fail("id", "%q: an id is lower-case words joined by hyphens, e.g. %q", ro.ID, workforce.Slug(ro.ID))
		case lines[ro.ID] > 0:
			t.fail("id", "%q is already used on line %d", ro.ID, lines[ro.ID])
		case ro.Workforce != workforce.SocialCare && ro.Workforce != workforce.NHS:
			t.fail("workforce", "%q: use %s or %s", ro.Workforce, workforce.SocialCare, workforce.NHS)
		}
		lines[ro.ID] = t.line()
		roles = append(roles, ro)
	}
	if err := t.errs.err(); err != nil {
		return nil, err
	}
	tax, err := workforce.NewTaxonomy(roles)
	if err != nil {
		return nil, &Error{File: file, Msg: err.Error()}
	}
	return tax, nil
}
