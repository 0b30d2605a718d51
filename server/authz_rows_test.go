package server_test

import (
	"net/http"
	"net/url"
)

// Statuses of the matrix.
const (
	ok   = http.StatusOK
	see  = http.StatusSeeOther
	bad  = http.StatusBadRequest
	no   = http.StatusForbidden
	none = http.StatusNotFound
)

// portalRows are the site's routes as each actor meets them.
func portalRows() []portalRow {
	app := func(suffix string) func(*authzSeed) string {
		return func(s *authzSeed) string { return "/applications/" + s.submitted + suffix }
	}
	draft := func(suffix string) func(*authzSeed) string {
		return func(s *authzSeed) string { return "/applications/" + s.draft + suffix }
	}
	pol := func(suffix string) func(*authzSeed) string {
		return func(s *authzSeed) string { return "/policies/" + s.policy + suffix }
	}
	thread := func(prefix string) func(*authzSeed) string {
		return func(s *authzSeed) string { return prefix + s.thread }
	}
	fields := func(kv ...string) func(*authzSeed) url.Values {
		return func(*authzSeed) url.Values { return form(kv...) }
	}
	enterprise := w{L, ok, ok, no, no, no, no, no}
	staff := w{L, no, no, ok, ok, ok, ok, ok}
	officers := w{L, no, no, ok, ok, no, no, ok}
	reviewers := w{L, no, no, no, no, ok, ok, ok}
	adminOnly := w{L, no, no, no, no, no, no, ok}
	return []portalRow{
		// The public site.
		{pattern: "GET /{$}", path: fixed("/"), want: all(ok)},
		{pattern: "GET /search", path: fixed("/search?q=补贴"), want: all(ok)},
		{pattern: "GET /policies/{id}", path: pol(""), want: all(ok)},
		{pattern: "GET /policies/{id}/ask", path: pol("/ask?q=补贴"), want: all(ok)},
		{pattern: "GET /policies/{id}/diff", path: pol("/diff"), want: all(bad)}, // one version: nothing to compare
		{pattern: "GET /policies/{id}/original", path: pol("/original"), want: all(ok)},
		{pattern: "GET /coming/{feature}", path: fixed("/coming/apply"), want: all(ok)},
		{pattern: "GET /static/", path: fixed("/static/site.css"), want: all(ok)},
		// 我的企业: each browser's or user's own profile, never another's.
		{pattern: "GET /enterprise", path: fixed("/enterprise"), want: all(ok),
			present: fixed("嘉兴某某科技有限公司"), shows: []actor{entA}},
		{pattern: "POST /enterprise", path: fixed("/enterprise"), form: fields("employees", "很多"), want: all(see), late: true},
		{pattern: "GET /enterprise/results", path: fixed("/enterprise/results"), want: all(ok),
			present: fixed("嘉兴某某科技有限公司"), shows: []actor{entA}},
		{pattern: "GET /policies/{id}/enterprise", path: pol("/enterprise"), want: all(ok)},
		{pattern: "POST /policies/{id}/enterprise", path: pol("/enterprise"), form: fields("employees", "很多"), want: all(see), late: true},
		{pattern: "POST /enterprise/delete", path: fixed("/enterprise/delete"), want: all(see), late: true},

		// Signing in and out.
		{pattern: "GET /login", path: fixed("/login"), want: all(ok)},
		{pattern: "POST /login/code", path: fixed("/login/code"), form: fields("phone", "123"), want: all(bad)},
		{pattern: "POST /login", path: fixed("/login"), form: fields("phone", "13900000000", "code", "000000"), want: all(bad)},
		{pattern: "GET /login/staff", path: fixed("/login/staff"), want: all(ok)},
		{pattern: "POST /login/staff", path: fixed("/login/staff"), form: fields("username", "no.such", "password", "wrong password"), want: all(bad)},
		{pattern: "POST /logout/everywhere", path: fixed("/logout/everywhere"), want: member(see), late: true, last: true},
		{pattern: "POST /logout", path: fixed("/logout"), want: all(see), late: true, last: true},

		// The account.
		{pattern: "GET /account", path: fixed("/account"), want: member(ok)},
		{pattern: "POST /account/enterprises", path: fixed("/account/enterprises"), form: fields("credit_code", "x"), want: enterprise.with(entA, bad).with(entB, bad)},
		{pattern: "POST /account/enterprises/verify", path: fixed("/account/enterprises/verify"),
			form: func(s *authzSeed) url.Values { return form("user_id", s.colleague, "credit_code", applyCredit) },
			want: w{L, see, no, no, no, no, no, no}},
		{pattern: "POST /account/tokens", path: fixed("/account/tokens"), form: fields("token_name", ""), want: member(bad)},
		{pattern: "POST /account/tokens/{id}/revoke", path: func(s *authzSeed) string { return "/account/tokens/" + s.tokenA + "/revoke" },
			want: w{L, see, none, none, none, none, none, none}, late: true},

		// The administrator's pages.
		{pattern: "GET /admin/outbox", path: fixed("/admin/outbox"), want: adminOnly},
		{pattern: "GET /admin/users", path: fixed("/admin/users"), want: adminOnly},
		{pattern: "POST /admin/users", path: fixed("/admin/users"), form: fields("username", "x"), want: adminOnly.with(admin, bad)},
		{pattern: "POST /admin/users/{id}/disabled", path: func(s *authzSeed) string { return "/admin/users/" + s.spare + "/disabled" },
			form: fields("disabled", "1"), want: adminOnly.with(admin, see)},

		// 在线咨询: A's thread, of region X.
		{pattern: "POST /policies/{id}/ask", path: pol("/ask"), form: fields("q", ""), want: member(bad)},
		{pattern: "GET /consultations", path: fixed("/consultations"), want: member(ok), // one's own
			present: func(s *authzSeed) string { return s.thread }, shows: []actor{entA}},
		{pattern: "GET /consultations/{id}", path: thread("/consultations/"), want: w{L, ok, none, ok, none, none, none, ok}},
		{pattern: "POST /consultations/{id}", path: thread("/consultations/"), form: fields("text", ""), want: w{L, bad, none, none, none, none, none, none}}, // staff answer on their desk
		{pattern: "GET /staff", path: fixed("/staff"), want: staff},
		{pattern: "GET /staff/consultations", path: fixed("/staff/consultations?status="), want: officers,
			present: func(s *authzSeed) string { return s.thread }, shows: []actor{offX, admin}},
		{pattern: "GET /staff/consultations/{id}", path: thread("/staff/consultations/"), want: w{L, no, no, ok, none, no, no, ok}},
		{pattern: "POST /staff/consultations/{id}", path: thread("/staff/consultations/"), form: fields("text", ""), want: w{L, no, no, bad, none, no, no, bad}},
		{pattern: "GET /notifications", path: fixed("/notifications"), want: member(ok)},
		{pattern: "POST /notifications", path: fixed("/notifications"), want: member(see)},

		// Verifying enterprise bindings: the claim is in region X.
		{pattern: "GET /staff/bindings", path: fixed("/staff/bindings"), want: officers,
			present: fixed("138****8053"), shows: []actor{offX, admin}},
		{pattern: "POST /staff/bindings/verify", path: fixed("/staff/bindings/verify"),
			form: func(s *authzSeed) url.Values { return form("user_id", s.claimant, "credit_code", applyCredit) },
			want: w{L, no, no, see, no, no, no, see}},

		// 我要申报: A's submitted application and draft, of region X.
		{pattern: "GET /applications/new", path: func(s *authzSeed) string { return "/applications/new?policy=" + s.policy + "&measure=" + s.measure },
			want: enterprise},
		{pattern: "GET /applications", path: fixed("/applications"), want: enterprise,
			present: func(s *authzSeed) string { return s.submitted }, shows: []actor{entA}},
		{pattern: "POST /applications", path: fixed("/applications"),
			form: func(s *authzSeed) url.Values {
				return form("credit_code", applyCredit, "policy", s.policy, "measure", s.measure)
			}, want: w{L, see, no, no, no, no, no, no}},
		{pattern: "GET /applications/{id}", path: app(""), want: w{L, ok, none, none, none, ok, none, ok}},
		{pattern: "GET /applications/{id}", path: draft(""), want: w{L, ok, none, none, none, none, none, none}},
		{pattern: "POST /applications/{id}", path: draft(""), form: fields("revision", "999"), want: w{L, http.StatusConflict, none, no, no, no, no, no}},
		{pattern: "POST /applications/{id}", path: app(""), want: w{L, no, none, no, no, no, no, no}},
		{pattern: "POST /applications/{id}/files", path: draft("/files"), upload: true, want: w{L, see, none, no, no, no, no, no}},
		{pattern: "POST /applications/{id}/files", path: app("/files"), upload: true, want: w{L, no, none, no, no, no, no, no}},
		{pattern: "POST /applications/{id}/files/{fid}/delete", path: func(s *authzSeed) string { return "/applications/" + s.draft + "/files/" + s.draftFile2 + "/delete" },
			want: w{L, see, none, no, no, no, no, no}},
		{pattern: "GET /applications/{id}/files/{fid}", path: func(s *authzSeed) string { return "/applications/" + s.submitted + "/files/" + s.subFile },
			want: w{L, ok, none, none, none, ok, none, ok}},
		{pattern: "GET /applications/{id}/files/{fid}", path: func(s *authzSeed) string { return "/applications/" + s.draft + "/files/" + s.draftFile },
			want: w{L, ok, none, none, none, none, none, none}},
		{pattern: "GET /applications/{id}/files/{fid}", path: func(s *authzSeed) string { return "/applications/" + s.submitted + "/files/" + s.draftFile },
			want: w{L, none, none, none, none, none, none, none}},
		{pattern: "POST /applications/{id}/code", path: draft("/code"), want: w{L, see, none, no, no, no, no, no}},
		{pattern: "POST /applications/{id}/submit", path: draft("/submit"), form: fields("code", "000000"), want: w{L, bad, none, no, no, no, no, no}}, // 400: no contact yet
		{pattern: "GET /staff/applications", path: fixed("/staff/applications"), want: reviewers,
			present: func(s *authzSeed) string { return s.submitted }, shows: []actor{revX, admin}},
		{pattern: "GET /staff/applications/{id}", path: func(s *authzSeed) string { return "/staff/applications/" + s.submitted },
			want: w{L, no, no, no, no, ok, none, ok}},
		{pattern: "POST /staff/applications/{id}", path: func(s *authzSeed) string { return "/staff/applications/" + s.submitted },
			form: fields("action", "bogus"), want: w{L, no, no, no, no, bad, none, bad}},

		// 政策核对: the policy of region X and one of its measures.
		{pattern: "GET /staff/policies", path: fixed("/staff/policies"), want: officers},
		{pattern: "GET /staff/policies/{id}/curate", path: func(s *authzSeed) string { return "/staff/policies/" + s.policy + "/curate" },
			want: w{L, no, no, ok, no, no, no, ok}},
		{pattern: "POST /staff/policies/{id}/curate", path: func(s *authzSeed) string { return "/staff/policies/" + s.policy + "/curate" },
			form: fields("base", "1"), want: w{L, no, no, see, no, no, no, http.StatusConflict}, late: true}, // X saved version 2 first
		{pattern: "GET /staff/measures/{mid}/rule", path: func(s *authzSeed) string { return "/staff/measures/" + s.measure + "/rule" },
			want: w{L, no, no, ok, no, no, no, ok}},
		{pattern: "POST /staff/measures/{mid}/rule", path: func(s *authzSeed) string { return "/staff/measures/" + s.measure + "/rule" },
			form: fields("yaml", ""), want: w{L, no, no, bad, no, no, no, bad}},
	}
}

// with is w with the actor's outcome replaced.
func (x w) with(a actor, status int) w {
	x[a] = status
	return x
}
