package plan

import (
	"fmt"
	"strings"

	"github.com/learnkv/learnkv/sandbox/cql"
	"github.com/learnkv/learnkv/sandbox/cqlerr"
	"github.com/learnkv/learnkv/sandbox/schema"
	"github.com/learnkv/learnkv/sandbox/value"
)

// maxTTL is Cassandra's MAX_TTL: 20 years, in seconds.
const maxTTL = 630720000

// attributes reads USING TTL and TIMESTAMP. On a counter table, whose
// writes may give neither, their values are not checked: validate refuses
// the statement before Cassandra would look at them.
func (c *Context) attributes(w *Write, u *cql.UsingClause) error {
	w.TTL = w.Table.DefaultTTL
	if u == nil {
		return nil
	}
	counter := w.Table.HasCounters()
	if u.Timestamp != nil {
		w.timestampSet = true
		v, err := c.value(u.Timestamp, receiver{name: "[timestamp]", typ: value.BigintType})
		if err != nil {
			return err
		}
		if v == nil {
			if !counter {
				return cqlerr.Invalidf("Invalid null value of timestamp")
			}
		} else {
			ts := v.(int64)
			if err := checkTimestampBound(ts); err != nil {
				return err
			}
			w.Timestamp = &ts
		}
	}
	if u.TTL != nil {
		w.ttlSet = true
		v, err := c.value(u.TTL, receiver{name: "[ttl]", typ: value.IntType})
		if err != nil || counter {
			return err
		}
		ttl := 0
		if v != nil {
			ttl = int(v.(int32))
		}
		if ttl < 0 {
			return cqlerr.Invalidf("A TTL must be greater or equal to 0, but was %d", ttl)
		}
		if ttl > maxTTL {
			return cqlerr.Invalidf("ttl is too large. requested (%d) maximum (%d)", ttl, maxTTL)
		}
		w.TTL = ttl
	}
	return nil
}

// Insert plans an INSERT.
func (c *Context) Insert(s *cql.InsertStmt) (*Write, error) {
	w, err := c.insert(s)
	if err != nil {
		return nil, err
	}
	return w, w.validate()
}

// insert prepares an INSERT, without the checks of validate.
func (c *Context) insert(s *cql.InsertStmt) (*Write, error) {
	k, t, err := c.Table(s.Table)
	if err != nil {
		return nil, err
	}
	if t.HasCounters() {
		return nil, cqlerr.Invalidf("INSERT statements are not allowed on counter tables, use UPDATE instead")
	}
	w := &Write{Kind: InsertWrite, Table: t, RF: k.ReplicationFactor(), IfNotExists: s.IfNotExists, IsLWT: s.IfNotExists}
	var names []cql.Ident
	var terms []cql.Term
	// keyTerms holds the terms given for the primary key columns, by key
	// index (see keyIndex); keyVals their values from a JSON document.
	keyTerms := make([]cql.Term, len(t.PartitionKey)+len(t.Clustering))
	var keyVals map[string]any
	var jsonVals map[string]any
	if s.JSON != nil {
		names, jsonVals, err = c.jsonColumns(t, s)
		if err != nil {
			return nil, err
		}
	} else {
		if len(s.Columns) == 0 {
			return nil, cqlerr.Invalidf("No columns provided to INSERT")
		}
		if len(s.Columns) != len(s.Values) {
			return nil, cqlerr.Invalidf("Unmatched column names/values")
		}
		if hasDuplicateNames(s.Columns) {
			return nil, cqlerr.Invalidf("The column names contains duplicates")
		}
		names, terms = s.Columns, s.Values
		w.Ops = make([]Operation, 0, len(names))
	}
	for i, id := range names {
		col, err := column(t, id)
		if err != nil {
			return nil, err
		}
		var v any
		if jsonVals != nil {
			v = jsonVals[col.Name]
		}
		if col.IsPrimaryKey() {
			if jsonVals != nil {
				if keyVals == nil {
					keyVals = map[string]any{}
				}
				keyVals[col.Name] = v
			} else {
				keyTerms[keyIndex(t, col)] = terms[i]
			}
			continue
		}
		if jsonVals == nil {
			if v, err = c.value(terms[i], receiver{name: col.Name, typ: col.Type}); err != nil {
				return nil, err
			}
		}
		w.Ops = append(w.Ops, Operation{Column: col, Kind: OpSet, Value: v})
	}
	if err := c.attributes(w, s.Using); err != nil {
		return nil, err
	}
	// Key columns are restrictions: convert them in column order.
	var missingPK, missingCK []string
	pkVals := make([]any, len(t.PartitionKey))
	for i, col := range t.PartitionKey {
		v, ok, err := c.keyValue(t, col, keyTerms, keyVals)
		if err != nil {
			return nil, err
		}
		if !ok {
			missingPK = append(missingPK, col.Name)
		}
		pkVals[i] = v
	}
	ckVals := make([]any, len(t.Clustering))
	for i, col := range t.Clustering {
		v, ok, err := c.keyValue(t, col, keyTerms, keyVals)
		if err != nil {
			return nil, err
		}
		if !ok {
			missingCK = append(missingCK, col.Name)
		}
		ckVals[i] = v
	}
	if len(missingPK) > 0 {
		return nil, cqlerr.Invalidf("Some partition key parts are missing: %s", strings.Join(missingPK, ", "))
	}
	w.StaticOnly = len(t.Clustering) > 0 && len(missingCK) == len(t.Clustering) && onlyStatic(w.Ops)
	if len(missingCK) > 0 && !w.StaticOnly {
		return nil, cqlerr.Invalidf("Some clustering keys are missing: %s", strings.Join(missingCK, ", "))
	}
	for i, col := range t.PartitionKey {
		if err := checkKeyValue(col, pkVals[i]); err != nil {
			return nil, err
		}
	}
	key := makeKey(t, pkVals)
	if len(key.Bytes) == 0 {
		return nil, cqlerr.Invalidf("Key may not be empty")
	}
	w.Keys = []PartitionKey{key}
	if !w.StaticOnly {
		for i, col := range t.Clustering {
			if err := checkKeyValue(col, ckVals[i]); err != nil {
				return nil, err
			}
		}
		w.Clusterings = [][]any{ckVals}
	}
	return w, w.checkConditional()
}

