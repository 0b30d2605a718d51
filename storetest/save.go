package storetest

import (
	"context"
	"testing"

	"github.com/huiqi-dev/huiqi"
)

func testCreate(t *testing.T, s huiqi.PolicyStore) {
	p, raw := RichPolicy()
	res := save(t, s, p, raw, huiqi.SaveCreated)
	if want := huiqi.PolicyID(huiqi.IdentityKey(p)); res.ID != want || res.Version != 1 {
		t.Errorf("result = %+v, want ID %s version 1", res, want)
	}
	got, err := s.FindPolicy(context.Background(), res.ID)
	if err != nil {
		t.Fatalf("FindPolicy: %v", err)
	}
	if got.ID != res.ID || got.Version != 1 || got.Title != p.Title {
		t.Errorf("FindPolicy = %s v%d %q", got.ID, got.Version, got.Title)
	}
}

func testUnchangedSameFile(t *testing.T, s huiqi.PolicyStore) {
	ctx := context.Background()
	p, raw := RichPolicy()
	first := save(t, s, p, raw, huiqi.SaveCreated)
	before := rowCounts(t, s)
	// The same file again, extracted differently (a new extractor): still unchanged.
	again, _ := RichPolicy()
	again.Measures = again.Measures[:1]
	again.Text += "附件\n"
	res := save(t, s, again, raw, huiqi.SaveUnchanged)
	if res.ID != first.ID || res.Version != 1 {
		t.Errorf("unchanged result = %+v, want %s v1", res, first.ID)
	}
	if after := rowCounts(t, s); !equalCounts(before, after) {
		t.Errorf("unchanged save wrote rows: before %v, after %v", before, after)
	}
	got, err := s.FindPolicy(ctx, res.ID)
	if err != nil {
		t.Fatalf("FindPolicy: %v", err)
	}
	if len(got.Measures) != 2 {
		t.Errorf("stored version was overwritten: %d measures, want 2", len(got.Measures))
	}
}

func testUnchangedSameText(t *testing.T, s huiqi.PolicyStore) {
	p, raw := RichPolicy()
	save(t, s, p, raw, huiqi.SaveCreated)
	// The same text from another file (a UTF-8 copy of a GB18030 original).
	again, _ := RichPolicy()
	again.Source = huiqi.Source{FileName: "copy.txt", Format: "txt", Encoding: "utf-8"}
	res := save(t, s, again, []byte(again.OriginalText), huiqi.SaveUnchanged)
	if res.Version != 1 {
		t.Errorf("version = %d, want 1", res.Version)
	}
	vs, err := s.ListVersions(context.Background(), res.ID)
	if err != nil || len(vs) != 1 {
		t.Errorf("ListVersions = %d versions, %v; want 1", len(vs), err)
	}
}

