package main

import (
	"bufio"
	"io"
	"log"
	"os"
	"strings"
)

// The GitHub Actions runner reads every line a step prints, on standard
// output or standard error, and runs it as a workflow command when it
// starts, after blanks, with "::" (or the older "##["). With -format github
// the annotations this tool means are written to standard output already
// escaped; everything else passes through neutralize, so that text from
// the linted repository (an identifier, an SQL string, a compiler message
// quoting the source) cannot add annotations, mask values or stop command
// processing.

// neutralize returns line so that the runner does not take it for a
// command. line holds no line break.
func neutralize(line string) string {
	body := strings.TrimLeft(line, " \t")
	lead := line[:len(line)-len(body)]
	switch {
	case strings.HasPrefix(body, "::"):
		return lead + ": :" + body[2:]
	case strings.HasPrefix(body, "##["):
		return lead + "# #[" + body[3:]
	}
	return line
}

// neutralizingWriter passes whole lines through neutralize. A carriage
// return ends a line for the runner too, so a lone one is shown as \r.
type neutralizingWriter struct {
	w       io.Writer
	partial []byte
}

func (n *neutralizingWriter) Write(p []byte) (int, error) {
	n.partial = append(n.partial, p...)
	for {
		i := strings.IndexByte(string(n.partial), '\n')
		if i < 0 {
			return len(p), nil
		}
		if err := n.writeLine(string(n.partial[:i])); err != nil {
			return 0, err
		}
		n.partial = n.partial[i+1:]
	}
}

func (n *neutralizingWriter) writeLine(line string) error {
	line = strings.TrimSuffix(line, "\r")
	line = strings.ReplaceAll(line, "\r", `\r`)
	_, err := io.WriteString(n.w, neutralize(line)+"\n")
	return err
}

// Close writes an unterminated last line.
func (n *neutralizingWriter) Close() error {
	if len(n.partial) == 0 {
		return nil
	}
	err := n.writeLine(string(n.partial))
	n.partial = nil
	return err
}

// guardOutput sends everything written to os.Stderr (and the log package)
// from now on through a neutralizingWriter; the returned function flushes
// it and restores os.Stderr.
func guardOutput() (restore func()) {
	orig := os.Stderr
	r, w, err := os.Pipe()
	if err != nil {
		return func() {}
	}
	os.Stderr = w
	log.SetOutput(w)
	done := make(chan struct{})
	go func() {
		defer close(done)
		nw := &neutralizingWriter{w: orig}
		br := bufio.NewReader(r)
		io.Copy(nw, br)
		nw.Close()
	}()
	return func() {
		w.Close()
		<-done
		r.Close()
		os.Stderr = orig
		log.SetOutput(orig)
	}
}
