package plan

import "github.com/learnkv/learnkv/sandbox/schema"

// TableCache keeps what planning derives from a table alone, so that the
// statements after the first do not derive it again. It caches nothing
// about statements or data. Tables are immutable (DDL replaces them), so
// an entry never goes stale; the owner of a catalog makes a new cache when
// the catalog changes, so that the entries of replaced tables are freed.
// A TableCache is not safe for concurrent use.
type TableCache struct {
	tables map[*schema.Table]*tableInfo
}

// tableInfo is what a TableCache keeps for a table. Its slices are shared
// by every plan that uses them and must not be modified.
type tableInfo struct {
	// starExprs and starColumns are the selection of SELECT *.
	starExprs   []Expr
	starColumns []ResultColumn
}

// NewTableCache returns an empty cache.
func NewTableCache() *TableCache {
	return &TableCache{tables: map[*schema.Table]*tableInfo{}}
}

// info returns the cached information on t, building it on first use; nil
// for a nil cache.
func (tc *TableCache) info(t *schema.Table) *tableInfo {
	if tc == nil {
		return nil
	}
	if info, ok := tc.tables[t]; ok {
		return info
	}
	info := &tableInfo{}
	info.starExprs, info.starColumns, _ = starSelection(t)
	tc.tables[t] = info
	return info
}
