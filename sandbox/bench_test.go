package sandbox_test

import (
	"context"
	"encoding/binary"
	"fmt"
	"math/rand/v2"
	"testing"

	badger "github.com/dgraph-io/badger/v4"

	"github.com/learnkv/learnkv/sandbox"
)

// The benchmarks compare the sandbox with raw Badger on the same machine
// in the same run (bench/README.md explains how to read them):
//
//	go test ./sandbox/ -run NONE -bench 'Write|Point|Trace' -benchtime 3x
//
// BenchmarkBulkWrite/sandbox writes rows through INSERT statements into a
// keyspace with replication factor 1; BenchmarkBulkWrite/badger writes the
// same number of keys (4 per row: row marker and 3 cells) with a
// WriteBatch. BenchmarkPointRead compares a SELECT by full primary key
// with a Badger Get.

const benchRows = 20_000

func rawBadger(b *testing.B) *badger.DB {
	db, err := badger.Open(badger.DefaultOptions("").WithInMemory(true).WithLogger(nil).
		WithMemTableSize(32 << 20).WithNumMemtables(2).WithValueThreshold(256 << 10).WithBlockCacheSize(8 << 20))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { db.Close() })
	return db
}

func benchSandbox(b *testing.B) *sandbox.Sandbox {
	return benchSandboxOpts(b, sandbox.Options{Memory: true})
}

func benchSandboxOpts(b *testing.B, opts sandbox.Options) *sandbox.Sandbox {
	sb, err := sandbox.Open(opts)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { sb.Close() })
	ctx := context.Background()
	for _, s := range []string{
		"CREATE KEYSPACE bench WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}",
		"USE bench",
		"CREATE TABLE users (id int PRIMARY KEY, name text, email text, age int)",
	} {
		if _, err := sb.Exec(ctx, s); err != nil {
			b.Fatal(err)
		}
	}
	return sb
}

func insertStmt(i int) string {
	return fmt.Sprintf("INSERT INTO users (id, name, email, age) VALUES (%d, 'user%d', 'user%d@example.com', %d)", i, i, i, 20+i%50)
}

func BenchmarkBulkWrite(b *testing.B) {
	b.Run("sandbox", func(b *testing.B) {
		stmts := make([]string, benchRows)
		for i := range stmts {
			stmts[i] = insertStmt(i)
		}
		for n := 0; n < b.N; n++ {
			b.StopTimer()
			sb := benchSandbox(b)
			b.StartTimer()
			for _, s := range stmts {
				if _, err := sb.Exec(context.Background(), s); err != nil {
					b.Fatal(err)
				}
			}
			if _, err := sb.Exec(context.Background(), "SELECT * FROM users WHERE id = 1"); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(benchRows*b.N)/b.Elapsed().Seconds(), "rows/s")
		b.ReportMetric(float64(4*benchRows*b.N)/b.Elapsed().Seconds(), "keys/s")
	})
	b.Run("badger", func(b *testing.B) {
		for n := 0; n < b.N; n++ {
			b.StopTimer()
			db := rawBadger(b)
			b.StartTimer()
			wb := db.NewWriteBatch()
			for i := 0; i < benchRows; i++ {
				for c := 0; c < 4; c++ {
					k := fmt.Appendf(nil, "Ldefault/d/users/%08d/%d", i, c)
					v := fmt.Appendf(nil, "value-of-user%d@example.com", i)
					if err := wb.Set(k, v); err != nil {
						b.Fatal(err)
					}
				}
			}
			if err := wb.Flush(); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(4*benchRows*b.N)/b.Elapsed().Seconds(), "keys/s")
	})
}

func BenchmarkPointRead(b *testing.B) {
	b.Run("sandbox", func(b *testing.B) {
		sb := benchSandbox(b)
		ctx := context.Background()
		for i := 0; i < benchRows; i++ {
			if _, err := sb.Exec(ctx, insertStmt(i)); err != nil {
				b.Fatal(err)
			}
		}
		rng := rand.New(rand.NewPCG(1, 1))
		queries := make([]string, 1024)
		for i := range queries {
			queries[i] = fmt.Sprintf("SELECT * FROM users WHERE id = %d", rng.IntN(benchRows))
		}
		b.ResetTimer()
		for n := 0; n < b.N; n++ {
			res, err := sb.Exec(ctx, queries[n%len(queries)])
			if err != nil || len(res.Rows) != 1 {
				b.Fatalf("point read: %v %v", err, res)
			}
		}
	})
	b.Run("badger", func(b *testing.B) {
		db := rawBadger(b)
		wb := db.NewWriteBatch()
		for i := 0; i < benchRows; i++ {
			k := binary.BigEndian.AppendUint64([]byte("Ldefault/d/users/"), uint64(i))
			if err := wb.Set(k, fmt.Appendf(nil, "user%d|user%d@example.com|%d", i, i, 20+i%50)); err != nil {
				b.Fatal(err)
			}
		}
		if err := wb.Flush(); err != nil {
			b.Fatal(err)
		}
		rng := rand.New(rand.NewPCG(1, 1))
		b.ResetTimer()
		for n := 0; n < b.N; n++ {
			k := binary.BigEndian.AppendUint64([]byte("Ldefault/d/users/"), uint64(rng.IntN(benchRows)))
			err := db.View(func(txn *badger.Txn) error {
				item, err := txn.Get(k)
				if err != nil {
					return err
				}
				_, err = item.ValueCopy(nil)
				return err
			})
			if err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkTraceOverhead measures what a full trace (activity events and
// the per-partition list) adds to a point read, against a sandbox that
// keeps only the trace's counts. Target: under 10%.
func BenchmarkTraceOverhead(b *testing.B) {
	for _, tc := range []struct {
		name    string
		minimal bool
	}{{"full-trace", false}, {"counts-only", true}} {
		b.Run(tc.name, func(b *testing.B) {
			sb := benchSandboxOpts(b, sandbox.Options{Memory: true, MinimalTrace: tc.minimal})
			ctx := context.Background()
			for i := 0; i < 2000; i++ {
				if _, err := sb.Exec(ctx, insertStmt(i)); err != nil {
					b.Fatal(err)
				}
			}
			queries := make([]string, 1024)
			for i := range queries {
				queries[i] = fmt.Sprintf("SELECT * FROM users WHERE id = %d", (i*7919)%2000)
			}
			b.ResetTimer()
			for n := 0; n < b.N; n++ {
				if _, err := sb.Exec(ctx, queries[n%len(queries)]); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
