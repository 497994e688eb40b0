// Package msgjson reads messages written in proto JSON for the commands that
// carry other messages (motions, proposals), filling in a signer left empty.
package msgjson

import (
	"encoding/json"
	"fmt"
	"strings"

	protov2 "google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/reflect/protoreflect"

	msgv1 "cosmossdk.io/api/cosmos/msg/v1"
	gogoproto "github.com/cosmos/gogoproto/proto"

	"github.com/cosmos/cosmos-sdk/codec"
	codectypes "github.com/cosmos/cosmos-sdk/codec/types"
	sdk "github.com/cosmos/cosmos-sdk/types"
)

// Pack decodes proto-JSON messages ("@type" plus fields) into Anys. A message
// whose signer field (as declared by its cosmos.msg.v1.signer option) is
// missing or empty is signed by signer.
func Pack(cdc codec.Codec, raws []json.RawMessage, signer string) ([]*codectypes.Any, error) {
	anys := make([]*codectypes.Any, 0, len(raws))
	for i, raw := range raws {
		filled, err := FillSigner(raw, signer)
		if err != nil {
			return nil, fmt.Errorf("message %d: %w", i, err)
		}
		var msg sdk.Msg
		if err := cdc.UnmarshalInterfaceJSON(filled, &msg); err != nil {
			return nil, fmt.Errorf("message %d: %w", i, err)
		}
		a, err := codectypes.NewAnyWithValue(msg)
		if err != nil {
			return nil, err
		}
		anys = append(anys, a)
	}
	return anys, nil
}

// FillSigner sets the message's signer field to signer when it is missing or
// empty.
func FillSigner(raw json.RawMessage, signer string) (json.RawMessage, error) {
	var obj map[string]json.RawMessage
	if err := json.Unmarshal(raw, &obj); err != nil {
		return nil, err
	}
	var typeURL string
	if err := json.Unmarshal(obj["@type"], &typeURL); err != nil || typeURL == "" {
		return nil, fmt.Errorf("missing @type")
	}
	field, err := SignerField(strings.TrimPrefix(typeURL, "/"))
	if err != nil {
		return nil, err
	}
	if v, ok := obj[field]; ok && string(v) != `""` {
		return raw, nil
	}
	obj[field], _ = json.Marshal(signer)
	return json.Marshal(obj)
}

// SignerField returns the name of a message's single signer field.
func SignerField(fullName string) (string, error) {
	desc, err := gogoproto.HybridResolver.FindDescriptorByName(protoreflect.FullName(fullName))
	if err != nil {
		return "", fmt.Errorf("unknown message type %s: %w", fullName, err)
	}
	md, ok := desc.(protoreflect.MessageDescriptor)
	if !ok {
		return "", fmt.Errorf("%s is not a message", fullName)
	}
	signers, _ := protov2.GetExtension(md.Options(), msgv1.E_Signer).([]string)
	if len(signers) != 1 {
		return "", fmt.Errorf("%s must declare exactly one signer field", fullName)
	}
	return signers[0], nil
}
