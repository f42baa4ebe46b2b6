// Package cqlerr holds the errors the sandbox returns, named and numbered
// after Cassandra's native-protocol error classes, with Cassandra's message
// texts.
package cqlerr

import (
	"errors"
	"fmt"
)

// Code is a native-protocol error code.
type Code int

// The error codes the sandbox produces.
const (
	ServerError  Code = 0x0000
	Unavailable  Code = 0x1000
	WriteTimeout Code = 0x1100
	ReadTimeout  Code = 0x1200
	// FunctionFailure is a function's execution failing (fromJson() of a
	// bad value, for instance).
	FunctionFailure Code = 0x1400
	SyntaxError     Code = 0x2000
	Invalid         Code = 0x2200
	ConfigError     Code = 0x2300
	AlreadyExists   Code = 0x2400
	// Shell is not a protocol code: it marks an error of a cqlsh shell
	// command (TRACING, PAGING, ...), which cqlsh prints as is.
	Shell Code = -1
)

// Class returns the name the Python driver (and so cqlsh) gives the error:
// InvalidRequest, SyntaxException, Unavailable, ...
func (c Code) Class() string {
	switch c {
	case ServerError:
		return "ServerError"
	case Unavailable:
		return "Unavailable"
	case WriteTimeout:
		return "WriteTimeout"
	case ReadTimeout:
		return "ReadTimeout"
	case FunctionFailure:
		return "FunctionFailure"
	case SyntaxError:
		return "SyntaxException"
	case Invalid:
		return "InvalidRequest"
	case ConfigError:
		return "ConfigurationException"
	case AlreadyExists:
		return "AlreadyExists"
	case Shell:
		return "cqlsh"
	}
	return "ServerError"
}

// Summary returns the driver's one-line description of the code, as it
// appears in "[Invalid query]".
func (c Code) Summary() string {
	switch c {
	case Unavailable:
		return "Unavailable exception"
	case WriteTimeout, ReadTimeout:
		return "Coordinator node timed out waiting for replica nodes' responses"
	case FunctionFailure:
		return "User Defined Function failure"
	case SyntaxError:
		return "Syntax error in CQL query"
	case Invalid:
		return "Invalid query"
	case ConfigError:
		return "Query invalid because of configuration issue"
	case AlreadyExists:
		return "Item already exists"
	}
	return "Server error"
}

// ParseClass returns the code whose Class is name, and false if there is
// none.
func ParseClass(name string) (Code, bool) {
	for _, c := range []Code{ServerError, Unavailable, WriteTimeout, ReadTimeout, FunctionFailure, SyntaxError, Invalid, ConfigError, AlreadyExists, Shell} {
		if c.Class() == name {
			return c, true
		}
	}
	return 0, false
}

// Error is an error as Cassandra reports it: a code and the server's message.
type Error struct {
	Code    Code
	Message string
	// Offset is the byte offset in the statement the error is about, or
	// -1. Cassandra reports no position for semantic errors; the sandbox
	// keeps one where it knows it so that the UI can point at it.
	Offset int
	// Keyspace and Table are set for AlreadyExists.
	Keyspace, Table string
	// Consistency, Required and Alive are set for Unavailable and timeouts.
	Consistency     string
	Required, Alive int
	// NoteID and NoteArgs identify the message of a command's own error
	// (a sandbox or cqlsh command), so that a front end can word it in
	// the learner's language; see ShellNote.
	NoteID   string
	NoteArgs []any
}

// Error returns the server's message.
func (e *Error) Error() string { return e.Message }

// Is reports whether target is an *Error with the same code, so that
// errors.Is(err, cqlerr.ErrInvalid) tests the class.
func (e *Error) Is(target error) bool {
	t, ok := target.(*Error)
	return ok && t.Message == "" && t.Code == e.Code
}

// Class sentinels for errors.Is.
var (
	ErrInvalid       = &Error{Code: Invalid}
	ErrSyntax        = &Error{Code: SyntaxError}
	ErrUnavailable   = &Error{Code: Unavailable}
	ErrAlreadyExists = &Error{Code: AlreadyExists}
	ErrConfig        = &Error{Code: ConfigError}
)

