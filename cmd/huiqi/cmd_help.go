package main

import (
	"context"
)

func runHelp(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "help", "help [COMMAND]", "Help lists the commands, or shows the usage and flags of one.")
	pos, err := fs.parse(args)
	if err != nil {
		return err
	}
	switch {
	case len(pos) == 0 || len(pos) == 1 && pos[0] == "help":
		writeCommands(e.stdout)
		return nil
	case len(pos) > 1:
		return fs.usagef("want one COMMAND, got %d", len(pos))
	}
	for _, c := range commands() {
		if c.name == pos[0] {
			return c.run(ctx, e, []string{"-h"}) // each command prints its own usage
		}
	}
	return fs.usagef("no command %q", pos[0])
}
