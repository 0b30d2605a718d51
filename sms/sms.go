// Package sms sends text messages to mobile numbers: verification codes and
// notices. LogSender keeps them in the development outbox; HTTPSender posts
// them to a real gateway.
package sms

import (
	"context"
	"regexp"
)

// Sender sends one text message to a mobile number.
type Sender interface {
	Send(ctx context.Context, phone, text string) error
}

// Mask returns phone with its middle digits hidden, 138****5678, for logs.
// Numbers too short to mask show only their length.
func Mask(phone string) string {
	r := []rune(phone)
	if len(r) < 8 {
		return "****"
	}
	return string(r[:3]) + "****" + string(r[len(r)-4:])
}

// codeRun matches a run of 4 to 8 digits standing alone: a verification code.
var codeRun = regexp.MustCompile(`(^|[^0-9])([0-9]{4,8})([^0-9]|$)`)

// Code returns the first verification code in text (4 to 8 digits standing
// alone), or "" when there is none. Gateways that send by template take it
// as a parameter.
func Code(text string) string {
	m := codeRun.FindStringSubmatch(text)
	if m == nil {
		return ""
	}
	return m[2]
}

// hideCodes replaces every verification code in text with asterisks.
func hideCodes(text string) string {
	return codeRun.ReplaceAllStringFunc(text, func(s string) string {
		m := codeRun.FindStringSubmatch(s)
		return m[1] + "******" + m[3]
	})
}
