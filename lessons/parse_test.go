package lessons

import (
	"errors"
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"
)

// lessonFile builds a lesson file from a body, with valid front matter.
func lessonFile(body string) string {
	return "---\nid: 01-x\ntitle: X\nsummary: S.\n---\n" + body
}

const okExercise = `# Do it {exercise=do}

## Task {task}
Do it.

## Checks {check}
` + "```yaml" + `
- last:
    rows: [["1"]]
` + "```" + `

## Hint {hint}
A hint.

## Solution {solution}
` + "```cql" + `
SELECT 1 FROM t;
` + "```" + `

## Why it matters {why}
Because.
`

func TestParseGoodPack(t *testing.T) {
	fsys := os.DirFS("testdata/packs/good")
	ls, err := Load(fsys, English)
	if err != nil {
		t.Fatalf("Load(good, en) error: %v", err)
	}
	type item struct {
		Kind   ItemKind
		ID     string
		Title  string
		Checks []string
		Hints  int
	}
	var got []item
	for _, l := range ls {
		for _, it := range l.Items {
			x := item{Kind: it.Kind, ID: l.ID + "/" + it.ID, Title: it.Title}
			if it.Exercise != nil {
				for _, c := range it.Exercise.Checks {
					x.Checks = append(x.Checks, c.Kind)
				}
				x.Hints = len(it.Exercise.Hints)
			}
			got = append(got, x)
		}
	}
	want := []item{
		{StepItem, "01-basics/map", "A table is a map", nil, 0},
		{ExerciseItem, "01-basics/lookup", "Find Alice", []string{"last"}, 2},
		{ExerciseItem, "01-basics/refused", "A lookup by email is refused", []string{"last", "error"}, 1},
		{ExerciseItem, "01-basics/insert", "Add Carol", []string{"rows", "schema"}, 1},
		{StepItem, "02-design/queries", "Start from the queries", nil, 0},
		{ExerciseItem, "02-design/messages", "Messages by room", []string{"schema", "patterns"}, 2},
		{ExerciseItem, "02-design/spread", "Spread the orders", []string{"distribution", "trace"}, 1},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Load(good, en) items (-want +got):\n%s", diff)
	}
	l := ls[0]
	if l.Keyspace != "lesson01" || l.Title != "Keys and values" || l.File != "en/01-basics.md" {
		t.Errorf("lesson = %q %q %q, want lesson01, Keys and values, en/01-basics.md", l.Keyspace, l.Title, l.File)
	}
	lookup := l.Item("lookup")
	if got, want := lookup.Exercise.Solution, "SELECT name FROM users WHERE id = 1;"; got != want {
		t.Errorf("lookup solution = %q, want %q", got, want)
	}
	wantSpec := map[string]any{
		"rows":  []any{[]any{"Alice"}},
		"trace": map[string]any{"partitions": 1, "nodes": map[string]any{"max": 2}, "full_scan": false},
	}
	if diff := cmp.Diff(wantSpec, lookup.Exercise.Checks[0].Spec); diff != "" {
		t.Errorf("lookup check spec (-want +got):\n%s", diff)
	}
	if got, want := lookup.Exercise.Checks[0].Line, 31; got != want {
		t.Errorf("lookup check line = %d, want %d", got, want)
	}
	insert := l.Item("insert")
	if got := insert.Exercise.Checks[0].Spec["expect"]; !cmp.Equal(got, []any{[]any{"3", "Carol"}}) {
		t.Errorf("insert expect = %#v, want raw strings [[3 Carol]]", got)
	}
	ja, err := Load(fsys, Japanese)
	if err != nil {
		t.Fatalf("Load(good, ja) error: %v", err)
	}
	refused := ja[0].Item("refused")
	if got, want := refused.Exercise.Checks[1].Message, "メールアドレスでの検索は InvalidRequest で拒否されるはずです。"; got != want {
		t.Errorf("ja refused message = %q, want %q", got, want)
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name string
		src  string
		// want lists "line: message part" for every expected error.
		want []string
	}{
		{"no front matter", "# A {step=a}\nText.\n", []string{"1: must start with front matter"}},
		{"front matter unclosed", "---\nid: 01-x\n# A {step=a}\n", []string{"1: no closing"}},
		{"front matter yaml", "---\nid: [01-x\ntitle: X\n---\n# A {step=a}\nText.\n", []string{"YAML"}},
		{"front matter fields", "---\nid: 01-y\ntitel: X\n---\n# A {step=a}\nText.\n",
			[]string{"1: the front matter has no title", "1: the front matter has no summary",
				"2: id \"01-y\" must equal the file name", "3: unknown front matter field \"titel\""}},
		{"text before items", lessonFile("Intro.\n\n# A {step=a}\nText.\n"), []string{"6: text before the first step"}},
		{"untagged heading", lessonFile("# A\nText.\n"), []string{"6: the level-1 heading \"A\" must end with"}},
		{"bad id", lessonFile("# A {step=Big_Id}\nText.\n"), []string{"6: bad id \"Big_Id\""}},
		{"duplicate id", lessonFile("# A {step=a}\nText.\n\n# B {step=a}\nMore.\n"), []string{"9: id \"a\" is already used at line 6"}},
		{"empty step", lessonFile("# A {step=a}\n\n# B {step=b}\nText.\n"), []string{"6: step \"a\" has no text"}},
		{"part in step", lessonFile("# A {step=a}\nText.\n## Task {task}\n"), []string{"8: {task} marks a part of an exercise"}},
		{"unknown part", lessonFile(strings.Replace(okExercise, "## Hint {hint}", "## Tip {tip}", 1)),
			[]string{"6: exercise \"do\" has no {hint} part", "17: unknown part {tip}"}},
		{"untagged part", lessonFile(strings.Replace(okExercise, "## Hint {hint}", "## Hint", 1)),
			[]string{"6: exercise \"do\" has no {hint} part", "17: the level-2 heading \"Hint\" in an exercise must be a part"}},
		{"missing solution", lessonFile(okExercise[:strings.Index(okExercise, "## Solution")] + "## Why it matters {why}\nBecause.\n"),
			[]string{"6: exercise \"do\" has no {solution} part"}},
		{"duplicate task", lessonFile(strings.Replace(okExercise, "## Hint {hint}", "## Task {task}\nAgain.\n\n## Hint {hint}", 1)),
			[]string{"a second {task} part (the first is at line 8)"}},
		{"text before parts", lessonFile(strings.Replace(okExercise, "{exercise=do}\n", "{exercise=do}\nStray.\n", 1)),
			[]string{"7: text between the heading of exercise \"do\" and its first part"}},
		{"solution not cql", lessonFile(strings.Replace(okExercise, "```cql", "```sql", 1)),
			[]string{"the {solution} part must be exactly one ```cql fence"}},
		{"unclosed fence", lessonFile("# A {step=a}\n```cql\nSELECT 1;\n"), []string{"7: this code fence is never closed"}},
		{"heading in fence", lessonFile("# A {step=a}\n```\n# not a heading\n```\n"), nil},
		{"unknown check kind", lessonFile(strings.Replace(okExercise, "- last:", "- rowz:", 1)),
			[]string{"13: unknown check kind \"rowz\""}},
		{"unknown check field", lessonFile(strings.Replace(okExercise, "rows: [[\"1\"]]", "rowz: [[\"1\"]]", 1)),
			[]string{"14: a last check has no field \"rowz\""}},
		{"bad count", lessonFile(strings.Replace(okExercise, "rows: [[\"1\"]]", "row_count: many", 1)),
			[]string{"14: field row_count of a last check must be a number or {min: N, max: N}"}},
		{"bad collection tombstones", lessonFile(strings.Replace(okExercise, "rows: [[\"1\"]]", "collection_tombstones: none", 1)),
			[]string{"14: field collection_tombstones of a last check must be a number or {min: N, max: N}"}},
		{"error and collection tombstones", lessonFile(strings.Replace(okExercise, "rows: [[\"1\"]]", "error: InvalidRequest\n    collection_tombstones: 0", 1)),
			[]string{"a last check cannot expect both an error and rows, a trace or collection tombstones"}},
		{"bad yaml", lessonFile(strings.Replace(okExercise, "rows: [[\"1\"]]", "rows: [[\"1\"]", 1)),
			[]string{"YAML"}},
		{"bad cql in check", lessonFile(strings.Replace(okExercise, "- last:\n    rows: [[\"1\"]]", "- rows:\n    query: SELEC 1\n    expect: []", 1)),
			[]string{"14: field query does not parse as CQL"}},
		{"unknown class", lessonFile(strings.Replace(okExercise, "rows: [[\"1\"]]", "error: Oops", 1)),
			[]string{"14: unknown error class \"Oops\""}},
		{"unknown dataset", lessonFile(strings.Replace(okExercise, "- last:\n    rows: [[\"1\"]]", "- patterns:\n    queries: [SELECT * FROM t WHERE k = 1]\n    dataset: nope", 1)),
			[]string{"15: unknown dataset \"nope\""}},
		{"checks not a list", lessonFile(strings.Replace(okExercise, "- last:\n    rows: [[\"1\"]]", "last: {}", 1)),
			[]string{"13: the {check} part must hold a YAML list"}},
		{"no items", lessonFile("\n"), []string{"the lesson has no steps or exercises"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseLesson("en/01-x.md", []byte(tt.src))
			var got []string
			var list ErrorList
			if errors.As(err, &list) {
				for _, e := range list {
					got = append(got, e.Error())
				}
			} else if err != nil {
				t.Fatalf("ParseLesson error %v is not an ErrorList", err)
			}
			if len(got) != len(tt.want) {
				t.Fatalf("ParseLesson(%s) errors = %q, want %d errors like %q", tt.name, got, len(tt.want), tt.want)
			}
			for i, w := range tt.want {
				line, msg, _ := strings.Cut(w, ": ")
				if _, err := lineNumber(line); err != nil {
					msg = w
					line = ""
				}
				if !strings.Contains(got[i], msg) || (line != "" && !strings.HasPrefix(got[i], "en/01-x.md:"+line+": ")) {
					t.Errorf("ParseLesson(%s) error %d = %q, want en/01-x.md:%s: ...%s...", tt.name, i, got[i], line, msg)
				}
			}
		})
	}
}

