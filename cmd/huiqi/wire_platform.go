package main

// Wiring of the platform: accounts, applications, consultations and the
// audit log over a store that keeps them, with the SMS sender and the
// optional phrasing of answers.

import (
	"context"
	"crypto/rand"
	"fmt"
	"io"
	"log/slog"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/account"
	"github.com/huiqi-dev/huiqi/consult"
	"github.com/huiqi-dev/huiqi/portal"
	"github.com/huiqi-dev/huiqi/server"
	"github.com/huiqi-dev/huiqi/sms"
)

// platformStore keeps everything the platform writes; both backends are one.
type platformStore interface {
	huiqi.AccountStore
	huiqi.ApplicationStore
	huiqi.ConsultStore
	huiqi.AuditLog
}

// Start-up lines of huiqi serve.
const (
	smsDevLine   = "短信：开发模式，验证码写入日志与管理员的发件箱 /admin/outbox"
	platformLine = "平台：账号、我要申报、在线咨询与审计日志已开启（登录 /login）"
)

// openPlatform builds the platform over store and tells out what runs. It
// returns nil when the platform is off or the store keeps no accounts.
func openPlatform(ctx context.Context, out io.Writer, cfg Config, store huiqi.PolicyStore, logger *slog.Logger) (*portal.Platform, error) {
	st, ok := store.(platformStore)
	if cfg.Platform.Off || !ok {
		fmt.Fprintln(out, "平台：未开启，只提供公开的政策查询")
		return nil, nil
	}
	secret, err := platformSecret(out, cfg)
	if err != nil {
		return nil, err
	}
	sender, err := smsSender(out, cfg.Platform.SMS, st, logger)
	if err != nil {
		return nil, err
	}
	accounts, err := account.New(st, st, sender, account.Config{Secret: secret, CodeLimits: cfg.Platform.CodeLimits})
	if err != nil {
		return nil, err
	}
	p := &portal.Platform{Accounts: accounts, Users: st, Apps: st, Threads: st, Audit: st}
	if llm := consult.NewLLM(cfg.Platform.LLM); llm != nil {
		p.Phraser = llm // only a non-nil *LLM: a nil one would make a non-nil Phraser
		fmt.Fprintf(out, "咨询：大模型在引用条文内组织回答（%s，模型 %s）\n", safeURL(cfg.Platform.LLM.URL), modelName(llm.Model()))
	}
	fmt.Fprintln(out, platformLine)
	if err := firstAdminHint(ctx, out, cfg, st); err != nil {
		return nil, err
	}
	startPurge(ctx, st, logger)
	return p, nil
}

// platformSecret is HUIQI_SECRET, else the data directory's secret file.
// A PostgreSQL server has no data directory of its own: without
// HUIQI_SECRET it keys codes with a secret of this process, which says so.
func platformSecret(out io.Writer, cfg Config) ([]byte, error) {
	switch {
	case cfg.Platform.Secret != "":
		return secretBytes(cfg.Platform.Secret)
	case cfg.DBURL == "":
		return account.LoadSecret(cfg.DataDir)
	}
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		return nil, err
	}
	fmt.Fprintln(out, "密钥：未设置 HUIQI_SECRET，验证码的密钥只在本进程有效（重启后已发出的验证码作废；多台服务器须设同一个 HUIQI_SECRET）")
	return b, nil
}

// smsSender is the configured gateway, or the development sender keeping
// messages in the outbox, which it says.
func smsSender(out io.Writer, gw *sms.HTTPConfig, outbox sms.Outbox, logger *slog.Logger) (sms.Sender, error) {
	if gw != nil {
		s, err := sms.NewHTTPSender(*gw, nil)
		if err != nil {
			return nil, fmt.Errorf("HUIQI_SMS_*: %w", err)
		}
		fmt.Fprintf(out, "短信：经网关 %s 发送\n", safeURL(gw.URL))
		return s, nil
	}
	fmt.Fprintln(out, smsDevLine)
	// Nothing is sent, so the log shows the codes whole, as the line says.
	return &sms.LogSender{Outbox: outbox, Log: logger, ShowCodes: true}, nil
}

// firstAdminHint tells how to add the first administrator when there is none.
func firstAdminHint(ctx context.Context, out io.Writer, cfg Config, st huiqi.AccountStore) error {
	admins, err := st.ListUsers(ctx, huiqi.RoleAdmin)
	if err != nil {
		return err
	}
	for _, u := range admins {
		if !u.Disabled {
			return nil
		}
	}
	where := "--data " + cfg.DataDir
	if cfg.DBURL != "" {
		where = "--db " + redact(cfg.DBURL)
	}
	fmt.Fprintf(out, "尚无管理员：运行 huiqi user add --role admin --username admin --name 管理员 %s 添加第一位\n", where)
	return nil
}

func modelName(m string) string {
	if m == "" {
		return "未指定"
	}
	return m
}

// serveOptions are the server's options: the platform, when on, and the
// trusted proxies.
func serveOptions(cfg Config, plat *portal.Platform) ([]server.Option, error) {
	var opts []server.Option
	if plat != nil {
		opts = append(opts, server.WithPlatform(plat))
	}
	proxies, err := cfg.Platform.proxies()
	if err != nil {
		return nil, err
	}
	if len(proxies) > 0 {
		opts = append(opts, server.WithTrustedProxies(proxies...))
	}
	return opts, nil
}
