package distpane

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/learnkv/learnkv/lessons"
	"github.com/learnkv/learnkv/sandbox"
	"github.com/learnkv/learnkv/ui/theme"
)

// distribution loads data and returns a table's distribution.
func distribution(t testing.TB, table string, stmts ...string) *sandbox.Distribution {
	t.Helper()
	sb, err := sandbox.Open(sandbox.Options{Memory: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { sb.Close() })
	for _, s := range stmts {
		if _, err := sb.Exec(context.Background(), s); err != nil {
			t.Fatalf("Exec(%q): %v", s, err)
		}
	}
	d, err := sb.Distribution(context.Background(), "", table)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func goldenViews(t *testing.T, height int, setup func(m *Model)) {
	for _, lang := range []lessons.Lang{lessons.English, lessons.Japanese} {
		for _, w := range []int{40, 80, 120} {
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

func TestViewEmpty(t *testing.T) { goldenViews(t, 5, func(*Model) {}) }

func TestViewLoading(t *testing.T) {
	goldenViews(t, 3, func(m *Model) { m.SetLoading("learnkv.users_by_country") })
}

func TestViewError(t *testing.T) {
	goldenViews(t, 4, func(m *Model) {
		m.SetDistribution("learnkv.gone", nil, errors.New("disk full"))
	})
}

// TestViewNoTable shows the sandbox's missing-table error in the
// learner's language.
func TestViewNoTable(t *testing.T) {
	sb, err := sandbox.Open(sandbox.Options{Memory: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { sb.Close() })
	_, err = sb.Distribution(context.Background(), "", "gone")
	if !errors.As(err, new(*sandbox.NoTableError)) {
		t.Fatalf("Distribution(gone) error = %v, want a *sandbox.NoTableError", err)
	}
	goldenViews(t, 4, func(m *Model) { m.SetDistribution("learnkv.gone", nil, err) })
}

func TestViewSkewedLowCardinality(t *testing.T) {
	d := distribution(t, "users_by_country", "LOAD DATASET users_by_country ROWS 400")
	if len(d.Warnings) == 0 {
		t.Fatalf("distribution of users_by_country has no warnings, want some")
	}
	goldenViews(t, 24, func(m *Model) { m.SetDistribution(d.Table, d, nil) })
}

func TestViewNodeDown(t *testing.T) {
	d := distribution(t, "orders_by_user", "LOAD DATASET orders ROWS 2000", "NODE 2 DOWN")
	goldenViews(t, 24, func(m *Model) { m.SetDistribution(d.Table, d, nil) })
}

func TestChooseCyclesTables(t *testing.T) {
	m := New(lessons.English, theme.New(true))
	m.SetTables([]string{"ks.a", "ks.b", "ks.c"})
	m.SetLoading("ks.c")
	tests := []struct {
		key  tea.KeyPressMsg
		want string
	}{
		{tea.KeyPressMsg{Code: 't', Text: "t"}, "ks.a"},
		{tea.KeyPressMsg{Code: 'T', Text: "T"}, "ks.b"},
		{tea.KeyPressMsg{Code: 'r', Text: "r"}, "ks.c"},
	}
	for _, tt := range tests {
		_, cmd := m.Update(tt.key)
		if cmd == nil {
			t.Fatalf("Update(%s) = no command, want a ChooseMsg", tt.key)
		}
		if got := cmd().(ChooseMsg).Table; got != tt.want {
			t.Errorf("Update(%s) chose %q, want %q", tt.key, got, tt.want)
		}
	}
}

func TestWarningTranslations(t *testing.T) {
	tests := []struct {
		w    sandbox.Warning
		want string
	}{
		{sandbox.Warning{Kind: "skew", Args: []any{3, 2.5}, Text: "en"}, "偏り：node3 が平均の 2.5 倍の行を持っています。ホットパーティションがあります。"},
		{sandbox.Warning{Kind: "low_cardinality", Args: []any{5, 4}, Text: "en"}, "カーディナリティが低すぎます：5 個のパーティションを 4 ノードで分け合っています。値の種類が多いパーティションキーを選びましょう。"},
		{sandbox.Warning{Kind: "partition_bytes", Args: []any{"'k'", int64(120)}, Text: "en"}, "パーティション 'k' は 120 MB です。Cassandra の目安は 1 パーティションあたり 100 MB 未満です。"},
		{sandbox.Warning{Kind: "skew", Args: []any{"x", 2.5}, Text: "English text"}, "English text"},
		{sandbox.Warning{Kind: "new_kind", Text: "English text"}, "English text"},
	}
	for _, tt := range tests {
		if got := Warning(lessons.Japanese, tt.w); got != tt.want {
			t.Errorf("Warning(ja, %+v) = %q, want %q", tt.w, got, tt.want)
		}
	}
}

func TestEmptyTableHasNoSkew(t *testing.T) {
	sb, err := sandbox.Open(sandbox.Options{Memory: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { sb.Close() })
	if _, err := sb.Exec(context.Background(), "CREATE TABLE e (k int PRIMARY KEY)"); err != nil {
		t.Fatal(err)
	}
	d, err := sb.Distribution(context.Background(), "", "e")
	if err != nil {
		t.Fatal(err)
	}
	m := New(lessons.English, theme.New(true))
	m.SetSize(80, 20)
	m.SetDistribution(d.Table, d, nil)
	got := ansi.Strip(m.View())
	if strings.Contains(got, "Skew") || !strings.Contains(got, "no rows yet") {
		t.Errorf("distribution of an empty table = %q, want no skew and a note that it has no rows", got)
	}
}
