package sandbox_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/learnkv/learnkv/sandbox"
	"github.com/learnkv/learnkv/sandbox/value"
)

// groupCase is one query of a GROUP BY scenario with the rows Cassandra
// returns (each row's values as cqlsh prints them, joined by ", "), or the
// error message it gives.
type groupCase struct {
	query string
	rows  []string
	err   string
}

// groupScenario is a table, its data and queries on it.
type groupScenario struct {
	name  string
	setup []string
	cases []groupCase
}

// rowStrings renders a result's rows as groupCase holds them.
func rowStrings(res *sandbox.Result) []string {
	out := []string{}
	for _, r := range res.Rows {
		vals := make([]string, len(r))
		for i, v := range r {
			vals[i] = value.Format(res.Columns[i].Type, v)
		}
		out = append(out, strings.Join(vals, ", "))
	}
	return out
}

// TestGroupBy runs queries of Cassandra 5.0's SelectGroupByTest (the
// variants without paging; the sandbox does not split results into pages)
// and checks the sandbox returns the rows and errors the test expects.
func TestGroupBy(t *testing.T) {
	for _, sc := range groupScenarios {
		t.Run(sc.name, func(t *testing.T) {
			sb := openMemory(t)
			mustExec(t, sb, "PAGING OFF")
			mustExec(t, sb, sc.setup...)
			for _, tc := range sc.cases {
				res, err := sb.Exec(context.Background(), tc.query)
				if tc.err != "" {
					if err == nil || !strings.Contains(err.Error(), tc.err) {
						t.Errorf("Exec(%q) = %v, want error %q", tc.query, err, tc.err)
					}
					continue
				}
				if err != nil {
					t.Errorf("Exec(%q) = %v, want rows", tc.query, err)
					continue
				}
				if diff := cmp.Diff(tc.rows, rowStrings(res)); diff != "" {
					t.Errorf("Exec(%q) rows differ (-want +got):\n%s", tc.query, diff)
				}
			}
		})
	}
}

