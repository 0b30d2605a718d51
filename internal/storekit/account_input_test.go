package storekit_test

import (
	"testing"
	"time"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/internal/storekit"
)

func TestAccountInputs(t *testing.T) {
	exp := time.Date(2026, 11, 21, 10, 0, 0, 0, time.UTC)
	runChecks(t, []checkCase{
		{"session", storekit.CheckSession(&huiqi.Session{IDHash: "h", ExpiresAt: exp}), "", ""},
		{"nil session", storekit.CheckSession(nil), huiqi.EINVALID, "session needs an ID hash and an expiry"},
		{"session without hash", storekit.CheckSession(&huiqi.Session{ExpiresAt: exp}), huiqi.EINVALID, "session needs an ID hash and an expiry"},
		{"session without expiry", storekit.CheckSession(&huiqi.Session{IDHash: "h"}), huiqi.EINVALID, "session needs an ID hash and an expiry"},
		{"token", storekit.CheckToken(&huiqi.APIToken{Name: "导入", Hash: "h"}), "", ""},
		{"nil token", storekit.CheckToken(nil), huiqi.EINVALID, "API 令牌须有名称和摘要"},
		{"token without name", storekit.CheckToken(&huiqi.APIToken{Hash: "h"}), huiqi.EINVALID, "API 令牌须有名称和摘要"},
		{"token without hash", storekit.CheckToken(&huiqi.APIToken{Name: "导入"}), huiqi.EINVALID, "API 令牌须有名称和摘要"},
		{"text message", storekit.CheckOutbox(&huiqi.OutboxMessage{Phone: "13800000000", Text: "验证码 123456"}), "", ""},
		{"nil text message", storekit.CheckOutbox(nil), huiqi.EINVALID, "短信须有手机号和内容"},
		{"text message without number", storekit.CheckOutbox(&huiqi.OutboxMessage{Text: "x"}), huiqi.EINVALID, "短信须有手机号和内容"},
		{"text message without text", storekit.CheckOutbox(&huiqi.OutboxMessage{Phone: "1"}), huiqi.EINVALID, "短信须有手机号和内容"},
		{"binding", storekit.CheckBinding(&huiqi.EnterpriseBinding{CreditCode: "91330400MA2B000000"}), "", ""},
		{"nil binding", storekit.CheckBinding(nil), huiqi.EINVALID, "绑定企业须有统一社会信用代码"},
		{"blank credit code", storekit.CheckBinding(&huiqi.EnterpriseBinding{CreditCode: " "}), huiqi.EINVALID, "绑定企业须有统一社会信用代码"},
		{"verifier", storekit.CheckVerifier(&huiqi.AuditEntry{Actor: "u_1"}), "", ""},
		{"no verification entry", storekit.CheckVerifier(nil), huiqi.EINVALID, "核验企业绑定须注明核验人"},
		{"verifier not named", storekit.CheckVerifier(&huiqi.AuditEntry{}), huiqi.EINVALID, "核验企业绑定须注明核验人"},
		{"attachment", storekit.CheckAttachment(&huiqi.Attachment{Name: "营业执照.pdf"}), "", ""},
		{"nil attachment", storekit.CheckAttachment(nil), huiqi.EINVALID, "附件缺少文件名"},
		{"attachment without name", storekit.CheckAttachment(&huiqi.Attachment{}), huiqi.EINVALID, "附件缺少文件名"},
	})
}

func TestCheckAuditAndLimit(t *testing.T) {
	runChecks(t, []checkCase{
		{"who did what", storekit.CheckAudit(&huiqi.AuditEntry{Actor: "u_1", Action: "user.create"}), "", ""},
		{"no actor", storekit.CheckAudit(&huiqi.AuditEntry{Action: "user.create", Object: "user:u_2"}), huiqi.EINVALID,
			`audit entry "user.create" on "user:u_2": actor and action are required`},
		{"no action", storekit.CheckAudit(&huiqi.AuditEntry{Actor: "u_1"}), huiqi.EINVALID, `audit entry "" on "": actor and action are required`},
		{"limit one", storekit.CheckLimit("outbox", 1), "", ""},
		{"limit zero", storekit.CheckLimit("outbox", 0), huiqi.EINVALID, "outbox: limit 0 is not positive"},
		{"negative limit", storekit.CheckLimit("audit entries", -1), huiqi.EINVALID, "audit entries: limit -1 is not positive"},
	})
}
