package cluster

import (
	"fmt"
	"strings"

	"github.com/learnkv/learnkv/sandbox/cqlerr"
)

// Consistency is a consistency level.
type Consistency int

// The consistency levels cqlsh accepts. The simulated cluster has one
// data centre, so the LOCAL_ and EACH_ variants behave like their plain
// counterparts.
const (
	Any Consistency = iota
	One
	Two
	Three
	Quorum
	All
	LocalQuorum
	EachQuorum
	Serial
	LocalSerial
	LocalOne
)

var consistencyNames = [...]string{
	Any: "ANY", One: "ONE", Two: "TWO", Three: "THREE", Quorum: "QUORUM", All: "ALL",
	LocalQuorum: "LOCAL_QUORUM", EachQuorum: "EACH_QUORUM", Serial: "SERIAL",
	LocalSerial: "LOCAL_SERIAL", LocalOne: "LOCAL_ONE",
}

// String returns the level's name.
func (c Consistency) String() string {
	if int(c) < len(consistencyNames) {
		return consistencyNames[c]
	}
	return "UNKNOWN"
}

// ParseConsistency reads a level name, case-insensitively.
func ParseConsistency(s string) (Consistency, bool) {
	for i, n := range consistencyNames {
		if strings.EqualFold(n, s) {
			return Consistency(i), true
		}
	}
	return 0, false
}

// IsSerial reports whether c is SERIAL or LOCAL_SERIAL.
func (c Consistency) IsSerial() bool { return c == Serial || c == LocalSerial }

// BlockFor returns how many replicas must answer at level c for a
// replication factor rf.
func (c Consistency) BlockFor(rf int) int {
	switch c {
	case Any, One, LocalOne:
		return 1
	case Two:
		return 2
	case Three:
		return 3
	case All:
		return rf
	}
	return rf/2 + 1
}

// unavailable returns Cassandra's Unavailable error.
func unavailable(c Consistency, required, alive int) error {
	return &cqlerr.Error{Code: cqlerr.Unavailable, Message: fmt.Sprintf("Cannot achieve consistency level %s", c),
		Consistency: c.String(), Required: required, Alive: alive, Offset: -1}
}
