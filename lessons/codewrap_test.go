package lessons

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/google/go-cmp/cmp"
)

func TestWrapCodeBlocks(t *testing.T) {
	tests := []struct {
		name  string
		md    string
		width int
		want  string
	}{
		{"short lines stay", "```cql\nSELECT * FROM t;\n```", 40, "```cql\nSELECT * FROM t;\n```"},
		{"long line wraps with a hanging indent",
			"```cql\nUPDATE stock SET qty = 9 WHERE item = 'tea' IF qty = 10;\n```", 40,
			"```cql\nUPDATE stock SET qty = 9 WHERE\n  item = 'tea' IF qty = 10;\n```"},
		{"indented line keeps its indent",
			"```cql\nBEGIN BATCH\n  INSERT INTO orders (id, customer, total) VALUES (1, 'a', 3);\nAPPLY BATCH;\n```", 40,
			"```cql\nBEGIN BATCH\n  INSERT INTO orders (id,\n    customer, total) VALUES (1,\n    'a', 3);\nAPPLY BATCH;\n```"},
		{"no break inside a string",
			"```cql\nINSERT INTO t (k, v) VALUES (1, 'a long text value that goes on');\n```", 40,
			"```cql\nINSERT INTO t (k, v) VALUES (1,\n  'a long text value that goes on');\n```"},
		{"block in a list item",
			"- step\n\n  ```cql\n  SELECT name, email FROM users WHERE id = 1 AND x = 2;\n  ```", 40,
			"- step\n\n  ```cql\n  SELECT name, email FROM users\n    WHERE id = 1 AND x = 2;\n  ```"},
		{"prose is untouched",
			"a very long line of prose that is much wider than the width given", 30,
			"a very long line of prose that is much wider than the width given"},
	}
	for _, tt := range tests {
		got := wrapCodeBlocks(tt.md, tt.width)
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("%s: wrapCodeBlocks(%d) (-want +got):\n%s", tt.name, tt.width, diff)
		}
	}
}

func TestRenderedCodeKeepsItsIndent(t *testing.T) {
	md := "Run:\n\n```cql\nUPDATE stock SET qty = 8 WHERE item = 'tea' IF qty = 9;\n```\n"
	out, err := Render(md, 40, true)
	if err != nil {
		t.Fatal(err)
	}
	var code []string
	for _, l := range strings.Split(ansi.Strip(out), "\n") {
		if strings.Contains(l, "UPDATE") || strings.Contains(l, "qty = 9") {
			code = append(code, strings.TrimRight(l, " "))
		}
	}
	want := []string{"    UPDATE stock SET qty = 8 WHERE", "      item = 'tea' IF qty = 9;"}
	if diff := cmp.Diff(want, code); diff != "" {
		t.Errorf("Render of a long code line (-want +got):\n%s", diff)
	}
}
