package workforce

import (
	"fmt"
	"strings"
)

// Workforce kinds a role belongs to: social care job roles and NHS staff
// groups are different taxonomies that never add together.
const (
	SocialCare = "social-care"
	NHS        = "nhs"
)

// Role is one job role (or NHS staff group) of the taxonomy, which is data
// (data/workforce/roles.csv) that users edit and re-import.
type Role struct {
	ID   string
	Name string
	// Group is the role group's name, e.g. "Direct care"; GroupID() is its id.
	Group string
	// Workforce is SocialCare or NHS.
	Workforce string
}

// GroupID is the id of the role's group: a figure published for a whole
// group (Skills for Care's "Job role group - Direct care") is stored with
// it as its role.
func (r Role) GroupID() string { return Slug(r.Group) }

// Taxonomy is the set of roles the atlas knows, in file order.
type Taxonomy struct {
	Roles []Role
}

// NewTaxonomy checks roles: ids are slugs, unique, and distinct from group
// ids and from "all"; a group holds roles of one workforce kind only.
func NewTaxonomy(roles []Role) (*Taxonomy, error) {
	seen := map[string]bool{AllRoles: true}
	kind := map[string]string{}
	for _, r := range roles {
		if r.ID == "" || Slug(r.ID) != r.ID {
			return nil, fmt.Errorf("role id %q must be lower case words joined by hyphens", r.ID)
		}
		if seen[r.ID] {
			return nil, fmt.Errorf("role id %q is used twice (ids of roles and groups, and \"all\", must differ)", r.ID)
		}
		seen[r.ID] = true
		if r.Name == "" || r.Group == "" {
			return nil, fmt.Errorf("role %q needs a name and a group", r.ID)
		}
		if r.Workforce != SocialCare && r.Workforce != NHS {
			return nil, fmt.Errorf("role %q: workforce %q must be %s or %s", r.ID, r.Workforce, SocialCare, NHS)
		}
		if k, ok := kind[r.GroupID()]; ok && k != r.Workforce {
			return nil, fmt.Errorf("role group %q mixes %s and %s roles", r.Group, k, r.Workforce)
		}
		kind[r.GroupID()] = r.Workforce
	}
	for g := range kind {
		if seen[g] {
			return nil, fmt.Errorf("role group %q has the id %q of a role: name the group differently", g, g)
		}
	}
	return &Taxonomy{Roles: roles}, nil
}

// Options lists the choices of the role breakdown for one workforce kind:
// all roles, then each group with its roles.
func (t *Taxonomy) Options(workforce string) []Option {
	out := []Option{{AllRoles, "All job roles"}}
	if workforce == NHS {
		out[0].Name = "All staff groups"
	}
	done := map[string]bool{}
	for _, r := range t.Roles {
		if r.Workforce != workforce || done[r.GroupID()] {
			continue
		}
		done[r.GroupID()] = true
		out = append(out, Option{r.GroupID(), r.Group + " (all roles in the group)"})
		for _, m := range t.inGroup(r.GroupID()) {
			out = append(out, Option{m.ID, m.Name})
		}
	}
	return out
}

func (t *Taxonomy) inGroup(g string) []Role {
	var out []Role
	for _, r := range t.Roles {
		if r.GroupID() == g {
			out = append(out, r)
		}
	}
	return out
}

// Known reports whether id is "all", a role or a group.
func (t *Taxonomy) Known(id string) bool {
	if id == AllRoles {
		return true
	}
	for _, r := range t.Roles {
		if r.ID == id || r.GroupID() == id {
			return true
		}
	}
	return false
}

// Name returns the name of a role or group id, or the id itself.
func (t *Taxonomy) Name(id string) string {
	for _, o := range append(t.Options(SocialCare), t.Options(NHS)...) {
		if o.ID == id {
			return strings.TrimSuffix(o.Name, " (all roles in the group)")
		}
	}
	return id
}

// Lookup finds a role or group by id or by name, ignoring case, spacing and
// "&" versus "and", so that importers can map a publisher's labels
// ("Registered Nurse", "Job role group - Direct care" once its prefix is
// stripped) to ids.
func (t *Taxonomy) Lookup(label string) (string, bool) {
	s := Slug(label)
	if s == AllRoles || s == "all-job-roles" || s == "all-staff-groups" {
		return AllRoles, true
	}
	for _, r := range t.Roles {
		if r.ID == s || Slug(r.Name) == s {
			return r.ID, true
		}
	}
	for _, r := range t.Roles {
		if r.GroupID() == s {
			return r.GroupID(), true
		}
	}
	return "", false
}