func lineNumber(s string) (int, error) {
	n := 0
	if s == "" {
		return 0, errors.New("empty")
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return 0, errors.New("not a number")
		}
		n = n*10 + int(r-'0')
	}
	return n, nil
}

func TestParseJapaneseErrors(t *testing.T) {
	_, err := ParseLesson("ja/01-x.md", []byte(lessonFile("# A {step=a}\n\n# B {step=b}\nText.\n")))
	var list ErrorList
	if !errors.As(err, &list) || len(list) != 1 {
		t.Fatalf("ParseLesson error = %v, want one error", err)
	}
	if got, want := list[0].In(Japanese), "ja/01-x.md:6: ステップ \"a\" に本文がありません"; got != want {
		t.Errorf("In(ja) = %q, want %q", got, want)
	}
}

func TestLoadSharedKeyspace(t *testing.T) {
	fsys := fstest.MapFS{
		"en/01-a.md":   {Data: []byte(strings.Replace(lessonFile("# A {step=a}\nText.\n"), "01-x", "01-a", 1))},
		"en/01-b.md":   {Data: []byte(strings.Replace(lessonFile("# A {step=a}\nText.\n"), "01-x", "01-b", 1))},
		"en/notes.txt": {Data: []byte("ignored")},
	}
	ls, err := Load(fsys, English)
	if err == nil || !strings.Contains(err.Error(), "en/01-b.md:1: lessons 01-a and 01-b share keyspace lesson01") {
		t.Errorf("Load error = %v, want the shared keyspace error", err)
	}
	if len(ls) != 1 || ls[0].ID != "01-a" {
		t.Errorf("Load lessons = %v, want just 01-a", ls)
	}
}

