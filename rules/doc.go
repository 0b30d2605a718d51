// Package rules reads rule files (YAML) and evaluates them for an enterprise
// profile: three-valued conditions that explain themselves, exact money and
// ratio comparisons, score tables, amounts and stacking. The language is
// described in docs/rules.md.
//
// The package does no I/O beyond the files it is handed: rule sets are
// parsed from bytes or an fs.FS, evaluated against a huiqi.Enterprise as of
// a date, and give huiqi.Assessment values.
package rules
