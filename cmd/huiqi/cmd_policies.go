package main

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"

	"github.com/huiqi-dev/huiqi"
)

const policiesHelp = `
Policies lists the stored policies, latest version of each, most recently
ingested first, with the number of measures, targets and tasks.`

func runPolicies(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "policies", "policies [--json] [--region CODE] [--type T] [--limit N] [--offset N]", policiesHelp)
	cfg := e.config
	resolve := cfg.storeFlags(fs)
	asJSON := fs.Bool("json", false, "print JSON: {\"total\": N, \"policies\": [...]}")
	var f huiqi.PolicyFilter
	fs.StringVar(&f.RegionCode, "region", "", "only policies of the region `CODE` (GB/T 2260, e.g. 330100)")
	fs.StringVar(&f.DocType, "type", "", "only documents of type `T` (e.g. 实施意见)")
	fs.IntVar(&f.Limit, "limit", 50, "show at most `N` policies")
	fs.IntVar(&f.Offset, "offset", 0, "skip the first `N` policies")
	pos, err := fs.parse(args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return fs.usagef("unexpected argument %q", pos[0])
	}
	if f.Limit < 1 || f.Offset < 0 {
		return fs.usagef("--limit must be ≥ 1 and --offset ≥ 0")
	}
	if err := resolve(); err != nil {
		return err
	}
	store, err := openExisting(ctx, cfg)
	if err != nil {
		return err
	}
	defer store.Close()
	list, total, err := store.ListPolicies(ctx, f)
	if err != nil {
		return err
	}
	if *asJSON {
		if list == nil {
			list = []huiqi.PolicySummary{}
		}
		return writeJSON(e, struct {
			Total    int                   `json:"total"`
			Policies []huiqi.PolicySummary `json:"policies"`
		}{total, list}, true)
	}
	return writePolicyList(e, list, total, f)
}

func writePolicyList(e *env, list []huiqi.PolicySummary, total int, f huiqi.PolicyFilter) error {
	rows := [][]string{{"ID", "VER", "ISSUED", "REGION", "TYPE", "M/T/K", "TITLE"}}
	for _, p := range list {
		rows = append(rows, []string{p.ID, strconv.Itoa(p.Version), dash(p.IssuedOn.String()), dash(p.RegionCode),
			dash(p.DocType), fmt.Sprintf("%d/%d/%d", p.Measures, p.Targets, p.Tasks), dash(shorten(p.Title, 40))})
	}
	if err := writeTable(e.stdout, rows); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "%d of %d policies (M/T/K: measures, targets, tasks)\n", len(list), total)
	if shown := f.Offset + len(list); shown < total {
		fmt.Fprintf(e.stdout, "more with --offset %d\n", shown)
	}
	return nil
}

func dash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// writeJSON prints v as JSON with Chinese and 《》 unescaped.
func writeJSON(e *env, v any, indent bool) error {
	enc := json.NewEncoder(e.stdout)
	enc.SetEscapeHTML(false)
	if indent {
		enc.SetIndent("", "  ")
	}
	return enc.Encode(v)
}
