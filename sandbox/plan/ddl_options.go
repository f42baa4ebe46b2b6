package plan

import (
	"fmt"
	"math"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/learnkv/learnkv/sandbox/cql"
	"github.com/learnkv/learnkv/sandbox/cqlerr"
	"github.com/learnkv/learnkv/sandbox/value"
)

// tableOptionNames are the options TableAttributes accepts in Cassandra
// 5.0 (TableParams.Option, and id).
var tableOptionNames = map[string]bool{
	"allow_auto_snapshot": true, "bloom_filter_fp_chance": true, "caching": true, "comment": true,
	"compaction": true, "compression": true, "memtable": true, "default_time_to_live": true,
	"extensions": true, "gc_grace_seconds": true, "incremental_backups": true,
	"max_index_interval": true, "memtable_flush_period_in_ms": true, "min_index_interval": true,
	"speculative_retry": true, "additional_write_policy": true, "crc_check_chance": true,
	"cdc": true, "read_repair": true, "id": true,
}

// tableOptionParsers read the value of each option as TableAttributes.build
// does, in its order, and return it as DESCRIBE prints it.
var tableOptionParsers = []struct {
	name  string
	parse func(name string, v cql.Term) (string, error)
}{
	{"allow_auto_snapshot", booleanOption},
	{"bloom_filter_fp_chance", doubleOption},
	{"caching", cachingOption},
	{"comment", commentOption},
	{"compaction", compactionOption},
	{"compression", compressionOption},
	{"memtable", memtableOption},
	{"default_time_to_live", integerOption},
	{"gc_grace_seconds", integerOption},
	{"incremental_backups", booleanOption},
	{"max_index_interval", integerOption},
	{"memtable_flush_period_in_ms", integerOption},
	{"min_index_interval", integerOption},
	{"speculative_retry", retryPolicyOption},
	{"additional_write_policy", retryPolicyOption},
	{"crc_check_chance", doubleOption},
	{"cdc", booleanOption},
	{"read_repair", readRepairOption},
}

// tableAttributes are the options of CREATE TABLE or ALTER TABLE ... WITH
// once their values are read: values holds each known option as DESCRIBE
// prints it.
type tableAttributes struct {
	names  []string
	props  map[string]cql.Term
	values map[string]string
}

// readTableOptions reads the values of the options, as TableAttributes.build
// does before the statement looks at the schema. Unknown names are checked
// later, by validate.
func readTableOptions(props []cql.Property) (*tableAttributes, error) {
	a := &tableAttributes{props: map[string]cql.Term{}, values: map[string]string{}}
	for _, p := range props {
		if _, dup := a.props[p.Name.Name]; !dup {
			a.names = append(a.names, p.Name.Name)
		}
		a.props[p.Name.Name] = p.Value
	}
	for _, o := range tableOptionParsers {
		v, ok := a.props[o.name]
		if !ok {
			continue
		}
		s, err := o.parse(o.name, v)
		if err != nil {
			return nil, err
		}
		a.values[o.name] = s
	}
	return a, nil
}

// checkNames is PropertyDefinitions.validate: the first unknown option, in
// the order of Cassandra's HashMap of options.
func (a *tableAttributes) checkNames() error {
	for _, i := range javaStringHashOrder(a.names) {
		if !tableOptionNames[a.names[i]] {
			return cqlerr.Syntaxf("Unknown property '%s'", a.names[i])
		}
	}
	return nil
}

// checkID is TableAttributes.getId for CREATE TABLE: a table id must be a
// UUID. The sandbox allocates its own ids and ignores it.
func (a *tableAttributes) checkID() error {
	v, ok := a.props["id"]
	if !ok {
		return nil
	}
	s, err := propertyString("id", v)
	if err != nil {
		return err
	}
	if !uuidText.MatchString(s) {
		return cqlerr.Configf("Invalid table id")
	}
	return nil
}

