package sandbox_test

import (
	"context"
	"testing"

	"github.com/learnkv/learnkv/sandbox"
)

// BenchmarkDatasetLoad loads 100,000 rows of a dataset into a keyspace of
// replication factor 3 (the lessons' setting) and reports rows per second.
// The target is 200k rows/s at 1M rows; bench/dataset.sh measures
// that size.
func BenchmarkDatasetLoad(b *testing.B) {
	for _, ds := range []string{"sensors", "orders"} {
		b.Run(ds, func(b *testing.B) {
			const rows = 100_000
			ctx := context.Background()
			for n := 0; n < b.N; n++ {
				b.StopTimer()
				sb, err := sandbox.Open(sandbox.Options{Memory: true})
				if err != nil {
					b.Fatal(err)
				}
				b.StartTimer()
				if _, err := sb.LoadDataset(ctx, ds, rows, ""); err != nil {
					b.Fatal(err)
				}
				b.StopTimer()
				sb.Close()
				b.StartTimer()
			}
			b.ReportMetric(float64(rows*b.N)/b.Elapsed().Seconds(), "rows/s")
		})
	}
}
