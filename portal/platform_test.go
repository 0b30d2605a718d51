package portal

import "testing"

// TestSignInURL: the page sign-in comes back to is a path of this site,
// never another origin however it is spelled.
func TestSignInURL(t *testing.T) {
	cases := []struct{ next, want string }{
		{"/applications/ap_x?tab=1", "/login?next=%2Fapplications%2Fap_x%3Ftab%3D1"},
		{"https://evil.example/", "/login?next=%2F"},
		{"//evil.example/", "/login?next=%2F"},
		{`/\evil.example/`, "/login?next=%2F"},
		{`/a\b`, "/login?next=%2F"},
		{"/a\r\nSet-Cookie: x", "/login?next=%2F"},
		{"javascript:alert(1)", "/login?next=%2F"},
		{"", "/login?next=%2F"},
	}
	for _, c := range cases {
		if got := signInURL(c.next); got != c.want {
			t.Errorf("signInURL(%q) = %q, want %q", c.next, got, c.want)
		}
	}
}
