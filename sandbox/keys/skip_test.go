package keys

import (
	"bytes"
	"testing"
)

// TestSkipValue checks that SkipValue stops exactly where DecodeValue does,
// for random types and values, ascending and descending, with trailing
// bytes after the value.
func TestSkipValue(t *testing.T) {
	g := newGenerator(7)
	for i := 0; i < 3000; i++ {
		typ := g.typ(2)
		v := g.value(typ)
		for _, desc := range []bool{false, true} {
			enc := AppendValue(nil, typ, v, desc)
			src := append(append([]byte(nil), enc...), 0xAB, 0xCD)
			_, want, err := DecodeValue(src, typ, desc)
			if err != nil {
				t.Fatalf("DecodeValue(%s) = %v", typ, err)
			}
			got, err := SkipValue(src, typ, desc)
			if err != nil {
				t.Fatalf("SkipValue(%s, %x) = %v", typ, src, err)
			}
			if !bytes.Equal(got, want) {
				t.Fatalf("SkipValue(%s, %x) rest = %x, want %x", typ, src, got, want)
			}
		}
	}
}

func TestSkipValueTruncated(t *testing.T) {
	g := newGenerator(11)
	for i := 0; i < 500; i++ {
		typ := g.typ(1)
		enc := AppendValue(nil, typ, g.value(typ), false)
		if len(enc) == 0 {
			continue
		}
		if _, err := SkipValue(enc[:len(enc)-1], typ, false); err == nil {
			if _, _, derr := DecodeValue(enc[:len(enc)-1], typ, false); derr != nil {
				t.Errorf("SkipValue(%s, %x) accepted a truncated value DecodeValue rejects", typ, enc[:len(enc)-1])
			}
		}
	}
}
