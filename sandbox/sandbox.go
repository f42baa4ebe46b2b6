// Package sandbox is learnkv's embedded, Cassandra-compatible database: a
// mini-CQL interpreter over Badger, running on a simulated cluster, whose
// every statement explains itself with a trace. It is a plain library
// used by the terminal app, `learnkv cql` and the workshop server.
//
//	sb, err := sandbox.Open(sandbox.Options{Memory: true})
//	res, err := sb.Exec(ctx, "SELECT * FROM users WHERE id = 1")
package sandbox

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"sync"
	"time"

	"github.com/learnkv/learnkv/sandbox/cluster"
	"github.com/learnkv/learnkv/sandbox/cql"
	"github.com/learnkv/learnkv/sandbox/cqlerr"
	"github.com/learnkv/learnkv/sandbox/engine"
	"github.com/learnkv/learnkv/sandbox/plan"
	"github.com/learnkv/learnkv/sandbox/replica"
	"github.com/learnkv/learnkv/sandbox/schema"
	"github.com/learnkv/learnkv/sandbox/store"
	"github.com/learnkv/learnkv/sandbox/trace"
)

// maxTracedKeys bounds the keys a trace lists.
const maxTracedKeys = 500

// DefaultKeyspace is the keyspace a new sandbox has, in use from the start.
const DefaultKeyspace = "learnkv"

// Options say where a sandbox keeps its data.
type Options struct {
	// Dir is the data directory. Empty means DefaultDir().
	Dir string
	// Memory keeps everything in memory; nothing is written to disk.
	Memory bool
	// DB shares an already open database (the workshop server gives each
	// attendee a namespace in one database). Dir and Memory are ignored.
	DB *store.DB
	// Namespace isolates this sandbox's keys from others in the same
	// database. Empty means "default".
	Namespace string
	// Clock replaces the wall clock (tests use it to expire TTLs without
	// sleeping).
	Clock func() time.Time
	// MinimalTrace keeps only the counts in traces (no activity events,
	// no per-partition list), for embedders that never show traces; the
	// benchmarks use it to measure what a full trace costs.
	MinimalTrace bool
}

// DefaultDir returns the default data directory: $XDG_DATA_HOME/learnkv,
// or ~/.local/share/learnkv.
func DefaultDir() string {
	if d := os.Getenv("XDG_DATA_HOME"); d != "" {
		return filepath.Join(d, "learnkv")
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return filepath.Join(os.TempDir(), "learnkv")
	}
	return filepath.Join(home, ".local", "share", "learnkv")
}

// Column is one column of a result.
type Column = plan.ResultColumn

// Result is the outcome of one statement or command.
type Result struct {
	// Statement is the statement's text.
	Statement string
	Columns   []Column
	Rows      [][]any
	// HasRows is set for results printed as a table with a row count
	// (SELECT); LWT results are tables without a count.
	HasRows bool
	LWT     bool
	// Message is the text of a shell command or DESCRIBE, printed as is.
	Message string
	// Note is set when Message is the sandbox's or cqlsh's own sentence
	// (not Cassandra's text), so that a front end can show it in the
	// learner's language.
	Note *Note
	// Describe is set for DESCRIBE output, which cqlsh frames with blank
	// lines.
	Describe bool
	Warnings []string
	// Trace records what the statement cost the cluster.
	Trace *trace.Trace
}

// Note is a message of the sandbox (or of cqlsh) in a translatable form:
// ID names the sentence, Args fill it, and Rest is what follows it in
// Message (a table, say), shown as it is. The English sentence is the
// start of Result.Message.
type Note struct {
	ID   string
	Args []any
	Rest string
}

// noted returns a result whose message is the English text of a note.
func noted(text, id string, args ...any) *Result {
	return &Result{Message: text, Note: &Note{ID: id, Args: args}}
}

// Session holds the settings of the cqlsh-like session.
type Session struct {
	Keyspace    string
	Consistency cluster.Consistency
	Serial      cluster.Consistency
	Tracing     bool
	Paging      bool
	// PageSize is the page size set with PAGING <n>; 0 means cqlsh's
	// default of 100.
	PageSize int
	// TraceKeys lists the storage keys read and written in each trace.
	TraceKeys bool
}

// Sandbox is one learner's database. Its methods are safe for concurrent
// use; statements run one at a time.
type Sandbox struct {
	mu      sync.Mutex
	db      *store.DB
	ownsDB  bool
	store   *replica.Store
	catalog *schema.Catalog
	// tables keeps what planning derives from the catalog's tables; it
	// is replaced with the catalog.
	tables  *plan.TableCache
	cluster *cluster.Cluster
	engine  *engine.Engine
	clock   func() time.Time
	session Session
	minimal bool
}

