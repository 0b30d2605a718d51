package storekit

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/huiqi-dev/huiqi"
)

// Table is a batch of rows for one of the normalised tables.
type Table struct {
	Name string
	Cols []string
	Rows [][]any
}

// Normalised returns the rows that later features query instead of the JSON:
// measures, targets, tasks with their units, and clauses of version v of id.
func Normalised(id string, v int, p *huiqi.Policy) []Table {
	return []Table{measures(id, v, p), targets(id, v, p), tasks(id, v, p), taskUnits(id, v, p), clauses(id, v, p)}
}

func measures(id string, v int, p *huiqi.Policy) Table {
	t := Table{Name: "measures", Cols: []string{"policy_id", "version", "ordinal", "kind", "amount_yuan",
		"amount_min_yuan", "is_cap", "cap_yuan", "rate", "per_unit", "clause_path", "beneficiary"}}
	for i, m := range p.Measures {
		t.Rows = append(t.Rows, []any{id, v, i + 1, string(m.Kind), ptr(m.AmountYuan),
			ptr(m.AmountMinYuan), m.AmountIsCap, ptr(m.CapYuan), ptr(m.Rate), m.PerUnit, m.ClausePath, m.Beneficiary})
	}
	return t
}

func targets(id string, v int, p *huiqi.Policy) Table {
	t := Table{Name: "targets", Cols: []string{"policy_id", "version", "ordinal", "clause_path", "indicator",
		"value", "unit", "comparator", "year"}}
	for i, g := range p.Targets {
		t.Rows = append(t.Rows, []any{id, v, i + 1, g.ClausePath, g.Indicator, g.Value, g.Unit, g.Comparator, g.Year})
	}
	return t
}

func tasks(id string, v int, p *huiqi.Policy) Table {
	t := Table{Name: "tasks", Cols: []string{"policy_id", "version", "ordinal", "clause_path", "title"}}
	for i, k := range p.Tasks {
		t.Rows = append(t.Rows, []any{id, v, i + 1, k.ClausePath, k.Title})
	}
	return t
}

// taskUnits lists every unit of every task, marking the leads; a lead missing
// from Units (the extractor's slip) is still recorded.
func taskUnits(id string, v int, p *huiqi.Policy) Table {
	t := Table{Name: "task_units", Cols: []string{"policy_id", "version", "task_ordinal", "ordinal", "unit", "is_lead"}}
	for i, k := range p.Tasks {
		units := slices.Clone(k.Units)
		for _, l := range k.LeadUnits {
			if !slices.Contains(units, l) {
				units = append(units, l)
			}
		}
		for j, u := range units {
			t.Rows = append(t.Rows, []any{id, v, i + 1, j + 1, u, slices.Contains(k.LeadUnits, u)})
		}
	}
	return t
}

func clauses(id string, v int, p *huiqi.Policy) Table {
	t := Table{Name: "clauses", Cols: []string{"policy_id", "version", "ordinal", "path", "kind", "label",
		"depth", "span_start", "span_end"}}
	for i, c := range p.Clauses {
		t.Rows = append(t.Rows, []any{id, v, i + 1, c.Path, string(c.Kind), c.Label, c.Depth, c.Span.Start, c.Span.End})
	}
	return t
}

func ptr[T any](p *T) any {
	if p == nil {
		return nil
	}
	return *p
}

// maxParams keeps a multi-row INSERT under every driver's parameter limit.
const maxParams = 2000

// InsertRows writes t with multi-row INSERTs; bind(n) is the dialect's n-th
// placeholder ("?" or "$n").
func InsertRows(ctx context.Context, tx *sql.Tx, t Table, bind func(n int) string) error {
	per := max(1, maxParams/len(t.Cols))
	for rows := range slices.Chunk(t.Rows, per) {
		var b strings.Builder
		fmt.Fprintf(&b, "INSERT INTO %s (%s) VALUES ", t.Name, strings.Join(t.Cols, ", "))
		args := make([]any, 0, len(rows)*len(t.Cols))
		for i, r := range rows {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteByte('(')
			for j, a := range r {
				if j > 0 {
					b.WriteString(", ")
				}
				args = append(args, a)
				b.WriteString(bind(len(args)))
			}
			b.WriteByte(')')
		}
		if _, err := tx.ExecContext(ctx, b.String(), args...); err != nil {
			return fmt.Errorf("insert %s: %w", t.Name, err)
		}
	}
	return nil
}

// DateArg is a Date as a query argument: "YYYY-MM-DD", or NULL when unset.
func DateArg(d huiqi.Date) any {
	if d.IsZero() {
		return nil
	}
	return d.String()
}

// ScanDate reads a date column selected as text.
func ScanDate(s sql.NullString) huiqi.Date {
	d, _ := huiqi.ParseDate(s.String)
	return d
}

// IssuersJSON encodes the issuers column.
func IssuersJSON(issuers []string) string {
	b, _ := json.Marshal(issuers)
	return string(b)
}

// ParseIssuers decodes the issuers column.
func ParseIssuers(s string) []string {
	var out []string
	_ = json.Unmarshal([]byte(s), &out)
	return out
}

// RegionCode is the region code of p, "" when it has no region.
func RegionCode(p *huiqi.Policy) string {
	if p.Region == nil {
		return ""
	}
	return p.Region.Code
}

// NullString is s as a query argument, NULL when empty.
func NullString(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// DecodePolicy decodes a stored export JSON.
func DecodePolicy(doc []byte) (*huiqi.Policy, error) {
	var p huiqi.Policy
	if err := json.Unmarshal(doc, &p); err != nil {
		return nil, fmt.Errorf("decode stored policy: %w", err)
	}
	return &p, nil
}
