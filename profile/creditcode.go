package profile

import (
	"fmt"
	"strings"
)

// creditChars are the 31 characters of a 统一社会信用代码 (GB 32100-2015)
// in the order of their values 0–30: the digits and the capitals without
// I, O, Z, S and V.
const creditChars = "0123456789ABCDEFGHJKLMNPQRTUWXY"

// creditWeights are the weights of positions 1–17: 3^(i-1) mod 31.
var creditWeights = [17]int{1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28}

// orgWeights are the weights of the eight body characters of an
// organisation code (组织机构代码, GB 11714-1997).
var orgWeights = [8]int{3, 7, 9, 10, 5, 8, 4, 2}

// CheckCreditCode reports what is wrong with a 统一社会信用代码, or nil when
// it is well formed: 18 characters of the code's set; positions 3–8 a
// six-digit region code; positions 9–17 an organisation code whose 17th
// character is its own check character (GB 11714: weights 3 7 9 10 5 8 4 2,
// 11 − sum mod 11, 10 written X, 11 written 0); the 18th character the
// check character of the first 17 (GB 32100: 31 − sum mod 31).
// The message names the first problem found, in Chinese.
func CheckCreditCode(code string) error {
	if n := len([]rune(code)); n != 18 {
		return fmt.Errorf("统一社会信用代码应为 18 位，实际为 %d 位", n)
	}
	for i, r := range []rune(code) {
		if !strings.ContainsRune(creditChars, r) {
			return fmt.Errorf("统一社会信用代码第 %d 位 %q 不是允许的字符（数字和除 I、O、Z、S、V 外的大写字母）", i+1, r)
		}
	}
	for i := 2; i < 8; i++ {
		if code[i] < '0' || code[i] > '9' {
			return fmt.Errorf("统一社会信用代码第 3–8 位应为行政区划码（6 位数字），第 %d 位为 %q", i+1, code[i])
		}
	}
	if c := orgCheck(code[8:16]); c != code[16] {
		return fmt.Errorf("统一社会信用代码第 9–17 位的组织机构代码校验位应为 %c，实际为 %c", c, code[16])
	}
	if c := CreditCheckChar(code[:17]); c != code[17] {
		return fmt.Errorf("统一社会信用代码校验位（第 18 位）应为 %c，实际为 %c", c, code[17])
	}
	return nil
}

// CreditCheckChar returns the check character (position 18) of the first 17
// characters of a credit code, or 0 when they are not 17 characters of the
// code's set.
func CreditCheckChar(first17 string) byte {
	if len(first17) != 17 {
		return 0
	}
	sum := 0
	for i := range 17 {
		v := strings.IndexByte(creditChars, first17[i])
		if v < 0 {
			return 0
		}
		sum += v * creditWeights[i]
	}
	return creditChars[(31-sum%31)%31]
}

// orgCheck returns the check character of an organisation code's eight
// body characters (digits 0–9, letters A=10 … Z=35), or 0 for others.
func orgCheck(body string) byte {
	sum := 0
	for i := range 8 {
		c := body[i]
		var v int
		switch {
		case c >= '0' && c <= '9':
			v = int(c - '0')
		case c >= 'A' && c <= 'Z':
			v = int(c-'A') + 10
		default:
			return 0
		}
		sum += v * orgWeights[i]
	}
	switch c := 11 - sum%11; c {
	case 10:
		return 'X'
	case 11:
		return '0'
	default:
		return byte('0' + c)
	}
}

// OrgCheckChar returns the check character of an organisation code's eight
// body characters, for making valid codes; 0 when body is not 8 digits or
// capitals.
func OrgCheckChar(body string) byte {
	if len(body) != 8 {
		return 0
	}
	return orgCheck(body)
}
