package plan

// keyRestrictions holds the restrictions on the partition key columns, or
// on the clustering columns, by the columns' positions.
type keyRestrictions struct {
	// byPos has one entry per key column once a column is restricted,
	// nil for the unrestricted ones.
	byPos []*restriction
	n     int
	// buf holds byPos for the usual few key columns.
	buf [4]*restriction
}

// at returns the restriction on the column at position pos, or nil.
func (k *keyRestrictions) at(pos int) *restriction {
	if pos < 0 || pos >= len(k.byPos) {
		return nil
	}
	return k.byPos[pos]
}

// set records r as the restriction on the column at position pos of the
// columns keys; the column must be unrestricted so far.
func (k *keyRestrictions) set(pos int, r *restriction, columns int) {
	if k.byPos == nil {
		if columns <= len(k.buf) {
			k.byPos = k.buf[:columns]
		} else {
			k.byPos = make([]*restriction, columns)
		}
	}
	k.byPos[pos] = r
	k.n++
}

// count returns the number of restricted columns.
func (k *keyRestrictions) count() int { return k.n }

// last returns the position of the last restricted column, -1 if none.
func (k *keyRestrictions) last() int {
	for i := len(k.byPos) - 1; i >= 0; i-- {
		if k.byPos[i] != nil {
			return i
		}
	}
	return -1
}

// positions returns the positions of the restricted columns, in order.
func (k *keyRestrictions) positions() []int {
	ps := make([]int, 0, k.n)
	for i, r := range k.byPos {
		if r != nil {
			ps = append(ps, i)
		}
	}
	return ps
}

// clear removes the restriction on the column at position pos.
func (k *keyRestrictions) clear(pos int) {
	if pos >= 0 && pos < len(k.byPos) && k.byPos[pos] != nil {
		k.byPos[pos] = nil
		k.n--
	}
}