// Open opens (or creates) a sandbox.
func Open(opts Options) (*Sandbox, error) {
	db := opts.DB
	owns := false
	if db == nil {
		var err error
		if opts.Memory {
			db, err = store.OpenMemory()
		} else {
			dir := opts.Dir
			if dir == "" {
				dir = DefaultDir()
			}
			db, err = store.Open(dir)
		}
		if err != nil {
			return nil, err
		}
		owns = true
	}
	s, err := open(db, opts)
	if err != nil {
		if owns {
			db.Close()
		}
		return nil, err
	}
	s.ownsDB = owns
	return s, nil
}

func open(db *store.DB, opts Options) (*Sandbox, error) {
	ns := opts.Namespace
	if ns == "" {
		ns = "default"
	}
	clock := opts.Clock
	if clock == nil {
		clock = time.Now
	}
	rs, err := replica.Open(db, ns)
	if err != nil {
		return nil, err
	}
	s := &Sandbox{db: db, store: rs, clock: clock, minimal: opts.MinimalTrace,
		session: Session{Keyspace: DefaultKeyspace, Consistency: cluster.One, Serial: cluster.Serial, Paging: true}}
	if err := s.loadSchema(); err != nil {
		return nil, err
	}
	s.cluster = cluster.New(rs, cluster.DefaultNodes, func() int64 { return s.clock().Unix() })
	if err := s.loadCluster(); err != nil {
		return nil, err
	}
	s.engine = engine.New(s.cluster, clock)
	return s, nil
}

// loadSchema reads the persisted catalog, or creates the default one.
func (s *Sandbox) loadSchema() error {
	data, ok, err := s.store.LoadSchema()
	if err != nil {
		return err
	}
	if ok {
		cat, err := schema.Unmarshal(data)
		if err != nil {
			return err
		}
		s.catalog, s.tables = cat, plan.NewTableCache()
		return nil
	}
	s.catalog = schema.NewCatalog()
	s.catalog.Keyspaces[DefaultKeyspace] = schema.NewKeyspace(DefaultKeyspace, map[string]string{
		"class": "org.apache.cassandra.locator.SimpleStrategy", "replication_factor": "3"})
	return s.saveSchema(s.catalog)
}

func (s *Sandbox) saveSchema(c *schema.Catalog) error {
	data, err := c.Marshal()
	if err != nil {
		return err
	}
	if err := s.store.SaveSchema(data); err != nil {
		return err
	}
	s.catalog, s.tables = c, plan.NewTableCache()
	return nil
}

// Close writes everything out and closes the sandbox (and its database,
// unless it was shared).
func (s *Sandbox) Close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	err := s.store.Close()
	if s.ownsDB {
		if cerr := s.db.Close(); err == nil {
			err = cerr
		}
	}
	return err
}

// Session returns the current session settings.
func (s *Sandbox) Session() Session {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.session
}

// Catalog returns the current schema. The caller must not modify it.
func (s *Sandbox) Catalog() *schema.Catalog {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.catalog
}

// Exec runs one statement or shell command. Errors are *cqlerr.Error
// values carrying Cassandra's class and message; Exec never panics.
func (s *Sandbox) Exec(ctx context.Context, src string) (res *Result, err error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	defer func() {
		if r := recover(); r != nil {
			res = nil
			err = cqlerr.Serverf("internal error in the learnkv sandbox (please report it): %v\n%s", r, debug.Stack())
		}
	}()
	// src may end with the semicolon and the white space before it, as
	// cqlsh sends statements; the parser wants them (an error at the end is
	// reported at the ';'), everything else the statement without them.
	raw := src
	src = trimStatementEnd(src)
	if !mayBeCommand(src) {
		// Ordinary CQL.
	} else if res, ok := s.shellCommand(src); ok {
		return res, nil
	} else if isCommand(src) {
		res, err := s.command(ctx, src)
		if res != nil {
			res.Statement = src
		}
		return res, err
	}
	stmt, err := cql.Parse(raw)
	if err != nil {
		return nil, syntaxError(src, err)
	}
	res, err = s.run(ctx, stmt, src)
	if res != nil {
		res.Statement = src
	}
	return res, err
}

// trimStatementEnd removes what may end a statement as cqlsh sends it:
// white space (space, tab, CR, LF), then one semicolon, then white space.
func trimStatementEnd(src string) string {
	src = trimSpaceRight(src)
	if strings.HasSuffix(src, ";") {
		src = trimSpaceRight(src[:len(src)-1])
	}
	return src
}

func trimSpaceRight(s string) string {
	i := len(s)
	for i > 0 && (s[i-1] == ' ' || s[i-1] == '\t' || s[i-1] == '\r' || s[i-1] == '\n') {
		i--
	}
	return s[:i]
}

