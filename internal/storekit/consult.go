package storekit

import (
	"encoding/json"
	"strings"

	"github.com/huiqi-dev/huiqi"
)

// CheckThreadStatus refuses a status the domain does not know.
func CheckThreadStatus(s huiqi.ThreadStatus) error {
	if s != huiqi.ThreadOpen && s != huiqi.ThreadAnswered {
		return huiqi.Errorf(huiqi.EINVALID, "咨询状态 %q 无效", s)
	}
	return nil
}

// CheckThread refuses a thread without asker, policy or question, with an
// unknown status, or with a message CheckMessage refuses.
func CheckThread(t *huiqi.Thread) error {
	switch {
	case t == nil:
		return huiqi.Errorf(huiqi.EINVALID, "咨询为空")
	case t.UserID == "" || t.PolicyID == "":
		return huiqi.Errorf(huiqi.EINVALID, "咨询缺少提问用户或政策 (user %q, policy %q)", t.UserID, t.PolicyID)
	case strings.TrimSpace(t.Question) == "":
		return huiqi.Errorf(huiqi.EINVALID, "咨询问题为空")
	}
	for i := range t.Messages {
		if err := CheckMessage(&t.Messages[i]); err != nil {
			return err
		}
	}
	return CheckThreadStatus(t.Status)
}

// CheckMessage refuses a message without author or text.
func CheckMessage(m *huiqi.ThreadMessage) error {
	switch {
	case m == nil:
		return huiqi.Errorf(huiqi.EINVALID, "咨询消息为空")
	case m.By == "":
		return huiqi.Errorf(huiqi.EINVALID, "咨询消息缺少发送人")
	case strings.TrimSpace(m.Text) == "":
		return huiqi.Errorf(huiqi.EINVALID, "咨询消息内容为空")
	}
	return nil
}

// CheckNotifications refuses a notification without user or text.
func CheckNotifications(ns []huiqi.Notification) error {
	for _, n := range ns {
		if n.UserID == "" || strings.TrimSpace(n.Text) == "" {
			return huiqi.Errorf(huiqi.EINVALID, "通知缺少用户或内容 (user %q, text %q)", n.UserID, n.Text)
		}
	}
	return nil
}

// EncodeCitations is a message's citations as stored: a JSON array.
func EncodeCitations(cs []huiqi.Provenance) (string, error) {
	if cs == nil {
		cs = []huiqi.Provenance{}
	}
	b, err := json.Marshal(cs)
	return string(b), err
}

// DecodeCitations reads stored citations; none is nil.
func DecodeCitations(b []byte) ([]huiqi.Provenance, error) {
	var cs []huiqi.Provenance
	if err := json.Unmarshal(b, &cs); err != nil || len(cs) == 0 {
		return nil, err
	}
	return cs, nil
}

// CheckNewThread checks a new thread, open unless t.Status says
// otherwise, the notifications it sends and its audit entry.
func CheckNewThread(t *huiqi.Thread, notify []huiqi.Notification, ev *huiqi.AuditEntry) error {
	if t != nil && t.Status == "" {
		t.Status = huiqi.ThreadOpen
	}
	if err := CheckThread(t); err != nil {
		return err
	}
	if err := CheckNotifications(notify); err != nil {
		return err
	}
	return RequireAudit(ev, "create thread")
}

// CheckNewMessage checks a message added to a thread, the thread's new
// status, the notifications it sends and its audit entry.
func CheckNewMessage(m *huiqi.ThreadMessage, status huiqi.ThreadStatus, notify []huiqi.Notification, ev *huiqi.AuditEntry) error {
	if err := CheckMessage(m); err != nil {
		return err
	}
	if err := CheckThreadStatus(status); err != nil {
		return err
	}
	if err := CheckNotifications(notify); err != nil {
		return err
	}
	return RequireAudit(ev, "add message")
}
