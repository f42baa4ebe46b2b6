// Package dataset generates the sandbox's sample datasets: deterministic
// (a fixed seed per dataset), sized on demand, each with the CQL schema of
// the table it fills. They come from the lessons' source material: bug
// reports by year and customers' yearly revenue (SQL Antipatterns'
// metadata tribbles), chat rooms with messages and reactions (the
// Cassandra data-modelling blog), magazines by publisher (Cassandra's
// docs), sensor readings for time buckets, and users' orders with a
// skewed variant where one celebrity user has a large share of the rows.
package dataset

import (
	"fmt"
	"math/rand/v2"
	"sort"
	"time"

	"github.com/cockroachdb/apd/v3"
	"github.com/google/uuid"

	"github.com/learnkv/learnkv/sandbox/value"
)

// Dataset is one generator.
type Dataset struct {
	Name string
	// Summary describes the dataset in English; Japanese is in SummaryJA.
	Summary     string
	SummaryJA   string
	DefaultRows int
	// Schema holds the CQL statements that create its type and table,
	// with IF NOT EXISTS, in the current keyspace.
	Schema []string
	Table  string
	// Columns names the values of each generated row, in order.
	Columns []string
	// generate calls emit for each of n rows.
	generate func(r *rand.Rand, n int, emit func([]any) error) error
}

// MaxRows bounds a dataset's size.
const MaxRows = 1_000_000

// Generate produces n rows (the default number when n is 0), the same
// rows every time for the same n.
func (d *Dataset) Generate(n int, emit func([]any) error) error {
	if n <= 0 {
		n = d.DefaultRows
	}
	if n > MaxRows {
		return fmt.Errorf("at most %d rows", MaxRows)
	}
	seed := uint64(0)
	for _, c := range d.Name {
		seed = seed*31 + uint64(c)
	}
	return d.generate(rand.New(rand.NewPCG(seed, 42)), n, emit)
}

var all = []*Dataset{bugs, revenue, chat, magazines, sensors, sensorsUnbucketed, orders, ordersSkewed, usersByCountry}

// All returns every dataset, sorted by name.
func All() []*Dataset {
	out := append([]*Dataset(nil), all...)
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// Lookup returns the dataset with the given name, or nil.
func Lookup(name string) *Dataset {
	for _, d := range all {
		if d.Name == name {
			return d
		}
	}
	return nil
}

var epoch = time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)

func date(t time.Time) value.Date { return value.DateFromTime(t) }

func ts(t time.Time) value.Timestamp { return value.TimestampFromTime(t) }

// timeUUID returns a deterministic version 1 UUID for time t.
func timeUUID(r *rand.Rand, t time.Time) uuid.UUID {
	ticks := uint64(t.Unix()+12219292800)*10_000_000 + uint64(t.Nanosecond()/100)
	var u uuid.UUID
	u[0], u[1], u[2], u[3] = byte(ticks>>24), byte(ticks>>16), byte(ticks>>8), byte(ticks)
	u[4], u[5] = byte(ticks>>40), byte(ticks>>32)
	u[6], u[7] = byte(ticks>>56)&0x0f|0x10, byte(ticks>>48)
	lo := r.Uint64()
	for i := 0; i < 8; i++ {
		u[8+i] = byte(lo >> (56 - 8*i))
	}
	u[8] = u[8]&0x3f | 0x80
	return u
}

func randomUUID(r *rand.Rand) uuid.UUID {
	var u uuid.UUID
	hi, lo := r.Uint64(), r.Uint64()
	for i := 0; i < 8; i++ {
		u[i], u[8+i] = byte(hi>>(56-8*i)), byte(lo>>(56-8*i))
	}
	u[6] = u[6]&0x0f | 0x40
	u[8] = u[8]&0x3f | 0x80
	return u
}

func money(r *rand.Rand, max int) *apd.Decimal {
	return apd.New(int64(r.IntN(max*100)), -2)
}

func pick[T any](r *rand.Rand, xs []T) T { return xs[r.IntN(len(xs))] }

// mapValue returns a map<text, text> value.
func mapValue(m map[string]string) []value.MapEntry {
	out := make([]value.MapEntry, 0, len(m))
	for k, v := range m {
		out = append(out, value.MapEntry{Key: k, Value: v})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Key.(string) < out[j].Key.(string) })
	return out
}
