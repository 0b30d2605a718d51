package account

import (
	"time"

	"github.com/huiqi-dev/huiqi"
)

// signInBlocked refuses a password sign-in while the client address or the
// username has failed too often within the window: ELIMITED saying which
// and in how many minutes to try again. An unknown address ("") has no
// limit of its own.
func (s *Service) signInBlocked(username, ip string, now time.Time) error {
	if ip != "" {
		if blocked, until := s.addrs.blocked(ip, now); blocked {
			return huiqi.Errorf(huiqi.ELIMITED, "该网络地址登录失败次数过多，请 %d 分钟后再试", waitMinutes(until, now))
		}
	}
	if blocked, until := s.fails.blocked(username, now); blocked {
		return huiqi.Errorf(huiqi.ELIMITED, "登录失败次数过多，请 %d 分钟后再试", waitMinutes(until, now))
	}
	return nil
}

// countFailure counts a failed password sign-in of username from ip. A
// success forgets the username's failures but not the address's: one
// account's right password must not reopen an address that guesses others.
func (s *Service) countFailure(username, ip string, now time.Time) {
	s.fails.add(username, now)
	if ip != "" {
		s.addrs.add(ip, now)
	}
}

// waitMinutes is the whole minutes, at least one, from now until.
func waitMinutes(until, now time.Time) int {
	return max(1, int(until.Sub(now).Round(time.Minute).Minutes()))
}
