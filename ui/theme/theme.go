// Package theme holds the terminal app's colours and styles. Every colour
// has a light and a dark variant (lipgloss.LightDark), chosen from the
// terminal's background colour, which the app asks for at start-up.
package theme

import (
	"image/color"

	"charm.land/bubbles/v2/help"
	"charm.land/lipgloss/v2"
)

// Theme is the set of styles the panes draw with. A Theme is a plain value:
// the app builds a new one when it learns the terminal's background.
type Theme struct {
	// Dark is set for dark terminal backgrounds.
	Dark bool

	// Colours, for components that take a colour rather than a style.
	AccentColor  color.Color
	BorderColor  color.Color
	FocusColor   color.Color
	SubtleColor  color.Color
	SuccessColor color.Color
	ErrorColor   color.Color
	WarnColor    color.Color

	// Text styles.
	Text    lipgloss.Style
	Bold    lipgloss.Style
	Title   lipgloss.Style
	Heading lipgloss.Style
	Subtle  lipgloss.Style
	Faint   lipgloss.Style
	Accent  lipgloss.Style
	Code    lipgloss.Style
	Success lipgloss.Style
	Error   lipgloss.Style
	Warn    lipgloss.Style
	Key     lipgloss.Style

	// Tabs and frames.
	TabActive   lipgloss.Style
	TabInactive lipgloss.Style
	TabKey      lipgloss.Style
	Border      lipgloss.Style
	BorderFocus lipgloss.Style
	Selected    lipgloss.Style

	// Status line.
	StatusBar  lipgloss.Style
	StatusItem lipgloss.Style
	NodeUp     lipgloss.Style
	NodeDown   lipgloss.Style

	// Trace roles.
	Coordinator lipgloss.Style
	Contacted   lipgloss.Style
	Replica     lipgloss.Style
	Idle        lipgloss.Style

	// Help is the bubbles help style set for the background.
	Help help.Styles
}

// New returns the theme for a dark (or light) background.
func New(dark bool) Theme {
	ld := lipgloss.LightDark(dark)
	accent := ld(lipgloss.Color("#5A3FC0"), lipgloss.Color("#A98BFF"))
	border := ld(lipgloss.Color("#B8B8B8"), lipgloss.Color("#4E4E4E"))
	focus := ld(lipgloss.Color("#5A3FC0"), lipgloss.Color("#A98BFF"))
	subtle := ld(lipgloss.Color("#6E6E6E"), lipgloss.Color("#9A9A9A"))
	faint := ld(lipgloss.Color("#9E9E9E"), lipgloss.Color("#6A6A6A"))
	success := ld(lipgloss.Color("#06703F"), lipgloss.Color("#3EDB9A"))
	errc := ld(lipgloss.Color("#C4124A"), lipgloss.Color("#FF6B8F"))
	warn := ld(lipgloss.Color("#8A4F00"), lipgloss.Color("#FFC266"))
	code := ld(lipgloss.Color("#0B5E8C"), lipgloss.Color("#7CCBFF"))
	keyc := ld(lipgloss.Color("#3A3A3A"), lipgloss.Color("#D0D0D0"))
	selBg := ld(lipgloss.Color("#E4DDFF"), lipgloss.Color("#3B2F6B"))
	barBg := ld(lipgloss.Color("#EDEDED"), lipgloss.Color("#262626"))

	s := lipgloss.NewStyle
	t := Theme{
		Dark:         dark,
		AccentColor:  accent,
		BorderColor:  border,
		FocusColor:   focus,
		SubtleColor:  subtle,
		SuccessColor: success,
		ErrorColor:   errc,
		WarnColor:    warn,

		Text:    s(),
		Bold:    s().Bold(true),
		Title:   s().Bold(true).Foreground(accent),
		Heading: s().Bold(true),
		Subtle:  s().Foreground(subtle),
		Faint:   s().Foreground(faint),
		Accent:  s().Foreground(accent),
		Code:    s().Foreground(code),
		Success: s().Foreground(success).Bold(true),
		Error:   s().Foreground(errc),
		Warn:    s().Foreground(warn),
		Key:     s().Foreground(keyc).Bold(true),

		TabActive:   s().Bold(true).Foreground(accent).Underline(true),
		TabInactive: s().Foreground(subtle),
		TabKey:      s().Foreground(faint),
		Border:      s().Foreground(border),
		BorderFocus: s().Foreground(focus),
		Selected:    s().Background(selBg).Bold(true),

		StatusBar:  s().Background(barBg),
		StatusItem: s().Background(barBg).Foreground(subtle),
		NodeUp:     s().Background(barBg).Foreground(success),
		NodeDown:   s().Background(barBg).Foreground(errc).Bold(true),

		Coordinator: s().Foreground(accent).Bold(true),
		Contacted:   s().Foreground(success).Bold(true),
		Replica:     s().Foreground(code),
		Idle:        s().Foreground(faint),

		Help: help.DefaultStyles(dark),
	}
	return t
}

// Default is the theme used before the terminal has answered: dark, the
// most common terminal background.
func Default() Theme { return New(true) }
