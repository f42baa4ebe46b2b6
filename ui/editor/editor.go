// Package editor is the CQL editor pane: a multi-line textarea that runs
// its text when Enter completes a statement (a semicolon, or a one-line
// cqlsh or sandbox command), keeps a history on ↑/↓, and takes pastes.
//
// It draws the real terminal cursor (not a virtual one), so that an input
// method's pre-edit text and candidate window appear where the learner
// types Japanese. The parent puts Cursor() into its tea.View, offset by
// where it draws the pane.
package editor

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textarea"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/learnkv/learnkv/lessons"
	"github.com/learnkv/learnkv/sandbox/cql"
	"github.com/learnkv/learnkv/ui/i18n"
	"github.com/learnkv/learnkv/ui/theme"
)

// maxHistory bounds the statements the history keeps.
const maxHistory = 200

// SubmitMsg asks the app to run the editor's text.
type SubmitMsg struct {
	// Src is the text to run: one or more statements.
	Src string
}

// KeyMap holds the editor's own keys (the textarea's editing keys are
// its own and not listed in help).
type KeyMap struct {
	Run         key.Binding
	Newline     key.Binding
	HistoryPrev key.Binding
	HistoryNext key.Binding
	Clear       key.Binding
	Leave       key.Binding
}

// NewKeyMap returns the editor's keys with help in lang.
func NewKeyMap(lang lessons.Lang) KeyMap {
	return KeyMap{
		Run:         key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", i18n.T(lang, i18n.HelpRun))),
		Newline:     key.NewBinding(key.WithKeys("alt+enter", "ctrl+j"), key.WithHelp("alt+enter", i18n.T(lang, i18n.HelpNewline))),
		HistoryPrev: key.NewBinding(key.WithKeys("up"), key.WithHelp("↑", i18n.T(lang, i18n.HelpHistoryPrev))),
		HistoryNext: key.NewBinding(key.WithKeys("down"), key.WithHelp("↓", i18n.T(lang, i18n.HelpHistoryNext))),
		Clear:       key.NewBinding(key.WithKeys("ctrl+l"), key.WithHelp("ctrl+l", i18n.T(lang, i18n.HelpClearEditor))),
		Leave:       key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", i18n.T(lang, i18n.HelpLeaveEditor))),
	}
}

// DefaultKeyMap returns the editor's keys with English help.
func DefaultKeyMap() KeyMap { return NewKeyMap(lessons.English) }

// ShortHelp returns the keys shown in the help bar.
func (k KeyMap) ShortHelp() []key.Binding {
	return []key.Binding{k.Run, k.HistoryPrev, k.Leave}
}

// FullHelp returns every key, in groups.
func (k KeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Run, k.Newline, k.Clear}, {k.HistoryPrev, k.HistoryNext, k.Leave}}
}

// Model is the editor pane.
type Model struct {
	KeyMap KeyMap

	input   textarea.Model
	lang    lessons.Lang
	th      theme.Theme
	width   int
	height  int
	history []string
	// histPos is the history entry shown, len(history) for the draft.
	histPos int
	draft   string
}

// New returns an empty, unfocused editor.
func New(lang lessons.Lang, th theme.Theme) Model {
	ta := textarea.New()
	ta.ShowLineNumbers = false
	ta.SetVirtualCursor(false)
	ta.CharLimit = 0
	ta.MaxHeight = 0
	ta.SetPromptFunc(2, func(info textarea.PromptInfo) string {
		if info.LineNumber == 0 {
			return "> "
		}
		return "  "
	})
	ta.KeyMap.InsertNewline = key.NewBinding(key.WithKeys("enter", "alt+enter", "ctrl+j"))
	// alt+c, alt+l and alt+u change a word's case, of little use in CQL;
	// they are also what esc followed quickly by c, l or u looks like,
	// which the app reads as leaving the editor and pressing the letter.
	ta.KeyMap.CapitalizeWordForward.SetEnabled(false)
	ta.KeyMap.LowercaseWordForward.SetEnabled(false)
	ta.KeyMap.UppercaseWordForward.SetEnabled(false)
	m := Model{KeyMap: NewKeyMap(lang), input: ta, lang: lang}
	m.SetTheme(th)
	m.SetLang(lang)
	m.SetSize(40, 3)
	return m
}

// SetTheme applies a theme.
func (m *Model) SetTheme(th theme.Theme) {
	m.th = th
	st := textarea.DefaultStyles(th.Dark)
	st.Focused.CursorLine = lipgloss.NewStyle()
	st.Focused.Prompt = th.Accent
	st.Blurred.Prompt = th.Faint
	st.Focused.Placeholder = th.Faint
	st.Blurred.Placeholder = th.Faint
	st.Blurred.Text = th.Subtle
	st.Blurred.CursorLine = th.Subtle
	st.Cursor.Color = th.AccentColor
	st.Cursor.Blink = false
	m.input.SetStyles(st)
}

// SetLang changes the language of the placeholder and help.
func (m *Model) SetLang(lang lessons.Lang) {
	m.lang = lang
	m.KeyMap = NewKeyMap(lang)
	m.input.Placeholder = i18n.T(lang, i18n.EditorPlaceholder)
}

// SetSize sets the pane's size in cells.
func (m *Model) SetSize(w, h int) {
	m.width, m.height = max(w, 4), max(h, 1)
	m.input.SetWidth(m.width)
	m.input.SetHeight(m.height)
}