var groupScenarios = []groupScenario{
	{
		name: "without paging",
		setup: []string{
			"CREATE TABLE t (a int, b int, c int, d int, e int, PRIMARY KEY (a, b, c, d))",
			"INSERT INTO t (a, b, c, d, e) VALUES (1, 2, 1, 3, 6)",
			"INSERT INTO t (a, b, c, d, e) VALUES (1, 2, 2, 6, 12)",
			"INSERT INTO t (a, b, c, d, e) VALUES (1, 3, 2, 12, 24)",
			"INSERT INTO t (a, b, c, d, e) VALUES (1, 4, 2, 12, 24)",
			"INSERT INTO t (a, b, c, d, e) VALUES (1, 4, 2, 6, 12)",
			"INSERT INTO t (a, b, c, d, e) VALUES (2, 2, 3, 3, 6)",
			"INSERT INTO t (a, b, c, d, e) VALUES (2, 4, 3, 6, 12)",
			"INSERT INTO t (a, b, c, d, e) VALUES (3, 3, 2, 12, 24)",
			"INSERT INTO t (a, b, c, d, e) VALUES (4, 8, 2, 12, 24)",
			"DELETE FROM t WHERE a = 1 AND b = 3 AND c = 2 AND d = 12",
			"DELETE FROM t WHERE a = 3",
		},
		cases: []groupCase{
			{query: "SELECT a, b, e, count(b), max(e) FROM t GROUP BY a", rows: []string{"1, 2, 6, 4, 24", "2, 2, 6, 2, 12", "4, 8, 24, 1, 24"}},
			{query: "SELECT a, b, e, count(b), max(e) FROM t GROUP BY a, b", rows: []string{"1, 2, 6, 2, 12", "1, 4, 12, 2, 24", "2, 2, 6, 1, 6", "2, 4, 12, 1, 12", "4, 8, 24, 1, 24"}},
			{query: "SELECT a, b, e, count(b), max(e) FROM t WHERE b = 2 GROUP BY a, b ALLOW FILTERING", rows: []string{"1, 2, 6, 2, 12", "2, 2, 6, 1, 6"}},
			{query: "SELECT a, b, c, d FROM t GROUP BY a, b, c", rows: []string{"1, 2, 1, 3", "1, 2, 2, 6", "1, 4, 2, 6", "2, 2, 3, 3", "2, 4, 3, 6", "4, 8, 2, 12"}},
			{query: "SELECT * FROM t GROUP BY a, b", rows: []string{"1, 2, 1, 3, 6", "1, 4, 2, 6, 12", "2, 2, 3, 3, 6", "2, 4, 3, 6, 12", "4, 8, 2, 12, 24"}},
			{query: "SELECT a, b, e, count(b), max(e) FROM t GROUP BY a, b LIMIT 2", rows: []string{"1, 2, 6, 2, 12", "1, 4, 12, 2, 24"}},
			{query: "SELECT a, b, e, count(b), max(e) FROM t GROUP BY a, b PER PARTITION LIMIT 1", rows: []string{"1, 2, 6, 2, 12", "2, 2, 6, 1, 6", "4, 8, 24, 1, 24"}},
			{query: "SELECT a, b, e, count(b), max(e) FROM t GROUP BY a PER PARTITION LIMIT 2", rows: []string{"1, 2, 6, 4, 24", "2, 2, 6, 2, 12", "4, 8, 24, 1, 24"}},
			{query: "SELECT a, b, e, count(b), max(e) FROM t GROUP BY a, b PER PARTITION LIMIT 1 LIMIT 2", rows: []string{"1, 2, 6, 2, 12", "2, 2, 6, 1, 6"}},
			{query: "SELECT a, b, c, d FROM t GROUP BY a, b, c LIMIT 3", rows: []string{"1, 2, 1, 3", "1, 2, 2, 6", "1, 4, 2, 6"}},
			{query: "SELECT * FROM t GROUP BY a, b, c PER PARTITION LIMIT 2 LIMIT 3", rows: []string{"1, 2, 1, 3, 6", "1, 2, 2, 6, 12", "2, 2, 3, 3, 6"}},
			{query: "SELECT DISTINCT a, count(a)FROM t GROUP BY a", rows: []string{"1, 1", "2, 1", "4, 1"}},
			{query: "SELECT DISTINCT a, count(a)FROM t GROUP BY a LIMIT 2", rows: []string{"1, 1", "2, 1"}},
			{query: "SELECT DISTINCT a, count(a)FROM t GROUP BY a, b", err: "Grouping on clustering columns is not allowed for SELECT DISTINCT queries"},
			{query: "SELECT a, b, c, count(b), max(e) FROM t GROUP BY a, b ORDER BY b DESC, c DESC", err: "ORDER BY is only supported when the partition key is restricted by an EQ or an IN"},
			{query: "SELECT a, b, e, count(b), max(e) FROM t WHERE a = 1 GROUP BY a, b, c", rows: []string{"1, 2, 6, 1, 6", "1, 2, 12, 1, 12", "1, 4, 12, 2, 24"}},
			{query: "SELECT a, b, e, count(b), max(e) FROM t WHERE a = 1 GROUP BY b, c", rows: []string{"1, 2, 6, 1, 6", "1, 2, 12, 1, 12", "1, 4, 12, 2, 24"}},
			{query: "SELECT a, b, e, count(b), max(e) FROM t WHERE a = 1 AND b = 2 GROUP BY a, c", rows: []string{"1, 2, 6, 1, 6", "1, 2, 12, 1, 12"}},
			{query: "SELECT a, b, e, count(b), max(e) FROM t WHERE a = 1 AND b = 2 GROUP BY c", rows: []string{"1, 2, 6, 1, 6", "1, 2, 12, 1, 12"}},
			{query: "SELECT count(b), max(e) FROM t WHERE a = 1 GROUP BY a, b, c LIMIT 1", rows: []string{"1, 6"}},
			{query: "SELECT count(b), max(e) FROM t WHERE a = 1 GROUP BY a, b, c PER PARTITION LIMIT 1", rows: []string{"1, 6"}},
			{query: "SELECT a, b, c, d FROM t WHERE a = 1 GROUP BY a, b LIMIT 1", rows: []string{"1, 2, 1, 3"}},
			{query: "SELECT a, b, e, count(b), max(e) FROM t WHERE a = 1 GROUP BY a, b, c ORDER BY b DESC, c DESC", rows: []string{"1, 4, 24, 2, 24", "1, 2, 12, 1, 12", "1, 2, 6, 1, 6"}},
			{query: "SELECT a, b, e, count(b), max(e) FROM t WHERE a = 1 GROUP BY a, b, c ORDER BY b DESC, c DESC PER PARTITION LIMIT 1", rows: []string{"1, 4, 24, 2, 24"}},
			{query: "SELECT a, b, e, count(b), max(e) FROM t WHERE a = 1 GROUP BY a, b, c ORDER BY b DESC, c DESC LIMIT 2", rows: []string{"1, 4, 24, 2, 24", "1, 2, 12, 1, 12"}},
			{query: "SELECT a, b, e, count(b), max(e) FROM t WHERE a IN (1, 2, 4) GROUP BY a, b, c", rows: []string{"1, 2, 6, 1, 6", "1, 2, 12, 1, 12", "1, 4, 12, 2, 24", "2, 2, 6, 1, 6", "2, 4, 12, 1, 12", "4, 8, 24, 1, 24"}},
			{query: "SELECT a, b, e, count(b), max(e) FROM t WHERE a IN (1, 2, 4) AND b = 2 GROUP BY a, b, c", rows: []string{"1, 2, 6, 1, 6", "1, 2, 12, 1, 12", "2, 2, 6, 1, 6"}},
			{query: "SELECT DISTINCT a, count(a)FROM t WHERE a IN (1, 2, 4) GROUP BY a LIMIT 2", rows: []string{"1, 1", "2, 1"}},
			{query: "SELECT a, b, e, count(b), max(e) FROM t WHERE a IN (1, 2, 4) GROUP BY a, b, c PER PARTITION LIMIT 2", rows: []string{"1, 2, 6, 1, 6", "1, 2, 12, 1, 12", "2, 2, 6, 1, 6", "2, 4, 12, 1, 12", "4, 8, 24, 1, 24"}},
			{query: "SELECT a, b, c, count(b), max(e) FROM t WHERE a IN (1, 2, 4) GROUP BY a, b ORDER BY b DESC, c DESC", rows: []string{"4, 8, 2, 1, 24", "2, 4, 3, 1, 12", "1, 4, 2, 2, 24", "2, 2, 3, 1, 6", "1, 2, 2, 2, 12"}},
			{query: "SELECT a, b, c, d FROM t WHERE a IN (1, 2, 4) GROUP BY a, b, c ORDER BY b DESC, c DESC", rows: []string{"4, 8, 2, 12", "2, 4, 3, 6", "1, 4, 2, 12", "2, 2, 3, 3", "1, 2, 2, 6", "1, 2, 1, 3"}},
			{query: "SELECT * FROM t WHERE a IN (1, 2, 4) GROUP BY a, b, c ORDER BY b DESC, c DESC LIMIT 3", rows: []string{"4, 8, 2, 12, 24", "2, 4, 3, 6, 12", "1, 4, 2, 12, 24"}},
			{query: "SELECT a, b, d, count(b), max(c) FROM t WHERE a = 1 GROUP BY a, e", err: "Group by is currently only supported on the columns of the PRIMARY KEY, got e"},
			{query: "SELECT a, b, d, count(b), max(c) FROM t WHERE a = 1 GROUP BY c", err: "Group by currently only support groups of columns following their declared order in the PRIMARY KEY"},
			{query: "SELECT a, b, d, count(b), max(c) FROM t WHERE a = 1 GROUP BY a, c, b", err: "Group by currently only support groups of columns following their declared order in the PRIMARY KEY"},
			{query: "SELECT a, b, d, count(b), max(c) FROM t WHERE a = 1 GROUP BY a, a", err: "Group by currently only support groups of columns following their declared order in the PRIMARY KEY"},
			{query: "SELECT a, b, c, d FROM t WHERE token(a) = token(1) GROUP BY b, c", err: "Group by currently only support groups of columns following their declared order in the PRIMARY KEY"},
			{query: "SELECT a, b as clustering1, max(c) FROM t WHERE a = 1 GROUP BY a, clustering1", err: "Undefined column name clustering1"},
			{query: "SELECT a, b, max(c) FROM t WHERE a = 1 GROUP BY a, b, z", err: "Undefined column name z"},
		},
	},
	{
		name: "composite partition key",
		setup: []string{
			"CREATE TABLE t (a int, b int, c int, d int, e int, PRIMARY KEY ((a, b), c, d))",
			"INSERT INTO t (a, b, c, d, e) VALUES (1, 1, 1, 3, 6)",
			"INSERT INTO t (a, b, c, d, e) VALUES (1, 1, 2, 6, 12)",
			"INSERT INTO t (a, b, c, d, e) VALUES (1, 1, 3, 12, 24)",
			"INSERT INTO t (a, b, c, d, e) VALUES (1, 2, 1, 12, 24)",
			"INSERT INTO t (a, b, c, d, e) VALUES (1, 2, 2, 6, 12)",
			"CREATE TABLE nock (a int PRIMARY KEY, b int, c int)",
		},
		cases: []groupCase{
			{query: "SELECT a, b, max(d) FROM t GROUP BY a", err: "Group by is not supported on only a part of the partition key"},
			{query: "SELECT a, b, max(d) FROM t GROUP BY a, b", rows: []string{"1, 2, 12", "1, 1, 12"}},
			{query: "SELECT a, b, max(d) FROM t WHERE a = 1 AND b = 1 GROUP BY b", rows: []string{"1, 1, 12"}},
			{query: "SELECT a, max(c) FROM nock WHERE a = 1 GROUP BY a, a", err: "Group by currently only support groups of columns following their declared order in the PRIMARY KEY"},
		},
	},
	{
		name:  "deletions and IN on clustering columns",
		setup: rangeNamesSetup(),
		cases: []groupCase{
			{query: "SELECT a, b, d, count(b), max(d) FROM t WHERE b = 1 and c IN (1, 2) GROUP BY a ALLOW FILTERING", rows: []string{"1, 1, 2, 2, 2", "2, 1, 3, 2, 3", "4, 1, 5, 2, 5"}},
			{query: "SELECT a, b, d, count(b), max(d) FROM t WHERE b IN (1, 2) and c IN (1, 2) GROUP BY a, b ALLOW FILTERING", rows: []string{"1, 1, 2, 2, 2", "1, 2, 3, 2, 3", "2, 1, 3, 2, 3", "2, 2, 4, 2, 4", "4, 1, 5, 2, 5", "4, 2, 6, 2, 6"}},
			{query: "SELECT a, b, d, count(b), max(d) FROM t WHERE b IN (1, 2) and c IN (1, 2) GROUP BY a, b LIMIT 3 ALLOW FILTERING", rows: []string{"1, 1, 2, 2, 2", "1, 2, 3, 2, 3", "2, 1, 3, 2, 3"}},
			{query: "SELECT a, b, d, count(b), max(d) FROM t WHERE b IN (1, 2) and c IN (1, 2) GROUP BY a, b PER PARTITION LIMIT 1 LIMIT 2 ALLOW FILTERING", rows: []string{"1, 1, 2, 2, 2", "2, 1, 3, 2, 3"}},
		},
	},
	{
		name: "static columns",
		setup: []string{
			"CREATE TABLE t (a int, b int, c int, s int static, d int, PRIMARY KEY (a, b, c))",
			"UPDATE t SET s = 1 WHERE a = 1", "UPDATE t SET s = 2 WHERE a = 2", "UPDATE t SET s = 3 WHERE a = 4",
			"UPDATE t SET s = 3 WHERE a = 3", "DELETE s FROM t WHERE a = 4",
			"INSERT INTO t (a, b, c, d) VALUES (1, 2, 1, 3)", "INSERT INTO t (a, b, c, d) VALUES (1, 2, 2, 6)",
			"INSERT INTO t (a, b, c, d) VALUES (1, 3, 2, 12)", "INSERT INTO t (a, b, c, d) VALUES (1, 4, 2, 12)",
			"INSERT INTO t (a, b, c, d) VALUES (1, 4, 3, 6)", "INSERT INTO t (a, b, c, d) VALUES (2, 2, 3, 3)",
			"INSERT INTO t (a, b, c, d) VALUES (2, 4, 3, 6)", "INSERT INTO t (a, b, c, d) VALUES (4, 8, 2, 12)",
			"INSERT INTO t (a, b, c, d) VALUES (5, 8, 2, 12)",
			"DELETE FROM t WHERE a = 1 AND b = 3 AND c = 2", "DELETE FROM t WHERE a = 5",
		},
		cases: []groupCase{
			{query: "SELECT a, b, s, count(b), count(s) FROM t GROUP BY a", rows: []string{"1, 2, 1, 4, 4", "2, 2, 2, 2, 2", "4, 8, null, 1, 0", "3, null, 3, 0, 1"}},
			{query: "SELECT a, b, s, count(b), count(s) FROM t GROUP BY a, b", rows: []string{"1, 2, 1, 2, 2", "1, 4, 1, 2, 2", "2, 2, 2, 1, 1", "2, 4, 2, 1, 1", "4, 8, null, 1, 0", "3, null, 3, 0, 1"}},
			{query: "SELECT a, b, s, count(b), count(s) FROM t WHERE b = 2 GROUP BY a, b ALLOW FILTERING", rows: []string{"1, 2, 1, 2, 2", "2, 2, 2, 1, 1"}},
			{query: "SELECT * FROM t GROUP BY a", rows: []string{"1, 2, 1, 1, 3", "2, 2, 3, 2, 3", "4, 8, 2, null, 12", "3, null, null, 3, null"}},
			{query: "SELECT a, b, s, count(b), count(s) FROM t GROUP BY a, b PER PARTITION LIMIT 1 LIMIT 3", rows: []string{"1, 2, 1, 2, 2", "2, 2, 2, 1, 1", "4, 8, null, 1, 0"}},
			{query: "SELECT DISTINCT a, s, count(a), count(s) FROM t GROUP BY a", rows: []string{"1, 1, 1, 1", "2, 2, 1, 1", "4, null, 1, 0", "3, 3, 1, 1"}},
			{query: "SELECT a, b, s, count(b), count(s) FROM t WHERE a = 3 GROUP BY a, b", rows: []string{"3, null, 3, 0, 1"}},
			{query: "SELECT a, b, s, count(b), count(s) FROM t WHERE a = 2 GROUP BY a, b ORDER BY b DESC, c DESC PER PARTITION LIMIT 1", rows: []string{"2, 4, 2, 1, 1"}},
			{query: "SELECT a, b, s, count(b), count(s) FROM t WHERE a IN (1, 2, 3, 4) GROUP BY a, b PER PARTITION LIMIT 4 LIMIT 3", rows: []string{"1, 2, 1, 2, 2", "1, 4, 1, 2, 2", "2, 2, 2, 1, 1"}},
			{query: "SELECT a, b, s FROM t WHERE a IN (1, 2, 3, 4) GROUP BY a", rows: []string{"1, 2, 1", "2, 2, 2", "3, null, 3", "4, 8, null"}},
			{query: "SELECT a, b, s, count(b), count(s) FROM t WHERE a IN (1, 2, 4) GROUP BY a, b ORDER BY b DESC, c DESC", rows: []string{"4, 8, null, 1, 0", "1, 4, 1, 2, 2", "2, 4, 2, 1, 1", "2, 2, 2, 1, 1", "1, 2, 1, 2, 2"}},
		},
	},
	{
		name: "time ranges",
		setup: []string{
			"CREATE TABLE ts (pk int, time timestamp, v int, PRIMARY KEY (pk, time))",
			"INSERT INTO ts (pk, time, v) VALUES (1, '2016-09-27 16:10:00 UTC', 1)",
			"INSERT INTO ts (pk, time, v) VALUES (1, '2016-09-27 16:12:00 UTC', 2)",
			"INSERT INTO ts (pk, time, v) VALUES (1, '2016-09-27 16:14:00 UTC', 3)",
			"INSERT INTO ts (pk, time, v) VALUES (1, '2016-09-27 16:15:00 UTC', 4)",
			"INSERT INTO ts (pk, time, v) VALUES (1, '2016-09-27 16:21:00 UTC', 5)",
			"INSERT INTO ts (pk, time, v) VALUES (1, '2016-09-27 16:22:00 UTC', 6)",
			"INSERT INTO ts (pk, time, v) VALUES (1, '2016-09-27 16:26:00 UTC', 7)",
			"INSERT INTO ts (pk, time, v) VALUES (1, '2016-09-27 16:26:20 UTC', 8)",
			"INSERT INTO ts (pk, time, v) VALUES (2, '2016-09-27 16:26:20 UTC', 10)",
			"INSERT INTO ts (pk, time, v) VALUES (2, '2016-09-27 16:30:00 UTC', 11)",
			"CREATE TABLE d (pk int, time date, v int, PRIMARY KEY (pk, time))",
			"INSERT INTO d (pk, time, v) VALUES (1, '2016-09-27', 1)", "INSERT INTO d (pk, time, v) VALUES (1, '2016-09-28', 2)",
			"INSERT INTO d (pk, time, v) VALUES (1, '2016-09-29', 3)", "INSERT INTO d (pk, time, v) VALUES (1, '2016-09-30', 4)",
			"INSERT INTO d (pk, time, v) VALUES (1, '2016-10-01', 5)", "INSERT INTO d (pk, time, v) VALUES (1, '2016-10-04', 6)",
			"INSERT INTO d (pk, time, v) VALUES (1, '2016-10-20', 7)", "INSERT INTO d (pk, time, v) VALUES (1, '2016-11-27', 8)",
			"INSERT INTO d (pk, time, v) VALUES (2, '2016-11-01', 10)", "INSERT INTO d (pk, time, v) VALUES (2, '2016-11-02', 11)",
			"CREATE TABLE tm (pk int, date date, time time, v int, PRIMARY KEY (pk, date, time))",
			"INSERT INTO tm (pk, date, time, v) VALUES (1, '2016-09-27', '16:10:00', 1)",
			"INSERT INTO tm (pk, date, time, v) VALUES (1, '2016-09-27', '16:12:00', 2)",
			"INSERT INTO tm (pk, date, time, v) VALUES (1, '2016-09-27', '16:14:00', 3)",
			"INSERT INTO tm (pk, date, time, v) VALUES (1, '2016-09-27', '16:15:00', 4)",
			"INSERT INTO tm (pk, date, time, v) VALUES (1, '2016-09-27', '16:21:00', 5)",
			"INSERT INTO tm (pk, date, time, v) VALUES (1, '2016-09-27', '16:22:00', 6)",
			"INSERT INTO tm (pk, date, time, v) VALUES (1, '2016-09-27', '16:26:00', 7)",
			"INSERT INTO tm (pk, date, time, v) VALUES (1, '2016-09-27', '16:26:20', 8)",
			"INSERT INTO tm (pk, date, time, v) VALUES (1, '2016-09-28', '16:26:20', 9)",
			"INSERT INTO tm (pk, date, time, v) VALUES (1, '2016-09-28', '16:26:30', 10)",
		},
		cases: []groupCase{
			{query: "SELECT pk, floor(time, 2h, '2016-09-01'), v FROM ts GROUP BY floor(time, 2h, '2016-09-01')", err: "Group by currently only support groups of columns following their declared order in the PRIMARY KEY"},
			{query: "SELECT pk, floor(time, 2h, time), v FROM ts GROUP BY pk, floor(time, 2h, time)", err: "Only monotonic functions are supported in the GROUP BY clause. Got: system.floor : (timestamp, duration(constant), timestamp) -> timestamp"},
			{query: "SELECT pk, floor(time, 5m), min(v), max(v), count(v) FROM ts GROUP BY pk, floor(time, 5m)", rows: []string{
				"1, 2016-09-27 16:10:00.000000+0000, 1, 3, 3", "1, 2016-09-27 16:15:00.000000+0000, 4, 4, 1",
				"1, 2016-09-27 16:20:00.000000+0000, 5, 6, 2", "1, 2016-09-27 16:25:00.000000+0000, 7, 8, 2",
				"2, 2016-09-27 16:25:00.000000+0000, 10, 10, 1", "2, 2016-09-27 16:30:00.000000+0000, 11, 11, 1"}},
			{query: "SELECT pk, floor(time, 5m, '2016-09-27 UTC'), min(v), max(v), count(v) FROM ts GROUP BY pk, floor(time, 5m, '2016-09-27 UTC') LIMIT 2", rows: []string{
				"1, 2016-09-27 16:10:00.000000+0000, 1, 3, 3", "1, 2016-09-27 16:15:00.000000+0000, 4, 4, 1"}},
			{query: "SELECT pk, floor(time, 5m), min(v), max(v), count(v) FROM ts GROUP BY pk, floor(time, 5m) PER PARTITION LIMIT 1", rows: []string{
				"1, 2016-09-27 16:10:00.000000+0000, 1, 3, 3", "2, 2016-09-27 16:25:00.000000+0000, 10, 10, 1"}},
			{query: "SELECT pk, floor(time, 5m), min(v), max(v), count(v) FROM ts WHERE pk = 1 GROUP BY pk, floor(time, 5m) ORDER BY time DESC LIMIT 2", rows: []string{
				"1, 2016-09-27 16:25:00.000000+0000, 7, 8, 2", "1, 2016-09-27 16:20:00.000000+0000, 5, 6, 2"}},
			{query: "SELECT pk, floor(time, 10us), min(v), max(v), count(v) FROM ts GROUP BY pk, floor(time, 10us)", err: "The floor cannot be computed for the 10us duration as precision is below 1 millisecond"},
			{query: "SELECT pk, floor(time, 10us), min(v), max(v), count(v) FROM ts GROUP BY pk, floor(time, -5m)", err: "Negative durations are not supported by the floor function"},
			{query: "SELECT pk, floor(time, 5m, '2016-10-27'), min(v), max(v), count(v) FROM ts GROUP BY pk, floor(time, 5m, '2016-10-27')", err: "The floor function starting time is greater than the provided time"},
			{query: "SELECT pk, floor(time, 1mo), min(v), max(v), count(v) FROM d GROUP BY pk, floor(time, 1mo)", rows: []string{
				"1, 2016-09-01, 1, 4, 4", "1, 2016-10-01, 5, 7, 3", "1, 2016-11-01, 8, 8, 1", "2, 2016-11-01, 10, 11, 2"}},
			{query: "SELECT pk, floor(time, 1mo, '2016-06-01'), min(v), max(v), count(v) FROM d WHERE pk = 1 GROUP BY pk, floor(time, 1mo, '2016-06-01') ORDER BY time DESC", rows: []string{
				"1, 2016-11-01, 8, 8, 1", "1, 2016-10-01, 5, 7, 3", "1, 2016-09-01, 1, 4, 4"}},
			{query: "SELECT pk, floor(time, 1h), min(v), max(v), count(v) FROM d GROUP BY pk, floor(time, 1h)", err: "The floor on date values cannot be computed for the 1h duration as precision is below 1 day"},
			{query: "SELECT pk, floor(date, 1w), time, min(v), max(v), count(v) FROM tm GROUP BY pk, floor(date, 1w), time", err: "Functions are only supported on the last element of the GROUP BY clause"},
			{query: "SELECT pk, date, floor(time, 5m), min(v), max(v), count(v) FROM tm GROUP BY pk, date, floor(time, 5m)", rows: []string{
				"1, 2016-09-27, 16:10:00.000000000, 1, 3, 3", "1, 2016-09-27, 16:15:00.000000000, 4, 4, 1",
				"1, 2016-09-27, 16:20:00.000000000, 5, 6, 2", "1, 2016-09-27, 16:25:00.000000000, 7, 8, 2",
				"1, 2016-09-28, 16:25:00.000000000, 9, 10, 2"}},
			{query: "SELECT pk, date, floor(time, 10d), min(v), max(v), count(v) FROM tm GROUP BY pk, date, floor(time, 10d)", err: "For time values, the floor can only be computed for durations smaller that a day"},
			{query: "SELECT pk, date, floor(time, 5m), min(v), max(v), count(v) FROM tm WHERE pk = 1 GROUP BY pk, date, floor(time, 5m) ORDER BY date DESC, time DESC LIMIT 2", rows: []string{
				"1, 2016-09-28, 16:25:00.000000000, 9, 10, 2", "1, 2016-09-27, 16:25:00.000000000, 7, 8, 2"}},
		},
	},
}

// rangeNamesSetup is the data of testGroupByWithRangeNamesQueryWithoutPaging:
// a, b and c from 1 to 4, d = a + b, partition 3 deleted.
func rangeNamesSetup() []string {
	stmts := []string{"CREATE TABLE t (a int, b int, c int, d int, PRIMARY KEY (a, b, c))"}
	for a := 1; a < 5; a++ {
		for b := 1; b < 5; b++ {
			for c := 1; c < 5; c++ {
				stmts = append(stmts, fmt.Sprintf("INSERT INTO t (a, b, c, d) VALUES (%d, %d, %d, %d)", a, b, c, a+b))
			}
		}
	}
	return append(stmts, "DELETE FROM t WHERE a = 3")
}
