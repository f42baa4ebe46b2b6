package keys

import (
	"bytes"
	"encoding/hex"
	"math"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/uuid"
	"github.com/learnkv/learnkv/sandbox/value"
)

func intKey(x int32) []byte { return value.Marshal(value.IntType, x) }

func textKey(s string) []byte { return value.Marshal(value.TextType, s) }

func compositeKey(types []*value.Type, vals ...any) []byte { return PartitionKey(types, vals) }

var (
	intInt  = []*value.Type{value.IntType, value.IntType}
	intText = []*value.Type{value.IntType, value.TextType}
)

// TestTokenVectors checks Token against every vector of cql-semantics.md §9
// and ecosystem.md §4.1 (Cassandra's dtests and unit tests, drivers, and
// cqlsh sessions).
func TestTokenVectors(t *testing.T) {
	intTokens := []int64{
		-3485513579396041028, -4069959284402364209, -3248873570005575792, 9010454139840013625,
		-2729420104000364805, -7509452495886106294, 2705480034054113608, 1634052884888577606,
		-3799847372828181882, 3728482343045213994, -6715243485458697746, -4156302194539278891,
		8582886034424406875, -5034495173465742853, 4279681877540623768, -1191135763843456182,
		-5477287129830487822, 5467144456125416399, -2695747960476065067, -3974532302236993209,
		1388667306199997068,
	}
	tests := []struct {
		name string
		key  []byte
		want int64
	}{
		{"int -1", intKey(-1), 7297452126230313552},
		{"int 42", intKey(42), -7160136740246525330},
		{"text 123", textKey("123"), -7468325962851647638},
		{"bytes 00ff10fa99 x10", bytes.Repeat([]byte{0x00, 0xff, 0x10, 0xfa, 0x99}, 10), 5837342703291459765},
		{"bytes fe x8", bytes.Repeat([]byte{0xfe}, 8), -8927430733708461935},
		{"bytes 10 x8", bytes.Repeat([]byte{0x10}, 8), 1446172840243228796},
		{"text max long", textKey("9223372036854775807"), 7162290910810015547},
		{"text 2", textKey("2"), 5293579765126103566},
		{"text 20", textKey("20"), 4866192165766252016},
		{"text 21", textKey("21"), -3201810799627846645},
		{"text 22", textKey("22"), 5315788262387249245},
		{"composite (10, '20')", compositeKey(intText, int32(10), "20"), -9026262514124674157},
		{"composite (1, '2')", compositeKey(intText, int32(1), "2"), 4093852821103061060},
		{"composite (143, 234)", compositeKey(intInt, int32(143), int32(234)), 4958784316840156970},
		{"composite (0, 2)", compositeKey(intInt, int32(0), int32(2)), -8297108600402976999},
		{"composite (0, 3)", compositeKey(intInt, int32(0), int32(3)), -6114609761214894003},
		{"composite (0, 0)", compositeKey(intInt, int32(0), int32(0)), -5530785643908655543},
		{"composite (0, 1)", compositeKey(intInt, int32(0), int32(1)), -5343711339996600080},
		{"composite (2, 2)", compositeKey(intInt, int32(2), int32(2)), -3974863545882308264},
		{"composite (1, 1)", compositeKey(intInt, int32(1), int32(1)), 5765203080415074583},
		{"composite (1, 2)", compositeKey(intInt, int32(1), int32(2)), 4881097376275569167},
		{"text user2", textKey("user2"), -4929146038038429782},
		{"text user4", textKey("user4"), -2225976269563569235},
		{"text user3", textKey("user3"), 1204325554276873633},
		{"text 1", textKey("1"), 8213365047359667313},
		{"text 2019-07-01", textKey("2019-07-01"), -3356724613322388532},
		{"text 2019-07-02", textKey("2019-07-02"), 2623673274085338978},
		{"text Apache Cassandra", textKey("Apache Cassandra"), -4494582841134586630},
		{"text Couchbase", textKey("Couchbase"), 2517899531437892363},
		{"text Belgium", textKey("Belgium"), -896083300893018938},
		{"text France", textKey("France"), 4278587932106111971},
		{"text alice", textKey("alice"), 5699955792253506986},
		{"text bob", textKey("bob"), -5396685590450884643},
		{"text carol", textKey("carol"), -3169904368870211108},
		{"text dave", textKey("dave"), -4493667438046306776},
		{"text tom", textKey("tom"), -5186961623470975143},
		{"text john doe", textKey("john doe"), 1036250253214485558},
		{"text hello", textKey("hello"), -3758069500696749310},
		{"text 日本", textKey("日本"), -7507319893842418264},
		{"text 東京都", textKey("東京都"), -6218875656261148601},
		{"uuid", value.Marshal(value.UUIDType, uuid.MustParse("f47ac10b-58cc-4372-a567-0e02b2c3d479")), 3078397264688283949},
		{"timestamp", value.Marshal(value.TimestampType, value.Timestamp(0x0000019aa4b3c580)), 6388377365288294767},
		{"driver sign vector", mustHex("00104327529fb645dd00b883ec39ae448bb800000400066a6b00"), -9223371632693506265},
		{"driver prefix 7", []byte("prefix\x00"), -5156414768376541762},
		{"driver prefix 15", []byte("prefix\x00\x01\x02\x03\x04\x05\x06\x07\x08"), 4847624695450664884},
		{"driver prefix 16", []byte("prefix\x00\x01\x02\x03\x04\x05\x06\x07\x08\t"), -2737291859101550625},
		{"driver prefix 24", []byte("prefix\x00\x01\x02\x03\x04\x05\x06\x07\x08\t\n\x0b\x0c\r\x0e\x0f\xc8"), -278181328349571586},
		{"driver prefix 34", []byte("prefix\x00\x01\x02\x03\x04\x05\x06\x07\x08\t\n\x0b\x0c\r\x0e\x0f\xc8\xc9" +
			"\xca\xcb\xcc\xcd\xce\xcf\xd0\xd1\xd2\xd3\xd4\xd5\xd6\xd7"), 2294903531026336836},
		{"driver prefix 27", []byte("prefix\x00\x01\x02\x03\x04\x05\x06\x07\x08\t\n\x0b\x0c\r\x0e\x0f\xc8\xc9" +
			"\xca\xcb\xcc\xcd\xce\xcf\xd0"), 6241282934480161521},
		{"empty", nil, math.MinInt64},
	}
	for i, want := range intTokens {
		if got := Token(intKey(int32(i))); got != want {
			t.Errorf("Token(int %d) = %d, want %d", i, got, want)
		}
	}
	for _, tt := range tests {
		if got := Token(tt.key); got != tt.want {
			t.Errorf("Token(%s %x) = %d, want %d", tt.name, tt.key, got, tt.want)
		}
	}
}

