package storetest

import (
	"bytes"
	"context"
	"testing"

	"github.com/huiqi-dev/huiqi"
)

func testOriginalBytes(t *testing.T, s huiqi.PolicyStore) {
	ctx := context.Background()
	p, raw := RichPolicy()
	keep := bytes.Clone(raw)
	res := save(t, s, p, raw, huiqi.SaveCreated)
	src, got, err := s.OriginalFile(ctx, res.ID, res.Version)
	if err != nil {
		t.Fatalf("OriginalFile: %v", err)
	}
	if !bytes.Equal(got, keep) {
		t.Errorf("OriginalFile bytes differ: got %d bytes %x…, want %d bytes %x…", len(got), head(got), len(keep), head(keep))
	}
	if src != p.Source || src.SHA256 == "" || src.Size != int64(len(keep)) {
		t.Errorf("OriginalFile source = %+v, want %+v with sha256 and size %d", src, p.Source, len(keep))
	}
	// A second version keeps its own file; the first stays readable.
	p2, _ := RichPolicy()
	p2.Text += "附件\n"
	raw2 := append(bytes.Clone(keep), 0x80, 0x00, 0xFE)
	save(t, s, p2, raw2, huiqi.SaveNewVersion)
	if _, got, _ := s.OriginalFile(ctx, res.ID, 1); !bytes.Equal(got, keep) {
		t.Errorf("version 1 bytes changed after version 2 was saved")
	}
	if _, got, _ := s.OriginalFile(ctx, res.ID, 2); !bytes.Equal(got, raw2) {
		t.Errorf("version 2 bytes differ")
	}
}

func head(b []byte) []byte { return b[:min(len(b), 8)] }

func testDelete(t *testing.T, s huiqi.PolicyStore) {
	ctx := context.Background()
	empty := rowCounts(t, s)
	p, raw := RichPolicy()
	save(t, s, p, raw, huiqi.SaveCreated)
	p2, _ := RichPolicy()
	p2.Text += "附件\n"
	save(t, s, p2, []byte(p2.Text), huiqi.SaveNewVersion)
	other, otherRaw := Simple(1, "330100", "通知")
	save(t, s, other, otherRaw, huiqi.SaveCreated)
	withOther := rowCounts(t, s)

	if err := s.DeletePolicy(ctx, p.ID); err != nil {
		t.Fatalf("DeletePolicy: %v", err)
	}
	_, err := s.FindPolicy(ctx, p.ID)
	wantCode(t, "FindPolicy after delete", err, huiqi.ENOTFOUND)
	_, err = s.FindPolicyVersion(ctx, p.ID, 1)
	wantCode(t, "FindPolicyVersion after delete", err, huiqi.ENOTFOUND)
	_, _, err = s.OriginalFile(ctx, p.ID, 2)
	wantCode(t, "OriginalFile after delete", err, huiqi.ENOTFOUND)
	wantCode(t, "second DeletePolicy", s.DeletePolicy(ctx, p.ID), huiqi.ENOTFOUND)
	if _, n, _ := s.ListPolicies(ctx, huiqi.PolicyFilter{}); n != 1 {
		t.Errorf("ListPolicies total after delete = %d, want 1", n)
	}
	if _, err := s.FindPolicy(ctx, other.ID); err != nil {
		t.Errorf("the other policy is gone: %v", err)
	}
	if err := s.DeletePolicy(ctx, other.ID); err != nil {
		t.Fatalf("DeletePolicy(other): %v", err)
	}
	if after := rowCounts(t, s); !equalCounts(after, empty) {
		t.Errorf("rows left after deleting everything: %v (had %v)", after, withOther)
	}
}

// testDeleteSharedFile: a file two policies point at survives the deletion of one.
func testDeleteSharedFile(t *testing.T, s huiqi.PolicyStore) {
	ctx := context.Background()
	p1, raw := RichPolicy()
	save(t, s, p1, raw, huiqi.SaveCreated)
	p2, _ := RichPolicy()
	p2.DocNumber = "临政办发〔2024〕9号"
	save(t, s, p2, raw, huiqi.SaveCreated)
	if err := s.DeletePolicy(ctx, p1.ID); err != nil {
		t.Fatalf("DeletePolicy: %v", err)
	}
	_, got, err := s.OriginalFile(ctx, p2.ID, 1)
	if err != nil || !bytes.Equal(got, raw) {
		t.Errorf("shared file lost with the other policy: %v", err)
	}
	if err := s.DeletePolicy(ctx, p2.ID); err != nil {
		t.Fatalf("DeletePolicy: %v", err)
	}
	if n := rowCounts(t, s)["files"]; n != 0 {
		t.Errorf("files rows = %d after deleting both policies, want 0", n)
	}
}
