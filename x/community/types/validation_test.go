package types_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/polity-chain/polity/x/community/types"
)

// TestValidateIDs checks the id shape and the reserved body ids.
func TestValidateIDs(t *testing.T) {
	for _, id := range []string{"dev", "ab", "gnso-cph", "a1", strings.Repeat("a", 32)} {
		require.NoError(t, types.ValidateCommunityID(id), id)
	}
	for _, id := range []string{"", "a", "Dev", "1dev", "-dev", "dev_ops", "dév", strings.Repeat("a", 33)} {
		require.ErrorIs(t, types.ValidateID(id), types.ErrInvalidID, id)
	}
	for _, id := range []string{types.BoardBodyID, "empowered", "governance", "panel", "ombudsman"} {
		require.NoError(t, types.ValidateID(id), "a reserved id is a valid body id")
		require.ErrorIs(t, types.ValidateCommunityID(id), types.ErrInvalidID, "but not a community id")
	}
}

// TestValidateText checks required fields and byte limits.
func TestValidateText(t *testing.T) {
	require.NoError(t, types.ValidateText("f", "", 3, false))
	require.NoError(t, types.ValidateText("f", "abc", 3, true))
	require.ErrorIs(t, types.ValidateText("f", "", 3, true), types.ErrRequired)
	require.ErrorIs(t, types.ValidateText("f", "abcd", 3, false), types.ErrTextTooLong)
	require.ErrorIs(t, types.ValidateText("f", "éé", 3, false), types.ErrTextTooLong, "limits count bytes")
}

// TestDocumentValidate checks charter documents.
func TestDocumentValidate(t *testing.T) {
	hash := strings.Repeat("ab", 32)
	require.NoError(t, types.Document{Hash: hash, Uri: "https://x"}.Validate(16))
	for _, tc := range []struct {
		name string
		doc  types.Document
	}{
		{"short hash", types.Document{Hash: "abcd", Uri: "u"}},
		{"upper-case hash", types.Document{Hash: strings.ToUpper(hash), Uri: "u"}},
		{"not hex", types.Document{Hash: strings.Repeat("zz", 32), Uri: "u"}},
		{"no uri", types.Document{Hash: hash}},
		{"uri too long", types.Document{Hash: hash, Uri: strings.Repeat("u", 17)}},
	} {
		require.ErrorIs(t, tc.doc.Validate(16), types.ErrInvalidDocument, tc.name)
	}
}

// TestNormalizeRoles checks that roles come out sorted, unique and with
// ROLE_MEMBER, and that unknown roles are refused.
func TestNormalizeRoles(t *testing.T) {
	roles, err := types.NormalizeRoles([]types.Role{types.RoleNomComDelegate, types.RoleChair, types.RoleChair})
	require.NoError(t, err)
	require.Equal(t, []types.Role{types.RoleMember, types.RoleChair, types.RoleNomComDelegate}, roles)
	roles, err = types.NormalizeRoles(nil)
	require.NoError(t, err)
	require.Equal(t, []types.Role{types.RoleMember}, roles)
	_, err = types.NormalizeRoles([]types.Role{types.RoleUnspecified})
	require.ErrorIs(t, err, types.ErrInvalidRoles)
	_, err = types.NormalizeRoles([]types.Role{types.Role(6)})
	require.ErrorIs(t, err, types.ErrInvalidRoles)

	require.False(t, types.Represents([]types.Role{types.RoleMember}))
	for _, r := range types.RepresentativeRoles {
		require.True(t, types.Represents([]types.Role{types.RoleMember, r}), "%s", r)
	}
}

// TestValidateEnums checks kinds, regions and stakeholder types.
func TestValidateEnums(t *testing.T) {
	require.NoError(t, types.ValidateKind(types.KindSecretariat))
	require.ErrorIs(t, types.ValidateKind(types.KindUnspecified), types.ErrInvalidKind)
	require.ErrorIs(t, types.ValidateKind(types.CommunityKind(5)), types.ErrInvalidKind)
	require.NoError(t, types.ValidateRegion(types.RegionUnspecified, true))
	require.ErrorIs(t, types.ValidateRegion(types.RegionUnspecified, false), types.ErrInvalidAttribute)
	require.ErrorIs(t, types.ValidateRegion(types.Region(6), true), types.ErrInvalidAttribute)
	require.NoError(t, types.ValidateStakeholderType(types.StakeholderUnspecified))
	require.ErrorIs(t, types.ValidateStakeholderType(types.StakeholderType(10)), types.ErrInvalidAttribute)
	require.Len(t, types.AllRegions(), len(types.Region_name)-1)
}

// TestBodyAddress checks that body addresses are derived, distinct and
// stable.
func TestBodyAddress(t *testing.T) {
	require.Equal(t, types.BodyAddress("dev"), types.BodyAddress("dev"))
	require.NotEqual(t, types.BodyAddress("dev"), types.BodyAddress("ops"))
	require.Len(t, types.BodyAddress("dev").Bytes(), 32)
	board := types.NewBoardBody(types.DefaultBoardRule())
	require.Equal(t, types.BodyAddress(types.BoardBodyID).String(), board.Address)
}
