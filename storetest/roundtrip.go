package storetest

import (
	"context"
	"encoding/json"
	"reflect"
	"testing"

	"github.com/huiqi-dev/huiqi"
)

// testRoundTrip: every field of a rich policy comes back exactly as saved,
// from FindPolicy, FindPolicyVersion and after a second version exists.
func testRoundTrip(t *testing.T, s huiqi.PolicyStore) {
	ctx := context.Background()
	p, raw := RichPolicy()
	save(t, s, p, raw, huiqi.SaveCreated)
	want := *p // now with ID, Version and the filled Source
	if want.Source.SHA256 == "" || want.Source.Size != int64(len(raw)) {
		t.Errorf("SavePolicy did not fill Source: %+v", want.Source)
	}
	got, err := s.FindPolicy(ctx, p.ID)
	if err != nil {
		t.Fatalf("FindPolicy: %v", err)
	}
	assertSame(t, "FindPolicy", got, &want)

	p2, _ := RichPolicy()
	p2.Text += "附件\n"
	p2.Issuers = nil
	p2.Region = nil
	p2.Measures = []huiqi.Measure{}
	save(t, s, p2, nil, huiqi.SaveNewVersion)
	got1, err := s.FindPolicyVersion(ctx, p.ID, 1)
	if err != nil {
		t.Fatalf("FindPolicyVersion(1): %v", err)
	}
	assertSame(t, "FindPolicyVersion(1)", got1, &want)
	got2, err := s.FindPolicyVersion(ctx, p.ID, 2)
	if err != nil {
		t.Fatalf("FindPolicyVersion(2): %v", err)
	}
	assertSame(t, "FindPolicyVersion(2)", got2, p2)
}

func assertSame(t *testing.T, what string, got, want *huiqi.Policy) {
	t.Helper()
	if reflect.DeepEqual(got, want) {
		return
	}
	g, _ := json.MarshalIndent(got, "", " ")
	w, _ := json.MarshalIndent(want, "", " ")
	t.Errorf("%s differs from what was saved:\n got %s\nwant %s", what, g, w)
}
