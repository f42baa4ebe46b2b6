package plan

import (
	"sort"
	"strconv"
	"strings"

	"github.com/learnkv/learnkv/sandbox/cql"
	"github.com/learnkv/learnkv/sandbox/cqlerr"
)

// compactionStrategies are the compaction strategies of Cassandra 5.0, by
// simple name, with the sub-options each accepts besides the common ones.
var compactionStrategies = map[string][]string{
	"SizeTieredCompactionStrategy": {"min_threshold", "max_threshold", "min_sstable_size", "bucket_low", "bucket_high"},
	"LeveledCompactionStrategy": {"min_threshold", "max_threshold", "min_sstable_size", "bucket_low", "bucket_high",
		"sstable_size_in_mb", "fanout_size", "single_sstable_uplevel"},
	"TimeWindowCompactionStrategy": {"min_threshold", "max_threshold", "min_sstable_size", "bucket_low", "bucket_high",
		"compaction_window_unit", "compaction_window_size", "timestamp_resolution",
		"expired_sstable_check_frequency_seconds", "unsafe_aggressive_sstable_expiration"},
	"UnifiedCompactionStrategy": {"scaling_parameters", "min_sstable_size", "flush_size_override", "base_shard_count",
		"target_sstable_size", "sstable_growth", "max_sstables_to_compact", "unsafe_aggressive_sstable_expiration",
		"expired_sstable_check_frequency_seconds", "overlap_inclusion_method"},
}

// commonCompactionOptions are the sub-options every strategy accepts
// (AbstractCompactionStrategy.validateOptions).
var commonCompactionOptions = []string{"tombstone_threshold", "tombstone_compaction_interval",
	"unchecked_tombstone_compaction", "log_all", "enabled", "only_purge_repaired_tombstones",
	"provide_overlapping_tombstones"}

const compactionPackage = "org.apache.cassandra.db.compaction."

// compactionOption is CompactionParams.fromMap and asMap: the class by its
// full name, and the thresholds of the strategies that take them.
func compactionOption(name string, v cql.Term) (string, error) {
	m, err := propertyMap(name, v)
	if err != nil {
		return "", err
	}
	class, ok := m["class"]
	if !ok {
		return "", cqlerr.Configf("Missing sub-option 'class' for the 'compaction' option")
	}
	if !strings.Contains(class, ".") {
		class = compactionPackage + class
	}
	simple := strings.TrimPrefix(class, compactionPackage)
	if _, ok := compactionStrategies[simple]; !ok || strings.Contains(simple, ".") {
		return "", cqlerr.Configf("Unable to find compaction strategy class '%s'", class)
	}
	if p, ok := m["provide_overlapping_tombstones"]; ok {
		if up := strings.ToUpper(p); up != "NONE" && up != "ROW" && up != "CELL" {
			return "", cqlerr.Configf("Invalid value %s for 'provide_overlapping_tombstones' compaction sub-option - must be one of the following [NONE, ROW, CELL].", up)
		}
	}
	out := map[string]string{}
	for k, v := range m {
		out[k] = v
	}
	out["class"] = class
	if simple != "UnifiedCompactionStrategy" {
		if _, ok := out["min_threshold"]; !ok {
			out["min_threshold"] = "4"
		}
		if _, ok := out["max_threshold"]; !ok {
			out["max_threshold"] = "32"
		}
	}
	return cqlMap(out), nil
}

// validateCompaction is CompactionParams.validate for the options as
// compactionOption left them.
func validateCompaction(s string) error {
	m := parseCQLMap(s)
	simple := strings.TrimPrefix(m["class"], compactionPackage)
	known := map[string]bool{"class": true}
	for _, o := range append(append([]string{}, commonCompactionOptions...), compactionStrategies[simple]...) {
		known[o] = true
	}
	if err := validateCompactionValues(simple, m); err != nil {
		return err
	}
	var unknown []string
	for k := range m {
		if !known[k] {
			unknown = append(unknown, k)
		}
	}
	if len(unknown) > 0 {
		sort.Strings(unknown)
		return cqlerr.Configf("Properties specified [%s] are not understood by %s", strings.Join(unknown, ", "), simple)
	}
	minT, hasMin := m["min_threshold"]
	maxT, hasMax := m["max_threshold"]
	if hasMin && !isNumeric(minT) {
		return cqlerr.Configf("Invalid value %s for 'min_threshold' compaction sub-option - must be an integer", minT)
	}
	if hasMax && !isNumeric(maxT) {
		return cqlerr.Configf("Invalid value %s for 'max_threshold' compaction sub-option - must be an integer", maxT)
	}
	lo, hi := 4, 32
	if hasMin {
		lo, _ = strconv.Atoi(minT)
	}
	if hasMax {
		hi, _ = strconv.Atoi(maxT)
	}
	switch {
	case lo <= 0 || hi <= 0:
		return cqlerr.Configf("Disabling compaction by setting compaction thresholds to 0 has been removed, set the compaction option 'enabled' to false instead.")
	case lo <= 1:
		return cqlerr.Configf("Min compaction threshold cannot be less than 2 (got %d)", lo)
	case lo > hi:
		return cqlerr.Configf("Min compaction threshold (got %d) cannot be greater than max compaction threshold (got %d)", lo, hi)
	}
	return nil
}

