package plan

import (
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/learnkv/learnkv/sandbox/cql"
	"github.com/learnkv/learnkv/sandbox/cqlerr"
	"github.com/learnkv/learnkv/sandbox/schema"
)

// Datacenter is the name of the sandbox cluster's only data centre.
const Datacenter = "datacenter1"

// defaultKeyspaceRF is cassandra.yaml's default_keyspace_rf, the factor a
// strategy takes when none is given.
const defaultKeyspaceRF = "1"

// KeyspaceParams are the replication options and durable_writes of a
// keyspace, as CREATE or ALTER KEYSPACE leaves them.
type KeyspaceParams struct {
	Replication   map[string]string
	DurableWrites bool
}

// keyspaceAttributes are the properties of CREATE or ALTER KEYSPACE once
// KeyspaceAttributes.validate has accepted them.
type keyspaceAttributes struct {
	props map[string]cql.Term
	// replication is the replication map, nil when it was not given.
	replication map[string]string
}

// newKeyspaceAttributes is KeyspaceAttributes.validate: every property
// known (checked in the order of Cassandra's HashMap of properties), the
// replication a map, and a class in a replication map that is not empty.
func newKeyspaceAttributes(opts []cql.Property) (*keyspaceAttributes, error) {
	a := &keyspaceAttributes{props: map[string]cql.Term{}}
	var names []string
	for _, p := range opts {
		if _, dup := a.props[p.Name.Name]; !dup {
			names = append(names, p.Name.Name)
		}
		a.props[p.Name.Name] = p.Value
	}
	for _, i := range javaStringHashOrder(names) {
		if names[i] != "replication" && names[i] != "durable_writes" {
			return nil, cqlerr.Syntaxf("Unknown property '%s'", names[i])
		}
	}
	if v, ok := a.props["replication"]; ok {
		m, ok := v.(*cql.MapLit)
		if !ok {
			return nil, cqlerr.Syntaxf("Invalid value for property 'replication'. It should be a map.")
		}
		a.replication = map[string]string{}
		for _, e := range m.Entries {
			k, kok := e.Key.(*cql.Literal)
			v, vok := e.Value.(*cql.Literal)
			if !kok || !vok {
				return nil, cqlerr.Syntaxf("Invalid value for property 'replication'. It should be a map of string to string.")
			}
			a.replication[k.Text] = v.Text
		}
		if _, ok := a.replication["class"]; !ok && len(a.replication) > 0 {
			return nil, cqlerr.Configf("Missing replication strategy class")
		}
	}
	return a, nil
}

// durableWrites is KeyspaceAttributes's getBoolean of durable_writes.
func (a *keyspaceAttributes) durableWrites(def bool) (bool, error) {
	v, ok := a.props["durable_writes"]
	if !ok {
		return def, nil
	}
	return propertyBoolean("durable_writes", v)
}

var (
	positiveBoolean = regexp.MustCompile(`^(1|true|yes)$`)
	negativeBoolean = regexp.MustCompile(`^(0|false|no)$`)
)

// propertyString is PropertyDefinitions.getString: the raw text of a
// constant; a map is refused.
func propertyString(name string, v cql.Term) (string, error) {
	l, ok := v.(*cql.Literal)
	if !ok {
		return "", cqlerr.Syntaxf("Invalid value for property '%s'. It should be a string", name)
	}
	return l.Text, nil
}

// propertyBoolean is PropertyDefinitions.getBoolean.
func propertyBoolean(name string, v cql.Term) (bool, error) {
	s, err := propertyString(name, v)
	if err != nil {
		return false, err
	}
	switch lower := strings.ToLower(s); {
	case positiveBoolean.MatchString(lower):
		return true, nil
	case negativeBoolean.MatchString(lower):
		return false, nil
	}
	return false, cqlerr.Syntaxf("Invalid boolean value %s for '%s'. Positive values can be '1', 'true' or 'yes'. Negative values can be '0', 'false' or 'no'.", s, name)
}

