package main

import (
	"context"

	"github.com/huiqi-dev/huiqi"
)

const showHelp = `
Show prints a stored policy for reading: its metadata and versions, the clause
tree, the money measures with amounts in 万元 and their clauses, the targets,
and the tasks with their responsible units. ID is as listed by huiqi policies.`

func runShow(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "show", "show [--version N] ID", showHelp)
	cfg := e.config
	resolve := cfg.storeFlags(fs)
	version := fs.Int("version", 0, "show version `N` instead of the latest")
	pos, err := fs.parse(args)
	if err != nil {
		return err
	}
	if err := onePolicyArgs(fs, pos, *version); err != nil {
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
	p, err := findPolicy(ctx, store, pos[0], *version)
	if err != nil {
		return err
	}
	versions, err := store.ListVersions(ctx, p.ID)
	if err != nil {
		return err
	}
	return writePolicy(e.stdout, p, versions)
}

// onePolicyArgs checks the arguments of a command on one policy.
func onePolicyArgs(fs *flagSet, pos []string, version int) error {
	if len(pos) != 1 {
		return fs.usagef("want one policy ID, got %d arguments", len(pos))
	}
	if version < 0 {
		return fs.usagef("--version must be ≥ 1")
	}
	return nil
}

// findPolicy returns a version of a policy, the latest for version 0.
func findPolicy(ctx context.Context, store huiqi.PolicyStore, id string, version int) (*huiqi.Policy, error) {
	if version == 0 {
		return store.FindPolicy(ctx, id)
	}
	return store.FindPolicyVersion(ctx, id, version)
}
