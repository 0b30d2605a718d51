package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
)

// Exit statuses.
const (
	exitOK    = 0
	exitFail  = 1 // the command failed, or some inputs did
	exitUsage = 2 // bad command line
)

// env is what a command runs with: its streams and the configuration read
// from the environment. Flags then refine the configuration per command.
type env struct {
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
	config Config
}

// command is one subcommand. Each lives in its own file cmd_<name>.go.
type command struct {
	name    string
	summary string // one line for `huiqi help`
	run     func(ctx context.Context, e *env, args []string) error
}

// commands lists the subcommands in the order `huiqi help` shows them; adding
// one is a new file and a line here.
func commands() []command {
	return []command{
		{"serve", "serve the portal and the JSON API", runServe},
		{"demo", "store the built-in demo corpus and list it", runDemo},
		{"extract", "extract the structure of a document and print it", runExtract},
		{"ingest", "extract files and folders and store the policies", runIngest},
		{"search", "search stored policies by text, region and facets", runSearch},
		{"reindex", "rebuild the search index from the store", runReindex},
		{"policies", "list stored policies", runPolicies},
		{"show", "show a stored policy", runShow},
		{"export", "print a stored policy as JSON", runExport},
		{"diff", "compare two versions of a stored policy", runDiff},
		{"assess", "assess an enterprise profile against the qualification rules", runAssess},
		{"match", "match an enterprise profile against every measure in force", runMatch},
		{"rules", "check and test rule files", runRules},
		{"migrate", "apply or show database migrations", runMigrate},
		{"backup", "write a consistent backup of the data directory (.tar.gz)", runBackup},
		{"restore", "restore a backup into a data directory", runRestore},
		{"user", "add, list and disable staff accounts", runUser},
		{"audit", "verify and list the audit log", runAudit},
		{"profile", "check enterprise profiles (JSON or YAML)", runProfile},
		{"synth", "write a synthetic corpus for benchmarks", runSynth},
		{"bench", "measure a running server's latency over a request mix", runBench},
		{"version", "print the version", runVersion},
		{"help", "show help for a command", runHelp},
	}
}

// Main runs huiqi with the arguments after the program name and returns the
// exit status. Tests drive the whole program through it.
func Main(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) (code int) {
	defer func() {
		// Bad input must never show a Go stack trace; a panic here is a bug.
		if r := recover(); r != nil {
			fmt.Fprintf(stderr, "huiqi: internal error: %v\n", r)
			code = exitFail
		}
	}()
	e := &env{stdin: stdin, stdout: stdout, stderr: stderr, config: configFromEnv(os.Getenv)}
	if len(args) == 0 {
		writeCommands(stderr)
		return exitUsage
	}
	name := args[0]
	if name == "-h" || name == "--help" || name == "-help" {
		name = "help"
	}
	for _, c := range commands() {
		if c.name == name {
			return report(stderr, c.run(ctx, e, args[1:]))
		}
	}
	fmt.Fprintf(stderr, "huiqi: unknown command %q\n\n", name)
	writeCommands(stderr)
	return exitUsage
}

// report prints err the way users read it and returns the exit status.
func report(stderr io.Writer, err error) int {
	var u *usageError
	switch {
	case err == nil:
		return exitOK
	case errors.As(err, &u):
		if u.msg != "" {
			fmt.Fprintf(stderr, "huiqi %s: %s\n", u.fs.Name(), u.msg)
		}
		u.fs.writeUsage(stderr)
		return exitUsage
	case errors.Is(err, errHelp):
		return exitOK
	case errors.Is(err, errFailed):
		return exitFail // the command has already told what failed
	case errors.Is(err, context.Canceled):
		fmt.Fprintln(stderr, "huiqi: interrupted")
		return exitFail
	default:
		// The whole chain, internal errors included: unlike the API, a local
		// CLI may show its user what went wrong inside.
		fmt.Fprintf(stderr, "huiqi: %s\n", err)
		return exitFail
	}
}

var (
	errHelp   = errors.New("help shown")
	errFailed = errors.New("some inputs failed")
)

func writeCommands(w io.Writer) {
	fmt.Fprint(w, "huiqi turns policy documents into structured, versioned policies.\n\nusage: huiqi COMMAND [flags] [args]\n\ncommands:\n")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-9s %s\n", c.name, c.summary)
	}
	fmt.Fprint(w, "\nRun `huiqi help COMMAND` for a command's flags.\n")
}