var uuidText = regexp.MustCompile(`^[0-9a-fA-F]{1,8}-[0-9a-fA-F]{1,4}-[0-9a-fA-F]{1,4}-[0-9a-fA-F]{1,4}-[0-9a-fA-F]{1,12}$`)

func booleanOption(name string, v cql.Term) (string, error) {
	b, err := propertyBoolean(name, v)
	return strconv.FormatBool(b), err
}

func integerOption(name string, v cql.Term) (string, error) {
	s, err := propertyString(name, v)
	if err != nil {
		return "", err
	}
	n, err := strconv.ParseInt(s, 10, 32)
	if err != nil {
		return "", cqlerr.Syntaxf("Invalid integer value %s for '%s'", s, name)
	}
	return strconv.FormatInt(n, 10), nil
}

func doubleOption(name string, v cql.Term) (string, error) {
	s, err := propertyString(name, v)
	if err != nil {
		return "", err
	}
	f, ok := javaParseDouble(s)
	if !ok {
		return "", cqlerr.Syntaxf("Invalid double value %s for '%s'", s, name)
	}
	return javaDouble(f), nil
}

// javaParseDouble is Double.parseDouble for decimal text: surrounding
// blanks and a d or f suffix are allowed.
func javaParseDouble(s string) (float64, bool) {
	s = strings.TrimSpace(s)
	if n := len(s); n > 0 && strings.ContainsRune("dDfF", rune(s[n-1])) {
		s = s[:n-1]
	}
	switch strings.TrimLeft(s, "+-") {
	case "NaN", "Infinity":
	case "", "nan", "inf", "infinity", "Inf":
		return 0, false
	}
	if strings.ContainsAny(s, "xX_") {
		return 0, false
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil && !strings.Contains(err.Error(), "range") {
		return 0, false
	}
	return f, true
}

// javaDouble is Double.toString.
func javaDouble(f float64) string {
	switch {
	case math.IsNaN(f):
		return "NaN"
	case math.IsInf(f, 1):
		return "Infinity"
	case math.IsInf(f, -1):
		return "-Infinity"
	case f == 0:
		if math.Signbit(f) {
			return "-0.0"
		}
		return "0.0"
	}
	if a := math.Abs(f); a >= 1e-3 && a < 1e7 {
		s := strconv.FormatFloat(f, 'f', -1, 64)
		if !strings.Contains(s, ".") {
			s += ".0"
		}
		return s
	}
	s := strconv.FormatFloat(f, 'e', -1, 64)
	mant, exp, _ := strings.Cut(s, "e")
	if !strings.Contains(mant, ".") {
		mant += ".0"
	}
	e, _ := strconv.Atoi(exp)
	return mant + "E" + strconv.Itoa(e)
}

func commentOption(name string, v cql.Term) (string, error) {
	s, err := propertyString(name, v)
	return value.QuoteString(s), err
}

func memtableOption(name string, v cql.Term) (string, error) {
	s, err := propertyString(name, v)
	if err != nil {
		return "", err
	}
	switch s {
	case "default", "skiplist", "trie":
		return value.QuoteString(s), nil
	}
	return "", cqlerr.Configf("Memtable configuration \"%s\" not found.", s)
}

var (
	percentilePolicy = regexp.MustCompile(`(?i)^([0-9.]+)p(ercentile)?$`)
	fixedPolicy      = regexp.MustCompile(`(?i)^([0-9.]+)ms$`)
	hybridPolicy     = regexp.MustCompile(`(?i)^(MIN|MAX)\(.*\)$`)
)

// retryPolicyOption is SpeculativeRetryPolicy.fromString and toString (its
// messages name speculative_retry even for additional_write_policy).
func retryPolicyOption(name string, v cql.Term) (string, error) {
	s, err := propertyString(name, v)
	if err != nil {
		return "", err
	}
	invalid := cqlerr.Configf("Invalid value %s for option 'speculative_retry'", s)
	switch {
	case strings.EqualFold(s, "ALWAYS"):
		return "'ALWAYS'", nil
	case strings.EqualFold(s, "NEVER"), strings.EqualFold(s, "NONE"):
		return "'NEVER'", nil
	case percentilePolicy.MatchString(s):
		p, err := strconv.ParseFloat(percentilePolicy.FindStringSubmatch(s)[1], 64)
		if err != nil {
			return "", invalid
		}
		if p <= 0 || p >= 100 {
			return "", cqlerr.Configf("Invalid value %s for PERCENTILE option 'speculative_retry': must be between (0.0 and 100.0)", s)
		}
		return value.QuoteString(strconv.FormatFloat(math.Round(p*1e4)/1e4, 'f', -1, 64) + "p"), nil
	case fixedPolicy.MatchString(s):
		ms, err := strconv.ParseFloat(fixedPolicy.FindStringSubmatch(s)[1], 64)
		if err != nil {
			return "", invalid
		}
		return value.QuoteString(fmt.Sprintf("%dms", int64(ms))), nil
	case hybridPolicy.MatchString(s):
		return value.QuoteString(s), nil
	}
	return "", invalid
}

func readRepairOption(name string, v cql.Term) (string, error) {
	s, err := propertyString(name, v)
	if err != nil {
		return "", err
	}
	if up := strings.ToUpper(s); up == "BLOCKING" || up == "NONE" {
		return value.QuoteString(up), nil
	}
	return "", &cqlerr.Error{Code: cqlerr.ServerError, Offset: -1,
		Message: "java.lang.IllegalArgumentException: No enum constant org.apache.cassandra.service.reads.repair.ReadRepairStrategy." + strings.ToUpper(s)}
}

// propertyMap is PropertyDefinitions.getMap.
func propertyMap(name string, v cql.Term) (map[string]string, error) {
	m, ok := v.(*cql.MapLit)
	if !ok {
		return nil, cqlerr.Syntaxf("Invalid value for property '%s'. It should be a map.", name)
	}
	out := map[string]string{}
	for _, e := range m.Entries {
		k, kok := e.Key.(*cql.Literal)
		v, vok := e.Value.(*cql.Literal)
		if kok && vok {
			out[k.Text] = v.Text
		}
	}
	return out, nil
}

// cqlMap prints a map of options as CqlBuilder does: keys sorted, keys and
// values quoted.
func cqlMap(m map[string]string) string {
	keys := sortedKeys(m)
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = value.QuoteString(k) + ": " + value.QuoteString(m[k])
	}
	return "{" + strings.Join(parts, ", ") + "}"
}

