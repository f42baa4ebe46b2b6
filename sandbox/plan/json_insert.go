package plan

import (
	"encoding/json"
	"strings"

	"github.com/learnkv/learnkv/sandbox/cql"
	"github.com/learnkv/learnkv/sandbox/cqlerr"
	"github.com/learnkv/learnkv/sandbox/schema"
	"github.com/learnkv/learnkv/sandbox/value"
)

// INSERT JSON reads its document as Cassandra's Json.parseJson does: the
// document is decoded into an ordered map, its keys are made column names
// (JsonUtils.handleCaseSensitivity), then every column of the table takes
// its value from the map or the default.

// jsonColumns reads an INSERT JSON document: the columns it sets (every
// column for DEFAULT NULL) and their values.
func (c *Context) jsonColumns(t *schema.Table, s *cql.InsertStmt) ([]cql.Ident, map[string]any, error) {
	raw, err := c.value(s.JSON, receiver{name: "[json]", typ: value.TextType})
	if err != nil {
		return nil, nil, err
	}
	if raw == nil {
		return nil, nil, cqlerr.Invalidf("Got null for INSERT JSON values")
	}
	obj, err := value.ParseJSONObject(raw.(string))
	if err != nil {
		return nil, nil, cqlerr.Invalidf("%s", err.Error())
	}
	given := columnNamesOf(obj, jsonKeyOrder(raw.(string)))
	vals := map[string]any{}
	var names []cql.Ident
	for _, col := range t.Columns {
		j, ok := given[col.Name]
		if !ok {
			if col.IsPrimaryKey() {
				// The key columns are restricted to the missing value:
				// null, or unset with DEFAULT UNSET, both refused later.
				names = append(names, cql.Ident{Name: col.Name})
				vals[col.Name] = nil
				if s.JSONDefault == "UNSET" {
					vals[col.Name] = unsetValue{}
				}
				continue
			}
			if s.JSONDefault == "UNSET" {
				continue
			}
			names = append(names, cql.Ident{Name: col.Name})
			vals[col.Name] = nil
			continue
		}
		delete(given, col.Name)
		v, err := value.FromJSON(col.Type, j)
		if err != nil {
			return nil, nil, cqlerr.Invalidf("Error decoding JSON value for %s: %s", col.Name, err.Error())
		}
		names = append(names, cql.Ident{Name: col.Name})
		vals[col.Name] = v
	}
	for k := range given {
		return nil, nil, cqlerr.Invalidf("JSON values map contains unrecognized column: %s", k)
	}
	return names, vals, nil
}

// columnNamesOf is JsonUtils.handleCaseSensitivity: going through the keys
// in document order, a key in double quotes loses them and keeps its case,
// any other key is lower-cased. A renamed key replaces the value already
// under its new name, so {"v": 1, "V": 3} sets v to 3.
func columnNamesOf(obj map[string]any, order []string) map[string]any {
	m := make(map[string]any, len(obj))
	for k, v := range obj {
		m[k] = v
	}
	for _, k := range order {
		name := strings.ToLower(k)
		if len(k) >= 2 && k[0] == '"' && k[len(k)-1] == '"' {
			name = k[1 : len(k)-1]
		} else if name == k {
			continue
		}
		v := m[k]
		delete(m, k)
		m[name] = v
	}
	return m
}

// jsonKeyOrder returns the keys of the JSON object s in the order they
// first appear (the order of Jackson's LinkedHashMap). s has already been
// decoded once, so errors only end the list early.
func jsonKeyOrder(s string) []string {
	dec := json.NewDecoder(strings.NewReader(s))
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return nil
	}
	var keys []string
	seen := map[string]bool{}
	for dec.More() {
		t, err := dec.Token()
		if err != nil {
			return keys
		}
		k, ok := t.(string)
		if !ok {
			return keys
		}
		if !seen[k] {
			seen[k] = true
			keys = append(keys, k)
		}
		var skip json.RawMessage
		if err := dec.Decode(&skip); err != nil {
			return keys
		}
	}
	return keys
}