// validateCompactionValues checks the values of the sub-options most
// often written: enabled and TimeWindowCompactionStrategy's window.
func validateCompactionValues(simple string, m map[string]string) error {
	if e, ok := m["enabled"]; ok && !strings.EqualFold(e, "true") && !strings.EqualFold(e, "false") {
		return cqlerr.Configf("enabled should either be 'true' or 'false', not %s", e)
	}
	if simple != "TimeWindowCompactionStrategy" {
		return nil
	}
	if u, ok := m["timestamp_resolution"]; ok && u != "SECONDS" && u != "MILLISECONDS" && u != "MICROSECONDS" && u != "NANOSECONDS" {
		return cqlerr.Configf("%s is not valid for timestamp_resolution", u)
	}
	if u, ok := m["compaction_window_unit"]; ok && u != "MINUTES" && u != "HOURS" && u != "DAYS" {
		return cqlerr.Configf("%s is not valid for compaction_window_unit", u)
	}
	if w, ok := m["compaction_window_size"]; ok {
		n, err := strconv.ParseInt(w, 10, 32)
		if err != nil {
			return cqlerr.Configf("%s is not a parsable int (base10) for compaction_window_size", w)
		}
		if n < 1 {
			return cqlerr.Configf("%d must be greater than 1 for compaction_window_size", n)
		}
	}
	return nil
}

// isNumeric is StringUtils.isNumeric: digits only, not empty.
func isNumeric(s string) bool {
	return s != "" && strings.Trim(s, "0123456789") == ""
}

const compressionPackage = "org.apache.cassandra.io.compress."

// compressors are the compressors Cassandra 5.0 ships.
var compressors = map[string]bool{"LZ4Compressor": true, "SnappyCompressor": true, "DeflateCompressor": true,
	"ZstdCompressor": true, "NoopCompressor": true}

// compressionOption is CompressionParams.fromMap and asMap.
func compressionOption(name string, v cql.Term) (string, error) {
	m, err := propertyMap(name, v)
	if err != nil {
		return "", err
	}
	enabled := true
	if e, ok := m["enabled"]; ok {
		enabled = strings.EqualFold(e, "true")
	}
	class, hasClass := m["class"]
	if len(m) > 0 && enabled && !hasClass {
		return "", cqlerr.Configf("Missing sub-option 'class' for the 'compression' option.")
	}
	if !enabled {
		if len(m) > 1 {
			return "", cqlerr.Configf("If the 'enabled' option is set to false no other options must be specified")
		}
		return "{'enabled': 'false'}", nil
	}
	if len(m) == 0 {
		return "{'chunk_length_in_kb': '16', 'class': '" + compressionPackage + "LZ4Compressor'}", nil
	}
	if class == "" {
		return "", cqlerr.Configf("The 'class' option must not be empty. To disable compression use 'enabled' : false")
	}
	if !strings.Contains(class, ".") {
		class = compressionPackage + class
	}
	if !compressors[strings.TrimPrefix(class, compressionPackage)] {
		return "", cqlerr.Configf("Could not create Compression for type %s", class)
	}
	out := map[string]string{}
	for k, v := range m {
		if k != "enabled" {
			out[k] = v
		}
	}
	out["class"] = class
	chunk := 16
	if c, ok := m["chunk_length_in_kb"]; ok {
		n, err := strconv.ParseInt(c, 10, 32)
		if err != nil {
			return "", cqlerr.Configf("Invalid value for chunk_length_in_kb")
		}
		chunk = int(n)
		if chunk <= 0 {
			return "", cqlerr.Configf("Invalid negative or null chunk_length_in_kb")
		}
		if chunk&(chunk-1) != 0 {
			return "", cqlerr.Configf("chunk_length_in_kb must be a power of 2")
		}
	}
	out["chunk_length_in_kb"] = strconv.Itoa(chunk)
	return cqlMap(out), nil
}
