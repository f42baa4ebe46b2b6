package lessons

import (
	"context"
	"io/fs"
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/learnkv/learnkv/content"
)

func TestValidatePacks(t *testing.T) {
	tests := []struct {
		pack string
		// want holds one "file:line: part of the message" per problem.
		want []string
	}{
		{"good", nil},
		{"free-pass", []string{`en/01-basics.md:82: free pass: exercise "insert" passes before the learner does anything`}},
		{"wrong-solution", []string{`en/01-basics.md:42: solution does not pass: expected 1 row: [Alice]; saw 1 row: [Bob]`}},
		{"missing-translation", []string{`en/02-design.md: this lesson has no Japanese version: ja/02-design.md is missing`}},
		{"missing-exercise", []string{`ja/01-basics.md:17: exercise "refused" (en/01-basics.md:50) is missing here`}},
		{"hint-count", []string{`ja/01-basics.md:36: exercise "lookup" has a different number of hints here (1) than in en/01-basics.md (2)`}},
		{"overflow", []string{
			`en/01-basics.md:8: a tab character renders at an unpredictable width`,
			`en/01-basics.md:8: at width 40 a line renders 64 cells wide`,
			`ja/01-basics.md:8: at width 40 a line renders 64 cells wide`,
		}},
		{"bad-front-matter", []string{
			`en/01-basics.md:1: the front matter has no summary`,
			`en/01-basics.md:3: unknown front matter field "titel"`,
		}},
		{"unknown-check", []string{`en/01-basics.md:94: unknown check kind "rowz" (the kinds are last, rows, error, schema, trace, distribution, patterns)`}},
		{"missing-solution", []string{
			`en/01-basics.md:82: exercise "insert" has no {solution} part`,
			`ja/01-basics.md:83: exercise "insert" has no {solution} part`,
		}},
	}
	for _, tt := range tests {
		t.Run(tt.pack, func(t *testing.T) {
			got := Validate(context.Background(), os.DirFS("testdata/packs/"+tt.pack))
			assertProblems(t, got, tt.want)
		})
	}
}

func assertProblems(t *testing.T, got []Problem, want []string) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("Validate = %d problems:\n%s\nwant %d:\n%s", len(got), problemList(got), len(want), strings.Join(want, "\n"))
	}
	for i, w := range want {
		pos, msg, _ := strings.Cut(w, ": ")
		if s := got[i].String(); !strings.HasPrefix(s, pos+": ") || !strings.Contains(s, msg) {
			t.Errorf("problem %d = %q, want %q", i, s, w)
		}
	}
}

func problemList(ps []Problem) string {
	var b strings.Builder
	for _, p := range ps {
		b.WriteString(p.String() + "\n")
	}
	return b.String()
}

func TestValidateJapaneseMessages(t *testing.T) {
	got := ValidateIn(context.Background(), os.DirFS("testdata/packs/free-pass"), Japanese)
	want := []string{`en/01-basics.md:82: 素通り：演習 "insert" は学習者が何もしなくても合格します`}
	assertProblems(t, got, want)
	got = ValidateIn(context.Background(), os.DirFS("testdata/packs/wrong-solution"), Japanese)
	want = []string{`en/01-basics.md:42: 解答例が合格しません：結果は 1 行（[Alice]）のはずですが、実際は 1 行（[Bob]）でした`}
	assertProblems(t, got, want)
}

