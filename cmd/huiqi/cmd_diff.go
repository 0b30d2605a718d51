package main

import (
	"context"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/diff"
)

const diffHelp = `
Diff compares two versions of a stored policy: changed metadata, measures,
targets and tasks added, removed or changed, and the text as a unified diff
whose hunks name their clause. By default it compares the latest version with
the one before.`

func runDiff(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "diff", "diff [--from N --to M] ID", diffHelp)
	cfg := e.config
	resolve := cfg.storeFlags(fs)
	from := fs.Int("from", 0, "the old version `N` (default: the one before --to)")
	to := fs.Int("to", 0, "the new version `M` (default: the latest)")
	pos, err := fs.parse(args)
	if err != nil {
		return err
	}
	if err := onePolicyArgs(fs, pos, min(*from, *to)); err != nil {
		return err
	}
	if err := resolve(); err != nil {
		return err
	}
	store, err := openExisting(ctx, cfg)
	if err != nil {
		return err
	}
	defer store.Close()
	newer, err := findPolicy(ctx, store, pos[0], *to)
	if err != nil {
		return err
	}
	n := *from
	if n == 0 {
		n = newer.Version - 1
	}
	if n < 1 {
		return huiqi.Errorf(huiqi.EINVALID, "policy %s has only version %d: nothing to compare", newer.ID, newer.Version)
	}
	older, err := store.FindPolicyVersion(ctx, newer.ID, n)
	if err != nil {
		return err
	}
	return diff.Policies(older, newer).WriteText(e.stdout)
}