func onlyStatic(ops []Operation) bool {
	if len(ops) == 0 {
		return false
	}
	for _, op := range ops {
		if op.Column.Kind != schema.Static {
			return false
		}
	}
	return true
}

// keyIndex numbers the primary key columns of t: the partition key
// columns, then the clustering columns.
func keyIndex(t *schema.Table, col *schema.Column) int {
	if col.Kind == schema.Clustering {
		return len(t.PartitionKey) + col.Position
	}
	return col.Position
}

// hasDuplicateNames reports whether a column name appears twice.
func hasDuplicateNames(ids []cql.Ident) bool {
	if len(ids) > 16 {
		seen := make(map[string]bool, len(ids))
		for _, id := range ids {
			if seen[id.Name] {
				return true
			}
			seen[id.Name] = true
		}
		return false
	}
	for i := range ids {
		for j := range i {
			if ids[j].Name == ids[i].Name {
				return true
			}
		}
	}
	return false
}

// keyValue returns the value given for a key column of an INSERT: its
// term in terms (by key index), or its value in vals.
func (c *Context) keyValue(t *schema.Table, col *schema.Column, terms []cql.Term, vals map[string]any) (any, bool, error) {
	if term := terms[keyIndex(t, col)]; term != nil {
		v, err := c.value(term, receiver{name: col.Name, typ: col.Type})
		return v, true, err
	}
	v, ok := vals[col.Name]
	return v, ok, nil
}

// opText renders an assignment as Cassandra's Operation.toString does.
func opText(a *cql.Assignment) string {
	col := a.Column.Name
	v := termText(a.Value)
	switch a.Kind {
	case cql.AssignElement:
		return fmt.Sprintf("%s[%s] = %s", col, termText(a.Key), v)
	case cql.AssignField:
		return fmt.Sprintf("%s.%s = %s", col, a.Field.Name, v)
	case cql.AssignAdd:
		return fmt.Sprintf("%s = %s + %s", col, col, v)
	case cql.AssignPrepend:
		return fmt.Sprintf("%s = %s + %s", col, v, col)
	case cql.AssignSub:
		return fmt.Sprintf("%s = %s - %s", col, col, v)
	}
	return fmt.Sprintf("%s = %s", col, v)
}