// Invalidf returns an InvalidRequest error with a formatted message.
func Invalidf(format string, args ...any) *Error {
	return &Error{Code: Invalid, Message: fmt.Sprintf(format, args...), Offset: -1}
}

// Syntaxf returns a SyntaxException with a formatted message.
func Syntaxf(format string, args ...any) *Error {
	return &Error{Code: SyntaxError, Message: fmt.Sprintf(format, args...), Offset: -1}
}

// Configf returns a ConfigurationException with a formatted message.
func Configf(format string, args ...any) *Error {
	return &Error{Code: ConfigError, Message: fmt.Sprintf(format, args...), Offset: -1}
}

// Shellf returns the error of a cqlsh shell command.
func Shellf(format string, args ...any) *Error {
	return &Error{Code: Shell, Message: fmt.Sprintf(format, args...), Offset: -1}
}

// ShellNote returns a command's own error, like Shellf, identified by id
// and its arguments for a front end that words it in another language.
func ShellNote(id, format string, args ...any) *Error {
	e := Shellf(format, args...)
	e.NoteID, e.NoteArgs = id, args
	return e
}

// Serverf returns a ServerError with a formatted message.
func Serverf(format string, args ...any) *Error {
	return &Error{Code: ServerError, Message: fmt.Sprintf(format, args...), Offset: -1}
}

// FunctionFailuref returns a FunctionFailure error with a formatted message.
func FunctionFailuref(format string, args ...any) *Error {
	return &Error{Code: FunctionFailure, Message: fmt.Sprintf(format, args...), Offset: -1}
}

// KeyspaceExists returns the AlreadyExists error for a keyspace.
func KeyspaceExists(ks string) *Error {
	return &Error{Code: AlreadyExists, Keyspace: ks, Offset: -1,
		Message: fmt.Sprintf("Cannot add existing keyspace \"%s\"", ks)}
}

// TableExists returns the AlreadyExists error for a table.
func TableExists(ks, table string) *Error {
	return &Error{Code: AlreadyExists, Keyspace: ks, Table: table, Offset: -1,
		Message: fmt.Sprintf("Cannot add already existing table \"%s\" to keyspace \"%s\"", table, ks)}
}

// At returns a copy of e that points at byte offset off of the statement.
func (e *Error) At(off int) *Error {
	c := *e
	c.Offset = off
	return &c
}

// CQLSH returns the error as cqlsh prints it: the driver's exception class,
// then either the server message (syntax and configuration errors) or the
// driver's summary "Error from server: code=2200 [Invalid query]
// message=\"...\"" (invalid requests), or the driver's own text
// (AlreadyExists, Unavailable).
func (e *Error) CQLSH() string {
	switch e.Code {
	case Shell:
		return e.Message
	case SyntaxError, ConfigError, ServerError:
		return e.Code.Class() + ": " + e.Message
	case AlreadyExists:
		if e.Table != "" {
			return fmt.Sprintf("AlreadyExists: Table '%s.%s' already exists", e.Keyspace, e.Table)
		}
		return fmt.Sprintf("AlreadyExists: Keyspace '%s' already exists", e.Keyspace)
	case Unavailable:
		return fmt.Sprintf("Unavailable: %s info={'consistency': '%s', 'required_replicas': %d, 'alive_replicas': %d}",
			e.summary(), e.Consistency, e.Required, e.Alive)
	case WriteTimeout:
		return fmt.Sprintf("WriteTimeout: %s info={'consistency': '%s', 'required_responses': %d, 'received_responses': %d}",
			e.summary(), e.Consistency, e.Required, e.Alive)
	case ReadTimeout:
		return fmt.Sprintf("ReadTimeout: %s info={'consistency': '%s', 'required_responses': %d, 'received_responses': %d}",
			e.summary(), e.Consistency, e.Required, e.Alive)
	}
	return e.Code.Class() + ": " + e.summary()
}

func (e *Error) summary() string {
	return fmt.Sprintf("Error from server: code=%04x [%s] message=\"%s\"", int(e.Code), e.Code.Summary(), e.Message)
}

// As returns err as an *Error, converting any other error into a
// ServerError so that callers always have a class and a message.
func As(err error) *Error {
	var e *Error
	if errors.As(err, &e) {
		return e
	}
	return &Error{Code: ServerError, Message: err.Error(), Offset: -1}
}
