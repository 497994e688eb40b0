package file_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/polity-chain/polity/app/constitution/file"
	ctypes "github.com/polity-chain/polity/x/community/types"
)

// TestMemberAttributesInFile: a member's attributes reach the genesis record
// sorted by key and come back from --from-export (FromGenesis); bad keys and
// values are reported at their path, all of them.
func TestMemberAttributesInFile(t *testing.T) {
	f := example(t, "defi")
	res, err := file.Compile(f, envFor(f))
	require.NoError(t, err)
	var got []ctypes.MemberAttribute
	for _, m := range res.Community.Members {
		if m.Address == file.Placeholder("devs-chair").String() {
			got = m.Attributes
		}
	}
	require.Equal(t, []ctypes.MemberAttribute{{Key: "affiliation", Value: "Protocol Labs Collective"}, {Key: "github", Value: "devs-chair"}}, got)

	back, err := file.FromGenesis(res)
	require.NoError(t, err)
	var exported map[string]string
	for _, m := range back.Members {
		if len(m.Attributes) > 0 {
			exported = m.Attributes
		}
	}
	require.Equal(t, map[string]string{"affiliation": "Protocol Labs Collective", "github": "devs-chair"}, exported)

	f.Members[0].Attributes = map[string]string{"Affiliation": "x", "country": "", "bio": strings.Repeat("b", 257)}
	_, err = file.Compile(f, envFor(f))
	require.Error(t, err)
	for _, want := range []string{
		`members[0].attributes.Affiliation: key "Affiliation"`,
		`members[0].attributes.bio: attribute bio is 257 bytes, limit 256`,
		`members[0].attributes.country: country has no value`,
	} {
		require.Contains(t, err.Error(), want)
	}
}