// assignment plans one SET element of an UPDATE.
func (c *Context) assignment(t *schema.Table, a *cql.Assignment) (Operation, error) {
	col, err := column(t, a.Column)
	if err != nil {
		return Operation{}, err
	}
	if col.IsPrimaryKey() {
		return Operation{}, cqlerr.Invalidf("PRIMARY KEY part %s found in SET part", col.Name)
	}
	typ := col.Type
	r := receiver{name: col.Name, typ: typ}
	op := Operation{Column: col}
	switch a.Kind {
	case cql.AssignValue:
		op.Kind = OpSet
		if op.Value, err = c.value(a.Value, r); err != nil {
			return op, err
		}
		if typ.IsCounter() {
			return op, cqlerr.Invalidf("Cannot set the value of counter column %s (counters can only be incremented/decremented, not set)", col.Name)
		}
		return op, nil
	case cql.AssignElement:
		if !typ.Kind.IsCollection() {
			return op, cqlerr.Invalidf("Invalid operation (%s) for non collection column %s", opText(a), col.Name)
		}
		if typ.Frozen {
			return op, cqlerr.Invalidf("Invalid operation (%s) for frozen collection column %s", opText(a), col.Name)
		}
		op.Kind = OpSetElement
		switch typ.Kind {
		case value.KindSet:
			return op, cqlerr.Invalidf("Invalid operation (%s) for set column %s", opText(a), col.Name)
		case value.KindList:
			idx, err := c.value(a.Key, receiver{name: "idx(" + col.Name + ")", typ: value.IntType})
			if err != nil {
				return op, err
			}
			if idx == nil {
				return op, cqlerr.Invalidf("Invalid null value for list index")
			}
			op.Key = idx
		default:
			k, err := c.value(a.Key, keyReceiver(r))
			if err != nil {
				return op, err
			}
			if k == nil {
				return op, cqlerr.Invalidf("Invalid null map key")
			}
			op.Key = k
		}
		op.Value, err = c.value(a.Value, elemReceiver(r))
		return op, err
	case cql.AssignField:
		if typ.Kind != value.KindUDT {
			return op, cqlerr.Invalidf("Invalid operation (%s) for non-UDT column %s", opText(a), col.Name)
		}
		if typ.Frozen {
			return op, cqlerr.Invalidf("Invalid operation (%s) for frozen UDT column %s", opText(a), col.Name)
		}
		i := typ.FieldIndex(a.Field.Name)
		if i < 0 {
			return op, cqlerr.Invalidf("UDT column %s does not have a field named %s", col.Name, a.Field.Name)
		}
		op.Kind, op.Field = OpSetField, i
		op.Value, err = c.value(a.Value, receiver{name: col.Name + "." + a.Field.Name, typ: typ.Elems[i]})
		return op, err
	case cql.AssignAdd, cql.AssignSub:
		if !typ.Kind.IsCollection() {
			if typ.Kind == value.KindTuple && a.Kind == cql.AssignAdd {
				return op, cqlerr.Invalidf("Invalid operation (%s) for tuple column %s", opText(a), col.Name)
			}
			if !typ.IsCounter() {
				return op, cqlerr.Invalidf("Invalid operation (%s) for non counter column %s", opText(a), col.Name)
			}
			op.Kind = OpIncrement
			if a.Kind == cql.AssignSub {
				op.Kind = OpDecrement
			}
			op.Value, err = c.value(a.Value, r)
			return op, err
		}
		if typ.Frozen {
			return op, cqlerr.Invalidf("Invalid operation (%s) for frozen collection column %s", opText(a), col.Name)
		}
		if a.Kind == cql.AssignAdd {
			op.Kind = OpAppend
			if typ.Kind == value.KindMap {
				op.Value, err = c.value(a.Value, r)
				if err != nil {
					return op, cqlerr.Invalidf("Value for a map addition has to be a map, but was: '%s'", termText(a.Value))
				}
				return op, nil
			}
		} else {
			op.Kind = OpRemove
			if typ.Kind == value.KindMap {
				op.Value, err = c.value(a.Value, receiver{name: col.Name, typ: value.SetOf(typ.Key(), false)})
				if err != nil {
					return op, cqlerr.Invalidf("Value for a map substraction has to be a set, but was: '%s'", termText(a.Value))
				}
				return op, nil
			}
		}
		op.Value, err = c.value(a.Value, r)
		return op, err
	case cql.AssignPrepend:
		if typ.Kind != value.KindList {
			return op, cqlerr.Invalidf("Invalid operation (%s) for non list column %s", opText(a), col.Name)
		}
		if typ.Frozen {
			return op, cqlerr.Invalidf("Invalid operation (%s) for frozen list column %s", opText(a), col.Name)
		}
		op.Kind = OpPrepend
		op.Value, err = c.value(a.Value, r)
		return op, err
	}
	return op, cqlerr.Invalidf("unsupported assignment %s", opText(a))
}

// Update plans an UPDATE.
func (c *Context) Update(s *cql.UpdateStmt) (*Write, error) {
	w, err := c.update(s)
	if err != nil {
		return nil, err
	}
	if err := w.validate(); err != nil {
		return nil, err
	}
	return w, w.checkCasIn()
}

