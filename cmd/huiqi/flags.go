package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
)

// flagSet is a subcommand's flags with its usage line and help text.
type flagSet struct {
	*flag.FlagSet
	e    *env
	text string // usage line and help
}

// newFlagSet makes the flag set of a subcommand. usage is the synopsis after
// "huiqi", help the paragraphs shown by `huiqi help NAME`.
func newFlagSet(e *env, name, usage, help string) *flagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	// Parse errors and -h are printed by report and parse, not by package flag.
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	text := "usage: huiqi " + usage + "\n\n" + strings.TrimSpace(help) + "\n"
	return &flagSet{FlagSet: fs, e: e, text: text}
}

func (fs *flagSet) writeUsage(w io.Writer) {
	fmt.Fprint(w, fs.text)
	var b strings.Builder
	fs.SetOutput(&b)
	fs.PrintDefaults()
	fs.SetOutput(io.Discard)
	if b.Len() > 0 {
		fmt.Fprintf(w, "\nflags:\n%s", b.String())
	}
}

// parse parses flags wherever they are among the arguments (`show ID
// --version 2` as well as `show --version 2 ID`) and returns the positional
// arguments. -h prints the usage to stdout and returns errHelp.
func (fs *flagSet) parse(args []string) ([]string, error) {
	var pos []string
	for {
		err := fs.Parse(args)
		if errors.Is(err, flag.ErrHelp) {
			fs.writeUsage(fs.e.stdout)
			return nil, errHelp
		} else if err != nil {
			return nil, &usageError{fs: fs, msg: err.Error()}
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return pos, nil
		}
		if len(args) > len(rest) && args[len(args)-len(rest)-1] == "--" {
			return append(pos, rest...), nil // after --, all are arguments
		}
		pos, args = append(pos, rest[0]), rest[1:]
	}
}

// usagef returns a usage error for this command: exit 2 with its usage.
func (fs *flagSet) usagef(format string, a ...any) error {
	return &usageError{fs: fs, msg: fmt.Sprintf(format, a...)}
}

// usageError is a bad command line.
type usageError struct {
	fs  *flagSet
	msg string
}

func (u *usageError) Error() string { return u.msg }
