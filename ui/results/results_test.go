package results

import (
	"context"
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/learnkv/learnkv/lessons"
	"github.com/learnkv/learnkv/sandbox"
	"github.com/learnkv/learnkv/ui/i18n"
	"github.com/learnkv/learnkv/ui/theme"
)

// run executes statements in a fresh in-memory sandbox and returns the
// last one's result and error.
func run(t testing.TB, stmts ...string) (*sandbox.Result, error) {
	t.Helper()
	sb, err := sandbox.Open(sandbox.Options{Memory: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { sb.Close() })
	var res *sandbox.Result
	for _, s := range stmts {
		res, err = sb.Exec(context.Background(), s)
	}
	return res, err
}

var (
	widths = []int{40, 80, 120}
	langs  = []lessons.Lang{lessons.English, lessons.Japanese}
)

// goldenViews checks the pane's view at every width and language.
func goldenViews(t *testing.T, height int, setup func(m *Model)) {
	for _, lang := range langs {
		for _, w := range widths {
			t.Run(fmt.Sprintf("%s/%d", lang, w), func(t *testing.T) {
				m := New(lang, theme.New(true))
				m.SetSize(w, height)
				setup(&m)
				view := m.View()
				for i, line := range strings.Split(view, "\n") {
					if got := ansi.StringWidth(line); got != w {
						t.Errorf("line %d is %d cells wide, want %d: %q", i, got, w, ansi.Strip(line))
					}
				}
				golden.RequireEqual(t, []byte(ansi.Strip(view)))
			})
		}
	}
}

func TestViewEmpty(t *testing.T) {
	goldenViews(t, 6, func(m *Model) {})
}

func TestViewRows(t *testing.T) {
	stmts := []string{
		"CREATE TABLE users (id int PRIMARY KEY, name text, city text, email text, joined timestamp, score double)",
		"INSERT INTO users (id, name, city, email, joined, score) VALUES (1, 'Alice', 'Tokyo', 'alice@example.com', '2024-01-02 03:04:05+0000', 1.5)",
		"INSERT INTO users (id, name, city) VALUES (2, '太郎', '大阪')",
		"SELECT * FROM users",
	}
	res, err := run(t, stmts...)
	if err != nil {
		t.Fatal(err)
	}
	goldenViews(t, 8, func(m *Model) { m.SetResult(stmts[3], res, nil, 1) })
}

func TestViewErrorWithCaret(t *testing.T) {
	stmt := "SELECT * FROM users\nWHERE name = 'Alice' ALLOW FILTERIN"
	res, err := run(t, "CREATE TABLE users (id int PRIMARY KEY, name text)", stmt)
	if err == nil {
		t.Fatalf("Exec(%q) succeeded, want a syntax error", stmt)
	}
	goldenViews(t, 10, func(m *Model) { m.SetResult(stmt, res, err, 2) })
}

func TestViewFilteringError(t *testing.T) {
	stmt := "SELECT * FROM users WHERE name = 'Alice'"
	_, err := run(t, "CREATE TABLE users (id int PRIMARY KEY, name text)", stmt)
	if err == nil {
		t.Fatalf("Exec(%q) succeeded, want an error", stmt)
	}
	goldenViews(t, 12, func(m *Model) { m.SetResult(stmt, nil, err, 1) })
}

func TestViewMessage(t *testing.T) {
	res, err := run(t, "NODES")
	if err != nil {
		t.Fatal(err)
	}
	goldenViews(t, 10, func(m *Model) { m.SetResult("NODES", res, nil, 1) })
}

func TestViewCancelled(t *testing.T) {
	goldenViews(t, 4, func(m *Model) { m.SetResult("SELECT * FROM big", nil, context.Canceled, 1) })
}

// bigResult returns a result of n rows of three columns.
func bigResult(t testing.TB, n int) *sandbox.Result {
	t.Helper()
	res, err := run(t, "CREATE TABLE t (k int PRIMARY KEY, v text, w text)",
		"INSERT INTO t (k, v, w) VALUES (1, 'one', 'uno')", "SELECT * FROM t")
	if err != nil {
		t.Fatal(err)
	}
	row := res.Rows[0]
	res.Rows = nil
	for i := 0; i < n; i++ {
		res.Rows = append(res.Rows, []any{int32(i), row[1], row[2]})
	}
	return res
}

func TestPagingRendersOnlyVisibleRows(t *testing.T) {
	res := bigResult(t, 1000)
	m := New(lessons.English, theme.New(true))
	m.SetSize(40, 10)
	m.SetResult("SELECT * FROM t", res, nil, 1)
	_ = m.View()
	if got := len(m.table.cells); got > widthSample {
		t.Errorf("after one View, %d rows formatted, want at most %d", got, widthSample)
	}
	tests := []struct {
		key  tea.KeyPressMsg
		want string
	}{
		{tea.KeyPressMsg{Code: tea.KeyPgDown}, "rows 7-12 of 1000"},
		{tea.KeyPressMsg{Code: 'G', Text: "G"}, "rows 995-1000 of 1000"},
		{tea.KeyPressMsg{Code: tea.KeyDown}, "rows 995-1000 of 1000"},
		{tea.KeyPressMsg{Code: 'g', Text: "g"}, "rows 1-6 of 1000"},
		{tea.KeyPressMsg{Code: tea.KeyUp}, "rows 1-6 of 1000"},
	}
	for _, tt := range tests {
		m, _ = m.Update(tt.key)
		if got := ansi.Strip(m.View()); !strings.Contains(got, tt.want) {
			t.Errorf("after %s, view = %q, want it to contain %q", tt.key, got, tt.want)
		}
	}
}

func TestHorizontalScroll(t *testing.T) {
	res, err := run(t, "CREATE TABLE w (k int PRIMARY KEY, a text, b text, c text, d text)",
		"INSERT INTO w (k, a, b, c, d) VALUES (1, 'aaaaaaaaaaaa', 'bbbbbbbbbbbb', 'cccccccccccc', 'dddddddddddd')",
		"SELECT * FROM w")
	if err != nil {
		t.Fatal(err)
	}
	m := New(lessons.English, theme.New(true))
	m.SetSize(40, 8)
	m.SetResult("SELECT * FROM w", res, nil, 1)
	if got := ansi.Strip(m.View()); strings.Contains(got, "dddd") || !strings.Contains(got, "columns 1-") {
		t.Fatalf("view before scrolling = %q, want the first columns only", got)
	}
	for i := 0; i < 4; i++ {
		m, _ = m.Update(tea.KeyPressMsg{Code: tea.KeyRight})
	}
	if got := ansi.Strip(m.View()); !strings.Contains(got, "dddd") || strings.Contains(got, "aaaa") {
		t.Errorf("view after scrolling right = %q, want the last column", got)
	}
}

func TestCaretLine(t *testing.T) {
	tests := []struct {
		stmt     string
		off      int
		wantLine string
		wantCol  int
	}{
		{"SELECT x FROM t", 7, "SELECT x FROM t", 7},
		{"SELECT *\nFROM t WHER x", 16, "FROM t WHER x", 7},
		{"SELECT '日本' FRM t", 15, "SELECT '日本' FRM t", 13},
		{"abc", 3, "abc", 3},
	}
	for _, tt := range tests {
		line, col := caretLine(tt.stmt, tt.off)
		if line != tt.wantLine || col != tt.wantCol {
			t.Errorf("caretLine(%q, %d) = %q, %d, want %q, %d", tt.stmt, tt.off, line, col, tt.wantLine, tt.wantCol)
		}
	}
}

func BenchmarkViewThousandRows(b *testing.B) {
	res := bigResult(b, 1000)
	m := New(lessons.English, theme.New(true))
	m.SetSize(80, 20)
	m.SetResult("SELECT * FROM t", res, nil, 1)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		_ = m.View()
	}
}

