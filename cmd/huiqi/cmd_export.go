package main

import (
	"context"
)

const exportHelp = `
Export prints a stored policy in the policy export format (docs/export.md):
the JSON that huiqi extract --json prints, with the stored ID and version.
JSON is the only format for now; --json is accepted for clarity in scripts.`

func runExport(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "export", "export --json ID [--version N]", exportHelp)
	cfg := e.config
	resolve := cfg.storeFlags(fs)
	fs.Bool("json", true, "print JSON (the only format)")
	version := fs.Int("version", 0, "export version `N` instead of the latest")
	pos, err := fs.parse(args)
	if err != nil {
		return err
	}
	if err := onePolicyArgs(fs, pos, *version); err != nil {
		return err
	}
	if fs.Lookup("json").Value.String() != "true" {
		return fs.usagef("JSON is the only export format")
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
	return writeJSON(e, p, true)
}
