package plan

import (
	"testing"

	"github.com/learnkv/learnkv/sandbox/cqlerr"
)

// TestConditionalWriteChecks covers the checks Cassandra makes on
// conditional writes after preparing them: DeleteStatement's rule that a
// conditional DELETE names whole rows, the IN checks of
// ModificationStatement.makeCasRequest (IN with one value is an equality)
// and those BatchStatement.makeCasRequest makes on every statement of a
// conditional batch.
func TestConditionalWriteChecks(t *testing.T) {
	const mustRestrict = "DELETE statements must restrict all PRIMARY KEY columns with equality relations in order to delete non static columns"
	const batchIn = "java.lang.IllegalArgumentException: Batch with conditions cannot span multiple partitions (you cannot use IN on the partition key)"
	tests := []struct {
		src string
		err string
		// server marks an error Cassandra reports as a server error.
		server bool
	}{
		{src: "DELETE FROM t WHERE k = 1 IF EXISTS", err: mustRestrict},
		{src: "DELETE FROM t WHERE k = 1 AND c > 1 IF EXISTS", err: mustRestrict},
		{src: "DELETE FROM t WHERE k IN (1, 2) AND c > 1 IF EXISTS", err: mustRestrict},
		{src: "DELETE i FROM t WHERE k = 1 IF i = 1", err: mustRestrict},
		{src: "DELETE FROM t WHERE k = 1 AND c = 1 IF EXISTS"},
		{src: "DELETE FROM t WHERE k = 1 AND c IN () IF i = 1", err: "IN on the clustering key columns is not supported with conditional deletions"},
		{src: "DELETE FROM t WHERE k IN (1, 2) AND c = 1 IF EXISTS", err: "IN on the partition key is not supported with conditional deletions"},
		{src: "UPDATE t SET i = 1 WHERE k = 1 AND c IN () IF EXISTS", err: "IN on the clustering key columns is not supported with conditional updates"},
		{src: "UPDATE t SET i = 1 WHERE k IN () AND c = 1 IF EXISTS", err: "IN on the partition key is not supported with conditional updates"},
		{src: "UPDATE t SET i = 1 WHERE k IN (1) AND c IN (1) IF EXISTS"},
		{src: "UPDATE t SET i = 1 WHERE k IN (1, 2) AND c IN (1, 2)"},
		{src: "BEGIN BATCH UPDATE t SET i = 1 WHERE k = 1 AND c = 1 IF EXISTS; UPDATE t SET i = 2 WHERE k IN (1, 2) AND c = 1 IF i = 1; APPLY BATCH", err: batchIn, server: true},
		{src: "BEGIN BATCH UPDATE t SET i = 1 WHERE k = 1 AND c = 1 IF EXISTS; UPDATE t SET i = 2 WHERE k IN (1, 2) AND c = 1; APPLY BATCH", err: batchIn, server: true},
		{src: "BEGIN BATCH UPDATE t SET i = 1 WHERE k = 1 AND c = 1 IF EXISTS; UPDATE t SET i = 2 WHERE k = 1 AND c IN (1, 2); APPLY BATCH", err: "IN on the clustering key columns is not supported with conditional updates"},
		{src: "BEGIN BATCH UPDATE t SET i = 1 WHERE k = 1 AND c = 1 IF EXISTS; DELETE FROM t WHERE k = 1 AND c IN () IF i = 1; APPLY BATCH", err: "IN on the clustering key columns is not supported with conditional deletions"},
		{src: "BEGIN BATCH UPDATE t SET i = 1 WHERE k = 1 AND c = 1 IF EXISTS; UPDATE t SET i = 2 WHERE k = 1 AND c = 2; APPLY BATCH"},
		{src: "INSERT INTO t (k, c) VALUES (1, 1) USING TIMESTAMP -9223372036854775808", err: "Out of bound timestamp, must be in [-9223372036854775807, 9223372036854775807]"},
		{src: "BEGIN BATCH USING TIMESTAMP -9223372036854775808 INSERT INTO t (k, c) VALUES (1, 1); APPLY BATCH", err: "Out of bound timestamp, must be in [-9223372036854775807, 9223372036854775807]"},
		{src: "INSERT INTO t (k, c) VALUES (1, 1) USING TIMESTAMP -9223372036854775807"},
	}
	for _, tt := range tests {
		_, err := planWrite(testContext(), tt.src)
		if msg := errMessage(err); msg != tt.err {
			t.Errorf("plan(%q) error = %q, want %q", tt.src, msg, tt.err)
			continue
		}
		if err == nil {
			continue
		}
		want := cqlerr.Invalid
		if tt.server {
			want = cqlerr.ServerError
		}
		if got := cqlerr.As(err).Code; got != want {
			t.Errorf("plan(%q) error code = %v, want %v", tt.src, got, want)
		}
	}
}
