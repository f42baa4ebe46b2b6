// Command learnkv is a terminal tutor that teaches key-value and
// wide-column (Cassandra-style) data modelling to relational database
// engineers, on an embedded Cassandra-compatible sandbox.
package main

import (
	"fmt"
	"io"
	"os"
)

const usage = `learnkv: learn Cassandra-style data modelling, hands on.

Usage:
  learnkv [flags]            start the tutor (terminal app)
  learnkv cql [flags]        run CQL like cqlsh: from stdin, -f FILE or -e 'STMT;'
  learnkv export [KEYSPACE]  write keyspaces as a CQL script for a real cluster
  learnkv help               show this help

Run "learnkv <command> -h" for the flags of a command.

learnkv: RDB エンジニアのための Cassandra 式データモデリング入門。
  learnkv cql で cqlsh と同じように CQL を実行できます。
`

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) > 0 {
		switch args[0] {
		case "cql":
			return runCQL(args[1:], stdin, stdout, stderr)
		case "export":
			return runExport(args[1:], stdout, stderr)
		case "help", "-h", "--help":
			fmt.Fprint(stdout, usage)
			return 0
		}
	}
	fmt.Fprint(stderr, usage)
	return 2
}
