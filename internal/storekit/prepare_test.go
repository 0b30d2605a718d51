package storekit_test

import (
	"reflect"
	"testing"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/internal/storekit"
	"github.com/huiqi-dev/huiqi/storetest"
)

func TestPrepareFillsSource(t *testing.T) {
	p, raw := storetest.RichPolicy()
	pr, err := storekit.Prepare(p, raw)
	if err != nil {
		t.Fatal(err)
	}
	if pr.Policy.Source.SHA256 != pr.FileSHA || pr.Policy.Source.Size != int64(len(raw)) {
		t.Errorf("source = %+v, want sha %s size %d", pr.Policy.Source, pr.FileSHA, len(raw))
	}
	if p.Source.SHA256 != "" {
		t.Errorf("Prepare changed the caller's policy")
	}
	if pr.ID != huiqi.PolicyID(huiqi.IdentityKey(p)) {
		t.Errorf("ID = %s, want the PolicyID of the identity key", pr.ID)
	}
}

func TestPrepareSourceHash(t *testing.T) {
	tests := []struct {
		name   string
		source huiqi.Source
		ok     bool
	}{
		{"empty is filled", huiqi.Source{}, true},
		{"matching, upper case", huiqi.Source{SHA256: "2CF24DBA5FB0A30E26E83B2AC5B9E29E1B161E5C1FA7425E73043362938B9824"}, true},
		{"other bytes", huiqi.Source{SHA256: huiqi.TextHash("other")}, false},
		// A JSONL record's source names the corpus file; raw is the line.
		{"other bytes of a JSONL record", huiqi.Source{SHA256: huiqi.TextHash("other"), Record: 7}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := &huiqi.Policy{Text: "hello", Source: tt.source}
			_, err := storekit.Prepare(p, []byte("hello"))
			if (err == nil) != tt.ok {
				t.Errorf("Prepare: %v, want ok %v", err, tt.ok)
			}
			if err != nil && huiqi.ErrorCode(err) != huiqi.EINVALID {
				t.Errorf("code %s, want invalid", huiqi.ErrorCode(err))
			}
		})
	}
}

func TestPrepareStrings(t *testing.T) {
	tests := []struct {
		name, text string
		ok         bool
	}{
		{"plain", "对企业给予补助", true},
		{"real replacement character", "乱码\uFFFD字", true},
		{"escaped backslash before u0000", `C:\u0000`, true},
		{"NUL", "a\x00b", false},
		{"invalid UTF-8", "a\xffb", false},
		{"backslash then NUL", "\\\x00", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := storekit.Prepare(&huiqi.Policy{Text: tt.text}, nil)
			if (err == nil) != tt.ok {
				t.Errorf("Prepare(%q): %v, want ok %v", tt.text, err, tt.ok)
			}
		})
	}
}

func TestPage(t *testing.T) {
	tests := []struct {
		name          string
		f             huiqi.PolicyFilter
		limit, offset int
		ok            bool
	}{
		{"default", huiqi.PolicyFilter{}, storekit.DefaultLimit, 0, true},
		{"given", huiqi.PolicyFilter{Limit: 5, Offset: 10}, 5, 10, true},
		{"capped", huiqi.PolicyFilter{Limit: 1 << 20}, storekit.MaxLimit, 0, true},
		{"negative offset", huiqi.PolicyFilter{Offset: -1}, 0, 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l, o, err := storekit.Page(tt.f)
			if (err == nil) != tt.ok || l != tt.limit || o != tt.offset {
				t.Errorf("Page(%+v) = %d, %d, %v", tt.f, l, o, err)
			}
		})
	}
}

// FuzzPrepare: any text and bytes either fail as EINVALID or give a doc that
// decodes back to the same policy.
func FuzzPrepare(f *testing.F) {
	f.Add("对企业给予20万元补助", []byte("raw"), "临政办发〔2017〕132号")
	f.Add("", []byte{}, "")
	f.Add("a\x00\\u0000\xff", []byte{0xff}, "\\")
	f.Fuzz(func(t *testing.T, text string, raw []byte, docNumber string) {
		p := &huiqi.Policy{Text: text, DocNumber: docNumber, Title: text}
		pr, err := storekit.Prepare(p, raw)
		if err != nil {
			if huiqi.ErrorCode(err) != huiqi.EINVALID {
				t.Fatalf("Prepare error %v is not EINVALID", err)
			}
			return
		}
		doc, err := pr.Doc(3)
		if err != nil {
			t.Fatal(err)
		}
		got, err := storekit.DecodePolicy(doc)
		if err != nil {
			t.Fatal(err)
		}
		want := pr.Policy
		want.ID, want.Version = pr.ID, 3
		if !reflect.DeepEqual(got, &want) {
			t.Fatalf("round trip differs:\n got %+v\nwant %+v", got, &want)
		}
	})
}
