package sandbox_test

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/learnkv/learnkv/sandbox"
	"github.com/learnkv/learnkv/sandbox/cqlsh"
)

// TestExportRoundTrip exports keyspaces with every kind of column, loads
// the script into a fresh sandbox as cqlsh would SOURCE it, and compares
// every table.
func TestExportRoundTrip(t *testing.T) {
	src := openMemory(t)
	mustExec(t, src,
		"CREATE KEYSPACE shop WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 2}",
		"CREATE TYPE shop.address (street text, city text)",
		"CREATE TYPE shop.person (name text, home frozen<address>)",
		`CREATE TABLE shop.orders (customer text, placed timestamp, id uuid, total decimal, items list<text>,
			tags set<int>, attrs map<text, double>, ship address, owner frozen<person>, note text static,
			pair tuple<int, text>, raw blob, PRIMARY KEY ((customer), placed, id)) WITH CLUSTERING ORDER BY (placed DESC, id ASC)`,
		`INSERT INTO shop.orders (customer, placed, id, total, items, tags, attrs, ship, owner, note, pair, raw)
			VALUES ('山田', '2024-05-01 10:00:00+0000', 5b6962dd-3f90-4c93-8f61-eabfa4a803e2, 12.50, ['本', 'pen'],
			{3, 1}, {'w': 1.5}, {street: '1 Main', city: '東京'}, {name: 'Yamada', home: {street: 'x', city: 'y'}},
			'VIP', (1, 'a'), 0xcafe)`,
		"INSERT INTO shop.orders (customer, placed, id, total) VALUES ('山田', '2024-05-02 09:00:00+0000', 00000000-0000-4000-8000-000000000001, 3)",
		"UPDATE shop.orders SET total = 7 WHERE customer = 'bob' AND placed = '2024-01-01' AND id = 00000000-0000-4000-8000-000000000002",
		"INSERT INTO shop.orders (customer, note) VALUES ('static-only', 'no rows yet')",
		"CREATE TABLE learnkv.kv (k int PRIMARY KEY, v text, \"Mixed\" int)",
		"INSERT INTO learnkv.kv (k, v, \"Mixed\") VALUES (1, 'it''s', 2)",
		"INSERT INTO learnkv.kv (k) VALUES (2)",
		"CREATE TABLE learnkv.hits (page text, day int, views counter, total counter static, PRIMARY KEY (page, day))",
		"UPDATE learnkv.hits SET views = views + 3, total = total + 3 WHERE page = 'a' AND day = 1",
		"UPDATE learnkv.hits SET views = views - 5, total = total - 5 WHERE page = 'a' AND day = 2",
		"UPDATE learnkv.hits SET total = total + 1 WHERE page = 'b'",
	)
	var script bytes.Buffer
	if err := src.Export(context.Background(), &script); err != nil {
		t.Fatal(err)
	}
	dst := openMemory(t)
	var out, errs bytes.Buffer
	r := &cqlsh.Runner{Sandbox: dst, Printer: &cqlsh.Printer{Out: &out, Err: &errs}}
	if !r.Run(context.Background(), script.String(), true) {
		t.Fatalf("loading the export failed:\n%s\nscript:\n%s", errs.String(), script.String())
	}
	for _, q := range []string{"SELECT * FROM shop.orders", "SELECT * FROM learnkv.kv", "SELECT * FROM learnkv.hits", "DESCRIBE KEYSPACE shop"} {
		got, want := show(t, dst, q), show(t, src, q)
		if got != want {
			t.Errorf("%s after the round trip:\n%s\nwant:\n%s", q, got, want)
		}
	}
	if !strings.Contains(script.String(), "CREATE TYPE IF NOT EXISTS shop.address") ||
		strings.Index(script.String(), "TYPE IF NOT EXISTS shop.address") > strings.Index(script.String(), "TYPE IF NOT EXISTS shop.person") {
		t.Errorf("types are not exported before the types that use them:\n%s", script.String())
	}
}

func show(t *testing.T, sb *sandbox.Sandbox, q string) string {
	t.Helper()
	var out bytes.Buffer
	r := &cqlsh.Runner{Sandbox: sb, Printer: &cqlsh.Printer{Out: &out, Err: &out}}
	r.Run(context.Background(), q+";", true)
	return out.String()
}