// parseCQLMap reads back a map cqlMap printed.
func parseCQLMap(s string) map[string]string {
	out := map[string]string{}
	s = strings.TrimSuffix(strings.TrimPrefix(s, "{"), "}")
	for s != "" {
		k, rest, ok := cutQuoted(s)
		if !ok {
			break
		}
		rest = strings.TrimPrefix(rest, ": ")
		v, rest, ok := cutQuoted(rest)
		if !ok {
			break
		}
		out[k] = v
		s = strings.TrimPrefix(rest, ", ")
	}
	return out
}

// cutQuoted reads a quoted string at the start of s.
func cutQuoted(s string) (string, string, bool) {
	if !strings.HasPrefix(s, "'") {
		return "", s, false
	}
	var b strings.Builder
	for i := 1; i < len(s); i++ {
		if s[i] != '\'' {
			b.WriteByte(s[i])
			continue
		}
		if i+1 < len(s) && s[i+1] == '\'' {
			b.WriteByte('\'')
			i++
			continue
		}
		return b.String(), s[i+1:], true
	}
	return "", s, false
}

// cachingOption is CachingParams.fromMap and asMap.
func cachingOption(name string, v cql.Term) (string, error) {
	m, err := propertyMap(name, v)
	if err != nil {
		return "", err
	}
	keys, rows := "NONE", "NONE"
	if k, ok := m["keys"]; ok {
		switch {
		case strings.EqualFold(k, "ALL"):
			keys = "ALL"
		case strings.EqualFold(k, "NONE"):
		default:
			return "", cqlerr.Configf("Invalid value '%s' for caching sub-option 'keys': only 'ALL' and 'NONE' are allowed", k)
		}
	}
	if r, ok := m["rows_per_partition"]; ok {
		switch {
		case strings.EqualFold(r, "ALL"):
			rows = "ALL"
		case strings.EqualFold(r, "NONE"):
		case r != "" && strings.Trim(r, "0123456789") == "":
			n, err := strconv.ParseInt(r, 10, 32)
			if err != nil {
				return "", cqlerr.Configf("For input string: \"%s\"", r)
			}
			if n > 0 {
				rows = strconv.FormatInt(n, 10)
			}
			if n == math.MaxInt32 {
				rows = "ALL"
			}
		default:
			return "", cqlerr.Configf("Invalid value '%s' for caching sub-option 'rows_per_partition': only 'ALL', 'NONE', and integer values are allowed", r)
		}
	}
	var other []string
	for k := range m {
		if k != "keys" && k != "rows_per_partition" {
			other = append(other, k)
		}
	}
	if len(other) > 0 {
		sort.Strings(other)
		return "", cqlerr.Configf("Invalid caching sub-options [%s]: only 'keys' and 'rows_per_partition' are allowed", strings.Join(other, ", "))
	}
	return cqlMap(map[string]string{"keys": keys, "rows_per_partition": rows}), nil
}

