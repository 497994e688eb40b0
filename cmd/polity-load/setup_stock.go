package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"

	sdk "github.com/cosmos/cosmos-sdk/types"
	govv1 "github.com/cosmos/cosmos-sdk/x/gov/types/v1"
)

// stockChain is the stock SDK node of ../shared/bench (minisimd) with the same
// number of funded accounts and x/gov proposals in their voting period.
type stockChain struct {
	*node
	accounts  []*sender
	proposals []uint64
}

// buildStock copies the stock node's source out of the read-only kit and
// builds it in a temporary directory (once: an existing binary is reused).
func buildStock(benchDir, workDir string) (string, error) {
	bin := filepath.Join(workDir, "minisimd-bin")
	if _, err := os.Stat(bin); err == nil {
		return bin, nil
	}
	src := filepath.Join(workDir, "minisimd")
	if err := os.RemoveAll(src); err != nil {
		return "", err
	}
	if out, err := exec.Command("cp", "-r", filepath.Join(benchDir, "minisimd"), src).CombinedOutput(); err != nil {
		return "", fmt.Errorf("copy the stock node: %v: %s", err, out)
	}
	if out, err := exec.Command("chmod", "-R", "u+w", src).CombinedOutput(); err != nil {
		return "", fmt.Errorf("chmod: %v: %s", err, out)
	}
	cmd := exec.Command("go", "build", "-o", bin, ".")
	cmd.Dir = src
	if out, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("build the stock node in %s: %v: %s", src, err, out)
	}
	return bin, nil
}

// setupStock writes the stock chain as the kit's README does: init, a
// validator key and gentx, and the load's accounts by bulk-add.
func setupStock(n *node, accounts int) (*stockChain, error) {
	if err := os.RemoveAll(n.home); err != nil {
		return nil, err
	}
	kr := []string{"--keyring-backend", "test", "--home", n.home}
	steps := [][]string{
		{"init", "val", "--chain-id", n.chainID, "--home", n.home},
		append([]string{"keys", "add", "val"}, kr...),
		append([]string{"genesis", "add-genesis-account", "val", "100000000000000" + n.denom}, kr...),
	}
	for _, s := range steps {
		if _, err := n.run(s...); err != nil {
			return nil, err
		}
	}
	c := &stockChain{node: n, accounts: senders("member", accounts, n.prefix)}
	if err := addAccounts(n, c.accounts, "100000000000"); err != nil {
		return nil, err
	}
	for _, s := range [][]string{
		append([]string{"genesis", "gentx", "val", "10000000000000" + n.denom, "--chain-id", n.chainID}, kr...),
		{"genesis", "collect-gentxs", "--home", n.home},
	} {
		if _, err := n.run(s...); err != nil {
			return nil, err
		}
	}
	return c, n.configure()
}

// openProposals submits the x/gov proposals the stock votes go to, each with
// a deposit that puts it straight into its voting period (two days by
// default).
func (c *stockChain) openProposals(n int) error {
	proposer := c.accounts[len(c.accounts)-1]
	from := make([]*sender, n)
	msgs := make([]sdk.Msg, n)
	for i := range n {
		msg, err := govv1.NewMsgSubmitProposal(nil, sdk.NewCoins(sdk.NewInt64Coin(c.denom, 100_000_000)), proposer.addr, "polity-load", fmt.Sprintf("load %d", i), "benchmark", false)
		if err != nil {
			return err
		}
		from[i], msgs[i] = proposer, msg
	}
	txs, err := submitAll(c.node, from, msgs)
	if err != nil {
		return err
	}
	c.proposals = idsOf(txs, "proposal_id", "submit_proposal")
	if len(c.proposals) != n {
		return fmt.Errorf("opened %d x/gov proposals, want %d", len(c.proposals), n)
	}
	return nil
}
