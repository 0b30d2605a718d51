// Package api serves the JSON API under /api/v1/: policies in the export
// format, their versions, original files and diffs, search with facets, and
// the region tree. It knows only the root package's interfaces; wiring
// happens in cmd/huiqi.
package api
