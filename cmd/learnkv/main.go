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
  learnkv lessons check|list validate the lesson pack, or list its lessons
  learnkv export [KEYSPACE]  write keyspaces as a CQL script for a real cluster
  learnkv help               show this help

Flags of the tutor:
  --lang en|ja     language (default: from LC_ALL, LC_MESSAGES or LANG; L or
                   f2 switches it in the app)
  --data DIR       where the sandbox and your progress live
                   (default $XDG_DATA_HOME/learnkv or ~/.local/share/learnkv)
  --memory         a throwaway in-memory sandbox; progress is not saved
  --content DIR    lessons from DIR (holding en/ and ja/) instead of the
                   built-in ones

In the tutor: type CQL in the editor and press enter; tab moves between the
panes (1 lesson, 2 results, 3 trace, 4 keys, 5 distribution, 6 outline);
f1 (or esc, then ?) lists every key, and HELP typed in the editor the
sandbox's commands (NODES, NODE n DOWN, LOAD DATASET, SHOW KEYS, ...);
ctrl+c cancels a running statement, then quits.

Run "learnkv <command> -h" for the flags of a command.

learnkv: RDB エンジニアのための Cassandra 式データモデリング入門。
  learnkv だけで起動すると教材アプリが開きます（--lang ja で日本語、
  アプリ内では L か f2 で切り替え）。エディタに CQL を入力して enter で
  実行し、tab で欄を移動、f1（または esc の後 ?）でキー一覧、エディタに
  HELP と入力するとサンドボックスのコマンド一覧、ctrl+c で終了します。
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
		case "lessons":
			return runLessons(args[1:], stdout, stderr)
		case "export":
			return runExport(args[1:], stdout, stderr)
		case "help", "-h", "--help", "-help":
			fmt.Fprint(stdout, usage)
			return 0
		}
	}
	return runTUI(args, stdin, stdout, stderr)
}
