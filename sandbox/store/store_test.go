package store

import (
	"errors"
	"fmt"
	"strings"
	"testing"
)

func TestOpenTwiceIsLocked(t *testing.T) {
	dir := t.TempDir()
	db, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	second, err := Open(dir)
	if err == nil {
		second.Close()
		t.Fatal("Open of a directory in use succeeded, want ErrLocked")
	}
	if !errors.Is(err, ErrLocked) || !strings.Contains(err.Error(), dir) {
		t.Errorf("Open of a directory in use = %v, want ErrLocked naming %s", err, dir)
	}
}

func TestSetScanAcrossReopen(t *testing.T) {
	dir := t.TempDir()
	db, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	for i := range 5 {
		if err := db.Set(fmt.Appendf(nil, "k%d", i), fmt.Appendf(nil, "v%d", i)); err != nil {
			t.Fatal(err)
		}
	}
	if err := db.Delete([]byte("k2")); err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	db, err = Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	snap, err := db.Snapshot()
	if err != nil {
		t.Fatal(err)
	}
	defer snap.Discard()
	for _, reverse := range []bool{false, true} {
		var got []string
		err := snap.Scan([]byte("k1"), []byte("k4"), reverse, func(k, v []byte) (bool, error) {
			got = append(got, string(k)+"="+string(v))
			return true, nil
		})
		if err != nil {
			t.Fatal(err)
		}
		want := "k1=v1 k3=v3"
		if reverse {
			want = "k3=v3 k1=v1"
		}
		if strings.Join(got, " ") != want {
			t.Errorf("Scan(k1, k4, reverse=%v) = %q, want %q", reverse, strings.Join(got, " "), want)
		}
	}
	if _, ok, err := snap.Get([]byte("k2")); ok || err != nil {
		t.Errorf("Get(deleted k2) = ok %v, err %v; want not found", ok, err)
	}
}

func TestSnapshotSeesBufferedWrites(t *testing.T) {
	db, err := OpenMemory()
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := db.Set([]byte("a"), []byte("1")); err != nil {
		t.Fatal(err)
	}
	snap, err := db.Snapshot()
	if err != nil {
		t.Fatal(err)
	}
	defer snap.Discard()
	if v, ok, err := snap.Get([]byte("a")); !ok || err != nil || string(v) != "1" {
		t.Errorf("Get(a) = %q, %v, %v; want 1", v, ok, err)
	}
	if !db.Current(snap) {
		t.Error("Current(snapshot) = false right after it was taken")
	}
	if err := db.Set([]byte("b"), []byte("2")); err != nil {
		t.Fatal(err)
	}
	if db.Current(snap) {
		t.Error("Current(snapshot) = true with a pending write")
	}
}