// Focus gives the editor the keyboard.
func (m *Model) Focus() tea.Cmd { return m.input.Focus() }

// Blur takes the keyboard away.
func (m *Model) Blur() { m.input.Blur() }

// Focused reports whether the editor has the keyboard.
func (m Model) Focused() bool { return m.input.Focused() }

// Value returns the editor's text.
func (m Model) Value() string { return m.input.Value() }

// SetValue replaces the editor's text and puts the cursor at its end.
func (m *Model) SetValue(s string) {
	m.input.SetValue(strings.TrimRight(s, "\n"))
	m.input.MoveToEnd()
	m.histPos = len(m.history)
}

// History returns the statements run, oldest first.
func (m Model) History() []string { return append([]string(nil), m.history...) }

// Update handles keys and pastes while the editor is focused.
func (m Model) Update(msg tea.Msg) (Model, tea.Cmd) {
	if !m.input.Focused() {
		return m, nil
	}
	if k, ok := msg.(tea.KeyPressMsg); ok {
		switch {
		case key.Matches(k, m.KeyMap.Run):
			if src := m.input.Value(); Ready(src) {
				return m.submit(src)
			}
		case key.Matches(k, m.KeyMap.Clear):
			m.input.Reset()
			m.histPos = len(m.history)
			return m, nil
		case key.Matches(k, m.KeyMap.HistoryPrev) && m.input.Line() == 0 && m.histPos > 0:
			m.recall(m.histPos - 1)
			m.input.MoveToBegin()
			return m, nil
		case key.Matches(k, m.KeyMap.HistoryNext) && m.input.Line() == m.input.LineCount()-1 && m.histPos < len(m.history):
			m.recall(m.histPos + 1)
			return m, nil
		}
	}
	var cmd tea.Cmd
	m.input, cmd = m.input.Update(msg)
	return m, cmd
}

// Owns reports whether k is one of the editor's own keys. The app reads
// an alt+key the editor does not own as esc followed by the key (which a
// terminal sends as alt+key when the two are typed quickly); the
// editor's own alt keys (alt+enter, alt+b, alt+f, alt+d, alt+<, alt+>,
// alt+arrows) stay editing keys.
func (m Model) Owns(k tea.KeyPressMsg) bool {
	km := m.input.KeyMap
	return key.Matches(k, m.KeyMap.Run, m.KeyMap.Newline, m.KeyMap.HistoryPrev, m.KeyMap.HistoryNext, m.KeyMap.Clear,
		km.CharacterForward, km.CharacterBackward, km.DeleteAfterCursor, km.DeleteBeforeCursor,
		km.DeleteCharacterBackward, km.DeleteCharacterForward, km.DeleteWordBackward, km.DeleteWordForward,
		km.InsertNewline, km.LineEnd, km.LineNext, km.LinePrevious, km.LineStart, km.PageUp, km.PageDown,
		km.Paste, km.WordBackward, km.WordForward, km.InputBegin, km.InputEnd,
		km.UppercaseWordForward, km.LowercaseWordForward, km.CapitalizeWordForward, km.TransposeCharacterBackward,
		km.SelectCharacterForward, km.SelectCharacterBackward, km.SelectWordForward, km.SelectWordBackward,
		km.SelectLineUp, km.SelectLineDown, km.SelectAll, km.CopySelection)
}

// Ready reports whether src should run when Enter is pressed: it ends with
// a complete statement (or a one-line command) and is not blank.
func Ready(src string) bool {
	return strings.TrimSpace(src) != "" && cql.IsComplete(src)
}

// InBatch reports whether the editor holds a statement that ends with a
// semicolon but waits, as cqlsh does, for the APPLY BATCH that ends a
// batch begun with BEGIN (a learner's BEGIN TRANSACTION; among others).
func (m Model) InBatch() bool {
	src := strings.TrimSpace(m.input.Value())
	if !strings.HasSuffix(src, ";") || Ready(src) {
		return false
	}
	f := strings.Fields(src)
	return len(f) > 0 && strings.EqualFold(strings.TrimSuffix(f[0], ";"), "BEGIN")
}

// submit records src in the history, clears the editor and asks the app
// to run it.
func (m Model) submit(src string) (Model, tea.Cmd) {
	src = strings.TrimSpace(src)
	if n := len(m.history); n == 0 || m.history[n-1] != src {
		m.history = append(m.history, src)
		if len(m.history) > maxHistory {
			m.history = m.history[len(m.history)-maxHistory:]
		}
	}
	m.histPos = len(m.history)
	m.draft = ""
	m.input.Reset()
	return m, func() tea.Msg { return SubmitMsg{Src: src} }
}

// recall shows history entry i (len(history) is the draft being typed).
func (m *Model) recall(i int) {
	if m.histPos == len(m.history) {
		m.draft = m.input.Value()
	}
	m.histPos = i
	if i == len(m.history) {
		m.input.SetValue(m.draft)
	} else {
		m.input.SetValue(m.history[i])
	}
	m.input.MoveToEnd()
}

// View draws the editor's text area, exactly SetSize's size.
func (m Model) View() string {
	return lipgloss.NewStyle().Width(m.width).Height(m.height).MaxHeight(m.height).Render(m.input.View())
}

// Cursor returns the real cursor's position relative to the pane's top
// left corner, or nil when the editor is not focused.
func (m Model) Cursor() *tea.Cursor {
	return m.input.Cursor()
}