func TestLongValuesShowWholeWhenTheyFit(t *testing.T) {
	stmts := []string{
		"CREATE TABLE users (id int PRIMARY KEY, name text)",
		"TRACE KEYS ON",
		"INSERT INTO users (id, name) VALUES (1, 'Alice')",
		"SHOW KEYS users",
	}
	res, err := run(t, stmts...)
	if err != nil {
		t.Fatal(err)
	}
	// The longest storage key, as the table formats it.
	tb := newTable(res)
	longest := ""
	for i := range res.Rows {
		if k := tb.row(i)[1]; len(k) > len(longest) {
			longest = k
		}
	}
	if len(longest) <= maxColumnWidth {
		t.Fatalf("longest key %q is no longer than %d cells: the test shows nothing", longest, maxColumnWidth)
	}
	tests := []struct {
		width int
		whole bool
	}{
		{40, false}, // cut: the pane is too narrow
		{80, true},
		{120, true},
	}
	for _, tt := range tests {
		m := New(lessons.English, theme.New(true))
		m.SetSize(tt.width, 8)
		m.SetResult(stmts[3], res, nil, 1)
		view := ansi.Strip(m.View())
		if got := strings.Contains(view, longest); got != tt.whole {
			t.Errorf("at %d cells, the key %q whole on screen = %v, want %v:\n%s", tt.width, longest, got, tt.whole, view)
		}
	}
}

