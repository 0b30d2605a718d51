package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/match"
	"github.com/huiqi-dev/huiqi/profile"
	"github.com/huiqi-dev/huiqi/rules"
	"github.com/huiqi-dev/huiqi/rules/national"
	"github.com/huiqi-dev/huiqi/rules/window"
)

const matchHelp = `
Match reads an enterprise profile (JSON or YAML) and answers every measure in
force of the stored policies that applies in the enterprise's region: its
status — eligible, likely (met but resting on compliance declarations to
confirm or on a proposed reading of the text), unknown (a field is missing,
or a requirement of the text the enterprise has not stated in its
declarations) — the reasons, the estimated amount, and the clause cited;
then the total the enterprise could receive, with 就高不重复 groups and
yearly caps applied. Conditions are
proposed from each measure's text unless a curated rule file (--rules DIR)
whose id names the measure replaces them. With --proposal ID it prints the
rule file proposed for that measure (the id a result names), to curate.

With --batch FILE it matches every profile of a JSONL file (one a line, as
huiqi synth --enterprises writes) and prints one summary a line — the
measures not ruled out with status and amount, and the stacked total — to
stdout or --out FILE, in this process or, with --nats URL, as jobs on NATS
JetStream; --work RUN --nats URL joins such a run as a worker, on any
machine with the same store, until interrupted. See docs/matching.md.`

func runMatch(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "match", "match --profile FILE [--as-of YYYY-MM-DD] [--json] [--all] [--rules DIR] | match --batch FILE.jsonl [--out FILE] [--nats URL] | match --work RUN --nats URL | match --proposal ID", matchHelp)
	cfg := e.config
	resolve := cfg.storeFlags(fs)
	file := fs.String("profile", "", "the enterprise profile `FILE` (JSON or YAML)")
	asOfFlag := fs.String("as-of", "", "match as of this `date` (default: today)")
	asJSON := fs.Bool("json", false, "print the match report as JSON")
	all := fs.Bool("all", false, "list the measures that are not eligible too")
	dir := fs.String("rules", "", "curated measure rules in `DIR` replace the proposed conditions")
	proposal := fs.String("proposal", "", "print the rule proposed for the measure `ID` and exit")
	batch := fs.String("batch", "", "match every profile of the JSONL `FILE`, printing one summary a line")
	out := fs.String("out", "", "with --batch, write the summaries to `FILE` (only when the batch succeeds)")
	natsURL := fs.String("nats", "", "with --batch, run the jobs on the NATS JetStream server at `URL`")
	work := fs.String("work", "", "work on the jobs of the batch run `RUN` (needs --nats) until interrupted")
	pos, err := fs.parse(args)
	if err != nil {
		return err
	}
	switch {
	case len(pos) > 0:
		return fs.usagef("unexpected argument %q", pos[0])
	case *proposal != "":
		if err := resolve(); err != nil {
			return err
		}
		return printProposal(ctx, e, cfg, *proposal)
	case *work != "":
		if *natsURL == "" {
			return fs.usagef("--work needs --nats URL")
		}
		if err := resolve(); err != nil {
			return err
		}
		m, err := loadMatcher(ctx, cfg, *dir)
		if err != nil {
			return err
		}
		return workMatchJobs(ctx, *natsURL, *work, m)
	case *file == "" && *batch == "":
		return fs.usagef("--profile or --batch is required")
	case *file != "" && *batch != "":
		return fs.usagef("--profile and --batch do not go together")
	}
	asOf, err := asOfDate(*asOfFlag)
	if err != nil {
		return fs.usagef("--as-of: %v", err)
	}
	if *batch != "" {
		if err := resolve(); err != nil {
			return err
		}
		m, err := loadMatcher(ctx, cfg, *dir)
		if err != nil {
			return err
		}
		return matchBatch(ctx, e, m, *batch, *out, *natsURL, asOf)
	}
	ent, err := readProfile(*file, asOf)
	if err != nil {
		return err
	}
	if err := resolve(); err != nil {
		return err
	}
	m, err := loadMatcher(ctx, cfg, *dir)
	if err != nil {
		return err
	}
	rep := m.Match(ent, asOf, match.Options{All: *all})
	wins, err := window.Default()
	if err != nil {
		return err
	}
	quals, err := national.Assess(ent, asOf, rules.Assumption{Growth: rules.GrowthLastYear, Years: 5}, wins)
	if err != nil {
		return err
	}
	rep.Reach = m.WithinReach(ent, asOf, quals)
	if *asJSON {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		return enc.Encode(rep)
	}
	writeMatch(e.stdout, ent, &rep)
	return nil
}

// printProposal prints the rule YAML proposed for one measure.
func printProposal(ctx context.Context, e *env, cfg Config, id string) error {
	m, err := loadMatcher(ctx, cfg, "")
	if err != nil {
		return err
	}
	p, ok := m.Proposal(id)
	if !ok {
		return huiqi.Errorf(huiqi.ENOTFOUND, "no measure %s among the stored policies", id)
	}
	_, err = e.stdout.Write(p.YAML())
	return err
}

