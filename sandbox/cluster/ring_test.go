package cluster

import (
	"math"
	"math/rand/v2"
	"sort"
	"testing"
)

// owner is the reference ring math: the owner of token t is the node of
// the smallest ring token >= t, wrapping to the first.
func owner(r *Ring, t int64) int {
	best := -1
	for i, v := range r.vnodes {
		if v.token >= t && (best < 0 || v.token < r.vnodes[best].token) {
			best = i
		}
	}
	if best < 0 {
		best = 0
		for i, v := range r.vnodes {
			if v.token < r.vnodes[best].token {
				best = i
			}
		}
	}
	return r.vnodes[best].node
}

func TestRingOwnerAgreesWithRingMath(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for _, n := range []int{1, 3, 4, 7} {
		r := NewRing(n, DefaultVnodes)
		tokens := []int64{math.MinInt64, math.MinInt64 + 1, -1, 0, 1, math.MaxInt64}
		for _, v := range r.vnodes {
			tokens = append(tokens, v.token, v.token-1, v.token+1)
		}
		for i := 0; i < 2000; i++ {
			tokens = append(tokens, int64(rng.Uint64()))
		}
		for _, tok := range tokens {
			if got, want := r.Owner(tok), owner(r, tok); got != want {
				t.Fatalf("NewRing(%d).Owner(%d) = node%d, want node%d", n, tok, got, want)
			}
		}
	}
}

func TestRingIsEvenAndSorted(t *testing.T) {
	r := NewRing(4, DefaultVnodes)
	if !sort.SliceIsSorted(r.vnodes, func(i, j int) bool { return r.vnodes[i].token < r.vnodes[j].token }) {
		t.Fatal("ring tokens are not sorted")
	}
	for n, share := range r.Ownership() {
		if math.Abs(share-0.25) > 1e-9 {
			t.Errorf("node%d owns %.6f of the ring, want 0.25", n+1, share)
		}
	}
	for n := 1; n <= 4; n++ {
		if got := len(r.Tokens(n)); got != DefaultVnodes {
			t.Errorf("node%d has %d tokens, want %d", n, got, DefaultVnodes)
		}
	}
}

// TestSimpleStrategy checks replica placement: the primary owner first,
// then the next distinct nodes walking the ring clockwise.
func TestSimpleStrategy(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for _, tc := range []struct{ nodes, rf, want int }{{4, 3, 3}, {4, 1, 1}, {4, 4, 4}, {3, 5, 3}, {1, 3, 1}} {
		r := NewRing(tc.nodes, DefaultVnodes)
		for i := 0; i < 500; i++ {
			tok := int64(rng.Uint64())
			got := r.Replicas(tok, tc.rf)
			if len(got) != tc.want {
				t.Fatalf("Replicas(%d, rf=%d) on %d nodes = %v, want %d replicas", tok, tc.rf, tc.nodes, got, tc.want)
			}
			if got[0] != r.Owner(tok) {
				t.Fatalf("Replicas(%d)[0] = node%d, want the owner node%d", tok, got[0], r.Owner(tok))
			}
			// Walk the ring by hand.
			var walk []int
			start := r.index(tok)
			for j := 0; len(walk) < tc.want; j++ {
				n := r.vnodes[(start+j)%len(r.vnodes)].node
				if !contains(walk, n) {
					walk = append(walk, n)
				}
			}
			for j := range walk {
				if got[j] != walk[j] {
					t.Fatalf("Replicas(%d, %d) = %v, want %v", tok, tc.rf, got, walk)
				}
			}
		}
	}
}

// TestKnownPlacement pins the placement lessons rely on: int key 1 (token
// -4069959284402364209) lives on node2, node3, node4 of the default ring.
func TestKnownPlacement(t *testing.T) {
	r := NewRing(DefaultNodes, DefaultVnodes)
	got := r.Replicas(-4069959284402364209, 3)
	want := []int{2, 3, 4}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("Replicas(token(1), 3) = %v, want %v", got, want)
		}
	}
}

func TestConsistencyBlockFor(t *testing.T) {
	tests := []struct {
		c    Consistency
		rf   int
		want int
	}{
		{One, 3, 1}, {Two, 3, 2}, {Three, 3, 3}, {Quorum, 3, 2}, {Quorum, 5, 3}, {Quorum, 1, 1},
		{All, 3, 3}, {LocalQuorum, 3, 2}, {Serial, 3, 2}, {LocalOne, 3, 1},
	}
	for _, tc := range tests {
		if got := tc.c.BlockFor(tc.rf); got != tc.want {
			t.Errorf("%s.BlockFor(%d) = %d, want %d", tc.c, tc.rf, got, tc.want)
		}
	}
	for _, name := range []string{"one", "QUORUM", "local_serial", "Each_Quorum"} {
		if _, ok := ParseConsistency(name); !ok {
			t.Errorf("ParseConsistency(%q) failed", name)
		}
	}
	if _, ok := ParseConsistency("MOST"); ok {
		t.Error("ParseConsistency(\"MOST\") succeeded")
	}
}