// minBloomFilterFpChance is BloomCalculations.minSupportedBloomFilterFpChance.
const minBloomFilterFpChance = 6.71e-05

// validateTableParams is TableParams.validate, on the options as the
// table will have them (the defaults for those never set).
func validateTableParams(opts map[string]string) error {
	get := func(name, def string) string {
		if v, ok := opts[name]; ok {
			return v
		}
		return def
	}
	if c, ok := opts["compaction"]; ok {
		if err := validateCompaction(c); err != nil {
			return err
		}
	}
	bloom, _ := strconv.ParseFloat(get("bloom_filter_fp_chance", "0.01"), 64)
	if bloom <= minBloomFilterFpChance || bloom > 1 {
		return cqlerr.Configf("bloom_filter_fp_chance must be larger than %s and less than or equal to 1.0 (got %s)", javaDouble(minBloomFilterFpChance), javaDouble(bloom))
	}
	crc, _ := strconv.ParseFloat(get("crc_check_chance", "1.0"), 64)
	if crc < 0 || crc > 1 {
		return cqlerr.Configf("crc_check_chance must be larger than or equal to 0 and smaller than or equal to 1.0 (got %s)", javaDouble(crc))
	}
	number := func(name, def string) int {
		n, _ := strconv.Atoi(get(name, def))
		return n
	}
	ttl := number("default_time_to_live", "0")
	if ttl < 0 {
		return cqlerr.Configf("default_time_to_live must be greater than or equal to 0 (got %d)", ttl)
	}
	if ttl > maxTTL {
		return cqlerr.Configf("default_time_to_live must be less than or equal to %d (got %d)", maxTTL, ttl)
	}
	if gc := number("gc_grace_seconds", "864000"); gc < 0 {
		return cqlerr.Configf("gc_grace_seconds must be greater than or equal to 0 (got %d)", gc)
	}
	minIndex := number("min_index_interval", "128")
	if minIndex < 1 {
		return cqlerr.Configf("min_index_interval must be greater than or equal to 1 (got %d)", minIndex)
	}
	if maxIndex := number("max_index_interval", "2048"); maxIndex < minIndex {
		return cqlerr.Configf("max_index_interval must be greater than or equal to min_index_interval (%d) (got %d)", minIndex, maxIndex)
	}
	if flush := number("memtable_flush_period_in_ms", "0"); flush < 0 {
		return cqlerr.Configf("memtable_flush_period_in_ms must be greater than or equal to 0 (got %d)", flush)
	}
	return nil
}