// syntaxError turns a parser error into Cassandra's SyntaxException. The
// commands cqlsh runs itself (TRACING, CONSISTENCY, SERIAL CONSISTENCY)
// never reach the server, so their errors are cqlsh's plain text.
func syntaxError(src string, err error) error {
	var pe *cql.Error
	if fields := strings.Fields(src); len(fields) > 0 {
		if _, ok := cqlshOwnCommands[strings.ToUpper(strings.TrimSuffix(fields[0], ";"))]; ok && errors.As(err, &pe) {
			return cqlerr.Shellf("%s", pe.Error())
		}
	}
	if errors.As(err, &pe) {
		e := cqlerr.Syntaxf("%s", pe.Error())
		e.Offset = pe.Pos.Offset
		return e
	}
	return cqlerr.Syntaxf("%s", err.Error())
}

// cqlshOwnCommands are the first words of the commands cqlsh handles
// without the server.
var cqlshOwnCommands = map[string]struct{}{"TRACING": {}, "CONSISTENCY": {}, "SERIAL": {}}

func (s *Sandbox) context() *plan.Context {
	return &plan.Context{Catalog: s.catalog, Keyspace: s.session.Keyspace, Now: s.clock(), Tables: s.tables}
}

func (s *Sandbox) newTrace(src string) (*trace.Trace, error) {
	coord, err := s.cluster.Coordinator()
	if err != nil {
		return nil, err
	}
	tr := trace.New(src, coord, s.session.Consistency.String())
	tr.Quiet = s.minimal
	tr.Touch(coord)
	tr.Event(coord, "Parsing %s", trace.String(src))
	s.store.Record = nil
	if s.session.TraceKeys {
		s.store.Record = func(key []byte, write bool) {
			if len(tr.Keys) >= maxTracedKeys {
				return
			}
			ki, err := s.store.DecodeKey(s.catalog, key)
			if err != nil {
				return
			}
			verb := "read  "
			if write {
				verb = "write "
			}
			tr.Keys = append(tr.Keys, verb+ki.String())
		}
	}
	return tr, nil
}

// run executes a parsed statement.
func (s *Sandbox) run(ctx context.Context, stmt cql.Statement, src string) (*Result, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	switch st := stmt.(type) {
	case *cql.TracingStmt, *cql.ConsistencyStmt:
		return s.session.apply(st)
	case *cql.DescribeStmt:
		res, err := s.describe(st)
		if res != nil {
			res.Describe = true
		}
		return res, err
	case *cql.SelectStmt, *cql.InsertStmt, *cql.UpdateStmt, *cql.DeleteStmt, *cql.BatchStmt:
		return s.runData(ctx, stmt, src)
	}
	return s.runSchema(stmt)
}

func (s *Sandbox) runData(ctx context.Context, stmt cql.Statement, src string) (*Result, error) {
	pc := s.context()
	tr, err := s.newTrace(src)
	if err != nil {
		return nil, err
	}
	wopts := engine.WriteOptions{Consistency: s.session.Consistency, Serial: s.session.Serial}
	var er *engine.Result
	switch st := stmt.(type) {
	case *cql.SelectStmt:
		p, err := pc.Select(st)
		if err != nil {
			return nil, err
		}
		er, err = s.engine.Select(pc, p, engine.SelectOptions{Consistency: s.session.Consistency,
			Paging: s.session.Paging, Cancel: func() bool { return ctx.Err() != nil }}, tr)
		if err != nil {
			return nil, err
		}
		return &Result{Columns: er.Columns, Rows: er.Rows, HasRows: true, Warnings: er.Warnings, Trace: tr}, nil
	case *cql.InsertStmt:
		w, err := pc.Insert(st)
		if err != nil {
			return nil, err
		}
		er, err = s.engine.Write(pc, w, wopts, tr)
		if err != nil {
			return nil, err
		}
	case *cql.UpdateStmt:
		w, err := pc.Update(st)
		if err != nil {
			return nil, err
		}
		er, err = s.engine.Write(pc, w, wopts, tr)
		if err != nil {
			return nil, err
		}
	case *cql.DeleteStmt:
		w, err := pc.Delete(st)
		if err != nil {
			return nil, err
		}
		er, err = s.engine.Write(pc, w, wopts, tr)
		if err != nil {
			return nil, err
		}
	case *cql.BatchStmt:
		b, err := pc.Batch(st)
		if err != nil {
			return nil, err
		}
		er, err = s.engine.Batch(pc, b, wopts, tr)
		if err != nil {
			return nil, err
		}
	default:
		return nil, fmt.Errorf("unexpected statement %T", stmt)
	}
	return &Result{Columns: er.Columns, Rows: er.Rows, LWT: er.LWT, Warnings: er.Warnings, Trace: tr}, nil
}