func TestParseNeverPanics(t *testing.T) {
	inputs := []string{"", "---", "---\n---\n", "\xff\xfe", "# {exercise=}\n## {check}\n```yaml\n- last: [1]\n```\n",
		lessonFile("# A {exercise=a}\n## C {check}\n```yaml\n- last:\n    trace: 3\n    statement: 4\n```\n"),
		lessonFile("# A {exercise=a}\n## C {check}\n```yaml\n- schema: {table: t, columns: [a], clustering: [a b c]}\n- distribution: {table: t, skew: {min: 3, max: 1}}\n```\n"),
		lessonFile("# A {exercise=a}\n## C {check}\n```yaml\n- &x last: *x\n- ? [a]\n  : b\n```\n"),
	}
	for _, in := range inputs {
		_, _ = ParseLesson("en/01-x.md", []byte(in))
	}
}

func FuzzParseLesson(f *testing.F) {
	f.Add(lessonFile(okExercise))
	f.Add(lessonFile("# A {step=a}\n```cql\nSELECT 1;\n```\n"))
	f.Add(lessonFile("# A {exercise=a}\n## T {task}\nx\n## C {check}\n```yaml\n- schema: {table: t, clustering: [a DESC], columns: {a: int}}\n" +
		"- trace: {query: SELECT * FROM t, nodes: {min: 1, max: 2}}\n- patterns: {queries: [SELECT * FROM t WHERE k = 1], dataset: chat, rows: 5}\n```\n"))
	f.Fuzz(func(t *testing.T, src string) {
		l, err := ParseLesson("en/01-x.md", []byte(src))
		if err == nil && l == nil {
			t.Fatal("ParseLesson returned neither a lesson nor an error")
		}
	})
}