func TestMessageWrapsProseNotTables(t *testing.T) {
	res, err := run(t, "NODES")
	if err != nil {
		t.Fatal(err)
	}
	m := New(lessons.English, theme.New(true))
	m.SetSize(40, 12)
	m.SetResult("NODES", res, nil, 1)
	lines := strings.Split(ansi.Strip(m.View()), "\n")
	if got := strings.TrimSpace(lines[1]); got != "Cluster of 4 nodes (16 tokens each)." {
		t.Errorf("first line of the message = %q, want the sentence wrapped at 40 cells", got)
	}
	if got := strings.TrimSpace(lines[4]); !strings.HasPrefix(got, "node  | state | tokens | owns") {
		t.Errorf("table header = %q, want it whole (tables scroll, they do not wrap)", got)
	}
}

func TestMessageKeepsIndentation(t *testing.T) {
	res, err := run(t, "CREATE TABLE t (k int PRIMARY KEY, v text)", "DESCRIBE TABLE t")
	if err != nil {
		t.Fatal(err)
	}
	m := New(lessons.English, theme.New(true))
	m.SetSize(40, 30)
	m.SetResult("DESCRIBE TABLE t", res, nil, 1)
	lines := strings.Split(ansi.Strip(m.View()), "\n")
	for _, want := range []string{"    k int PRIMARY KEY,", "    AND cdc = false", "        'org.apache.cassandra.db.compact"} {
		found := false
		for _, l := range lines {
			found = found || strings.HasPrefix(strings.TrimRight(l, " "), want)
		}
		if !found {
			t.Errorf("DESCRIBE at 40 columns = %q, want a line starting %q", lines, want)
		}
	}
}

func TestDatasetsInJapanese(t *testing.T) {
	res, err := run(t, "DATASETS")
	if err != nil {
		t.Fatal(err)
	}
	m := New(lessons.Japanese, theme.New(true))
	m.SetSize(200, 20)
	m.SetResult("DATASETS", res, nil, 1)
	got := ansi.Strip(m.View())
	if !strings.Contains(got, "ホットパーティション") || strings.Contains(got, "a hot partition") {
		t.Errorf("DATASETS in Japanese = %q, want the Japanese summaries", got)
	}
	lines := strings.Split(got, "\n")
	// The rows are aligned in cells: every " | " is at the same column.
	col := -1
	for _, l := range lines[3:8] {
		i := strings.LastIndex(l, " | ")
		if i < 0 {
			t.Fatalf("line %q has no column separator", l)
		}
		if w := ansi.StringWidth(l[:max(i, 0)]); col >= 0 && w != col {
			t.Errorf("last column starts at cell %d on %q, want %d", w, l, col)
		} else {
			col = w
		}
	}
}