func testNewVersion(t *testing.T, s huiqi.PolicyStore) {
	ctx := context.Background()
	p1, raw1 := RichPolicy()
	save(t, s, p1, raw1, huiqi.SaveCreated)
	p2, _ := RichPolicy()
	p2.Text += "附件:申报指南\n"
	p2.Source.FileName = "临政办发2024-1号(修订).txt"
	raw2 := []byte(p2.Text)
	res := save(t, s, p2, raw2, huiqi.SaveNewVersion)
	if res.ID != p1.ID || res.Version != 2 {
		t.Fatalf("result = %+v, want %s v2", res, p1.ID)
	}
	latest, err := s.FindPolicy(ctx, res.ID)
	if err != nil || latest.Version != 2 || latest.Text != p2.Text {
		t.Errorf("FindPolicy = v%d, %v; want version 2 with the new text", versionOf(latest), err)
	}
	old, err := s.FindPolicyVersion(ctx, res.ID, 1)
	if err != nil || old.Version != 1 || old.Text != p1.Text {
		t.Errorf("FindPolicyVersion(1) = v%d, %v; want version 1 with the old text", versionOf(old), err)
	}
	vs, err := s.ListVersions(ctx, res.ID)
	if err != nil {
		t.Fatalf("ListVersions: %v", err)
	}
	want := []huiqi.VersionInfo{
		{Version: 1, Title: p1.Title, SHA256: p1.Source.SHA256, FileName: p1.Source.FileName},
		{Version: 2, Title: p2.Title, SHA256: p2.Source.SHA256, FileName: p2.Source.FileName},
	}
	if len(vs) != len(want) {
		t.Fatalf("ListVersions = %+v, want 2 versions", vs)
	}
	for i, v := range vs {
		if v.CreatedAt.IsZero() {
			t.Errorf("version %d has no created_at", v.Version)
		}
		v.CreatedAt = want[i].CreatedAt
		if v != want[i] {
			t.Errorf("version %d = %+v, want %+v", i+1, v, want[i])
		}
	}
	// Saving version 1's file again changes nothing either: every version is
	// compared, so re-ingesting a folder whose two files share an identity is
	// idempotent. The result names the version that holds it.
	p3, raw3 := RichPolicy()
	if res := save(t, s, p3, raw3, huiqi.SaveUnchanged); res.Version != 1 {
		t.Errorf("re-save of version 1's file = %+v, want version 1", res)
	}
}

// testTextOnly saves a policy without source bytes: it is stored, and asking
// for its file is ENOTFOUND.
func testTextOnly(t *testing.T, s huiqi.PolicyStore) {
	p, _ := Simple(1, "", "通知")
	res := save(t, s, p, nil, huiqi.SaveCreated)
	_, _, err := s.OriginalFile(context.Background(), res.ID, 1)
	wantCode(t, "OriginalFile of a text-only policy", err, huiqi.ENOTFOUND)
	same, _ := Simple(1, "", "通知")
	save(t, s, same, nil, huiqi.SaveUnchanged)
}

// testSameFileOtherIdentity: the same bytes saved under another identity (the
// extractor changed its mind about the doc number) make a second policy; the
// identity key wins and the file is stored once.
func testSameFileOtherIdentity(t *testing.T, s huiqi.PolicyStore) {
	p1, raw := RichPolicy()
	save(t, s, p1, raw, huiqi.SaveCreated)
	p2, _ := RichPolicy()
	p2.DocNumber = "临政办发〔2024〕2号"
	res := save(t, s, p2, raw, huiqi.SaveCreated)
	if res.ID == p1.ID {
		t.Errorf("another identity got the same ID %s", res.ID)
	}
	if n := rowCounts(t, s)["files"]; n != 1 {
		t.Errorf("files rows = %d, want 1 (stored once)", n)
	}
}

func testNotFound(t *testing.T, s huiqi.PolicyStore) {
	ctx := context.Background()
	p, raw := RichPolicy()
	save(t, s, p, raw, huiqi.SaveCreated)
	tests := []struct {
		name string
		call func() error
	}{
		{"FindPolicy unknown", func() error { _, err := s.FindPolicy(ctx, "000000000000"); return err }},
		{"FindPolicyVersion 0", func() error { _, err := s.FindPolicyVersion(ctx, p.ID, 0); return err }},
		{"FindPolicyVersion 2", func() error { _, err := s.FindPolicyVersion(ctx, p.ID, 2); return err }},
		{"FindPolicyVersion unknown id", func() error { _, err := s.FindPolicyVersion(ctx, "nope", 1); return err }},
		{"ListVersions unknown", func() error { _, err := s.ListVersions(ctx, "nope"); return err }},
		{"OriginalFile version 9", func() error { _, _, err := s.OriginalFile(ctx, p.ID, 9); return err }},
		{"DeletePolicy unknown", func() error { return s.DeletePolicy(ctx, "nope") }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { wantCode(t, tt.name, tt.call(), huiqi.ENOTFOUND) })
	}
}

func versionOf(p *huiqi.Policy) int {
	if p == nil {
		return 0
	}
	return p.Version
}

func equalCounts(a, b map[string]int) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}
