// Package valtest holds what the end-to-end tests of validators share, on
// the loopback network (package e2e) and on the docker network (package
// dockertest): the checks of what the chain records about a double-sign and
// a validator, read from the JSON that both `polityd query community ...`
// and the REST API print, and the motion messages that act on validators.
package valtest

import (
	"encoding/json"
	"fmt"
	"strconv"
)

// Validator statuses as the JSON APIs print them.
const (
	StatusActive    = "VALIDATOR_STATUS_ACTIVE"
	StatusSuspended = "VALIDATOR_STATUS_SUSPENDED"
	StatusRemoved   = "VALIDATOR_STATUS_REMOVED"
)

// Misbehaviour is the part of a misbehaviour record the tests read.
type Misbehaviour struct {
	ConsensusAddress string `json:"consensus_address"`
	CommunityID      string `json:"community_id"`
	Type             string `json:"type"`
	EvidenceHeight   string `json:"evidence_height"`
	RecordedHeight   string `json:"recorded_height"`
	Suspended        bool   `json:"suspended"`
}

// Recorded reads a misbehaviours answer ({"misbehaviours": [...]}) and
// returns addr's records.
func Recorded(raw []byte, addr string) ([]Misbehaviour, error) {
	var res struct {
		Misbehaviours []Misbehaviour `json:"misbehaviours"`
	}
	if err := json.Unmarshal(raw, &res); err != nil {
		return nil, fmt.Errorf("misbehaviours: %w: %.300s", err, raw)
	}
	var out []Misbehaviour
	for _, m := range res.Misbehaviours {
		if m.ConsensusAddress == addr {
			out = append(out, m)
		}
	}
	return out, nil
}

// CheckSuspendingDoubleSign requires records (one validator's) to be
// duplicate votes of which exactly one suspended the validator: one recorded
// in the first block that recorded any. Two nodes on one key may double-sign
// at several heights before the suspension takes effect; each is recorded,
// the later ones without suspending again. CometBFT may commit the evidence
// of a later height first, so the suspending record is found by the height
// that recorded it, not by the list's order (by evidence height).
func CheckSuspendingDoubleSign(records []Misbehaviour) error {
	if len(records) == 0 {
		return fmt.Errorf("no misbehaviours: want duplicate votes, the first recorded suspending the validator")
	}
	first := int64(-1)
	for _, m := range records {
		h, err := strconv.ParseInt(m.RecordedHeight, 10, 64)
		if err != nil {
			return fmt.Errorf("misbehaviours %+v: recorded height %q: %w", records, m.RecordedHeight, err)
		}
		if first < 0 || h < first {
			first = h
		}
	}
	suspending := 0
	for _, m := range records {
		if m.Type != "duplicate_vote" {
			return fmt.Errorf("misbehaviours %+v: want duplicate votes only", records)
		}
		if m.Suspended {
			suspending++
			if m.RecordedHeight != strconv.FormatInt(first, 10) {
				return fmt.Errorf("misbehaviours %+v: a record after the first recorded block suspended the validator", records)
			}
		}
	}
	if suspending != 1 {
		return fmt.Errorf("misbehaviours %+v: want exactly one record suspending the validator, got %d", records, suspending)
	}
	return nil
}

// Validator is the part of a validator record the tests read.
type Validator struct {
	ConsensusAddress string `json:"consensus_address"`
	Operator         string `json:"operator"`
	CommunityID      string `json:"community_id"`
	Power            string `json:"power"`
	Status           string `json:"status"`
}

// CheckValidator reads a validator answer ({"validator": {...}}) and
// requires its status and power: a suspended validator keeps its power in
// its community's share, a removed one has none.
func CheckValidator(raw []byte, status, power string) (Validator, error) {
	var res struct {
		Validator Validator `json:"validator"`
	}
	if err := json.Unmarshal(raw, &res); err != nil {
		return Validator{}, fmt.Errorf("validator: %w: %.300s", err, raw)
	}
	if res.Validator.Power == "" {
		res.Validator.Power = "0" // the CLI leaves zero values out, REST prints them
	}
	if v := res.Validator; v.Status != status || v.Power != power {
		return v, fmt.Errorf("validator %s: status %s power %s, want %s with power %s", v.ConsensusAddress, v.Status, v.Power, status, power)
	}
	return res.Validator, nil
}

// RemoveValidator is the motion message that removes a validator.
func RemoveValidator(community, consAddr string) map[string]any {
	return map[string]any{"@type": "/polity.community.v1.MsgRemoveValidator", "community_id": community, "consensus_address": consAddr}
}

// AdmitValidator is the motion message that admits a validator; pubKey is
// the proto JSON `polityd comet show-validator` prints.
func AdmitValidator(community, operator string, pubKey json.RawMessage, moniker, power string) map[string]any {
	return map[string]any{"@type": "/polity.community.v1.MsgAdmitValidator", "community_id": community, "operator": operator,
		"consensus_pubkey": pubKey, "moniker": moniker, "power": power}
}

// Rotation is the one motion a community passes to replace a validator's
// key at the same power: admit the new key, remove the old one. The power
// rules are checked on the whole motion, so it passes where the removal
// alone would break the cap.
func Rotation(old Validator, pubKey json.RawMessage, moniker string) []map[string]any {
	return []map[string]any{
		AdmitValidator(old.CommunityID, old.Operator, pubKey, moniker, old.Power),
		RemoveValidator(old.CommunityID, old.ConsensusAddress),
	}
}
