package portal

import "testing"

func TestLocalPath(t *testing.T) {
	cases := []struct{ next, want string }{
		{"/enterprise", "/enterprise"},
		{"/policies/p1?tab=x#c2", "/policies/p1?tab=x#c2"},
		{"/search?q=%E8%A1%A5%E5%8A%A9", "/search?q=%E8%A1%A5%E5%8A%A9"},
		{"", ""},
		{"enterprise", ""},
		{"https://evil.example/", ""},
		{"//evil.example/x", ""},
		{"/\\evil.example", ""},
		{"/a\\b", ""},
		{"javascript:alert(1)", ""},
		{"/\r\nSet-Cookie: x=1", ""},
		{"/\x00", ""},
		{"http:/evil.example", ""},
	}
	for _, c := range cases {
		if got := localPath(c.next); got != c.want {
			t.Errorf("localPath(%q) = %q, want %q", c.next, got, c.want)
		}
	}
}
