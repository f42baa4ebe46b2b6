package plan

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestJavaDouble(t *testing.T) {
	tests := []struct {
		in   float64
		want string
	}{
		{0, "0.0"},
		{1, "1.0"},
		{0.01, "0.01"},
		{0.001, "0.001"},
		{6.71e-05, "6.71E-5"},
		{1.5, "1.5"},
		{1e7, "1.0E7"},
		{123456.5, "123456.5"},
	}
	for _, tt := range tests {
		if got := javaDouble(tt.in); got != tt.want {
			t.Errorf("javaDouble(%v) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestJavaStringHashOrder(t *testing.T) {
	tests := []struct {
		names []string
		want  []int
	}{
		// "foo" falls in bucket 7 of 16, "bar" in bucket 2.
		{[]string{"foo", "bar"}, []int{1, 0}},
		{nil, []int{}},
	}
	for _, tt := range tests {
		got := javaStringHashOrder(tt.names)
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("javaStringHashOrder(%q) = %v, want %v", tt.names, got, tt.want)
		}
	}
}

func TestReplicationFactor(t *testing.T) {
	tests := []struct {
		in      string
		want    int
		wantErr string
	}{
		{"3", 3, ""},
		{"+2", 2, ""},
		{"-1", 0, "Replication factor must be non-negative, found -1"},
		{"two", 0, `For input string: "two"`},
		{"3000000000", 0, `For input string: "3000000000"`},
		{"3/1", 0, "Transient replication is not enabled on this node"},
		{"3/0", 3, ""},
		{"3/", 0, "Replication factor format is <replicas> or <replicas>/<transient>"},
	}
	for _, tt := range tests {
		got, err := replicationFactor(tt.in)
		gotErr := ""
		if err != nil {
			gotErr = err.Error()
		}
		if got != tt.want || gotErr != tt.wantErr {
			t.Errorf("replicationFactor(%q) = %d, %q, want %d, %q", tt.in, got, gotErr, tt.want, tt.wantErr)
		}
	}
}
