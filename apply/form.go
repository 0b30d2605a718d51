package apply

import (
	"context"
	"strings"
	"unicode/utf8"

	"github.com/huiqi-dev/huiqi"
)

// Form fields. The applicant edits the contact, the address, the
// statement and the value of each condition (cond.<n>.value); the rest is
// prefilled from the match and kept as it was.
const (
	FieldContactName  = "contact_name"
	FieldContactPhone = "contact_phone"
	FieldAddress      = "address"
	FieldStatement    = "statement" // 申报说明
	FieldMatchStatus  = "match.status"
	FieldMatchReasons = "match.reasons"
	FieldCitedText    = "match.cited"
)

// maxFieldRunes bounds one answer.
const maxFieldRunes = 2000

// Editable reports whether the applicant may write the form field key.
func Editable(form map[string]string, key string) bool {
	switch key {
	case FieldContactName, FieldContactPhone, FieldAddress, FieldStatement:
		return true
	}
	if n, ok := strings.CutSuffix(key, ".value"); ok && strings.HasPrefix(n, "cond.") {
		_, known := form[n+".label"]
		return known
	}
	return false
}

// Save replaces the answers of u's editable application id with those of
// form (fields not given are kept) as of revision; EINVALID names a field
// the applicant may not write or too long an answer.
func (s *Service) Save(ctx context.Context, u *huiqi.User, id string, revision int, form map[string]string) (*huiqi.Application, error) {
	a, err := s.own(ctx, u, id, revision)
	if err != nil {
		return nil, err
	}
	next := make(map[string]string, len(a.Form)+len(form))
	for k, v := range a.Form {
		next[k] = v
	}
	var changed []string
	for k, v := range form {
		if !Editable(a.Form, k) {
			return nil, huiqi.Errorf(huiqi.EINVALID, "申报表中没有可填写的字段 %q", k)
		}
		v = strings.TrimSpace(v)
		if utf8.RuneCountInString(v) > maxFieldRunes {
			return nil, huiqi.Errorf(huiqi.EINVALID, "字段 %q 超过 %d 字", k, maxFieldRunes)
		}
		if next[k] != v {
			next[k] = v
			changed = append(changed, k)
		}
	}
	a.Form = next
	ev := s.entry(u, "application.save", a.ID, map[string]any{"fields": changed, "revision": a.Revision + 1})
	if err := s.Apps.UpdateApplication(ctx, a, nil, ev); err != nil {
		return nil, err
	}
	return a, nil
}

// complete refuses to submit a form without a contact.
func complete(a *huiqi.Application) error {
	for k, label := range map[string]string{FieldContactName: "联系人", FieldContactPhone: "联系电话"} {
		if strings.TrimSpace(a.Form[k]) == "" {
			return huiqi.Errorf(huiqi.EINVALID, "请先填写%s（%s）并保存草稿，再提交", label, k)
		}
	}
	return nil
}
