package cql

import (
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// corpus returns the statements of testdata/*.cql.
func corpus(t testing.TB) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("testdata", "*.cql"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no testdata/*.cql files: %v", err)
	}
	var stmts []string
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range Split(string(data)) {
			stmts = append(stmts, c.Text)
		}
	}
	return stmts
}

// validInputs returns every statement the tests know to be valid.
func validInputs(t testing.TB) []string {
	var srcs []string
	for _, table := range [][]parseTest{schemaTests, dmlTests, selectTests} {
		for _, tt := range table {
			srcs = append(srcs, tt.src)
		}
	}
	return append(srcs, corpus(t)...)
}

// checkRoundTrip checks that st prints as CQL that parses back to st and
// prints the same again.
func checkRoundTrip(t *testing.T, src string, st Statement) {
	t.Helper()
	printed := st.String()
	again, err := Parse(printed)
	if err != nil {
		t.Fatalf("Parse(%q) printed %q, which does not parse: %v", src, printed, err)
	}
	if diff := cmp.Diff(st, again, ignorePos); diff != "" {
		t.Fatalf("Parse(%q) printed %q, which parses differently (-first +second):\n%s", src, printed, diff)
	}
	if reprinted := again.String(); reprinted != printed {
		t.Fatalf("Parse(%q) printed %q, then %q", src, printed, reprinted)
	}
}

func TestRoundTrip(t *testing.T) {
	for _, src := range validInputs(t) {
		st, err := Parse(src)
		if err != nil {
			t.Errorf("Parse(%q) error: %v", src, err)
			continue
		}
		checkRoundTrip(t, src, st)
	}
}

// TestRoundTripKeywordNames renames the identifiers of the valid
// statements to every unreserved keyword (and a few other tricky words)
// and checks that whatever parses still prints back to itself.
func TestRoundTripKeywordNames(t *testing.T) {
	words := []string{"true", "nan", "P1D", "p1d", "user"}
	for w, info := range keywords {
		if !info.reserved {
			words = append(words, w)
		}
	}
	slices.Sort(words)
	names := regexp.MustCompile(`\b(t|a|k|v|c|ks|name|id|m|l|s|u|f|idx|address|street|users)\b`)
	parsed := 0
	for _, table := range [][]parseTest{schemaTests, dmlTests, selectTests} {
		for _, tt := range table {
			for _, w := range words {
				src := names.ReplaceAllString(tt.src, w)
				st, err := Parse(src)
				if err != nil {
					continue
				}
				parsed++
				checkRoundTrip(t, src, st)
			}
		}
	}
	if parsed < 1000 {
		t.Errorf("only %d renamed statements parsed", parsed)
	}
}

func TestSeedStatements(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "seeds.cql"))
	if err != nil {
		t.Fatal(err)
	}
	chunks := Split(string(data))
	if len(chunks) != 35 {
		t.Errorf("Split(seeds.cql) gave %d statements, want 35", len(chunks))
	}
	for _, c := range chunks {
		if !c.Complete {
			t.Errorf("seed statement at line %d is incomplete: %q", c.Pos.Line, c.Text)
		}
		if _, err := Parse(c.Text); err != nil {
			t.Errorf("Parse(seed statement at line %d) error: %v", c.Pos.Line, err)
		}
	}
}

func TestPrint(t *testing.T) {
	tests := []struct{ src, want string }{
		{"select * from T where K = 'it''s'", "SELECT * FROM t WHERE k = 'it''s'"},
		{"update t set c += 1, d -= {'x'} where k = $$a'b$$", "UPDATE t SET c = c + 1, d = d - {'x'} WHERE k = 'a''b'"},
		{`select "A""b", "key", "select" from "T"`, `SELECT "A""b", "key", "select" FROM "T"`},
		{"insert into t (k) values (-nan) using timestamp 1 and ttl 2", "INSERT INTO t (k) VALUES (NaN) USING TTL 2 AND TIMESTAMP 1"},
		{"create table t (k int primary key, v varchar) with clustering order by (c asc) and comment = 'x' and compact storage",
			"CREATE TABLE t (k int PRIMARY KEY, v text) WITH CLUSTERING ORDER BY (c ASC) AND COMPACT STORAGE AND comment = 'x'"},
		{"select token(k), count(*) from t where token(k) > token(1)", "SELECT token(k), COUNT(*) FROM t WHERE TOKEN(k) > token(1)"},
		{"begin batch insert into t (k) values (1) apply batch", "BEGIN BATCH INSERT INTO t (k) VALUES (1); APPLY BATCH"},
		{"desc ks.t", "DESCRIBE ks.t"},
		{"serial consistency serial;", "SERIAL CONSISTENCY SERIAL"},
	}
	for _, tt := range tests {
		st, err := Parse(tt.src)
		if err != nil {
			t.Errorf("Parse(%q) error: %v", tt.src, err)
			continue
		}
		if got := st.String(); got != tt.want {
			t.Errorf("Parse(%q).String() = %q, want %q", tt.src, got, tt.want)
		}
	}
}

func TestPrintNodes(t *testing.T) {
	tests := []struct {
		node fmtStringer
		want string
	}{
		{id("select"), `"select"`},
		{id("Mixed"), `"Mixed"`},
		{id("true"), `"true"`},
		{id("user_1"), "user_1"},
		{qid("a"), `"a"`},
		{kstbl("ks", "t"), "ks.t"},
		{frozen(typ("map", typ("text"), typ("list", typ("int")))), "frozen<map<text, list<int>>>"},
		{&TypeExpr{Name: "text", Quoted: true}, `"text"`},
		{OrderDef{Column: id("c")}, "c ASC"},
		{rel("a", OpIn, &BindMarker{Name: id("x")}), "a IN :x"},
		{Relation{Columns: ids("a"), Op: OpIn, Values: terms(num("1"))}, "a IN (1)"},
		{Condition{Column: id("u"), Field: id("f"), Op: OpNeq, Value: null()}, "u.f != NULL"},
		{Assignment{Column: id("l"), Kind: AssignPrepend, Value: list(num("1"))}, "l = [1] + l"},
		{&UsingClause{}, ""},
		{Selector{Expr: &CountStarSel{}, Alias: id("n")}, "COUNT(*) AS n"},
		{prop("replication", mapOf(str("class"), str("x"))), "replication = {'class': 'x'}"},
		{&ElementSel{Expr: colSel("s"), Slice: true, From: flt("1.")}, "s[1...]"},
	}
	for _, tt := range tests {
		if got := tt.node.String(); got != tt.want {
			t.Errorf("%#v.String() = %q, want %q", tt.node, got, tt.want)
		}
	}
}

type fmtStringer interface{ String() string }

func FuzzParse(f *testing.F) {
	for _, src := range validInputs(f) {
		f.Add(src)
	}
	for _, tt := range errorTests {
		f.Add(tt.src)
	}
	f.Fuzz(func(t *testing.T, src string) {
		st, err := Parse(src)
		if err != nil {
			var perr *Error
			if !errors.As(err, &perr) {
				t.Fatalf("Parse(%q) error %T is not *Error", src, err)
			}
			if strings.HasPrefix(perr.Msg, "internal parser error") {
				t.Fatalf("Parse(%q): %v", src, err)
			}
			checkPos(t, src, perr.Pos)
			return
		}
		checkRoundTrip(t, src, st)
	})
}
