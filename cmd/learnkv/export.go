package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/learnkv/learnkv/sandbox"
)

const exportUsage = `Usage: learnkv export [flags] [KEYSPACE...]

Writes the sandbox's keyspaces (all of them, or those named) as a CQL script
that cqlsh can SOURCE against a real Cassandra cluster: the schema, then one
INSERT per row. Take your design to a real cluster with:

    learnkv export -o mydesign.cql lesson10
    cqlsh -f mydesign.cql

サンドボックスのキースペースを CQL スクリプトとして書き出します。
本物の Cassandra クラスタで cqlsh の SOURCE にそのまま使えます。

Flags:
`

// runExport is the "learnkv export" subcommand.
func runExport(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("export", flag.ContinueOnError)
	fs.SetOutput(stderr)
	out := fs.String("o", "", "write to `FILE` instead of standard output")
	data := fs.String("data", "", "data directory (default "+sandbox.DefaultDir()+")")
	fs.Usage = func() {
		fmt.Fprint(stderr, exportUsage)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	sb, err := sandbox.Open(sandbox.Options{Dir: *data})
	if err != nil {
		fmt.Fprintf(stderr, "learnkv export: %v\n", err)
		return 1
	}
	defer sb.Close()
	w := stdout
	var f *os.File
	if *out != "" {
		if f, err = os.Create(*out); err != nil {
			fmt.Fprintf(stderr, "learnkv export: %v\n", err)
			return 1
		}
		w = f
	}
	if err := sb.Export(context.Background(), w, fs.Args()...); err != nil {
		fmt.Fprintf(stderr, "learnkv export: %v\n", err)
		return 1
	}
	if f != nil {
		if err := f.Close(); err != nil {
			fmt.Fprintf(stderr, "learnkv export: %v\n", err)
			return 1
		}
	}
	return 0
}
