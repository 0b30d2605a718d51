package main

import (
	"context"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/huiqi-dev/huiqi"
)

// writeHits prints the hits with their snippets, then the totals and facets.
func writeHits(e *env, ix huiqi.SearchIndex, q huiqi.SearchQuery, res *huiqi.SearchResult) error {
	open, shut := "[", "]"
	if isTerminal(e.stdout) {
		open, shut = "【", "】"
	}
	for i, h := range res.Hits {
		writeHit(e.stdout, q.Offset+i+1, h, open, shut)
	}
	fmt.Fprintln(e.stdout, summary(q.Offset, len(res.Hits), res.Total, res.Took))
	if shown := q.Offset + len(res.Hits); shown < res.Total {
		fmt.Fprintf(e.stdout, "后面还有 %d 份：加 --offset %d 查看\n", res.Total-shown, shown)
	}
	writeFacets(e.stdout, res.Facets)
	if res.Total == 0 {
		if n, err := ix.Count(context.Background()); err == nil && n == 0 {
			fmt.Fprintln(e.stdout, "索引是空的：请先运行 huiqi ingest；已存有政策时运行 huiqi reindex")
		}
	}
	return nil
}

// summary is the line under the hits, in the portal's words:
// 共 19 份政策（用时 3.2 毫秒），显示第 1–10 份.
func summary(offset, shown, total int, took time.Duration) string {
	s := fmt.Sprintf("共 %d 份政策（用时 %.1f 毫秒）", total, float64(took.Microseconds())/1000)
	switch {
	case shown == 1:
		s += fmt.Sprintf("，显示第 %d 份", offset+1)
	case shown > 1:
		s += fmt.Sprintf("，显示第 %d–%d 份", offset+1, offset+shown)
	case total > 0:
		s += fmt.Sprintf("，--offset %d 已超出结果总数", offset)
	}
	return s
}

func writeHit(w io.Writer, n int, h huiqi.SearchHit, open, shut string) {
	fmt.Fprintf(w, "%d. %s", n, h.Title)
	if h.DocNumber != "" {
		fmt.Fprintf(w, "  %s", h.DocNumber)
	}
	fmt.Fprintln(w)
	var meta []string
	if h.Region != nil {
		meta = append(meta, h.Region.Name)
	}
	day := h.IssuedOn
	if day.IsZero() {
		day = h.PublishedOn
	}
	for _, s := range []string{h.DocType, day.String(), statusName(h.Status)} {
		if s != "" {
			meta = append(meta, s)
		}
	}
	if h.MaxAmount > 0 {
		meta = append(meta, "最高"+yuan(h.MaxAmount))
	}
	meta = append(meta, "id "+h.ID)
	fmt.Fprintf(w, "   %s\n", strings.Join(meta, " · "))
	for _, s := range h.Snippets {
		path := s.ClausePath
		if path == "" {
			path = "正文"
		}
		fmt.Fprintf(w, "   %s  %s\n", path, marked(s, open, shut))
	}
	fmt.Fprintln(w)
}

// marked writes the snippet on one line with its marks bracketed.
func marked(s huiqi.Snippet, open, shut string) string {
	var b strings.Builder
	at := 0
	for _, m := range s.Marks {
		if m.Start < at || m.End > len(s.Text) || m.Start >= m.End {
			continue // marks are sorted and inside the text; skip any that are not
		}
		b.WriteString(s.Text[at:m.Start])
		b.WriteString(open + s.Text[m.Start:m.End] + shut)
		at = m.End
	}
	b.WriteString(s.Text[at:])
	return strings.Join(strings.Fields(b.String()), " ")
}

func statusName(s huiqi.PolicyStatus) string {
	switch s {
	case huiqi.StatusInForce:
		return "现行有效"
	case huiqi.StatusExpired:
		return "已失效"
	case huiqi.StatusDraft:
		return "征求意见稿"
	case huiqi.StatusSuperseded:
		return "已废止"
	}
	return string(s)
}

// yuan writes an amount the way policies do: 元 below 1万, then 万元, 亿元.
func yuan(n int64) string {
	switch {
	case n >= 100_000_000 && n%1_000_000 == 0:
		return trimZero(float64(n)/1e8) + "亿元"
	case n >= 10_000 && n%100 == 0:
		return trimZero(float64(n)/1e4) + "万元"
	}
	return fmt.Sprintf("%d元", n)
}

func trimZero(f float64) string {
	return strings.TrimSuffix(strings.TrimRight(fmt.Sprintf("%.2f", f), "0"), ".")
}

// facetOrder is the order facets are printed in, with their names.
var facetOrder = [][2]string{
	{"status", "状态"}, {"region", "地区"}, {"doc_type", "类型"}, {"year", "年份"},
	{"measure_kind", "措施"}, {"beneficiary_type", "扶持对象类型"}, {"issuer", "发文机关"},
}

// writeFacets prints each facet's top values on one line.
func writeFacets(w io.Writer, facets map[string][]huiqi.FacetCount) {
	for _, f := range facetOrder {
		counts := facets[f[0]]
		if len(counts) == 0 {
			continue
		}
		var parts []string
		for i, c := range counts {
			if i == 8 {
				parts = append(parts, fmt.Sprintf("…另有 %d 项", len(counts)-i))
				break
			}
			name := c.Value
			if c.Label != "" {
				name = c.Label + "(" + c.Value + ")"
			}
			parts = append(parts, fmt.Sprintf("%s %d", name, c.Count))
		}
		fmt.Fprintf(w, "%s: %s\n", f[1], strings.Join(parts, ", "))
	}
}
