// Package cnum reads numbers, sums of money, quantities and dates out of
// Simplified Chinese policy text: Arabic and Chinese numerals, full-width
// digits, 万/亿 multipliers, ranges ("10-20万元") and the usual date forms.
//
// It does no I/O. Every position it reports is a byte offset into the input
// string, and every match's Text equals input[Start:End], so callers can map
// matches back onto the document for highlighting.
//
// Values are kept as exact decimals while parsing (1.15万元 is 11500 yuan,
// never 11499) and only converted to float64 or int64 at the end.
package cnum
