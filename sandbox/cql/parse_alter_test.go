package cql

import (
	"errors"
	"testing"
)

// alterErrorTests are invalid ALTER TABLE statements and the messages
// Parse must give: Cassandra 5.0's, worked out from the decisions of
// Parser.g's alterTableStatement with the ';' cqlsh sends, or the
// sandbox's own for column masks.
var alterErrorTests = []struct {
	src, want string
}{
	{"ALTER TABLE IF t ADD c int", "line 1:15 mismatched input 't' expecting K_EXISTS (ALTER TABLE IF [t]...)"},
	{"ALTER TABLE IF EXISTS ADD c int", "line 1:22 no viable alternative at input 'ADD' (ALTER TABLE IF EXISTS [ADD]...)"},
	{"ALTER TABLE t ADD IF EXISTS c int", "line 1:21 mismatched input 'EXISTS' expecting K_NOT (ALTER TABLE t ADD IF [EXISTS]...)"},
	{"ALTER TABLE t ADD IF NOT c int", "line 1:25 mismatched input 'c' expecting K_EXISTS (...TABLE t ADD IF NOT [c]...)"},
	{"ALTER TABLE t ADD IF NOT EXISTS", "line 1:31 no viable alternative at input ';' (... t ADD IF NOT EXISTS[;])"},
	{"ALTER TABLE t ADD IF NOT EXISTS (c int,)", "line 1:39 no viable alternative at input ')' (... NOT EXISTS (c int,[)]...)"},
	{"ALTER TABLE t DROP IF NOT EXISTS c", "line 1:22 mismatched input 'NOT' expecting K_EXISTS (ALTER TABLE t DROP IF [NOT]...)"},
	{"ALTER TABLE t DROP IF EXISTS", "line 1:28 no viable alternative at input ';' (... TABLE t DROP IF EXISTS[;])"},
	{"ALTER TABLE t RENAME IF a TO b", "line 1:24 mismatched input 'a' expecting K_EXISTS (ALTER TABLE t RENAME IF [a]...)"},
	// After DROP COMPACT, only STORAGE or what ends a column drop.
	{"ALTER TABLE t DROP compact foo", "line 1:27 no viable alternative at input 'foo' (ALTER TABLE t [DROP] compact...)"},
	{"ALTER TABLE t DROP COMPACT STORAGE USING TIMESTAMP 1", "line 1:35 mismatched input 'USING' expecting EOF (...TABLE t DROP COMPACT STORAGE [USING]...)"},
	{"ALTER TABLE t DROP IF EXISTS compact storage", "line 1:37 mismatched input 'storage' expecting EOF (...t DROP IF EXISTS compact [storage]...)"},
	// ALTER c must go on with TYPE (or the masking forms).
	{"ALTER TABLE t ALTER c TYPO blob", "line 1:22 no viable alternative at input 'TYPO' (ALTER TABLE t [ALTER] c...)"},
	{"ALTER TABLE t ALTER c", "line 1:21 no viable alternative at input ';' (ALTER TABLE t [ALTER] c...)"},
	{"ALTER TABLE t ALTER 5 TYPE int", "line 1:20 no viable alternative at input '5' (ALTER TABLE t [ALTER] 5...)"},
	{"ALTER TABLE t ALTER c TYPE", "line 1:26 no viable alternative at input ';' (... TABLE t ALTER c TYPE[;])"},
	{"ALTER TABLE t ALTER c TYPE blob x", "line 1:32 no viable alternative at input 'x' (...TABLE t ALTER c TYPE [blob] x...)"},
	{"ALTER TABLE t ALTER IF EXISTS c TYPE int", "line 1:32 no viable alternative at input 'TYPE' (...t ALTER IF EXISTS c [TYPE]...)"},
	{"ALTER TABLE t ALTER IF c DROP MASKED", "line 1:23 mismatched input 'c' expecting K_EXISTS (ALTER TABLE t ALTER IF [c]...)"},
	{"ALTER TABLE t ALTER c MASKED WITH DEFAULT", "line 1:22 column masks (dynamic data masking) are not supported by the sandbox"},
	{"ALTER TABLE t ALTER IF EXISTS c DROP MASKED", "line 1:32 column masks (dynamic data masking) are not supported by the sandbox"},
	{"ALTER TABLE t ADD c int MASKED WITH mask_null()", "line 1:24 column masks (dynamic data masking) are not supported by the sandbox"},
	{"ALTER TABLE t ADD IF NOT EXISTS (c int, d int static MASKED WITH DEFAULT)", "line 1:53 column masks (dynamic data masking) are not supported by the sandbox"},
	{"CREATE TABLE t (k int MASKED WITH DEFAULT PRIMARY KEY)", "line 1:22 column masks (dynamic data masking) are not supported by the sandbox"},
	{"ALTER TABLE t FOO c", "line 1:14 no viable alternative at input 'FOO' (ALTER TABLE [t] FOO...)"},
}

func TestParseAlterErrors(t *testing.T) {
	for _, tt := range alterErrorTests {
		st, err := Parse(tt.src)
		if err == nil {
			t.Errorf("Parse(%q) = %v, want error %q", tt.src, st, tt.want)
			continue
		}
		var perr *Error
		if !errors.As(err, &perr) {
			t.Errorf("Parse(%q) error is %T, want *Error", tt.src, err)
			continue
		}
		if got := err.Error(); got != tt.want {
			t.Errorf("Parse(%q) error:\n got %s\nwant %s", tt.src, got, tt.want)
		}
		checkPos(t, tt.src, perr.Pos)
	}
}
