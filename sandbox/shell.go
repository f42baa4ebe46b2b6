package sandbox

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/learnkv/learnkv/sandbox/cluster"
	"github.com/learnkv/learnkv/sandbox/cql"
	"github.com/learnkv/learnkv/sandbox/cqlerr"
)

// defaultPageSize is cqlsh's default page size.
const defaultPageSize = 100

// pageSize returns the session's page size: the one set with PAGING <n>,
// or cqlsh's default.
func (ss *Session) pageSize() int {
	if ss.PageSize > 0 {
		return ss.PageSize
	}
	return defaultPageSize
}

// switchCommand is cqlsh 5.0's on/off switch: ON, OFF, or no argument to
// show the setting. Repeating the current state is not an error; cqlsh
// only says so.
func switchCommand(command, arg string, state *bool) (*Result, error) {
	name := func(on bool) string {
		if on {
			return "ON"
		}
		return "OFF"
	}
	var want bool
	switch strings.ToUpper(arg) {
	case "":
		return noted(fmt.Sprintf("%s is %s", command, name(*state)), "switch.is", command, name(*state)), nil
	case "ON":
		want = true
	case "OFF":
		want = false
	default:
		return nil, cqlerr.Shellf("Improper %s command.", command)
	}
	if *state == want {
		return noted(fmt.Sprintf("%s is already %s", command, name(want)), "switch.already", command, name(want)), nil
	}
	*state = want
	return noted(fmt.Sprintf("%s set to %s", command, name(want)), "switch.set", command, name(want)), nil
}

// apply runs the cqlsh session commands the parser knows.
func (ss *Session) apply(stmt cql.Statement) (*Result, error) {
	switch st := stmt.(type) {
	case *cql.TracingStmt:
		return switchCommand("TRACING", st.Mode, &ss.Tracing)
	case *cql.ConsistencyStmt:
		if st.Serial {
			if st.Level == "" {
				return noted(fmt.Sprintf("Current serial consistency level is %s.", ss.Serial), "serial.current", ss.Serial.String()), nil
			}
			cl, ok := cluster.ParseConsistency(st.Level)
			if !ok || !cl.IsSerial() {
				return nil, cqlerr.Shellf("Improper SERIAL command.")
			}
			ss.Serial = cl
			return noted(fmt.Sprintf("Serial consistency level set to %s.", cl), "serial.set", cl.String()), nil
		}
		if st.Level == "" {
			return noted(fmt.Sprintf("Current consistency level is %s.", ss.Consistency), "consistency.current", ss.Consistency.String()), nil
		}
		cl, ok := cluster.ParseConsistency(st.Level)
		if !ok {
			return nil, cqlerr.Shellf("Improper CONSISTENCY command.")
		}
		ss.Consistency = cl
		return noted(fmt.Sprintf("Consistency level set to %s.", cl), "consistency.set", cl.String()), nil
	}
	return nil, fmt.Errorf("unexpected session command %T", stmt)
}

// shellCommand handles the cqlsh commands the CQL parser does not parse
// (PAGING, EXPAND). It reports false for anything else.
func (s *Sandbox) shellCommand(src string) (*Result, bool) {
	fields := strings.Fields(strings.TrimSuffix(strings.TrimSpace(src), ";"))
	if len(fields) == 0 {
		return nil, false
	}
	switch strings.ToUpper(fields[0]) {
	case "SHOW":
		if len(fields) == 2 {
			switch strings.ToUpper(fields[1]) {
			case "VERSION":
				// cqlsh's show_version, naming the sandbox as the
				// server's release.
				return &Result{Statement: src, Message: "[cqlsh 6.2.0 | Cassandra 5.0-learnkv | CQL spec 3.4.7 | Native protocol v5]"}, true
			case "HOST":
				// cqlsh's show_host: the cluster's name (as DESCRIBE
				// CLUSTER gives it) and cqlsh's default address.
				return &Result{Statement: src, Message: "Connected to learnkv sandbox at 127.0.0.1:9042"}, true
			}
		}
	case "PAGING":
		if len(fields) > 2 {
			return &Result{Statement: src, Message: "Improper PAGING command."}, true
		}
		arg := ""
		if len(fields) == 2 {
			arg = fields[1]
		}
		if n, err := strconv.Atoi(arg); err == nil && n > 0 {
			s.session.Paging = true
			s.session.PageSize = n
			res := noted(fmt.Sprintf("Page size: %d", n), "paging.size", n)
			res.Statement = src
			return res, true
		}
		res, err := switchCommand("PAGING", arg, &s.session.Paging)
		if err != nil {
			return &Result{Statement: src, Message: err.Error()}, true
		}
		if s.session.Paging {
			res.Note.Rest = fmt.Sprintf("Page size: %d", s.session.pageSize())
			res.Message += "\n" + res.Note.Rest
		} else {
			s.session.PageSize = 0
		}
		res.Statement = src
		return res, true
	}
	return nil, false
}
