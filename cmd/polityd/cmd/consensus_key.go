package cmd

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	cmtcrypto "github.com/cometbft/cometbft/crypto"
	cmtjson "github.com/cometbft/cometbft/libs/json"

	cryptocodec "github.com/cosmos/cosmos-sdk/crypto/codec"
	"github.com/cosmos/cosmos-sdk/crypto/keys/ed25519"
	cryptotypes "github.com/cosmos/cosmos-sdk/crypto/types"
)

// ed25519PubKeyType is the type `polityd comet show-validator` prints.
const ed25519PubKeyType = "/cosmos.crypto.ed25519.PubKey"

// consensusKeyForms documents what parseConsensusKey accepts.
const consensusKeyForms = `a consensus public key: what "polityd comet show-validator" prints
({"@type":"/cosmos.crypto.ed25519.PubKey","key":"<base64>"}), a file holding
that output, or the bare base64 key. An operator sends only this public key;
on a machine that holds every node's home (a local network), a node home
directory also works and only its public key is read.`

// parseConsensusKey reads a consensus public key in any form of
// consensusKeyForms.
func parseConsensusKey(s string) (cryptotypes.PubKey, error) {
	s = strings.TrimSpace(s)
	if strings.HasPrefix(s, "{") {
		return showValidatorKey([]byte(s))
	}
	if info, err := os.Stat(s); err == nil {
		if info.IsDir() {
			return nodePubKey(s)
		}
		raw, err := os.ReadFile(s)
		if err != nil {
			return nil, err
		}
		pk, err := showValidatorKey(raw)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", s, err)
		}
		return pk, nil
	}
	key, err := base64.StdEncoding.DecodeString(s)
	if err != nil {
		return nil, fmt.Errorf("consensus key %q: not show-validator JSON, a file, a node home or base64", s)
	}
	return ed25519Key(key)
}

// showValidatorKey decodes the JSON `polityd comet show-validator` prints.
func showValidatorKey(raw []byte) (cryptotypes.PubKey, error) {
	var pk struct {
		Type string `json:"@type"`
		Key  []byte `json:"key"`
	}
	if err := json.Unmarshal(raw, &pk); err != nil {
		return nil, fmt.Errorf("consensus key: %w", err)
	}
	if pk.Type != ed25519PubKeyType {
		return nil, fmt.Errorf("consensus key: type %q, want %s", pk.Type, ed25519PubKeyType)
	}
	return ed25519Key(pk.Key)
}

func ed25519Key(key []byte) (cryptotypes.PubKey, error) {
	if len(key) != ed25519.PubKeySize {
		return nil, fmt.Errorf("consensus key: %d bytes, want an ed25519 key of %d", len(key), ed25519.PubKeySize)
	}
	return &ed25519.PubKey{Key: key}, nil
}

// nodePubKey reads the public half of a local node's consensus key from
// <home>/config/priv_validator_key.json.
func nodePubKey(home string) (cryptotypes.PubKey, error) {
	path := filepath.Join(home, "config", "priv_validator_key.json")
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var file struct {
		PubKey cmtcrypto.PubKey `json:"pub_key"`
	}
	if err := cmtjson.Unmarshal(raw, &file); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return cryptocodec.FromCmtPubKeyInterface(file.PubKey)
}
