// Package huiqi holds the domain of the huiqi platform: policy documents, their
// clause trees, the support measures, targets and tasks extracted from them, and
// the service interfaces that adapters (sqlite, postgres, the search index, http)
// implement. It imports no adapter; adapters import it.
//
// The data flow is document → text → structure → extraction → store → index →
// match → answer; docs/architecture.md draws it and states the dependency rule.
package huiqi