// TestTokenOrder checks the token orders Cassandra's own tests rely on.
func TestTokenOrder(t *testing.T) {
	orders := [][][]byte{
		{ // SelectTest.testCompositeRowKey
			compositeKey(intInt, int32(0), int32(2)), compositeKey(intInt, int32(0), int32(3)),
			compositeKey(intInt, int32(0), int32(0)), compositeKey(intInt, int32(0), int32(1)),
		},
		{ // SelectTest.testSelectDistinct
			compositeKey(intInt, int32(0), int32(0)), compositeKey(intInt, int32(2), int32(2)),
			compositeKey(intInt, int32(1), int32(1)),
		},
		{textKey("user2"), textKey("user4"), textKey("user3")}, // BatchTest.testBatch
	}
	for _, keys := range orders {
		for i := 1; i < len(keys); i++ {
			if a, b := Token(keys[i-1]), Token(keys[i]); a >= b {
				t.Errorf("Token(%x) = %d, not below Token(%x) = %d", keys[i-1], a, keys[i], b)
			}
		}
	}
}

func mustHex(s string) []byte {
	b, err := hex.DecodeString(s)
	if err != nil {
		panic(err)
	}
	return b
}

func TestPartitionKey(t *testing.T) {
	tests := []struct {
		name  string
		types []*value.Type
		vals  []any
		want  []byte
	}{
		{"int", []*value.Type{value.IntType}, []any{int32(1)}, mustHex("00000001")},
		{"text", []*value.Type{value.TextType}, []any{"ab"}, []byte("ab")},
		{"int text", intText, []any{int32(10), "20"}, mustHex("0004" + "0000000a" + "00" + "0002" + "3230" + "00")},
		{"text empty blob", []*value.Type{value.TextType, value.BlobType}, []any{"", []byte{}},
			mustHex("0000" + "00" + "0000" + "00")},
	}
	for _, tt := range tests {
		got := PartitionKey(tt.types, tt.vals)
		if !bytes.Equal(got, tt.want) {
			t.Errorf("PartitionKey(%s) = %x, want %x", tt.name, got, tt.want)
		}
		back, err := SplitPartitionKey(tt.types, got)
		if err != nil {
			t.Errorf("SplitPartitionKey(%s, %x) error: %v", tt.name, got, err)
			continue
		}
		if diff := cmp.Diff(tt.vals, back); diff != "" {
			t.Errorf("SplitPartitionKey(%s, %x) mismatch (-want +got):\n%s", tt.name, got, diff)
		}
	}
}

func TestSplitPartitionKeyErrors(t *testing.T) {
	tests := []struct {
		name  string
		types []*value.Type
		key   []byte
	}{
		{"short int", []*value.Type{value.IntType}, mustHex("0001")},
		{"truncated length", intInt, mustHex("00")},
		{"truncated component", intInt, mustHex("000400")},
		{"missing end byte", intInt, mustHex("000400000001")},
		{"bad end byte", intInt, mustHex("00040000000101")},
		{"missing component", intInt, mustHex("0004000000010" + "0")},
		{"trailing bytes", intInt, mustHex("000400000001000004000000020000")},
		{"bad inner value", intInt, mustHex("00030000010000040000000200")},
	}
	for _, tt := range tests {
		if got, err := SplitPartitionKey(tt.types, tt.key); err == nil {
			t.Errorf("SplitPartitionKey(%s, %x) = %v, want an error", tt.name, tt.key, got)
		}
	}
}

func TestAppendPartitionKeyAllocations(t *testing.T) {
	vals := []any{int32(7), "some text"}
	buf := make([]byte, 0, 64)
	allocs := testing.AllocsPerRun(100, func() {
		buf = AppendPartitionKey(buf[:0], intText, vals)
		_ = Token(buf)
	})
	if allocs != 0 {
		t.Errorf("AppendPartitionKey + Token allocated %v times per run, want 0", allocs)
	}
}

func BenchmarkToken(b *testing.B) {
	key := PartitionKey(intText, []any{int32(12345), "東京都の顧客"})
	b.SetBytes(int64(len(key)))
	b.ReportAllocs()
	for b.Loop() {
		_ = Token(key)
	}
}
