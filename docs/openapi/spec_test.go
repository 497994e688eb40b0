package openapi

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	gogoproto "github.com/cosmos/gogoproto/proto"
	"github.com/gorilla/mux"
	"github.com/stretchr/testify/require"
	"google.golang.org/protobuf/reflect/protoreflect"
	"sigs.k8s.io/yaml"

	"github.com/polity-chain/polity/internal/gatewayroutes"

	// The four modules' generated types register their proto files.
	_ "github.com/polity-chain/polity/x/community/types"
	_ "github.com/polity-chain/polity/x/empowered/types"
	_ "github.com/polity-chain/polity/x/proposals/types"
	_ "github.com/polity-chain/polity/x/review/types"
)

type spec struct {
	Paths map[string]map[string]any `json:"paths"`
	Msgs  []struct {
		TypeURL string `json:"type_url"`
	} `json:"x-msgs"`
	Definitions map[string]any `json:"definitions"`
}

func loadSpec(t *testing.T) spec {
	t.Helper()
	var s spec
	require.NoError(t, yaml.Unmarshal(YAML, &s))
	return s
}

// TestSpecListsEveryGatewayRoute fails when a route in the generated gateway
// code (x/*/types/*.pb.gw.go) is missing from the committed document: run
// `make proto-gen` after changing a query's HTTP rule.
func TestSpecListsEveryGatewayRoute(t *testing.T) {
	s := loadSpec(t)
	routes, err := gatewayroutes.Read("../../x")
	require.NoError(t, err)
	for _, r := range routes {
		ops, ok := s.Paths[r.Path]
		require.True(t, ok, "%s %s (%s) is served but missing from openapi.yaml: run make proto-gen", r.Method, r.Path, r.File)
		_, ok = ops[strings.ToLower(r.Method)]
		require.True(t, ok, "%s %s (%s) is served but openapi.yaml lacks the method: run make proto-gen", r.Method, r.Path, r.File)
	}
	// And nothing under /polity/ that the gateway does not serve.
	served := map[string]bool{}
	for _, r := range routes {
		served[r.Path] = true
	}
	for path := range s.Paths {
		if strings.HasPrefix(path, "/polity/") {
			require.True(t, served[path], "openapi.yaml lists %s, which no gateway serves: run make proto-gen", path)
		}
	}
}

// TestSpecListsEveryMsg checks that every Msg of Polity's four modules is in
// x-msgs with the definition of its request.
func TestSpecListsEveryMsg(t *testing.T) {
	s := loadSpec(t)
	listed := map[string]bool{}
	for _, m := range s.Msgs {
		listed[m.TypeURL] = true
	}
	var count int
	gogoproto.HybridResolver.RangeFiles(func(fd protoreflect.FileDescriptor) bool {
		if !strings.HasPrefix(string(fd.Package()), "polity.") {
			return true
		}
		for i := 0; i < fd.Services().Len(); i++ {
			svc := fd.Services().Get(i)
			if svc.Name() != "Msg" {
				continue
			}
			for j := 0; j < svc.Methods().Len(); j++ {
				input := string(svc.Methods().Get(j).Input().FullName())
				require.True(t, listed["/"+input], "x-msgs lacks %s: run make proto-gen", input)
				require.Contains(t, s.Definitions, input)
				count++
			}
		}
		return true
	})
	require.Greater(t, count, 40, "expected the Msgs of four modules")
}

// TestRegisterServesDocumentAndUI serves the routes on a router as the
// node's API server does.
func TestRegisterServesDocumentAndUI(t *testing.T) {
	rtr := mux.NewRouter()
	require.NoError(t, Register(rtr))
	get := func(path string) *httptest.ResponseRecorder {
		rec := httptest.NewRecorder()
		rtr.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, path, nil))
		return rec
	}

	rec := get("/openapi.yaml")
	require.Equal(t, http.StatusOK, rec.Code)
	require.Equal(t, YAML, rec.Body.Bytes())

	rec = get("/openapi.json")
	require.Equal(t, http.StatusOK, rec.Code)
	require.Contains(t, rec.Body.String(), `"/polity/community/v1/communities"`)

	rec = get("/swagger/")
	require.Equal(t, http.StatusOK, rec.Code)
	require.Contains(t, rec.Body.String(), `url: "./swagger.yaml"`, "the UI page loads the document next to it")
	require.NotContains(t, rec.Body.String(), "https://", "the UI loads nothing from another host")

	rec = get("/swagger/swagger.yaml")
	require.Equal(t, http.StatusOK, rec.Code)
	require.Equal(t, YAML, rec.Body.Bytes(), "the UI renders Polity's document, not the SDK's")

	rec = get("/swagger/swagger-ui-bundle.js")
	require.Equal(t, http.StatusOK, rec.Code)
}
