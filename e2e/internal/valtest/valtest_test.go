package valtest

import "testing"

// The records of CI's failed run: CometBFT committed the evidence of height
// 54 (which suspended) before that of height 53.
func TestCheckSuspendingDoubleSignByRecordedHeight(t *testing.T) {
	rec := func(evidence, recorded string, suspended bool) Misbehaviour {
		return Misbehaviour{Type: "duplicate_vote", EvidenceHeight: evidence, RecordedHeight: recorded, Suspended: suspended}
	}
	cases := []struct {
		name    string
		records []Misbehaviour
		ok      bool
	}{
		{"later evidence committed first", []Misbehaviour{rec("53", "56", false), rec("54", "55", true)}, true},
		{"in order", []Misbehaviour{rec("53", "55", true), rec("54", "56", false)}, true},
		{"two in the first block", []Misbehaviour{rec("53", "55", false), rec("54", "55", true)}, true},
		{"none", nil, false},
		{"none suspending", []Misbehaviour{rec("53", "55", false)}, false},
		{"two suspending", []Misbehaviour{rec("53", "55", true), rec("54", "55", true)}, false},
		{"suspended by a later block", []Misbehaviour{rec("53", "55", false), rec("54", "56", true)}, false},
		{"not a duplicate vote", []Misbehaviour{{Type: "light_client_attack", RecordedHeight: "55", Suspended: true}}, false},
	}
	for _, c := range cases {
		if err := CheckSuspendingDoubleSign(c.records); (err == nil) != c.ok {
			t.Errorf("%s: err %v, want ok=%v", c.name, err, c.ok)
		}
	}
}
