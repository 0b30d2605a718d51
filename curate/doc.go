// Package curate is 政策核对: officers review what ingestion extracted from
// a policy document — its metadata, measures, amounts, conditions, targets
// and tasks — correct it beside the source text and save it as a curated
// version (the machine's versions stay); and they turn a measure's proposed
// conditions into a curated rule, run its test cases and publish it, after
// which matching answers by that rule. Who may curate what is decided
// here: officers and administrators acting within the policy's region.
// Every change is one store write with its audit entry (policy.curate,
// rule.publish).
package curate
