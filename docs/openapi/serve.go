package openapi

import (
	"io/fs"
	"net/http"

	"github.com/gorilla/mux"

	sdkdocs "github.com/cosmos/cosmos-sdk/client/docs"
)

// Register serves the document at /openapi.yaml and /openapi.json, and a
// Swagger UI at /swagger/ that renders it. The UI's HTML, JavaScript and CSS
// are the Cosmos SDK's embedded Swagger UI build, so nothing is loaded from
// another host; its index loads ./swagger.yaml, which is Polity's document
// instead of the SDK's own (which lists x/staking and x/gov routes that
// Polity does not serve).
func Register(rtr *mux.Router) error {
	asJSON, err := JSON()
	if err != nil {
		return err
	}
	ui, err := fs.Sub(sdkdocs.SwaggerUI, "swagger-ui")
	if err != nil {
		return err
	}
	serveYAML := document("application/yaml", YAML)
	rtr.Handle("/openapi.yaml", serveYAML).Methods(http.MethodGet, http.MethodHead)
	rtr.Handle("/openapi.json", document("application/json", asJSON)).Methods(http.MethodGet, http.MethodHead)
	rtr.Handle("/swagger/swagger.yaml", serveYAML).Methods(http.MethodGet, http.MethodHead)
	rtr.Handle("/swagger", http.RedirectHandler("/swagger/", http.StatusMovedPermanently))
	rtr.PathPrefix("/swagger/").Handler(http.StripPrefix("/swagger/", http.FileServer(http.FS(ui))))
	return nil
}

func document(contentType string, body []byte) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", contentType)
		_, _ = w.Write(body)
	})
}
