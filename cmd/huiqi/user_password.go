package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/huiqi-dev/huiqi"
)

// readPassword reads a new password: the first line of file ("-" for
// standard input), else a line of standard input. On a terminal it asks
// twice; the typed text is shown, as no terminal library is linked in, so
// prefer --password-file where others can see the screen.
func readPassword(e *env, file string) (string, error) {
	if file != "" && file != "-" {
		f, err := os.Open(file)
		if err != nil {
			return "", err
		}
		defer f.Close()
		return firstLine(bufio.NewReader(f), "--password-file "+file)
	}
	in := bufio.NewReader(e.stdin)
	if file == "-" || !stdinTerminal(e) {
		return firstLine(in, "standard input")
	}
	fmt.Fprint(e.stderr, "新密码（输入可见）: ")
	pw, err := firstLine(in, "the terminal")
	if err != nil {
		return "", err
	}
	fmt.Fprint(e.stderr, "再输入一次: ")
	again, err := firstLine(in, "the terminal")
	if err != nil {
		return "", err
	}
	if pw != again {
		return "", huiqi.Errorf(huiqi.EINVALID, "两次输入的密码不一致")
	}
	return pw, nil
}

// firstLine reads one line without its line ending.
func firstLine(r *bufio.Reader, from string) (string, error) {
	line, err := r.ReadString('\n')
	if err != nil && err != io.EOF {
		return "", fmt.Errorf("read password from %s: %w", from, err)
	}
	line = strings.TrimRight(line, "\r\n")
	if line == "" {
		return "", huiqi.Errorf(huiqi.EINVALID, "no password on %s: give --password-file F or a line on standard input", from)
	}
	return line, nil
}

// stdinTerminal reports whether standard input is a terminal.
func stdinTerminal(e *env) bool {
	f, ok := e.stdin.(*os.File)
	return ok && isTerminal(f)
}