func TestExpandedViewShowsLongValuesWhole(t *testing.T) {
	long := strings.Repeat("reaction ", 12)
	res, err := run(t, "CREATE TABLE e (k int PRIMARY KEY, m map<text, text>)",
		fmt.Sprintf("INSERT INTO e (k, m) VALUES (1, {'a': '%s', 'b': 'end-of-map'})", long),
		"SELECT * FROM e")
	if err != nil {
		t.Fatal(err)
	}
	m := New(lessons.English, theme.New(true))
	m.SetSize(40, 20)
	m.SetResult("SELECT * FROM e", res, nil, 1)
	if got := ansi.Strip(m.View()); strings.Contains(got, "end-of-map") {
		t.Fatalf("the table shows the whole map at 40 cells (%q); the test needs a value that is cut", got)
	}
	m, _ = m.Update(tea.KeyPressMsg{Code: 'v', Text: "v"})
	got := ansi.Strip(m.View())
	for _, want := range []string{"@ Row 1", " k | 1", "end-of-map", "(1 rows)"} {
		if !strings.Contains(got, want) {
			t.Errorf("expanded view = %q, want %q in it", got, want)
		}
	}
	for i, line := range strings.Split(m.View(), "\n") {
		if w := ansi.StringWidth(line); w != 40 {
			t.Errorf("expanded line %d is %d cells wide, want 40", i, w)
		}
	}
	m, _ = m.Update(tea.KeyPressMsg{Code: 'l', Text: "l"})
	if got := ansi.Strip(m.View()); !strings.Contains(got, "@ Row 1") || !strings.Contains(got, " k | 1") {
		t.Errorf("expanded view after → = %q, want it unmoved", got)
	}
	m, _ = m.Update(tea.KeyPressMsg{Code: 'v', Text: "v"})
	if got := ansi.Strip(m.View()); strings.Contains(got, "@ Row 1") {
		t.Errorf("v again = %q, want the table back", got)
	}
}

func TestAppHelpFitsAndAligns(t *testing.T) {
	for _, lang := range []lessons.Lang{lessons.English, lessons.Japanese} {
		for _, w := range []int{30, 40, 80, 120} {
			lines := helpLines(i18n.T(lang, i18n.AppHelp), w)
			descAt := map[int]bool{}
			for _, l := range lines {
				if got := ansi.StringWidth(l); got > w {
					t.Errorf("%s at %d: line %q is %d cells wide", lang, w, l, got)
				}
				if strings.Contains(l, "NODES n ") || strings.Contains(l, "NODE n DOWN") {
					trimmed := strings.TrimRight(l, " ")
					i := strings.LastIndex(trimmed, "  ")
					descAt[ansi.StringWidth(l[:i])] = true
				}
			}
			if w >= 80 && len(descAt) != 1 {
				t.Errorf("%s at %d: descriptions of one group start at cells %v, want one column", lang, w, descAt)
			}
		}
	}
}

func TestPositionOfALongText(t *testing.T) {
	res, err := run(t, "CREATE TABLE t (k int PRIMARY KEY, v text)", "DESCRIBE TABLE t")
	if err != nil {
		t.Fatal(err)
	}
	m := New(lessons.English, theme.New(true))
	m.SetSize(60, 8)
	m.SetResult("DESCRIBE TABLE t", res, nil, 1)
	if got := m.Position(); !strings.HasPrefix(got, "1-7/") {
		t.Errorf("Position() of a long DESCRIBE = %q, want 1-7/N", got)
	}
	m.SetSize(60, 80)
	if got := m.Position(); got != "" {
		t.Errorf("Position() when it all fits = %q, want none", got)
	}
}

func TestCommandErrorsInJapanese(t *testing.T) {
	for _, tt := range []struct{ stmt, want string }{
		{"NODE 9 DOWN", "node9 はありません。クラスタのノードは 1〜4 です。"},
		{"LOAD DATASET nosuch", "データセット \"nosuch\" はありません。"},
		{"NODE x UP", "NODE コマンドの形式が違います。"},
	} {
		_, err := run(t, tt.stmt)
		if err == nil {
			t.Fatalf("%s succeeded, want an error", tt.stmt)
		}
		m := New(lessons.Japanese, theme.New(true))
		m.SetSize(120, 10)
		m.SetResult(tt.stmt, nil, err, 1)
		if got := ansi.Strip(m.View()); !strings.Contains(got, tt.want) {
			t.Errorf("%s in Japanese = %q, want %q", tt.stmt, got, tt.want)
		}
	}
}

func TestRunningThenResult(t *testing.T) {
	m := New(lessons.English, theme.New(true))
	m.SetSize(60, 6)
	m.SetRunning("LOAD DATASET sensors ROWS 1000000")
	if got := ansi.Strip(m.View()); !strings.Contains(got, "Running") || !strings.Contains(got, "LOAD DATASET sensors") {
		t.Errorf("view while running = %q, want the statement and that it runs", got)
	}
	m.SetRuns([]Run{{Stmt: "LOAD DATASET sensors ROWS 1000000", Err: context.Canceled}})
	if got := ansi.Strip(m.View()); strings.Contains(got, "Running") {
		t.Errorf("view after the run = %q, want no 'running'", got)
	}
}
