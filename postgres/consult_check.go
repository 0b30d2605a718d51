package postgres

import (
	"encoding/json"
	"strings"

	"github.com/huiqi-dev/huiqi"
)

var _ huiqi.ConsultStore = (*DB)(nil)

func checkThreadStatus(s huiqi.ThreadStatus) error {
	if s != huiqi.ThreadOpen && s != huiqi.ThreadAnswered {
		return huiqi.Errorf(huiqi.EINVALID, "咨询状态 %q 无效", s)
	}
	return nil
}

// checkThread refuses a thread without asker, policy or question, with an
// unknown status, or with a message checkMessage refuses.
func checkThread(t *huiqi.Thread) error {
	switch {
	case t == nil:
		return huiqi.Errorf(huiqi.EINVALID, "咨询为空")
	case t.UserID == "" || t.PolicyID == "":
		return huiqi.Errorf(huiqi.EINVALID, "咨询缺少提问用户或政策 (user %q, policy %q)", t.UserID, t.PolicyID)
	case strings.TrimSpace(t.Question) == "":
		return huiqi.Errorf(huiqi.EINVALID, "咨询问题为空")
	}
	for i := range t.Messages {
		if err := checkMessage(&t.Messages[i]); err != nil {
			return err
		}
	}
	return checkThreadStatus(t.Status)
}

// checkMessage refuses a message without author or text.
func checkMessage(m *huiqi.ThreadMessage) error {
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

// checkNotifications refuses a notification without user or text.
func checkNotifications(ns []huiqi.Notification) error {
	for _, n := range ns {
		if n.UserID == "" || strings.TrimSpace(n.Text) == "" {
			return huiqi.Errorf(huiqi.EINVALID, "通知缺少用户或内容 (user %q, text %q)", n.UserID, n.Text)
		}
	}
	return nil
}

// encodeCitations is a message's citations as stored: a JSON array.
func encodeCitations(cs []huiqi.Provenance) (string, error) {
	if cs == nil {
		cs = []huiqi.Provenance{}
	}
	b, err := json.Marshal(cs)
	return string(b), err
}

// decodeCitations reads stored citations; none is nil.
func decodeCitations(b []byte) ([]huiqi.Provenance, error) {
	var cs []huiqi.Provenance
	if err := json.Unmarshal(b, &cs); err != nil || len(cs) == 0 {
		return nil, err
	}
	return cs, nil
}
