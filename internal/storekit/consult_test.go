package storekit_test

import (
	"reflect"
	"testing"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/internal/storekit"
)

func TestCheckThread(t *testing.T) {
	ok := huiqi.Thread{UserID: "u_1", PolicyID: "p1", Question: "能申请吗？", Status: huiqi.ThreadOpen}
	with := func(f func(t *huiqi.Thread)) error { th := ok; f(&th); return storekit.CheckThread(&th) }
	runChecks(t, []checkCase{
		{"complete", storekit.CheckThread(&ok), "", ""},
		{"answered", with(func(t *huiqi.Thread) { t.Status = huiqi.ThreadAnswered }), "", ""},
		{"nil", storekit.CheckThread(nil), huiqi.EINVALID, "咨询为空"},
		{"no asker", with(func(t *huiqi.Thread) { t.UserID = "" }), huiqi.EINVALID, `咨询缺少提问用户或政策 (user "", policy "p1")`},
		{"no policy", with(func(t *huiqi.Thread) { t.PolicyID = "" }), huiqi.EINVALID, `咨询缺少提问用户或政策 (user "u_1", policy "")`},
		{"blank question", with(func(t *huiqi.Thread) { t.Question = " \n" }), huiqi.EINVALID, "咨询问题为空"},
		{"bad message", with(func(t *huiqi.Thread) { t.Messages = []huiqi.ThreadMessage{{By: "u_1"}} }), huiqi.EINVALID, "咨询消息内容为空"},
		{"unknown status", with(func(t *huiqi.Thread) { t.Status = "closed" }), huiqi.EINVALID, `咨询状态 "closed" 无效`},
		{"no status", with(func(t *huiqi.Thread) { t.Status = "" }), huiqi.EINVALID, `咨询状态 "" 无效`},
	})
}

func TestCheckMessageAndNotifications(t *testing.T) {
	ev := &huiqi.AuditEntry{}
	m := &huiqi.ThreadMessage{By: "u_1", Text: "可以"}
	n := []huiqi.Notification{{UserID: "u_2", Text: "有新答复"}}
	runChecks(t, []checkCase{
		{"message", storekit.CheckMessage(m), "", ""},
		{"nil message", storekit.CheckMessage(nil), huiqi.EINVALID, "咨询消息为空"},
		{"no author", storekit.CheckMessage(&huiqi.ThreadMessage{Text: "可以"}), huiqi.EINVALID, "咨询消息缺少发送人"},
		{"blank text", storekit.CheckMessage(&huiqi.ThreadMessage{By: "u_1", Text: " "}), huiqi.EINVALID, "咨询消息内容为空"},
		{"notifications", storekit.CheckNotifications(n), "", ""},
		{"none", storekit.CheckNotifications(nil), "", ""},
		{"notification without user", storekit.CheckNotifications(append(n, huiqi.Notification{Text: "x"})),
			huiqi.EINVALID, `通知缺少用户或内容 (user "", text "x")`},
		{"notification without text", storekit.CheckNotifications([]huiqi.Notification{{UserID: "u_2", Text: " "}}),
			huiqi.EINVALID, `通知缺少用户或内容 (user "u_2", text " ")`},
		{"new message", storekit.CheckNewMessage(m, huiqi.ThreadAnswered, n, ev), "", ""},
		{"new message, bad status", storekit.CheckNewMessage(m, "x", n, ev), huiqi.EINVALID, `咨询状态 "x" 无效`},
		{"new message, bad notification", storekit.CheckNewMessage(m, huiqi.ThreadOpen, []huiqi.Notification{{}}, ev),
			huiqi.EINVALID, `通知缺少用户或内容 (user "", text "")`},
		{"new message, no audit", storekit.CheckNewMessage(m, huiqi.ThreadOpen, n, nil), huiqi.EINVALID, "add message: an audit entry is required"},
		{"new message, message first", storekit.CheckNewMessage(nil, "x", nil, nil), huiqi.EINVALID, "咨询消息为空"},
	})
}

func TestCheckNewThread(t *testing.T) {
	th := &huiqi.Thread{UserID: "u_1", PolicyID: "p1", Question: "能申请吗？"}
	if err := storekit.CheckNewThread(th, nil, &huiqi.AuditEntry{}); err != nil || th.Status != huiqi.ThreadOpen {
		t.Fatalf("CheckNewThread = %v, status %q; want nil, open", err, th.Status)
	}
	runChecks(t, []checkCase{
		{"nil", storekit.CheckNewThread(nil, nil, &huiqi.AuditEntry{}), huiqi.EINVALID, "咨询为空"},
		{"bad notification", storekit.CheckNewThread(th, []huiqi.Notification{{UserID: "u_2"}}, &huiqi.AuditEntry{}),
			huiqi.EINVALID, `通知缺少用户或内容 (user "u_2", text "")`},
		{"no audit", storekit.CheckNewThread(th, nil, nil), huiqi.EINVALID, "create thread: an audit entry is required"},
	})
}

func TestCitations(t *testing.T) {
	cs := []huiqi.Provenance{{PolicyID: "p1", Version: 2, ClausePath: "一.（二）", Text: "奖励"}}
	for _, tt := range []struct {
		name   string
		in     []huiqi.Provenance
		stored string
		out    []huiqi.Provenance
	}{
		{"none", nil, "[]", nil},
		{"one", cs, "", cs},
	} {
		t.Run(tt.name, func(t *testing.T) {
			s, err := storekit.EncodeCitations(tt.in)
			if err != nil {
				t.Fatal(err)
			}
			if tt.stored != "" && s != tt.stored {
				t.Errorf("EncodeCitations = %s, want %s", s, tt.stored)
			}
			got, err := storekit.DecodeCitations([]byte(s))
			if err != nil || !reflect.DeepEqual(got, tt.out) {
				t.Errorf("DecodeCitations(%s) = %#v, %v, want %#v", s, got, err, tt.out)
			}
		})
	}
	if _, err := storekit.DecodeCitations([]byte("{")); err == nil {
		t.Errorf("DecodeCitations of broken JSON did not fail")
	}
}