// CreateKeyspace checks CREATE KEYSPACE and returns the new keyspace, or
// nil when it exists and IF NOT EXISTS was given. The checks follow
// CreateKeyspaceStatement.apply, in its order.
func (c *Context) CreateKeyspace(s *cql.CreateKeyspaceStmt) (*schema.Keyspace, error) {
	if err := checkKeyspaceName(s.Name.Name); err != nil {
		return nil, err
	}
	attrs, err := newKeyspaceAttributes(s.Options)
	if err != nil {
		return nil, err
	}
	if _, ok := attrs.props["replication"]; !ok {
		return nil, cqlerr.Invalidf("Missing mandatory option 'replication'")
	}
	if c.Catalog.Keyspace(s.Name.Name) != nil {
		if s.IfNotExists {
			return nil, nil
		}
		return nil, cqlerr.KeyspaceExists(s.Name.Name)
	}
	durable, err := attrs.durableWrites(true)
	if err != nil {
		return nil, err
	}
	if len(attrs.replication) == 0 {
		// Cassandra fails here with a NullPointerException; the
		// sandbox says what is missing.
		return nil, cqlerr.Configf("Missing replication strategy class")
	}
	repl, err := replicationParams(s.Name.Name, attrs.replication, nil)
	if err != nil {
		return nil, err
	}
	k := schema.NewKeyspace(s.Name.Name, repl)
	k.DurableWrites = durable
	return k, nil
}

// AlterKeyspace checks ALTER KEYSPACE and returns the keyspace's new
// parameters, or nil when the keyspace does not exist and IF EXISTS was
// given. As in AlterKeyspaceStatement.apply the properties are checked
// before the keyspace is looked up, and what the statement does not
// mention keeps its value (a replication map without a class included).
func (c *Context) AlterKeyspace(s *cql.AlterKeyspaceStmt) (*KeyspaceParams, error) {
	attrs, err := newKeyspaceAttributes(s.Options)
	if err != nil {
		return nil, err
	}
	k := c.Catalog.Keyspace(s.Name.Name)
	if k == nil {
		if s.IfExists {
			return nil, nil
		}
		return nil, cqlerr.Invalidf("Keyspace '%s' doesn't exist", s.Name.Name)
	}
	durable, err := attrs.durableWrites(k.DurableWrites)
	if err != nil {
		return nil, err
	}
	if _, ok := attrs.replication["class"]; !ok {
		return &KeyspaceParams{Replication: k.Replication, DurableWrites: durable}, nil
	}
	repl, err := replicationParams(s.Name.Name, attrs.replication, k.Replication)
	if err != nil {
		return nil, err
	}
	return &KeyspaceParams{Replication: repl, DurableWrites: durable}, nil
}

// replicationParams is ReplicationParams.fromMapWithDefaults followed by
// ReplicationParams.validate: it finds the strategy class, lets the
// strategy prepare its options (previous holds the options being
// altered, class included, or nil) and builds the strategy as Cassandra
// does to validate them.
func replicationParams(ks string, repl, previous map[string]string) (map[string]string, error) {
	class := repl["class"]
	if !strings.Contains(class, ".") {
		class = "org.apache.cassandra.locator." + class
	}
	options := make(map[string]string, len(repl))
	for k, v := range repl {
		if k != "class" {
			options[k] = v
		}
	}
	prev := map[string]string{}
	for k, v := range previous {
		if k != "class" {
			prev[k] = v
		}
	}
	switch class {
	case "org.apache.cassandra.locator.SimpleStrategy":
		if _, ok := options["replication_factor"]; !ok {
			rf, ok := prev["replication_factor"]
			if !ok {
				rf = defaultKeyspaceRF
			}
			options["replication_factor"] = rf
		}
		if _, err := replicationFactor(options["replication_factor"]); err != nil {
			return nil, err
		}
		keys := sortedKeys(options)
		for _, i := range javaStringHashOrder(keys) {
			if keys[i] != "replication_factor" {
				return nil, cqlerr.Configf("Unrecognized strategy option {%s} passed to SimpleStrategy for keyspace %s", keys[i], ks)
			}
		}
	case "org.apache.cassandra.locator.NetworkTopologyStrategy":
		prepareNTS(options, prev)
		keys := sortedKeys(options)
		order := javaStringHashOrder(keys)
		for _, i := range order {
			if strings.EqualFold(keys[i], "replication_factor") {
				return nil, cqlerr.Configf("replication_factor should not appear as an option at construction time for NetworkTopologyStrategy")
			}
			if _, err := replicationFactor(options[keys[i]]); err != nil {
				return nil, err
			}
		}
		if len(options) == 0 {
			return nil, cqlerr.Configf("Configuration for at least one datacenter must be present")
		}
		for _, i := range order {
			if keys[i] != Datacenter {
				return nil, cqlerr.Configf("Unrecognized strategy option {%s} passed to NetworkTopologyStrategy for keyspace %s", keys[i], ks)
			}
		}
	case "org.apache.cassandra.locator.LocalStrategy":
		return nil, cqlerr.Invalidf("Unable to use given strategy class: LocalStrategy is reserved for internal use.")
	case "org.apache.cassandra.locator.OldNetworkTopologyStrategy":
		return nil, cqlerr.Configf("The support for the OldNetworkTopologyStrategy has been removed in C* version 4.0. The keyspace strategy should be switch to NetworkTopologyStrategy")
	default:
		return nil, cqlerr.Configf("Unable to find replication strategy class '%s'", class)
	}
	options["class"] = class
	return options, nil
}

