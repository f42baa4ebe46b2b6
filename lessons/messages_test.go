package lessons

import (
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// fmtVerb is one verb of a format and the argument it formats.
type fmtVerb struct {
	Arg  int
	Verb rune
}

// fmtVerbs lists a format's verbs with their argument numbers (1-based),
// following fmt's rules for explicit [n] indexes, sorted by argument.
func fmtVerbs(format string) ([]fmtVerb, error) {
	var out []fmtVerb
	arg := 1
	rs := []rune(format)
	for i := 0; i < len(rs); i++ {
		if rs[i] != '%' {
			continue
		}
		i++
		if i < len(rs) && rs[i] == '%' {
			continue
		}
		index := func() error {
			if i < len(rs) && rs[i] == '[' {
				j := i + 1
				n := 0
				for j < len(rs) && rs[j] >= '0' && rs[j] <= '9' {
					n = n*10 + int(rs[j]-'0')
					j++
				}
				if j >= len(rs) || rs[j] != ']' || n == 0 {
					return fmt.Errorf("bad index in %q", format)
				}
				arg = n
				i = j + 1
			}
			return nil
		}
		for i < len(rs) && strings.ContainsRune("+-# 0", rs[i]) {
			i++
		}
		if err := index(); err != nil {
			return nil, err
		}
		for i < len(rs) && (rs[i] >= '0' && rs[i] <= '9' || rs[i] == '.') {
			i++
		}
		if err := index(); err != nil {
			return nil, err
		}
		if i >= len(rs) {
			return nil, fmt.Errorf("format %q ends in a verb", format)
		}
		out = append(out, fmtVerb{Arg: arg, Verb: rs[i]})
		arg++
	}
	sort.Slice(out, func(a, b int) bool { return out[a].Arg < out[b].Arg })
	return out, nil
}

func sampleArgs(verbs []fmtVerb) []any {
	n := 0
	for _, v := range verbs {
		n = max(n, v.Arg)
	}
	args := make([]any, n)
	for _, v := range verbs {
		switch v.Verb {
		case 'd':
			args[v.Arg-1] = 7
		case 'f':
			args[v.Arg-1] = 1.5
		default:
			args[v.Arg-1] = "x"
		}
	}
	return args
}

// tableProblems lists every parity problem of a message table.
func tableProblems(table messageTable) []string {
	var out []string
	for key, texts := range table {
		if len(texts) != len(Langs) {
			out = append(out, fmt.Sprintf("message %q has %d languages, want %d", key, len(texts), len(Langs)))
		}
		en, ok := texts[English]
		if !ok || en == "" {
			out = append(out, fmt.Sprintf("message %q has no English text", key))
			continue
		}
		want, err := fmtVerbs(strings.Split(en, "|")[0])
		if err != nil {
			out = append(out, fmt.Sprintf("message %q: %v", key, err))
			continue
		}
		for _, lang := range Langs {
			text := texts[lang]
			if text == "" {
				out = append(out, fmt.Sprintf("message %q has no %s text", key, lang))
				continue
			}
			for _, form := range strings.Split(text, "|") {
				got, err := fmtVerbs(form)
				if err != nil {
					out = append(out, fmt.Sprintf("message %q (%s): %v", key, lang, err))
					continue
				}
				if diff := cmp.Diff(want, got); diff != "" {
					out = append(out, fmt.Sprintf("message %q (%s) verbs differ from English (-en +%s):\n%s", key, lang, lang, diff))
				}
				if s := fmt.Sprintf(form, sampleArgs(got)...); strings.Contains(s, "%!") {
					out = append(out, fmt.Sprintf("message %q (%s) formats badly: %q", key, lang, s))
				}
			}
		}
	}
	sort.Strings(out)
	return out
}

func TestMessageParity(t *testing.T) {
	if len(messages) < 100 {
		t.Fatalf("len(messages) = %d, want every table merged", len(messages))
	}
	for _, p := range tableProblems(messages) {
		t.Error(p)
	}
}

func TestTableProblemsFindsMistakes(t *testing.T) {
	broken := messageTable{
		"missing":  {English: "a %s"},
		"verbs":    {English: "%s has %d", Japanese: "%s は %s"},
		"count":    {English: "%d a|%d as", Japanese: "%d 個"},
		"reorder":  {English: "%s then %d", Japanese: "%[2]d のあと %[1]s"},
		"badindex": {English: "%s", Japanese: "%[2]s"},
	}
	got := tableProblems(broken)
	want := []string{"\"badindex\" (ja) verbs differ", "\"missing\" has 1 languages", "\"missing\" has no ja text", "\"verbs\" (ja) verbs differ"}
	if len(got) != len(want) {
		t.Fatalf("tableProblems = %q, want %d problems like %q", got, len(want), want)
	}
	for i := range want {
		if !strings.Contains(got[i], want[i]) {
			t.Errorf("tableProblems[%d] = %q, want it to contain %q", i, got[i], want[i])
		}
	}
}

func TestFmtVerbs(t *testing.T) {
	tests := []struct {
		format string
		want   []fmtVerb
	}{
		{"%s and %d%%", []fmtVerb{{1, 's'}, {2, 'd'}}},
		{"%[2]q then %[1]s", []fmtVerb{{1, 's'}, {2, 'q'}}},
		{"%.2[2]f, node%[3]d %[1]s", []fmtVerb{{1, 's'}, {2, 'f'}, {3, 'd'}}},
	}
	for _, tt := range tests {
		got, err := fmtVerbs(tt.format)
		if err != nil || !cmp.Equal(got, tt.want) {
			t.Errorf("fmtVerbs(%q) = %v, %v; want %v", tt.format, got, err, tt.want)
		}
	}
}

func TestTranslate(t *testing.T) {
	tests := []struct {
		lang Lang
		key  string
		args []any
		want string
	}{
		{English, "cli.exercises", []any{3}, "3 exercises"},
		{Japanese, "cli.exercises", []any{3}, "演習 3 個"},
		{Lang("fr"), "cli.exercises", []any{3}, "3 exercises"},
		{English, "no.such.key", []any{1}, "no.such.key 1"},
		{Japanese, "error.succeeded", []any{ref("subject.last"), ref("error.any")}, "最後に実行した文は エラー で失敗するはずですが、成功しました"},
	}
	for _, tt := range tests {
		if got := Translate(tt.lang, tt.key, tt.args...); got != tt.want {
			t.Errorf("Translate(%s, %q) = %q, want %q", tt.lang, tt.key, got, tt.want)
		}
	}
}

func TestBoundDescribe(t *testing.T) {
	f := func(x float64) *float64 { return &x }
	tests := []struct {
		b      bound
		unit   string
		en, ja string
	}{
		{bound{f(1), f(1)}, "count.partition", "1 partition", "1 個"},
		{bound{f(4), f(4)}, "count.partition", "4 partitions", "4 個"},
		{bound{nil, f(3)}, "count.node", "at most 3 nodes", "3 台以下"},
		{bound{f(1), nil}, "count.row", "at least 1 row", "1 行以上"},
		{bound{f(1), f(10)}, "count.row", "between 1 and 10 rows", "1〜10 行"},
		{bound{nil, f(1.5)}, "count.plain", "at most 1.5", "1.5以下"},
	}
	for _, tt := range tests {
		if got := tt.b.describe(English, tt.unit); got != tt.en {
			t.Errorf("describe(en, %s) = %q, want %q", tt.unit, got, tt.en)
		}
		if got := tt.b.describe(Japanese, tt.unit); got != tt.ja {
			t.Errorf("describe(ja, %s) = %q, want %q", tt.unit, got, tt.ja)
		}
	}
}
