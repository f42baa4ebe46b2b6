package value

import "testing"

func TestJavaDigits(t *testing.T) {
	tests := []struct {
		in   string
		want string
		ok   bool
	}{
		{"12345", "12345", true},
		{"-0", "-0", true},
		{"+7", "+7", true},
		{"007", "007", true},
		{"", "", false},
		{"-", "-", false},
		{"+", "+", false},
		{"1-2", "", false},
		{"12a", "", false},
		{"--1", "", false},
		{"१२", "12", true}, // Devanagari digits
		{"-７", "-7", true}, // a full-width digit
		{"1٣", "13", true},
	}
	for _, tt := range tests {
		got, ok := javaDigits(tt.in)
		if ok != tt.ok || ok && got != tt.want {
			t.Errorf("javaDigits(%q) = %q, %v, want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
	if n := testing.AllocsPerRun(100, func() { javaDigits("-12345") }); n != 0 {
		t.Errorf("javaDigits of ASCII digits allocates %v times, want 0", n)
	}
}