// packWith returns the good pack with some files replaced (nil removes).
func packWith(t *testing.T, files map[string]*string) fs.FS {
	t.Helper()
	m := fstest.MapFS{}
	err := fs.WalkDir(os.DirFS("testdata/packs/good"), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile("testdata/packs/good/" + p)
		m[p] = &fstest.MapFile{Data: data}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	for p, data := range files {
		if data == nil {
			delete(m, p)
			continue
		}
		m[p] = &fstest.MapFile{Data: []byte(*data)}
	}
	return m
}

func readFixture(t *testing.T, p string) string {
	t.Helper()
	b, err := os.ReadFile("testdata/packs/good/" + p)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestValidateParity(t *testing.T) {
	ja := readFixture(t, "ja/01-basics.md")
	edit := func(old, new string) *string {
		if !strings.Contains(ja, old) {
			t.Fatalf("fixture has no %q", old)
		}
		s := strings.Replace(ja, old, new, 1)
		return &s
	}
	tests := []struct {
		name string
		file *string
		want []string
	}{
		{"check differs", edit("expect: [[3, Carol]]", "expect: [[3, Karol]]"),
			[]string{`ja/01-basics.md:95: check 1 of exercise "insert" differs from en/01-basics.md:94: checks must be identical`}},
		{"message may differ", edit("message: メールアドレスでの検索は", "message: 違う文言でも構いません。メールアドレスでの検索は"), nil},
		{"setup differs", edit("CREATE TABLE users (id int PRIMARY KEY, name text);\n```", "CREATE TABLE users (id int PRIMARY KEY, name text, extra int);\n```"),
			[]string{`ja/01-basics.md:88: the {setup} of exercise "insert" differs from en/01-basics.md`}},
		{"setup comments may differ", edit("CREATE TABLE users (id int PRIMARY KEY, name text);\n```", "-- ユーザーのテーブル\nCREATE TABLE users (id int PRIMARY KEY,\n  name text);\n```"), nil},
		{"solution differs", edit("INSERT INTO users (id, name) VALUES (3, 'Carol');", "INSERT INTO users (id, name) VALUES (3, 'Karol');"),
			[]string{`ja/01-basics.md:107: the {solution} of exercise "insert" differs from en/01-basics.md`}},
		{"item kind differs", replaceSection(t, ja, "# テーブルはマップ", "# Alice を探す",
			"# テーブルはマップ {exercise=map}\n\n## 課題 {task}\nT.\n\n## チェック {check}\n```yaml\n- last: {row_count: 1}\n```\n\n"+
				"## ヒント {hint}\nH.\n\n## 解答例 {solution}\n```cql\nSELECT 1 FROM t;\n```\n\n## なぜ {why}\nW.\n\n"),
			[]string{`ja/01-basics.md:7: "map" is an exercise here but a step in en/01-basics.md`}},
		{"extra item", edit("# Carol を追加する {exercise=insert}", "# 余分 {step=extra}\n本文。\n\n# Carol を追加する {exercise=insert}"),
			[]string{`ja/01-basics.md:83: step "extra" is not in en/01-basics.md`}},
		{"order differs", swapSteps(t, ja), []string{`ja/01-basics.md:7: the steps and exercises are in a different order than in en/01-basics.md (map, lookup, refused, insert)`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Validate(context.Background(), packWith(t, map[string]*string{"ja/01-basics.md": tt.file}))
			assertProblems(t, got, tt.want)
		})
	}
}

// replaceSection replaces the text from the heading from to the heading to.
func replaceSection(t *testing.T, text, from, to, with string) *string {
	t.Helper()
	i, j := strings.Index(text, from), strings.Index(text, to)
	if i < 0 || j < i {
		t.Fatalf("fixture has no section %q ... %q", from, to)
	}
	s := text[:i] + with + text[j:]
	return &s
}

// swapSteps moves the first exercise of the Japanese fixture before its
// first step.
func swapSteps(t *testing.T, ja string) *string {
	t.Helper()
	step := strings.Index(ja, "# テーブルはマップ")
	ex := strings.Index(ja, "# Alice を探す")
	next := strings.Index(ja, "# メールアドレスでの検索は拒否される")
	s := ja[:step] + ja[ex:next] + ja[step:ex] + ja[next:]
	return &s
}

func TestValidateEmptyPack(t *testing.T) {
	got := Validate(context.Background(), fstest.MapFS{"README.md": {Data: []byte("x")}})
	assertProblems(t, got, []string{"en/: no lessons: en/ holds no .md files", "ja/: no lessons: ja/ holds no .md files"})
}

func TestValidateSetupFails(t *testing.T) {
	en := strings.Replace(readFixture(t, "en/01-basics.md"), "CREATE TABLE users (id int PRIMARY KEY, name text);\n```", "CREATE TABLE users (id int PRIMARY KEY, name text);\nINSERT INTO nope (k) VALUES (1);\n```", 1)
	ja := strings.Replace(readFixture(t, "ja/01-basics.md"), "CREATE TABLE users (id int PRIMARY KEY, name text);\n```", "CREATE TABLE users (id int PRIMARY KEY, name text);\nINSERT INTO nope (k) VALUES (1);\n```", 1)
	got := Validate(context.Background(), packWith(t, map[string]*string{"en/01-basics.md": &en, "ja/01-basics.md": &ja}))
	assertProblems(t, got, []string{`en/01-basics.md:87: the setup of exercise "insert" fails at "INSERT INTO nope (k) VALUES (1)": InvalidRequest`})
}

func TestValidateCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	got := Validate(ctx, os.DirFS("testdata/packs/good"))
	if len(got) != 1 || !strings.Contains(got[0].Msg, "validation stopped") {
		t.Errorf("Validate(cancelled) = %s, want one \"validation stopped\" problem", problemList(got))
	}
}

// TestEmbeddedContent runs `learnkv lessons check` on the lessons built
// into the binary, so that CI refuses a broken lesson.
func TestEmbeddedContent(t *testing.T) {
	if names, _ := fs.Glob(content.FS, "en/*.md"); len(names) == 0 {
		t.Skip("content/en holds no lessons yet (the content writers have not added any): nothing to check")
	}
	for _, p := range Validate(context.Background(), content.FS) {
		t.Errorf("content/%s", p)
	}
}
