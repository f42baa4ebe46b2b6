package plan

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestJavaHashOrder checks javaHashOrder against the iteration order of
// a java.util.HashSet of the names' UTF-8 bytes (ByteBuffer, hashed as
// ColumnIdentifier is), printed by a JDK 17 run.
func TestJavaHashOrder(t *testing.T) {
	tests := []struct{ names, want string }{
		{"a b c d", "a b c d"},
		{"v w nosuch k c", "nosuch c v w k"},
		{"x y z x email age country", "x country y z email age"},
		{
			"Zé 日本 col1 col2 col3 col4 col5 col6 col7 col8 col9 col10 col11 col12 col13",
			"Zé col8 col11 col9 col7 col6 col3 col2 col4 col5 col12 col10 col1 col13 日本",
		},
		{"myCollection a b missing", "a missing b myCollection"},
	}
	for _, tt := range tests {
		names := strings.Fields(tt.names)
		var got []string
		for _, i := range javaHashOrder(names) {
			got = append(got, names[i])
		}
		if diff := cmp.Diff(strings.Fields(tt.want), got); diff != "" {
			t.Errorf("javaHashOrder(%q) order (-want +got):\n%s", tt.names, diff)
		}
	}
}
