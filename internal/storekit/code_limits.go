package storekit

import (
	"fmt"
	"time"

	"github.com/huiqi-dev/huiqi"
)

// CodeUsage is what a number and a client address were issued before a
// new code, as IssueCode counts it inside its transaction.
type CodeUsage struct {
	Last       time.Time // the number's latest code (zero: none)
	PhoneDay   int       // the number's codes in the last 24 hours
	PhoneFirst time.Time // the oldest of them
	IPHour     int       // the address's codes in the last hour
	IPHourMin  time.Time
	IPDay      int // the address's codes in the last 24 hours
	IPDayMin   time.Time
}

// Check returns ELIMITED naming the first limit a code at would pass, and
// when to try again.
func (u CodeUsage) Check(at time.Time, lim huiqi.CodeLimits) error {
	day := 24 * time.Hour
	switch {
	case lim.PhoneInterval > 0 && !u.Last.IsZero() && at.Before(u.Last.Add(lim.PhoneInterval)):
		wait := u.Last.Add(lim.PhoneInterval).Sub(at)
		return huiqi.Errorf(huiqi.ELIMITED, "验证码发送过于频繁，请 %d 秒后再试", int((wait+time.Second-1)/time.Second))
	case lim.PhoneDay > 0 && u.PhoneDay >= lim.PhoneDay:
		return huiqi.Errorf(huiqi.ELIMITED, "该手机号今日验证码次数已达上限（%d 次），请 %s后再试",
			lim.PhoneDay, waitText(u.PhoneFirst.Add(day).Sub(at)))
	case lim.IPHour > 0 && u.IPHour >= lim.IPHour:
		return huiqi.Errorf(huiqi.ELIMITED, "该网络地址请求验证码过多（每小时 %d 次），请 %s后再试",
			lim.IPHour, waitText(u.IPHourMin.Add(time.Hour).Sub(at)))
	case lim.IPDay > 0 && u.IPDay >= lim.IPDay:
		return huiqi.Errorf(huiqi.ELIMITED, "该网络地址今日请求验证码过多（%d 次），请 %s后再试",
			lim.IPDay, waitText(u.IPDayMin.Add(day).Sub(at)))
	}
	return nil
}

// waitText says a wait in seconds, minutes or hours, rounded up.
func waitText(d time.Duration) string {
	up := func(unit time.Duration) int { return max(1, int((d+unit-1)/unit)) }
	switch {
	case d <= time.Minute:
		return fmt.Sprintf("%d 秒", up(time.Second))
	case d <= time.Hour:
		return fmt.Sprintf("%d 分钟", up(time.Minute))
	}
	return fmt.Sprintf("%d 小时", up(time.Hour))
}

// CheckSMSCode refuses a code the stores cannot keep.
func CheckSMSCode(c *huiqi.SMSCode) error {
	switch {
	case c == nil:
		return huiqi.Errorf(huiqi.EINVALID, "verification code is required")
	case c.Phone == "" || c.Purpose == "" || c.Hash == "":
		return huiqi.Errorf(huiqi.EINVALID, "验证码须有手机号、用途和摘要")
	case !c.ExpiresAt.After(c.CreatedAt):
		return huiqi.Errorf(huiqi.EINVALID, "验证码的有效期 %v 不晚于签发时间 %v", c.ExpiresAt, c.CreatedAt)
	}
	return nil
}
