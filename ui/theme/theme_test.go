package theme

import (
	"image/color"
	"reflect"
	"testing"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

func TestLightAndDarkDiffer(t *testing.T) {
	dark, light := New(true), New(false)
	if !dark.Dark || light.Dark {
		t.Fatalf("New(true).Dark = %v, New(false).Dark = %v", dark.Dark, light.Dark)
	}
	pairs := map[string][2]any{
		"accent":  {dark.AccentColor, light.AccentColor},
		"error":   {dark.ErrorColor, light.ErrorColor},
		"success": {dark.SuccessColor, light.SuccessColor},
		"subtle":  {dark.SubtleColor, light.SubtleColor},
	}
	for name, p := range pairs {
		if p[0] == p[1] {
			t.Errorf("%s colour is the same on dark and light backgrounds", name)
		}
	}
	if Default().Dark != true {
		t.Error("Default() is not the dark theme")
	}
}

// TestTextIsReadable checks that the text colours stand out from the
// background they are meant for: dark text on light, light on dark.
func TestTextIsReadable(t *testing.T) {
	luminance := func(c interface{ RGBA() (r, g, b, a uint32) }) float64 {
		r, g, b, _ := c.RGBA()
		return (0.2126*float64(r) + 0.7152*float64(g) + 0.0722*float64(b)) / 0xffff
	}
	for _, dark := range []bool{true, false} {
		th := New(dark)
		for name, c := range map[string]interface{ RGBA() (r, g, b, a uint32) }{
			"accent": th.AccentColor, "error": th.ErrorColor, "success": th.SuccessColor, "warn": th.WarnColor,
		} {
			l := luminance(c)
			if dark && l < 0.35 || !dark && l > 0.35 {
				t.Errorf("dark=%v: %s colour has luminance %.2f, too close to the background", dark, name, l)
			}
		}
	}
}

// TestStylesAddNoCells checks that no text style pads, aligns or frames
// its text: the panes measure text before styling it, so a style that
// added cells would push lines past their pane.
func TestStylesAddNoCells(t *testing.T) {
	for _, dark := range []bool{true, false} {
		th := New(dark)
		v := reflect.ValueOf(th)
		for i := 0; i < v.NumField(); i++ {
			st, ok := v.Field(i).Interface().(lipgloss.Style)
			if !ok {
				continue
			}
			for _, text := range []string{"abc", "日本語", ""} {
				out := st.Render(text)
				if got := ansi.Strip(out); got != text {
					t.Errorf("dark=%v: %s.Render(%q) shows %q", dark, v.Type().Field(i).Name, text, got)
				}
			}
		}
	}
}

func TestColoursAndHelpStylesAreSet(t *testing.T) {
	for _, dark := range []bool{true, false} {
		th := New(dark)
		v := reflect.ValueOf(th)
		colorType := reflect.TypeOf((*color.Color)(nil)).Elem()
		for i := 0; i < v.NumField(); i++ {
			if f := v.Type().Field(i); f.Type == colorType && v.Field(i).IsNil() {
				t.Errorf("dark=%v: colour %s is not set", dark, f.Name)
			}
		}
		if got := ansi.Strip(th.Help.ShortKey.Render("ctrl+c")); got != "ctrl+c" {
			t.Errorf("dark=%v: help key style shows %q", dark, got)
		}
	}
	if New(true).Help.ShortDesc.GetForeground() == New(false).Help.ShortDesc.GetForeground() {
		t.Error("the help text has the same colour on dark and light backgrounds")
	}
}

// TestFocusShowsWithoutColour checks that what marks focus and success
// survives a terminal without colours (NO_COLOR, or the Ascii profile).
func TestFocusShowsWithoutColour(t *testing.T) {
	th := New(true)
	tests := []struct {
		name  string
		style lipgloss.Style
	}{
		{"TabActive", th.TabActive},
		{"Title", th.Title},
		{"Selected", th.Selected},
		{"Success", th.Success},
	}
	for _, tt := range tests {
		if !tt.style.GetBold() && !tt.style.GetUnderline() {
			t.Errorf("%s is neither bold nor underlined: it shows only in colour", tt.name)
		}
	}
}
