package sandbox

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/learnkv/learnkv/sandbox/cluster"
	"github.com/learnkv/learnkv/sandbox/cql"
	"github.com/learnkv/learnkv/sandbox/cqlerr"
)

// pageSize is cqlsh's default page size.
const pageSize = 100

// switchCommand is cqlsh's SwitchCommand: ON, OFF, or no argument to show
// the setting.
func switchCommand(command, desc, arg string, state *bool) (string, error) {
	switch strings.ToUpper(arg) {
	case "":
		if *state {
			return fmt.Sprintf("%s is currently enabled. Use %s OFF to disable", desc, command), nil
		}
		return fmt.Sprintf("%s is currently disabled. Use %s ON to enable.", desc, command), nil
	case "ON":
		if *state {
			return "", cqlerr.Shellf("%s is already enabled. Use %s OFF to disable.", desc, command)
		}
		*state = true
		return fmt.Sprintf("Now %s is enabled", desc), nil
	case "OFF":
		if !*state {
			return "", cqlerr.Shellf("%s is not enabled.", desc)
		}
		*state = false
		return fmt.Sprintf("Disabled %s.", desc), nil
	}
	return "", cqlerr.Shellf("Improper %s command.", command)
}

// apply runs the cqlsh session commands the parser knows.
func (ss *Session) apply(stmt cql.Statement) (*Result, error) {
	switch st := stmt.(type) {
	case *cql.TracingStmt:
		msg, err := switchCommand("TRACING", "Tracing", st.Mode, &ss.Tracing)
		if err != nil {
			return nil, err
		}
		return &Result{Message: msg}, nil
	case *cql.ConsistencyStmt:
		if st.Serial {
			if st.Level == "" {
				return &Result{Message: fmt.Sprintf("Current serial consistency level is %s.", ss.Serial)}, nil
			}
			cl, ok := cluster.ParseConsistency(st.Level)
			if !ok || !cl.IsSerial() {
				return nil, cqlerr.Shellf("Improper SERIAL command.")
			}
			ss.Serial = cl
			return &Result{Message: fmt.Sprintf("Serial consistency level set to %s.", cl)}, nil
		}
		if st.Level == "" {
			return &Result{Message: fmt.Sprintf("Current consistency level is %s.", ss.Consistency)}, nil
		}
		cl, ok := cluster.ParseConsistency(st.Level)
		if !ok {
			return nil, cqlerr.Shellf("Improper CONSISTENCY command.")
		}
		ss.Consistency = cl
		return &Result{Message: fmt.Sprintf("Consistency level set to %s.", cl)}, nil
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
				return &Result{Statement: src, Message: "[learnkv sandbox | Cassandra 5.0 semantics | CQL spec 3.4.7 | Native protocol v5]"}, true
			case "HOST":
				return &Result{Statement: src, Message: fmt.Sprintf("Connected to the learnkv sandbox (%d simulated nodes).", s.cluster.Nodes())}, true
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
		if _, err := strconv.Atoi(arg); err == nil {
			s.session.Paging = true
			return &Result{Statement: src, Message: fmt.Sprintf("Page size: %s", arg)}, true
		}
		msg, err := switchCommand("PAGING", "Query paging", arg, &s.session.Paging)
		if err != nil {
			return &Result{Statement: src, Message: err.Error()}, true
		}
		if s.session.Paging {
			msg += fmt.Sprintf("\nPage size: %d", pageSize)
		}
		return &Result{Statement: src, Message: msg}, true
	}
	return nil, false
}
