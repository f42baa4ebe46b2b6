package lessons

import (
	"os"
	"testing"
	"testing/fstest"
)

func TestDetectLang(t *testing.T) {
	tests := []struct {
		flag string
		env  map[string]string
		want Lang
	}{
		{"ja", nil, Japanese},
		{"en", map[string]string{"LANG": "ja_JP.UTF-8"}, English},
		{"", map[string]string{"LANG": "ja_JP.UTF-8"}, Japanese},
		{"", map[string]string{"LC_ALL": "C", "LANG": "ja_JP.UTF-8"}, English},
		{"", map[string]string{"LC_MESSAGES": "ja_JP", "LANG": "en_US.UTF-8"}, Japanese},
		{"", map[string]string{"LC_ALL": "ja"}, Japanese},
		{"fr", map[string]string{"LANG": "ja_JP.UTF-8"}, Japanese},
		{"", nil, English},
	}
	for _, tt := range tests {
		got := DetectLang(tt.flag, func(k string) string { return tt.env[k] })
		if got != tt.want {
			t.Errorf("DetectLang(%q, %v) = %s, want %s", tt.flag, tt.env, got, tt.want)
		}
	}
	if got := DetectLang("", nil); got != English {
		t.Errorf("DetectLang with no environment = %s, want en", got)
	}
}

func TestParseLang(t *testing.T) {
	tests := []struct {
		in   string
		want Lang
		ok   bool
	}{
		{"en", English, true}, {"JA", Japanese, true}, {"ja_JP.UTF-8", Japanese, true},
		{"en-GB", English, true}, {"jam", "", false}, {"", "", false}, {"C", "", false},
	}
	for _, tt := range tests {
		got, ok := ParseLang(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("ParseLang(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestPack(t *testing.T) {
	p, err := LoadPack(os.DirFS("testdata/packs/good"))
	if err != nil {
		t.Fatalf("LoadPack: %v", err)
	}
	if got := len(p.Lessons(Japanese)); got != 2 {
		t.Errorf("len(Lessons(ja)) = %d, want 2", got)
	}
	if l := p.Lesson(Japanese, "02-design"); l == nil || l.Title != "クエリから設計する" {
		t.Errorf("Lesson(ja, 02-design) = %v, want the Japanese lesson", l)
	}
	if l, it := p.Item(English, "01-basics", "refused"); l == nil || it == nil || it.Kind != ExerciseItem {
		t.Errorf("Item(en, 01-basics, refused) = %v, %v", l, it)
	}
	if l, it := p.Item(English, "01-basics", "nope"); l != nil || it != nil {
		t.Errorf("Item(unknown) = %v, %v; want nil, nil", l, it)
	}
	next := []struct{ lesson, item, wantLesson, wantItem string }{
		{"01-basics", "map", "01-basics", "lookup"},
		{"01-basics", "insert", "02-design", "queries"},
		{"02-design", "spread", "", ""},
	}
	for _, tt := range next {
		l, it := p.Next(English, tt.lesson, tt.item)
		gotL, gotI := "", ""
		if l != nil {
			gotL, gotI = l.ID, it.ID
		}
		if gotL != tt.wantLesson || gotI != tt.wantItem {
			t.Errorf("Next(%s/%s) = %s/%s, want %s/%s", tt.lesson, tt.item, gotL, gotI, tt.wantLesson, tt.wantItem)
		}
	}
	if got, want := Count(p.Lessons(English)), (Stats{Lessons: 2, Exercises: 5, Checks: 9}); got != want {
		t.Errorf("Count = %+v, want %+v", got, want)
	}
	// A lesson missing in Japanese falls back to English.
	en, _ := os.ReadFile("testdata/packs/good/en/02-design.md")
	ja, _ := os.ReadFile("testdata/packs/good/ja/01-basics.md")
	p, err = LoadPack(fstest.MapFS{"en/02-design.md": {Data: en}, "ja/01-basics.md": {Data: ja}})
	if err != nil {
		t.Fatalf("LoadPack: %v", err)
	}
	if l := p.Lesson(Japanese, "02-design"); l == nil || l.Title != "Design for the queries" {
		t.Errorf("Lesson(ja, 02-design) = %v, want the English fallback", l)
	}
}
