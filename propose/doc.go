// Package propose derives proposed eligibility conditions and amounts from
// the measures extraction found in a policy: 新认定的国家级孵化器 becomes
// "holds 孵化器 at the national level, certified within the policy's
// window", 年研发投入300万元以上 becomes last(rd_expense_yuan) >= 300万元, the
// policy's region becomes an in_region condition. Every proposed condition is
// marked as proposed and carries the span of the words it was read from.
// Generic compliance statements (未被列入经营异常名录, 依法纳税…) become
// declarations the applicant confirms; whatever else cannot be read
// becomes a fact the applicant states (unknown until answered) — never a
// guess and never dropped.
//
// A proposal is a rule of the rule language (docs/rules.md): YAML renders it
// and Set parses it with package rules. Eval answers it directly, without
// the rules engine, for matching at scale; a test keeps both answers equal.
// A curated rule file whose id is a proposal's Clause or ID replaces it.
//
// The package does no I/O.
package propose
