package huiqi_test

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/huiqi-dev/huiqi"
)

func TestDate(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		in    string
		want  string
		err   bool
		valid bool
	}{
		{"date", "2023-07-12", "2023-07-12", false, true},
		{"empty is unset", "", "", false, true},
		{"bad month", "2023-13-01", "", true, false},
		{"not a date", "7月12日", "", true, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := huiqi.ParseDate(tt.in)
			if (err != nil) != tt.err {
				t.Fatalf("ParseDate(%q) error %v, want error %v", tt.in, err, tt.err)
			}
			if err != nil {
				if huiqi.ErrorCode(err) != huiqi.EINVALID {
					t.Errorf("error code %q, want invalid", huiqi.ErrorCode(err))
				}
				return
			}
			if d.String() != tt.want || !d.Valid() {
				t.Errorf("got %q valid=%v, want %q", d.String(), d.Valid(), tt.want)
			}
		})
	}
	if (huiqi.Date{Year: 2023, Month: 2, Day: 30}).Valid() {
		t.Error("2023-02-30 reported valid")
	}
}

func TestDateJSON(t *testing.T) {
	t.Parallel()
	var v struct {
		A huiqi.Date `json:"a"`
		B huiqi.Date `json:"b"`
	}
	if err := json.Unmarshal([]byte(`{"a":"2018-06-19","b":null}`), &v); err != nil {
		t.Fatal(err)
	}
	b, _ := json.Marshal(v)
	if string(b) != `{"a":"2018-06-19","b":null}` {
		t.Errorf("round trip gave %s", b)
	}
	if err := json.Unmarshal([]byte(`{"a":"2018-6-19"}`), &v); err == nil {
		t.Error("a malformed date was accepted")
	}
}

func TestIdentityKey(t *testing.T) {
	t.Parallel()
	a := &huiqi.Policy{DocNumber: "临政办发〔2017〕132号", Title: "甲"}
	b := &huiqi.Policy{DocNumber: "临政办发[2017]132号", Title: "乙"}
	if huiqi.IdentityKey(a) != huiqi.IdentityKey(b) {
		t.Errorf("the same 文号 in other brackets gave two identities: %q %q", huiqi.IdentityKey(a), huiqi.IdentityKey(b))
	}
	c := &huiqi.Policy{Title: "云岩区提升科技创新动能行动方案", Issuers: []string{"云岩区人民政府办公室"}}
	d := &huiqi.Policy{Title: "云岩区提升科技创新动能行动方案", Issuers: []string{"嘉兴市财政局"}}
	if huiqi.IdentityKey(c) == huiqi.IdentityKey(d) {
		t.Error("one title from two issuers gave one identity")
	}
	if id := huiqi.PolicyID(huiqi.IdentityKey(c)); len(id) != 12 || id != huiqi.PolicyID(huiqi.IdentityKey(c)) {
		t.Errorf("PolicyID %q is not a stable 12-character ID", id)
	}
	e := &huiqi.Policy{Text: "正文"}
	if !strings.HasPrefix(huiqi.IdentityKey(e), "tx:") {
		t.Errorf("a policy with no title or number should be known by its text, got %q", huiqi.IdentityKey(e))
	}
}

func TestPolicyJSONNullDocNumber(t *testing.T) {
	t.Parallel()
	b, err := json.Marshal(huiqi.Policy{Title: "t"})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), `"doc_number":null`) || strings.Count(string(b), `"doc_number"`) != 1 {
		t.Errorf("empty 文号 should marshal once as null: %s", b)
	}
	var p huiqi.Policy
	if err := json.Unmarshal([]byte(`{"title":"t","doc_number":"嘉科综〔2018〕47号"}`), &p); err != nil || p.DocNumber != "嘉科综〔2018〕47号" {
		t.Errorf("doc_number not read back: %q %v", p.DocNumber, err)
	}
}

func TestErrorCode(t *testing.T) {
	t.Parallel()
	err := huiqi.Errorf(huiqi.ENOTFOUND, "policy %q not found", "x")
	if huiqi.ErrorCode(err) != huiqi.ENOTFOUND || huiqi.ErrorMessage(err) != `policy "x" not found` {
		t.Errorf("got %q %q", huiqi.ErrorCode(err), huiqi.ErrorMessage(err))
	}
	if huiqi.ErrorCode(nil) != "" || huiqi.ErrorMessage(strings.NewReader("").UnreadByte()) != "internal error" {
		t.Error("nil and foreign errors mapped wrongly")
	}
}

func TestStatusOf(t *testing.T) {
	t.Parallel()
	day := time.Date(2024, 6, 1, 15, 0, 0, 0, time.UTC)
	tests := []struct {
		name string
		p    huiqi.Policy
		want huiqi.PolicyStatus
	}{
		{"no expiry", huiqi.Policy{}, huiqi.StatusInForce},
		{"expires later", huiqi.Policy{ExpiresOn: huiqi.Date{Year: 2024, Month: 12, Day: 31}}, huiqi.StatusInForce},
		{"last day still in force", huiqi.Policy{ExpiresOn: huiqi.Date{Year: 2024, Month: 6, Day: 1}}, huiqi.StatusInForce},
		{"expired", huiqi.Policy{ExpiresOn: huiqi.Date{Year: 2024, Month: 5, Day: 31}}, huiqi.StatusExpired},
		{"draft", huiqi.Policy{Draft: true, ExpiresOn: huiqi.Date{Year: 2020, Month: 1, Day: 1}}, huiqi.StatusDraft},
	}
	for _, tt := range tests {
		if got := huiqi.StatusOf(&tt.p, day); got != tt.want {
			t.Errorf("%s: StatusOf = %s, want %s", tt.name, got, tt.want)
		}
	}
}
