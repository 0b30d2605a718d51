// Package diff compares two versions of a policy: the metadata, the measures,
// targets and tasks, and the text line by line. It is pure: no I/O.
package diff

import (
	"github.com/huiqi-dev/huiqi"
)

// Result is what changed from one version of a policy to another.
type Result struct {
	ID         string
	OldVersion int
	NewVersion int
	Title      string // the new version's
	Fields     []FieldChange
	Measures   []Change[huiqi.Measure]
	Targets    []Change[huiqi.Target]
	Tasks      []Change[huiqi.Task]
	Hunks      []Hunk
}

// FieldChange is one field whose value differs, both values formatted for people.
type FieldChange struct {
	Field string
	Old   string
	New   string
}

// Op says how an item changed.
type Op string

// Ops of a Change.
const (
	Added   Op = "added"
	Removed Op = "removed"
	Changed Op = "changed"
)

// Change is one measure, target or task added, removed or changed. Old is nil
// when added, New when removed; Fields lists what a changed item changed.
type Change[T any] struct {
	Op     Op
	Old    *T
	New    *T
	Fields []FieldChange
}

// Empty reports whether the versions are the same in everything compared.
func (r Result) Empty() bool {
	return len(r.Fields)+len(r.Measures)+len(r.Targets)+len(r.Tasks)+len(r.Hunks) == 0
}

// Policies compares two versions of a policy. Measures are matched by clause
// path and amount, then by text, then by clause, kind and beneficiary (so a
// changed amount shows as a change, not a removal and an addition); targets
// by clause and indicator, then indicator; tasks by title, then clause.
func Policies(old, new *huiqi.Policy) Result {
	return Result{
		ID:         new.ID,
		OldVersion: old.Version,
		NewVersion: new.Version,
		Title:      new.Title,
		Fields:     metadata(old, new),
		Measures:   match(old.Measures, new.Measures, measureKeys, measureFields),
		Targets:    match(old.Targets, new.Targets, targetKeys, targetFields),
		Tasks:      match(old.Tasks, new.Tasks, taskKeys, taskFields),
		Hunks:      textHunks(old, new),
	}
}

// match pairs old and new items by each key in turn, first come first paired
// (an empty key pairs nothing),
// and reports the pairs that differ, then the new items left as added, then the
// old ones left as removed.
func match[T any](old, new []T, keys []func(*T) string, fields func(a, b *T) []FieldChange) []Change[T] {
	pair := make([]int, len(new)) // index into old, or -1
	for j := range pair {
		pair[j] = -1
	}
	taken := make([]bool, len(old))
	for _, key := range keys {
		free := map[string][]int{} // key → unpaired old indexes, in order
		for i := range old {
			if k := key(&old[i]); !taken[i] && k != "" {
				free[k] = append(free[k], i)
			}
		}
		for j := range new {
			if pair[j] >= 0 {
				continue
			}
			k := key(&new[j])
			if q := free[k]; k != "" && len(q) > 0 {
				pair[j], taken[q[0]], free[k] = q[0], true, q[1:]
			}
		}
	}
	var out []Change[T]
	for j := range new {
		if i := pair[j]; i < 0 {
			out = append(out, Change[T]{Op: Added, New: &new[j]})
		} else if fs := fields(&old[i], &new[j]); len(fs) > 0 {
			out = append(out, Change[T]{Op: Changed, Old: &old[i], New: &new[j], Fields: fs})
		}
	}
	for i := range old {
		if !taken[i] {
			out = append(out, Change[T]{Op: Removed, Old: &old[i]})
		}
	}
	return out
}

// fieldList collects the fields whose formatted values differ.
type fieldList []FieldChange

func (l *fieldList) add(name, old, new string) {
	if old != new {
		*l = append(*l, FieldChange{Field: name, Old: old, New: new})
	}
}
