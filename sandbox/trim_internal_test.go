package sandbox

import (
	"strings"
	"testing"
)

func TestTrimStatementEnd(t *testing.T) {
	for _, src := range []string{"", ";", " ; ", "SELECT 1", "SELECT 1;", "SELECT 1 ;\n", "a;;", "a ;\t;\r\n", "a\u00a0;", " x ", "\n\t"} {
		want := strings.TrimRight(strings.TrimSuffix(strings.TrimRight(src, " \t\r\n"), ";"), " \t\r\n")
		if got := trimStatementEnd(src); got != want {
			t.Errorf("trimStatementEnd(%q) = %q, want %q", src, got, want)
		}
	}
}
