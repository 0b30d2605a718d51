package storetest

import (
	"context"
	"fmt"
	"reflect"
	"strings"
	"sync"
	"testing"

	"github.com/huiqi-dev/huiqi"
)

func testProfileSaveFind(t *testing.T, s huiqi.ProfileStore) {
	p := RichProfile("draft:abc")
	p.Draft = true
	p.Problems = []huiqi.ProfileProblem{{Path: "employees", Msg: "不是整数"}}
	p.Entered = map[string]string{"employees": "12x"}
	saveProfile(t, s, p, 1)
	got := findProfile(t, s, "draft:abc")
	if !reflect.DeepEqual(got, p) {
		t.Errorf("found\n%+v\nwant what was saved\n%+v", got, p)
	}
}

func testProfileUnchanged(t *testing.T, s huiqi.ProfileStore) {
	saveProfile(t, s, RichProfile("k1"), 1)
	again := RichProfile("k1")
	saveProfile(t, s, again, 1)
	vs, err := s.ProfileVersions(context.Background(), "k1")
	if err != nil || len(vs) != 1 {
		t.Fatalf("versions after an unchanged save: %v, %v", vs, err)
	}
	if !again.SavedAt.Equal(vs[0].SavedAt) {
		t.Errorf("unchanged save reports time %v, stored %v", again.SavedAt, vs[0].SavedAt)
	}
	draft := RichProfile("k1")
	draft.Draft = true // the same profile, now a draft: a new version
	saveProfile(t, s, draft, 2)
}

func testProfileVersions(t *testing.T, s huiqi.ProfileStore) {
	p := RichProfile("user:7")
	p.Draft = true
	saveProfile(t, s, p, 1)
	q := RichProfile("user:7")
	*q.Profile.Employees = 130
	saveProfile(t, s, q, 2)
	vs, err := s.ProfileVersions(context.Background(), "user:7")
	if err != nil {
		t.Fatal(err)
	}
	if len(vs) != 2 || vs[0].Version != 1 || !vs[0].Draft || vs[1].Version != 2 || vs[1].Draft {
		t.Fatalf("versions %+v, want 1 (draft) then 2", vs)
	}
	if vs[1].SavedAt.Before(vs[0].SavedAt) {
		t.Errorf("version 2 saved before version 1: %+v", vs)
	}
	if got := findProfile(t, s, "user:7"); *got.Profile.Employees != 130 || got.Version != 2 || got.Draft {
		t.Errorf("latest is version %d, employees %d, draft %v", got.Version, *got.Profile.Employees, got.Draft)
	}
}

// testProfileNoCertifications: a profile that lists no certifications is
// not one that does not say (rules answer unmet, not unknown).
func testProfileNoCertifications(t *testing.T, s huiqi.ProfileStore) {
	none := &huiqi.SavedProfile{Key: "none", Profile: huiqi.Enterprise{Certifications: []huiqi.Certification{}}}
	silent := &huiqi.SavedProfile{Key: "silent"}
	saveProfile(t, s, none, 1)
	saveProfile(t, s, silent, 1)
	if got := findProfile(t, s, "none").Profile.Certifications; got == nil || len(got) != 0 {
		t.Errorf("listed none: got %#v, want an empty list", got)
	}
	if got := findProfile(t, s, "silent").Profile.Certifications; got != nil {
		t.Errorf("not said: got %#v, want nil", got)
	}
}

func testProfileKeysApart(t *testing.T, s huiqi.ProfileStore) {
	a, b := RichProfile("a"), RichProfile("b")
	b.Profile.Name = "另一家企业"
	saveProfile(t, s, a, 1)
	saveProfile(t, s, b, 1)
	if got := findProfile(t, s, "a").Profile.Name; got != a.Profile.Name {
		t.Errorf("key a holds %q", got)
	}
}

func testProfileNotFound(t *testing.T, s huiqi.ProfileStore) {
	ctx := context.Background()
	_, err := s.FindProfile(ctx, "draft:none")
	wantCode(t, "FindProfile", err, huiqi.ENOTFOUND)
	_, err = s.ProfileVersions(ctx, "draft:none")
	wantCode(t, "ProfileVersions", err, huiqi.ENOTFOUND)
	wantCode(t, "DeleteProfile", s.DeleteProfile(ctx, "draft:none"), huiqi.ENOTFOUND)
}

func testProfileInvalidKey(t *testing.T, s huiqi.ProfileStore) {
	ctx := context.Background()
	for _, key := range []string{"", "has space", "中文", strings.Repeat("k", huiqi.MaxProfileKey+1), "a'b"} {
		p := RichProfile(key)
		wantCode(t, fmt.Sprintf("SaveProfile(%q)", key), s.SaveProfile(ctx, p), huiqi.EINVALID)
		_, err := s.FindProfile(ctx, key)
		wantCode(t, fmt.Sprintf("FindProfile(%q)", key), err, huiqi.EINVALID)
	}
	wantCode(t, "SaveProfile(nil)", s.SaveProfile(ctx, nil), huiqi.EINVALID)
}

func testProfileDelete(t *testing.T, s huiqi.ProfileStore) {
	ctx := context.Background()
	saveProfile(t, s, RichProfile("gone"), 1)
	saveProfile(t, s, RichProfile("kept"), 1)
	if err := s.DeleteProfile(ctx, "gone"); err != nil {
		t.Fatal(err)
	}
	_, err := s.FindProfile(ctx, "gone")
	wantCode(t, "FindProfile after delete", err, huiqi.ENOTFOUND)
	_, err = s.ProfileVersions(ctx, "gone")
	wantCode(t, "ProfileVersions after delete", err, huiqi.ENOTFOUND)
	findProfile(t, s, "kept")
	saveProfile(t, s, RichProfile("gone"), 1) // a deleted key starts again
}

// testProfileConcurrent: saves under one key at once each get a version,
// numbered without gaps.
func testProfileConcurrent(t *testing.T, s huiqi.ProfileStore) {
	const n = 8
	var wg sync.WaitGroup
	errs := make(chan error, n)
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			p := RichProfile("draft:busy")
			*p.Profile.Employees = 100 + i
			errs <- s.SaveProfile(context.Background(), p)
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Errorf("concurrent save: %v", err)
		}
	}
	vs, err := s.ProfileVersions(context.Background(), "draft:busy")
	if err != nil {
		t.Fatal(err)
	}
	for i, v := range vs {
		if v.Version != i+1 {
			t.Fatalf("versions %+v: want 1..%d without gaps", vs, n)
		}
	}
	if len(vs) != n {
		t.Errorf("%d versions, want %d", len(vs), n)
	}
}
