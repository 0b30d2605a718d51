// Package portal serves the policy portal: server-rendered Chinese HTML pages
// (home, search, policy, diff, and the entry points still to come) that work
// without JavaScript and on a phone. Templates and assets are embedded and
// parsed at start-up; errors map to status codes through api.StatusCode, the
// one table of the HTTP layer.
package portal
