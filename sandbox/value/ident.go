package value

import "strings"

// reserved holds CQL's reserved keywords (Cassandra 5.0,
// reserved_keywords.txt). They cannot be used as unquoted identifiers.
var reserved = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`ADD ALLOW ALTER AND APPLY ASC AUTHORIZE BATCH BEGIN BY
		COLUMNFAMILY CREATE DELETE DESC DESCRIBE DROP ENTRIES EXECUTE FROM FULL GRANT IF IN INDEX
		INFINITY INSERT INTO IS KEYSPACE LIMIT MATERIALIZED MODIFY NAN NORECURSIVE NOT NULL OF ON OR
		ORDER PRIMARY RENAME REVOKE SCHEMA SELECT SET TABLE TO TOKEN TRUNCATE UNLOGGED UPDATE USE
		USING VIEW WHERE WITH`) {
		reserved[strings.ToLower(w)] = true
	}
}

// IsReserved reports whether the lower-cased word is a reserved CQL keyword.
func IsReserved(word string) bool { return reserved[strings.ToLower(word)] }

// QuoteIdent returns name as it must be written in CQL: unchanged when it is
// a valid unquoted identifier that lower-cases to itself and is not
// reserved, otherwise in double quotes with inner double quotes doubled.
func QuoteIdent(name string) string {
	if name != "" && !reserved[name] && isPlainIdent(name) {
		return name
	}
	return `"` + strings.ReplaceAll(name, `"`, `""`) + `"`
}

func isPlainIdent(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z':
		case c == '_' || (c >= '0' && c <= '9'):
			if i == 0 {
				return false
			}
		default:
			return false
		}
	}
	return true
}