// update prepares an UPDATE in Cassandra's order (conditions, operations,
// WHERE clause), without the checks of validate.
func (c *Context) update(s *cql.UpdateStmt) (*Write, error) {
	k, t, err := c.Table(s.Table)
	if err != nil {
		return nil, err
	}
	w := &Write{Kind: UpdateWrite, Table: t, RF: k.ReplicationFactor(), IfExists: s.IfExists}
	if err := c.conditions(w, s.Conditions, s.Using); err != nil {
		return nil, err
	}
	for i := range s.Assignments {
		op, err := c.assignment(t, &s.Assignments[i])
		if err != nil {
			return nil, err
		}
		w.Ops = append(w.Ops, op)
	}
	if err := c.attributes(w, s.Using); err != nil {
		return nil, err
	}
	w.StaticOnly = onlyStatic(w.Ops) && conditionsOnlyStatic(w.Conditions)
	if err := c.writeKeys(w, s.Where, updateStmt); err != nil {
		return nil, err
	}
	return w, w.checkConditional()
}

// Delete plans a DELETE.
func (c *Context) Delete(s *cql.DeleteStmt) (*Write, error) {
	w, err := c.delete(s)
	if err != nil {
		return nil, err
	}
	if err := w.validate(); err != nil {
		return nil, err
	}
	return w, w.checkCasIn()
}

// delete prepares a DELETE, without the checks of validate.
func (c *Context) delete(s *cql.DeleteStmt) (*Write, error) {
	k, t, err := c.Table(s.Table)
	if err != nil {
		return nil, err
	}
	w := &Write{Kind: DeleteWrite, Table: t, RF: k.ReplicationFactor(), IfExists: s.IfExists}
	if err := c.conditions(w, s.Conditions, s.Using); err != nil {
		return nil, err
	}
	for _, d := range s.Targets {
		col, err := column(t, d.Column)
		if err != nil {
			return nil, err
		}
		if col.IsPrimaryKey() {
			return nil, cqlerr.Invalidf("Invalid identifier %s for deletion (should not be a PRIMARY KEY part)", col.Name)
		}
		op, err := c.deletion(col, d)
		if err != nil {
			return nil, err
		}
		w.Ops = append(w.Ops, op)
	}
	if err := c.attributes(w, s.Using); err != nil {
		return nil, err
	}
	w.TTL = 0
	w.StaticOnly = onlyStatic(w.Ops) && conditionsOnlyStatic(w.Conditions)
	if err := c.writeKeys(w, s.Where, deleteStmt); err != nil {
		return nil, err
	}
	if err := w.checkConditional(); err != nil {
		return nil, err
	}
	if err := w.checkConditionalDelete(); err != nil {
		return nil, err
	}
	if len(w.Ops) > 0 && !w.StaticOnly && (w.Slice != nil || (len(t.Clustering) > 0 && w.Clusterings == nil)) {
		for _, op := range w.Ops {
			if op.Column.Kind == schema.Regular {
				return nil, cqlerr.Invalidf("Range deletions are not supported for specific columns")
			}
		}
	}
	return w, nil
}

func (c *Context) deletion(col *schema.Column, d cql.DeleteTarget) (Operation, error) {
	op := Operation{Column: col, Kind: OpDelete}
	typ := col.Type
	switch {
	case d.Key != nil:
		if !typ.Kind.IsCollection() {
			return op, cqlerr.Invalidf("Invalid deletion operation for non collection column %s", col.Name)
		}
		if typ.Frozen {
			return op, cqlerr.Invalidf("Invalid deletion operation for frozen collection column %s", col.Name)
		}
		op.Kind = OpDeleteElement
		r := receiver{name: col.Name, typ: typ}
		var kr receiver
		switch typ.Kind {
		case value.KindList:
			kr = receiver{name: "idx(" + col.Name + ")", typ: value.IntType}
		case value.KindSet:
			kr = elemReceiver(r)
			kr.typ = typ.Key()
		default:
			kr = keyReceiver(r)
		}
		k, err := c.value(d.Key, kr)
		if err != nil {
			return op, err
		}
		if k == nil {
			if typ.Kind == value.KindSet {
				return op, cqlerr.Invalidf("Invalid null set element")
			}
			if typ.Kind == value.KindList {
				return op, cqlerr.Invalidf("Invalid null value for list index")
			}
			return op, cqlerr.Invalidf("Invalid null map key")
		}
		op.Key = k
	case d.Field.Name != "":
		if typ.Kind != value.KindUDT {
			return op, cqlerr.Invalidf("Invalid field deletion operation for non-UDT column %s", col.Name)
		}
		if typ.Frozen {
			return op, cqlerr.Invalidf("Frozen UDT column %s does not support field deletions", col.Name)
		}
		i := typ.FieldIndex(d.Field.Name)
		if i < 0 {
			return op, cqlerr.Invalidf("UDT column %s does not have a field named %s", col.Name, d.Field.Name)
		}
		op.Kind, op.Field = OpDeleteField, i
	}
	return op, nil
}
