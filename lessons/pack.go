package lessons

import (
	"errors"
	"io/fs"
	"strings"
)

// Pack is a lesson pack in every language.
type Pack struct {
	byLang map[Lang][]*Lesson
}

// LoadPack loads every language of a pack (fsys holds en/ and ja/). The
// error, if any, joins each language's ErrorList; the pack still holds
// the lessons that parsed.
func LoadPack(fsys fs.FS) (*Pack, error) {
	p := &Pack{byLang: map[Lang][]*Lesson{}}
	var errs []error
	for _, lang := range Langs {
		ls, err := Load(fsys, lang)
		p.byLang[lang] = ls
		if err != nil {
			errs = append(errs, err)
		}
	}
	return p, errors.Join(errs...)
}

// NewPack builds a pack from lessons already loaded.
func NewPack(byLang map[Lang][]*Lesson) *Pack {
	p := &Pack{byLang: map[Lang][]*Lesson{}}
	for l, ls := range byLang {
		p.byLang[l] = ls
	}
	return p
}

// Lessons returns the lessons of a language, in order. A language the
// pack lacks falls back to English.
func (p *Pack) Lessons(lang Lang) []*Lesson {
	if ls, ok := p.byLang[lang]; ok && len(ls) > 0 {
		return ls
	}
	return p.byLang[English]
}

// Lesson returns the lesson with the given id in lang, falling back to the
// English one when the translation is missing; nil if there is none.
func (p *Pack) Lesson(lang Lang, id string) *Lesson {
	for _, l := range p.byLang[lang] {
		if l.ID == id {
			return l
		}
	}
	if lang != English {
		return p.Lesson(English, id)
	}
	return nil
}

// Item returns a lesson and one of its items by id, in lang (with the
// English fallback of Lesson); both are nil when either is unknown.
func (p *Pack) Item(lang Lang, lessonID, itemID string) (*Lesson, *Item) {
	l := p.Lesson(lang, lessonID)
	if l == nil {
		return nil, nil
	}
	it := l.Item(itemID)
	if it == nil {
		return nil, nil
	}
	return l, it
}

// Next returns the item after itemID: the next item of the lesson, or the
// first item of the next lesson. Both are nil at the end of the pack.
func (p *Pack) Next(lang Lang, lessonID, itemID string) (*Lesson, *Item) {
	ls := p.Lessons(lang)
	for i, l := range ls {
		if l.ID != lessonID {
			continue
		}
		for j, it := range l.Items {
			if it.ID == itemID && j+1 < len(l.Items) {
				return l, l.Items[j+1]
			}
		}
		if i+1 < len(ls) && len(ls[i+1].Items) > 0 {
			return ls[i+1], ls[i+1].Items[0]
		}
	}
	return nil, nil
}

// Stats counts what a list of lessons holds.
type Stats struct {
	Lessons, Exercises, Checks int
}

// Count returns the stats of a list of lessons.
func Count(ls []*Lesson) Stats {
	s := Stats{Lessons: len(ls)}
	for _, l := range ls {
		for _, it := range l.Exercises() {
			s.Exercises++
			s.Checks += len(it.Exercise.Checks)
		}
	}
	return s
}

// ParseLang returns the language named by s ("en", "ja", or a locale such
// as "ja_JP.UTF-8"), and false if s names neither.
func ParseLang(s string) (Lang, bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	switch {
	case s == "en" || strings.HasPrefix(s, "en_") || strings.HasPrefix(s, "en-") || strings.HasPrefix(s, "en."):
		return English, true
	case s == "ja" || strings.HasPrefix(s, "ja_") || strings.HasPrefix(s, "ja-") || strings.HasPrefix(s, "ja."):
		return Japanese, true
	}
	return "", false
}

// DetectLang chooses the language: the flag if it names one, else the
// locale from LC_ALL, LC_MESSAGES or LANG (the first one set; "ja..."
// means Japanese), else English. env looks up an environment variable
// (os.Getenv, or an SSH session's environment).
func DetectLang(flag string, env func(string) string) Lang {
	if l, ok := ParseLang(flag); ok {
		return l
	}
	if env == nil {
		return English
	}
	for _, v := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if s := env(v); s != "" {
			if strings.HasPrefix(strings.ToLower(s), "ja") {
				return Japanese
			}
			return English
		}
	}
	return English
}
