package main

import (
	"context"
	"fmt"
)

func runHelp(ctx context.Context, e *env, args []string) error {
	switch len(args) {
	case 0:
		writeCommands(e.stdout)
		return nil
	case 1:
		for _, c := range commands() {
			if c.name == args[0] && c.name != "help" {
				return c.run(ctx, e, []string{"-h"}) // each command prints its own usage
			}
		}
		if args[0] == "help" {
			writeCommands(e.stdout)
			return nil
		}
		return fmt.Errorf("no command %q; run huiqi help", args[0])
	}
	return fmt.Errorf("usage: huiqi help [COMMAND]")
}