// prepareNTS is NetworkTopologyStrategy.prepareOptions: replication_factor
// expands to every data centre not named explicitly, an ALTER keeps the data
// centres it does not mention, and a factor of 0 removes a data centre.
// Cassandra calls it by reflection and ignores what it throws, so a
// replication_factor it cannot read leaves the options half prepared.
func prepareNTS(options, previous map[string]string) {
	if len(options) == 0 {
		rf, ok := previous["replication_factor"]
		if !ok {
			rf = defaultKeyspaceRF
		}
		options["replication_factor"] = rf
	}
	rf, ok := options["replication_factor"]
	delete(options, "replication_factor")
	switch {
	case !ok && len(options) == 0:
		rf, ok = previous["replication_factor"]
	case ok:
		for k, v := range previous {
			if _, set := options[k]; !set && k != "replication_factor" {
				options[k] = v
			}
		}
	}
	if ok {
		n, err := replicationFactor(rf)
		if err != nil {
			return
		}
		if _, set := options[Datacenter]; !set {
			options[Datacenter] = strconv.Itoa(n)
		}
	}
	for k, v := range options {
		if v == "0" {
			delete(options, k)
		}
	}
}

// replicationFactor is ReplicationFactor.fromString: a Java int, not
// negative, or replicas/transient, which needs transient replication
// (off by default).
func replicationFactor(s string) (int, error) {
	if strings.Contains(s, "/") {
		parts := strings.Split(s, "/")
		for len(parts) > 0 && parts[len(parts)-1] == "" {
			parts = parts[:len(parts)-1] // as Java's String.split
		}
		if len(parts) != 2 {
			return 0, cqlerr.Configf("Replication factor format is <replicas> or <replicas>/<transient>")
		}
		if _, err := javaInt(parts[0]); err != nil {
			return 0, err
		}
		t, err := javaInt(parts[1])
		if err != nil {
			return 0, err
		}
		if t != 0 {
			return 0, cqlerr.Configf("Transient replication is not enabled on this node")
		}
		s = parts[0]
	}
	n, err := javaInt(s)
	if err != nil {
		return 0, err
	}
	if n < 0 {
		return 0, cqlerr.Configf("Replication factor must be non-negative, found %d", n)
	}
	return n, nil
}

// javaInt is Integer.parseInt, failing with its message.
func javaInt(s string) (int, error) {
	n, err := strconv.ParseInt(s, 10, 32)
	if err != nil {
		return 0, cqlerr.Configf("For input string: \"%s\"", s)
	}
	return int(n), nil
}

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// javaStringHashOrder returns the indexes of the distinct names in the
// order a java.util.HashMap with String keys iterates them: by bucket
// (String.hashCode, spread, modulo the table size, 16 doubling past three
// quarters full), then in insertion order.
func javaStringHashOrder(names []string) []int {
	idx := make([]int, len(names))
	for i := range names {
		idx[i] = i
	}
	size := 16
	for len(idx) > size*3/4 {
		size *= 2
	}
	bucket := func(name string) int {
		var h int32
		for _, r := range name {
			if r >= 0x10000 {
				hi, lo := 0xD800+((r-0x10000)>>10), 0xDC00+((r-0x10000)&0x3FF)
				h = 31*h + hi
				h = 31*h + lo
				continue
			}
			h = 31*h + r
		}
		u := uint32(h)
		return int((u ^ u>>16) & uint32(size-1))
	}
	sort.SliceStable(idx, func(a, b int) bool { return bucket(names[idx[a]]) < bucket(names[idx[b]]) })
	return idx
}
