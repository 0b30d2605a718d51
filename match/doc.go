// Package match matches enterprises against every measure in force: the
// measures of stored policies with the conditions package propose reads
// from their text, or the curated rule that replaces a proposal. One
// enterprise gets each applicable measure's status, reasons, estimated
// amount and cited clause, and the total it could receive under the
// documents' stacking rules (rules.Stack).
//
// A Matcher is built once from the store and reused; it is safe for
// concurrent use. It indexes measures by region and by required
// certification, so an enterprise in 青羊区 only looks at the measures of
// 四川省, 成都市, 青羊区 and the nation, and among those skips the ones that
// require a title it does not hold (docs/matching.md).
package match
