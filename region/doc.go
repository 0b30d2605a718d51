// Package region knows China's administrative divisions (GB/T 2260:
// provinces, prefecture-level cities, counties and districts) and finds the
// region of the government that issued a policy from the names in its
// issuer line or title.
//
// The table is embedded (data/pca-code.json: the National Bureau of
// Statistics division codes of 2023, WTFPL, see data/LICENSE), so a binary
// carries it and needs no files beside it at run time.
// Hong Kong, Macao and Taiwan are not in the table.
package region
