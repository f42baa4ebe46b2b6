package cqlsh

import "strings"

// reservedKeywords are the words cqlsh's grammar never takes for a name
// (cqlhandling.py's cql_keywords_reserved).
var reservedKeywords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`add allow alter and apply asc authorize batch begin by
		columnfamily create delete desc describe drop entries execute from full grant if in index
		infinity insert into is keyspace limit materialized modify nan norecursive not null of on
		or order primary rename revoke schema select set table to token truncate unlogged update
		use using view where with`) {
		m[w] = true
	}
	return m
}()

// words are the tokens of a statement between its first word and its
// terminator.
type words struct {
	text  []string
	kinds []tokenKind
}

// isName reports whether token i is a name in cqlsh's grammar
// (<cfOrKsName>): a quoted name, or an identifier that is not reserved.
func (w words) isName(i int) bool {
	if i >= len(w.text) {
		return false
	}
	if w.kinds[i] == tokName {
		return true
	}
	t := w.text[i]
	return w.kinds[i] == tokWord && t != "" && isLetterByte(t[0]) && !reservedKeywords[strings.ToLower(t)]
}

func isLetterByte(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80 }

// isQualifiedName reports whether the tokens from i on are exactly a name
// with an optional keyspace: "name" or "ks.name".
func (w words) isQualifiedName(i int) bool {
	n := len(w.text) - i
	return n == 1 && w.isName(i) || n == 3 && w.isName(i) && w.text[i+1] == "." && w.isName(i+2)
}

// validUse reports whether cqlsh's grammar accepts USE with these words.
func validUse(w words) bool {
	return len(w.text) == 1 && w.isName(0)
}

// validDescribe reports whether cqlsh's grammar (cqlshhandling.py's
// describeCommand) accepts DESCRIBE or DESC with these words.
func validDescribe(w words) bool {
	n := len(w.text)
	if n >= 2 && strings.EqualFold(w.text[n-2], "WITH") && strings.EqualFold(w.text[n-1], "INTERNALS") {
		w = words{text: w.text[:n-2], kinds: w.kinds[:n-2]}
		n -= 2
	}
	if n == 0 {
		return false
	}
	if w.isQualifiedName(0) {
		return true
	}
	first := strings.ToUpper(w.text[0])
	switch first {
	case "FUNCTIONS", "AGGREGATES", "KEYSPACES", "COLUMNFAMILIES", "TABLES", "CLUSTER", "TYPES", "SCHEMA":
		return n == 1
	case "FULL":
		return n == 2 && strings.EqualFold(w.text[1], "SCHEMA")
	case "ONLY", "KEYSPACE":
		i := 1
		if first == "ONLY" {
			if n < 2 || !strings.EqualFold(w.text[1], "KEYSPACE") {
				return false
			}
			i = 2
		}
		return n == i || n == i+1 && w.isName(i)
	case "FUNCTION", "AGGREGATE", "COLUMNFAMILY", "TABLE", "INDEX", "TYPE":
		return w.isQualifiedName(1)
	case "MATERIALIZED":
		return n >= 2 && strings.EqualFold(w.text[1], "VIEW") && w.isQualifiedName(2)
	}
	return false
}
