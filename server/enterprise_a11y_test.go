package server_test

import (
	"regexp"
	"strings"
	"testing"
)

var fieldsetTag = regexp.MustCompile(`<fieldset\b[^>]*>\s*(<legend)?`)

// TestEnterpriseAccessibility checks the 我的企业 pages of a profile with a
// mistake and of a correct one: landmarks, one h1, every control labelled
// (radios and checkboxes inside their label), every fieldset with its
// legend, every field error tied to its input, every table header scoped.
func TestEnterpriseAccessibility(t *testing.T) {
	_, srv := serve(t)
	v := newVisitor(t, srv.URL)
	bad := nanhu()
	bad.Set("employees", "一百二十")
	bad.Set("action", "draft")
	v.post(bad)
	_, draftForm := v.get("/enterprise")
	v.post(nanhu())
	_, results := v.get("/enterprise/results")
	policy := regexp.MustCompile(`href="(/policies/[0-9a-f]+)#c-`).FindStringSubmatch(results)
	if policy == nil {
		t.Fatal("no cited policy")
	}
	_, answer := v.get(policy[1] + "/enterprise")
	_, empty := newVisitor(t, srv.URL).get("/enterprise")
	pages := map[string]string{"form with a mistake": draftForm, "empty form": empty, "results": results, "policy answer": answer}
	for name, page := range pages {
		for _, w := range []string{`<html lang="zh-CN">`, `role="banner"`, `<main id="main"`, `role="contentinfo"`, `<a class="skip" href="#main">`} {
			if !strings.Contains(page, w) {
				t.Errorf("%s lacks %s", name, w)
			}
		}
		if n := strings.Count(page, "<h1"); n != 1 {
			t.Errorf("%s has %d h1", name, n)
		}
		for _, tag := range inputTag.FindAllString(page, -1) {
			if strings.Contains(tag, `type="hidden"`) || strings.Contains(tag, `type="radio"`) || strings.Contains(tag, `type="checkbox"`) {
				continue // wrapped in their label
			}
			m := inputID.FindStringSubmatch(tag)
			if m == nil || !strings.Contains(page, `for="`+m[1]+`"`) {
				t.Errorf("%s: %s has no label", name, tag)
			}
		}
		for _, fs := range fieldsetTag.FindAllStringSubmatch(page, -1) {
			if fs[1] == "" {
				t.Errorf("%s: %s has no legend", name, fs[0])
			}
		}
		for _, th := range thTag.FindAllString(page, -1) {
			if !strings.Contains(th, ` scope="`) {
				t.Errorf("%s: %s has no scope", name, th)
			}
		}
	}
	if !strings.Contains(draftForm, `aria-describedby="f-employees-hint f-employees-error" aria-invalid="true"`) {
		t.Error("the error of 职工总数 is not tied to its input")
	}
	if !regexp.MustCompile(`<div class="error-summary" id="problems" role="alert"`).MatchString(draftForm) {
		t.Error("the problems are not announced")
	}
}
