package file

import (
	"sort"
	"strings"

	ctypes "github.com/polity-chain/polity/x/community/types"
)

// enum maps a file's lower-case name ("supporting") to a proto enum value
// (COMMUNITY_KIND_SUPPORTING) and back.
type enum struct {
	prefix string
	values map[string]int32
	names  map[int32]string
}

var (
	kinds        = enum{"COMMUNITY_KIND_", ctypes.CommunityKind_value, ctypes.CommunityKind_name}
	roles        = enum{"ROLE_", ctypes.Role_value, ctypes.Role_name}
	stakeholders = enum{"STAKEHOLDER_TYPE_", ctypes.StakeholderType_value, ctypes.StakeholderType_name}
	regions      = enum{"REGION_", ctypes.Region_value, ctypes.Region_name}
	bases        = enum{"THRESHOLD_BASIS_", ctypes.ThresholdBasis_value, ctypes.ThresholdBasis_name}
)

// parse returns the value of name; unspecified is never accepted.
func (e enum) parse(name string) (int32, bool) {
	v, ok := e.values[e.prefix+strings.ToUpper(strings.TrimSpace(name))]
	return v, ok && v != 0
}

// name is the file's name of v.
func (e enum) name(v int32) string {
	return strings.ToLower(strings.TrimPrefix(e.names[v], e.prefix))
}

// choices lists the accepted names, for error messages.
func (e enum) choices() string {
	var out []string
	for v := range e.names {
		if v != 0 {
			out = append(out, e.name(v))
		}
	}
	sort.Strings(out)
	return strings.Join(out, ", ")
}
