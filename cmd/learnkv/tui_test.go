package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/creack/pty"

	"github.com/learnkv/learnkv/sandbox"
)

func TestUsageHasBothLanguages(t *testing.T) {
	var out, errw bytes.Buffer
	if code := run([]string{"-h"}, strings.NewReader(""), &out, &errw); code != 0 {
		t.Fatalf("learnkv -h exited %d, want 0", code)
	}
	for _, want := range []string{"--lang en|ja", "--data DIR", "--memory", "--content DIR", "learnkv cql", "教材アプリ"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("usage lacks %q:\n%s", want, out.String())
		}
	}
}

func TestBadFlags(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"--lang", "fr"}, `unknown --lang "fr"`},
		{[]string{"--nope"}, "flag provided but not defined"},
		{[]string{"frobnicate"}, `unknown command "frobnicate"`},
	}
	for _, tt := range tests {
		var out, errw bytes.Buffer
		if code := run(tt.args, strings.NewReader(""), &out, &errw); code != 2 {
			t.Errorf("learnkv %q exited %d, want 2", tt.args, code)
		}
		if !strings.Contains(errw.String(), tt.want) {
			t.Errorf("learnkv %q printed %q, want %q", tt.args, errw.String(), tt.want)
		}
	}
}

func TestSecondInstanceExplainsItself(t *testing.T) {
	dir := t.TempDir()
	sb, err := sandbox.Open(sandbox.Options{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	defer sb.Close()
	var out, errw bytes.Buffer
	code := run([]string{"--data", dir, "--lang", "ja"}, strings.NewReader(""), &out, &errw)
	if code != 1 {
		t.Fatalf("learnkv on a data directory in use exited %d, want 1 (stderr %q)", code, errw.String())
	}
	lines := strings.Split(strings.TrimSpace(errw.String()), "\n")
	if len(lines) != 2 || !strings.Contains(lines[0], "すでに動いています") || !strings.Contains(lines[1], "already running") || !strings.Contains(lines[1], dir) {
		t.Errorf("stderr = %q, want the message in Japanese, then English, naming %s", errw.String(), dir)
	}
}

func TestMissingContent(t *testing.T) {
	var out, errw bytes.Buffer
	code := run([]string{"--memory", "--content", t.TempDir()}, strings.NewReader(""), &out, &errw)
	if code != 1 || !strings.Contains(errw.String(), "could not be loaded") {
		t.Errorf("learnkv with an empty content directory: exit %d, stderr %q; want 1 and an explanation", code, errw.String())
	}
}

// buildOnce builds the learnkv binary once per test run.
var buildOnce struct {
	sync.Once
	path string
	err  error
	out  []byte
}

func learnkvBinary(tb testing.TB) string {
	tb.Helper()
	buildOnce.Do(func() {
		dir, err := os.MkdirTemp("", "learnkv-bin-")
		if err != nil {
			buildOnce.err = err
			return
		}
		buildOnce.path = filepath.Join(dir, "learnkv")
		cmd := exec.Command("go", "build", "-o", buildOnce.path, ".")
		buildOnce.out, buildOnce.err = cmd.CombinedOutput()
	})
	if buildOnce.err != nil {
		tb.Fatalf("go build: %v\n%s", buildOnce.err, buildOnce.out)
	}
	return buildOnce.path
}

// tmuxServer is a tmux server of its own (its own socket), so that the
// test neither sees nor disturbs the user's sessions.
type tmuxServer struct {
	t    *testing.T
	sock string
}

func (s tmuxServer) run(args ...string) string {
	s.t.Helper()
	out, err := exec.Command("tmux", append([]string{"-u", "-S", s.sock}, args...)...).CombinedOutput()
	if err != nil {
		s.t.Fatalf("tmux %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}

// typeText types text literally (tmux would take a final ";" for its own
// command separator, so it is escaped).
func (s tmuxServer) typeText(text string) {
	if strings.HasSuffix(text, ";") {
		text = strings.TrimSuffix(text, ";") + `\;`
	}
	s.run("send-keys", "-t", "app", "-l", text)
}

func (s tmuxServer) keys(keys ...string) {
	s.run(append([]string{"send-keys", "-t", "app"}, keys...)...)
}

func (s tmuxServer) screen() string { return s.run("capture-pane", "-p", "-t", "app") }

// waitScreen waits until every text is on screen, and returns the screen.
func (s tmuxServer) waitScreen(texts ...string) string {
	s.t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for {
		screen := s.screen()
		all := true
		for _, text := range texts {
			all = all && strings.Contains(screen, text)
		}
		if all {
			return screen
		}
		if time.Now().After(deadline) {
			s.t.Fatalf("waited for %q; the screen is:\n%s", texts, screen)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// TestTerminal runs the app in a real terminal (tmux) at 80x24 and
// 120x40 in both languages: it goes to the test pack's exercise, types its
// solution, sees the rows and the success, checks that a second instance
// on the same data directory explains itself, quits with ctrl+c and
// checks that the terminal is back to its normal screen.
func TestTerminal(t *testing.T) {
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux is not installed")
	}
	if testing.Short() {
		t.Skip("the terminal test is not short")
	}
	bin := learnkvBinary(t)
	pack, err := filepath.Abs("../../ui/testdata/pack")
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		lang, locale     string
		exercise, passed string
		second           string
	}{
		{"en", "en_US.UTF-8", "Look up a user", "Exercise passed", "already running"},
		{"ja", "ja_JP.UTF-8", "ユーザーを探す", "演習クリア", "すでに動いています"},
	}
	for _, c := range cases {
		for _, size := range [][2]int{{80, 24}, {120, 40}} {
			t.Run(fmt.Sprintf("%s/%dx%d", c.lang, size[0], size[1]), func(t *testing.T) {
				s := tmuxServer{t: t, sock: filepath.Join(t.TempDir(), "tmux.sock")}
				data := t.TempDir()
				script := fmt.Sprintf("%q --data %q --content %q; echo LEARNKV-EXIT-$?; exec sleep 60", bin, data, pack)
				s.run("new-session", "-d", "-s", "app", "-x", fmt.Sprint(size[0]), "-y", fmt.Sprint(size[1]),
					"env", "LANG="+c.locale, "LC_ALL=", "LC_MESSAGES=", "TERM=xterm-256color", "sh", "-c", script)
				defer exec.Command("tmux", "-S", s.sock, "kill-server").Run()

				s.waitScreen("lesson00")
				// Esc, then n at once: the app receives alt+n (as from a
				// fast typist, or from tmux before 3.5, which waits 500 ms
				// after an esc), and reads it as the two keys.
				s.keys("Escape", "n")
				s.waitScreen(c.exercise, "lesson00")
				s.keys("e")
				s.typeText("SELECT name FROM users WHERE id = 1;")
				s.keys("Enter")
				screen := s.waitScreen("Alice", c.passed)
				t.Logf("screen after the solution:\n%s", screen)

				second := exec.Command(bin, "--data", data, "--content", pack)
				second.Env = append(os.Environ(), "LANG="+c.locale, "LC_ALL=", "LC_MESSAGES=")
				out, err := second.CombinedOutput()
				if code := second.ProcessState.ExitCode(); err == nil || code != 1 || !strings.Contains(string(out), c.second) {
					t.Errorf("a second learnkv on the same data: exit %d, output %q; want exit 1 and %q", code, out, c.second)
				}

				s.keys("C-c")
				screen = s.waitScreen("LEARNKV-EXIT-0")
				if alt := strings.TrimSpace(s.run("display-message", "-p", "-t", "app", "#{alternate_on}")); alt != "0" {
					t.Errorf("after quitting, alternate_on = %s, want 0 (the normal screen)", alt)
				}
				if strings.Contains(screen, "lesson00") {
					t.Errorf("after quitting, the app is still on screen:\n%s", screen)
				}
				if _, err := os.Stat(filepath.Join(data, "progress.json")); err != nil {
					t.Errorf("progress was not saved: %v", err)
				}
			})
		}
	}
}

// BenchmarkFirstFrame measures the time from starting the process to its
// first frame on a terminal (a pseudo-terminal of 80x24), with the
// built-in lessons and an in-memory sandbox.
func BenchmarkFirstFrame(b *testing.B) {
	bin := learnkvBinary(b)
	var total time.Duration
	for i := 0; i < b.N; i++ {
		total += firstFrame(b, bin)
	}
	b.ReportMetric(float64(total.Microseconds())/1000/float64(b.N), "ms/first-frame")
}

// firstFrame starts learnkv on a pseudo-terminal and returns how long it
// took to draw its tab bar.
func firstFrame(tb testing.TB, bin string) time.Duration {
	tb.Helper()
	cmd := exec.Command(bin, "--memory", "--lang", "en")
	cmd.Env = append(os.Environ(), "TERM=xterm-256color")
	start := time.Now()
	f, err := pty.StartWithSize(cmd, &pty.Winsize{Cols: 80, Rows: 24})
	if err != nil {
		tb.Fatal(err)
	}
	defer func() {
		cmd.Process.Kill()
		cmd.Wait()
		f.Close()
	}()
	var out bytes.Buffer
	buf := make([]byte, 4096)
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		n, err := f.Read(buf)
		out.Write(buf[:n])
		if strings.Contains(strings.Join(strings.Fields(ansi.Strip(out.String())), ""), "1Lesson2Results") {
			return time.Since(start)
		}
		if err == io.EOF || err != nil {
			break
		}
	}
	tb.Fatalf("no first frame; output:\n%q", out.String())
	return 0
}
