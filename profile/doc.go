// Package profile reads and checks enterprise profiles (huiqi.Enterprise):
// files in JSON or YAML, read strictly (an unknown field is an error that
// names it), checked for what can be wrong on its own (a 统一社会信用代码
// whose check characters do not match, an unknown region or industry code,
// R&D spending above itself, impossible dates), and normalised (certification
// names to their canonical form) so that rules can match them.
//
// A field left out is never a problem: every field of a profile may be
// unknown. Problems are returned all at once, each naming its file and the
// path of its field (financials[1].revenue_yuan).
package profile
