package portal

import (
	"testing"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/consult"
)

func TestCiteLinks(t *testing.T) {
	for _, c := range []struct{ name, text, want string }{
		{"one", "给予300万元[1]。", `给予300万元<a class="cite" href="#q-1">[1]</a>。`},
		{"full width", "见【２】", `见<a class="cite" href="#q-2">[2]</a>`},
		{"out of range", "见[4]和[0]", "见[4]和[0]"},
		{"markup", `<script>x</script>[1]`, `&lt;script&gt;x&lt;/script&gt;<a class="cite" href="#q-1">[1]</a>`},
		{"lines", "一\n二", "一<br>二"},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := string(citeLinks(c.text, "q-", 3)); got != c.want {
				t.Errorf("citeLinks(%q) = %q, want %q", c.text, got, c.want)
			}
		})
	}
}

func TestValidityText(t *testing.T) {
	d := func(y, m, day int) huiqi.Date { return huiqi.Date{Year: y, Month: m, Day: day} }
	for _, c := range []struct {
		v    consult.Validity
		want string
	}{
		{consult.Validity{EffectiveOn: d(2021, 1, 1), ExpiresOn: d(2023, 12, 31)}, "2021年1月1日起施行，至2023年12月31日止"},
		{consult.Validity{Rule: "自发布之日起施行"}, "自发布之日起施行"},
		{consult.Validity{Text: "有效期三年"}, "有效期三年"},
	} {
		if got := validityText(&c.v); got != c.want {
			t.Errorf("validityText(%+v) = %q, want %q", c.v, got, c.want)
		}
	}
}