// readProfile reads, normalises and validates a profile file.
func readProfile(path string, asOf huiqi.Date) (*huiqi.Enterprise, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	ent, _, err := profile.Check(path, data, asOf)
	if err != nil {
		return nil, err
	}
	return ent, nil
}

// loadMatcher builds the matcher over the store, with the curated rules of dir.
func loadMatcher(ctx context.Context, cfg Config, dir string) (*match.Matcher, error) {
	var curated []*rules.Set
	if dir != "" {
		var err error
		if curated, err = rules.LoadFS(os.DirFS(dir), "."); err != nil {
			return nil, err
		}
	}
	store, err := openExisting(ctx, cfg)
	if err != nil {
		return nil, err
	}
	defer store.Close()
	return match.Load(ctx, store, curated)
}

var matchWords = map[huiqi.MatchStatus]string{
	huiqi.MatchEligible: "符合", huiqi.MatchLikely: "很可能符合", huiqi.MatchUnknown: "待定（信息不足）", huiqi.MatchNotEligible: "不符合",
}

func writeMatch(w io.Writer, ent *huiqi.Enterprise, rep *huiqi.MatchReport) {
	name := ent.Name
	if name == "" {
		name = "（未填企业名称）"
	}
	c := rep.Counts
	fmt.Fprintf(w, "企业：%s　评价日：%s\n", name, rep.AsOf)
	fmt.Fprintf(w, "适用本企业所在地区的有效措施 %d 项：符合 %d，很可能符合 %d，待定 %d，不符合 %d（全部政策中另有 %d 项面向个人或金融机构，不参与匹配）\n",
		rep.InForce, c[huiqi.MatchEligible], c[huiqi.MatchLikely], c[huiqi.MatchUnknown], c[huiqi.MatchNotEligible], rep.Skipped)
	fmt.Fprintf(w, "预计可获资金合计：%s（下限只计符合的措施，上限也计很可能符合与待定的；已按就高不重复与年度上限扣除）\n",
		yuanRange(rep.Total.MinYuan, rep.Total.MaxYuan))
	if rep.RegionPending > 0 {
		fmt.Fprintf(w, "未填注册地：另有 %d 项地方措施待定，未列出\n", rep.RegionPending)
	}
	if len(rep.Ask) > 0 {
		fmt.Fprintf(w, "补充以下信息可确定更多措施：%s\n", fieldList(rep.Ask))
	}
	reasons := map[string]string{}
	for _, l := range rep.Total.Lines {
		reasons[l.MeasureID] = l.Reason
	}
	for i := range rep.Results {
		writeResult(w, &rep.Results[i], reasons[rep.Results[i].MeasureID])
	}
	writeReach(w, rep.Reach)
}

// writeReach prints what each national qualification within reach would
// open (培育后可申报).
func writeReach(w io.Writer, rs []huiqi.Reach) {
	for _, g := range rs {
		when := "现在即符合认定条件"
		if g.Verdict != huiqi.Eligible {
			when = fmt.Sprintf("按假设（%s）最早 %s 符合认定条件", g.Outlook.Growth, g.On)
		}
		fmt.Fprintf(w, "\n== 培育后可申报：取得%s后（%s）新增 %d 项，预计 %s\n", g.Title, when, len(g.Results), yuanRange(g.Total.MinYuan, g.Total.MaxYuan))
		if g.Outlook != nil && g.Outlook.Window != nil {
			fmt.Fprintf(w, "下一个申报窗口：%s %s 至 %s\n", g.Outlook.Window.Name, g.Outlook.Window.Opens, g.Outlook.Window.Closes)
		}
		for i := range g.Results {
			writeResult(w, &g.Results[i], "")
		}
	}
}

func writeResult(w io.Writer, r *huiqi.MatchResult, stackReason string) {
	fmt.Fprintf(w, "\n[%s] %s\n", matchWords[r.Status], r.Name)
	if r.Amount != nil {
		fmt.Fprintf(w, "  金额：%s\n", amountWords(r.Amount))
	}
	if r.NotFunding {
		fmt.Fprintln(w, "  （贷款、基金或税收措施，不计入资金合计）")
	} else if stackReason != "" && r.Status != huiqi.MatchNotEligible {
		fmt.Fprintf(w, "  合计时：%s\n", stackReason)
	}
	cite := r.Policy
	if r.DocNumber != "" {
		cite += "（" + r.DocNumber + "）"
	}
	fmt.Fprintf(w, "  依据：%s 第 %s 项，字节 %d–%d（政策 %s 第 %d 版）\n", cite, r.Cited.ClausePath, r.Cited.Span.Start, r.Cited.Span.End, r.Cited.PolicyID, r.Cited.Version)
	for _, s := range r.Reasons {
		fmt.Fprintf(w, "  · %s\n", s)
	}
	if !r.Curated {
		fmt.Fprintf(w, "  条件为按原文自动提议（%s），未经人工核对\n", r.MeasureID)
	}
}

func yuanRange(lo, hi int64) string {
	if lo == hi {
		return fmt.Sprintf("%d 元", lo)
	}
	return fmt.Sprintf("%d～%d 元", lo, hi)
}
