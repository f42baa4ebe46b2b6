package keyspane

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/learnkv/learnkv/lessons"
	"github.com/learnkv/learnkv/sandbox"
	"github.com/learnkv/learnkv/sandbox/trace"
	"github.com/learnkv/learnkv/ui/theme"
)

// traced runs statements with TRACE KEYS ON and returns the last trace.
func traced(t testing.TB, stmts ...string) *trace.Trace {
	t.Helper()
	sb, err := sandbox.Open(sandbox.Options{Memory: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { sb.Close() })
	var res *sandbox.Result
	for _, s := range append([]string{"TRACE KEYS ON"}, stmts...) {
		if res, err = sb.Exec(context.Background(), s); err != nil {
			t.Fatalf("Exec(%q): %v", s, err)
		}
	}
	return res.Trace
}

func goldenViews(t *testing.T, height int, tr *trace.Trace) {
	for _, lang := range []lessons.Lang{lessons.English, lessons.Japanese} {
		for _, w := range []int{40, 80, 120} {
			t.Run(fmt.Sprintf("%s/%d", lang, w), func(t *testing.T) {
				m := New(lang, theme.New(false))
				m.SetSize(w, height)
				m.SetTrace(tr)
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

func TestViewEmpty(t *testing.T) { goldenViews(t, 5, nil) }

func TestViewWrites(t *testing.T) {
	tr := traced(t, "CREATE TABLE msgs (room text, at int, body text, PRIMARY KEY (room, at))",
		"INSERT INTO msgs (room, at, body) VALUES ('部屋', 1, 'hi')")
	goldenViews(t, 12, tr)
}

func TestViewReads(t *testing.T) {
	tr := traced(t, "CREATE TABLE users (id int PRIMARY KEY, name text)",
		"INSERT INTO users (id, name) VALUES (1, 'Alice')", "SELECT * FROM users WHERE id = 1")
	goldenViews(t, 8, tr)
}

func TestViewNoKeys(t *testing.T) {
	tr := traced(t, "CREATE TABLE users (id int PRIMARY KEY, name text)", "SELECT * FROM users WHERE id = 9")
	goldenViews(t, 4, tr)
}

func TestKeyLineKeepsUnknownText(t *testing.T) {
	m := New(lessons.English, theme.New(true))
	for _, k := range []string{"read  node2:ks.t/1/(1)/row()/v", "write weird", "read  node1:a/b"} {
		line := ansi.Strip(m.keyLine(k))
		_, rest, _ := strings.Cut(k, " ")
		rest = strings.TrimSpace(rest)
		compact := strings.ReplaceAll(strings.ReplaceAll(line, " ", ""), ":", "")
		if !strings.Contains(compact, strings.ReplaceAll(strings.ReplaceAll(rest, " ", ""), ":", "")) {
			t.Errorf("keyLine(%q) = %q, want it to show %q", k, line, rest)
		}
	}
}

func TestSummarySaysWhenKeysWereCut(t *testing.T) {
	tr := &trace.Trace{Statement: "SELECT * FROM t", KeysRead: 900,
		Keys: []string{"read  node1:ks.t/1/(1)/row()/v", "read  node1:ks.t/1/(1)/row()/w"}}
	tests := []struct {
		lang lessons.Lang
		want string
	}{
		{lessons.English, "900 keys read, 0 written (the first 2 shown)"},
		{lessons.Japanese, "キー：読取 900、書込 0（先頭 2 件を表示）"},
	}
	for _, tt := range tests {
		m := New(tt.lang, theme.New(true))
		m.SetSize(80, 6)
		m.SetTrace(tr)
		if got := ansi.Strip(m.View()); !strings.Contains(got, tt.want) {
			t.Errorf("%s view = %q, want %q", tt.lang, got, tt.want)
		}
	}
}

func TestLanguageSwitchRedraws(t *testing.T) {
	m := New(lessons.English, theme.New(true))
	m.SetSize(60, 4)
	m.SetLang(lessons.Japanese)
	if got := ansi.Strip(m.View()); !strings.Contains(got, "まだキーはありません") {
		t.Errorf("after switching to Japanese, view = %q", got)
	}
	if got := m.KeyMap.Scroll.Down.Help().Desc; got != "下へ" {
		t.Errorf("after switching to Japanese, help = %q, want 下へ", got)
	}
}
