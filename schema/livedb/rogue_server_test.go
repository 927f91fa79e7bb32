package livedb

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"io"
	"net"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// rogueServer accepts connections on 127.0.0.1 (a client may try again
// without TLS on a second one), runs serve on each and returns everything
// the client sent, once the listener is closed.
func rogueServer(t *testing.T, serve func(c net.Conn, received *bytes.Buffer)) (port string, received func() []byte) {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ln.Close() })
	done := make(chan []byte, 1)
	go func() {
		var got bytes.Buffer
		defer func() { done <- got.Bytes() }()
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			_ = c.SetDeadline(time.Now().Add(10 * time.Second))
			serve(c, &got)
			// Take whatever else the client sends until it closes.
			_ = c.SetReadDeadline(time.Now().Add(time.Second))
			_, _ = io.Copy(&got, c)
			c.Close()
		}
	}()
	_, port, _ = net.SplitHostPort(ln.Addr().String())
	return port, func() []byte {
		ln.Close()
		select {
		case b := <-done:
			return b
		case <-time.After(15 * time.Second):
			t.Fatal("the fake server never finished")
			return nil
		}
	}
}

// mysqlPacket writes one MySQL protocol packet.
func mysqlPacket(w io.Writer, seq byte, payload []byte) error {
	hdr := []byte{byte(len(payload)), byte(len(payload) >> 8), byte(len(payload) >> 16), seq}
	_, err := w.Write(append(hdr, payload...))
	return err
}

// readMySQLPacket reads one packet, keeping its bytes in got.
func readMySQLPacket(r io.Reader, got *bytes.Buffer) ([]byte, error) {
	hdr := make([]byte, 4)
	if _, err := io.ReadFull(r, hdr); err != nil {
		return nil, err
	}
	body := make([]byte, int(hdr[0])|int(hdr[1])<<8|int(hdr[2])<<16)
	if _, err := io.ReadFull(r, body); err != nil {
		return nil, err
	}
	got.Write(hdr)
	got.Write(body)
	return body, nil
}

// A server the DSN names answers the first query with a LOAD DATA LOCAL
// INFILE request for a local secrets file. Whatever the DSN allows
// (allowAllFiles=true), the file is never sent.
func TestMySQLNeverSendsALocalFile(t *testing.T) {
	secret := filepath.Join(t.TempDir(), "ci-secrets.env")
	if err := os.WriteFile(secret, []byte("CI_SECRET_TOKEN=ghp_example_never_sent\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	port, received := rogueServer(t, func(c net.Conn, got *bytes.Buffer) {
		// Handshake v10 with mysql_native_password, no TLS.
		var hs bytes.Buffer
		hs.WriteByte(10)
		hs.WriteString("8.0.36\x00")
		hs.Write([]byte{1, 0, 0, 0})
		hs.WriteString("abcdefgh")
		hs.WriteByte(0)
		hs.Write([]byte{0xff, 0xf7}) // capabilities, low: all but SSL
		hs.WriteByte(0x21)
		hs.Write([]byte{2, 0})
		hs.Write([]byte{0x08, 0x00}) // capabilities, high: plugin auth
		hs.WriteByte(21)
		hs.Write(make([]byte, 10))
		hs.WriteString("ijklmnopqrst\x00")
		hs.WriteString("mysql_native_password\x00")
		if mysqlPacket(c, 0, hs.Bytes()) != nil {
			return
		}
		if _, err := readMySQLPacket(c, got); err != nil { // handshake response
			return
		}
		if mysqlPacket(c, 2, []byte{0, 0, 0, 2, 0, 0, 0}) != nil { // OK
			return
		}
		if _, err := readMySQLPacket(c, got); err != nil { // the first query
			return
		}
		_ = mysqlPacket(c, 1, append([]byte{0xfb}, secret...))
		for i := 0; i < 4; i++ {
			if _, err := readMySQLPacket(c, got); err != nil {
				return
			}
		}
	})
	for _, dsn := range []string{
		"mysql://ci:x@127.0.0.1:" + port + "/app?allowAllFiles=true",
	} {
		ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
		_, err := Introspect(ctx, dsn, Options{})
		cancel()
		if err == nil {
			t.Errorf("Introspect against the rogue server succeeded")
		}
	}
	got := received()
	if !bytes.Contains(got, []byte("SELECT")) {
		t.Fatalf("the client never sent its first query; the fake server is broken: %q", got)
	}
	if bytes.Contains(got, []byte("ghp_example_never_sent")) {
		t.Errorf("the content of %s was sent to the server", secret)
	}
}

// readPGMessage reads a startup-phase message (length first, no type) or
// a typed message.
func readPGMessage(r io.Reader, got *bytes.Buffer, typed bool) (byte, []byte, error) {
	var typ byte
	if typed {
		b := make([]byte, 1)
		if _, err := io.ReadFull(r, b); err != nil {
			return 0, nil, err
		}
		typ = b[0]
		got.Write(b)
	}
	lenBuf := make([]byte, 4)
	if _, err := io.ReadFull(r, lenBuf); err != nil {
		return 0, nil, err
	}
	n := int(binary.BigEndian.Uint32(lenBuf)) - 4
	if n < 0 || n > 1<<16 {
		return 0, nil, errors.New("bad length")
	}
	body := make([]byte, n)
	if _, err := io.ReadFull(r, body); err != nil {
		return 0, nil, err
	}
	got.Write(lenBuf)
	got.Write(body)
	return typ, body, nil
}

// fakePostgres answers SSL and GSS encryption requests with 'N', then the
// startup message with AuthenticationCleartextPassword, and takes what
// comes back.
func fakePostgres(c net.Conn, got *bytes.Buffer) {
	for {
		_, body, err := readPGMessage(c, got, false)
		if err != nil || len(body) < 4 {
			return
		}
		code := binary.BigEndian.Uint32(body)
		if code == 80877103 || code == 80877104 { // SSLRequest, GSSENCRequest
			if _, err := c.Write([]byte{'N'}); err != nil {
				return
			}
			continue
		}
		break
	}
	if _, err := c.Write([]byte{'R', 0, 0, 0, 8, 0, 0, 0, 3}); err != nil {
		return
	}
	_, _, _ = readPGMessage(c, got, true)
}

// A server that asks for the password in clear text never gets it,
// whether it comes from the DSN or PGPASSWORD, unless the caller allowed
// cleartext authentication.
func TestPostgresRefusesCleartextPasswordAuthentication(t *testing.T) {
	const password = "CI-Secret-From-The-DSN"
	t.Setenv("PGPASSWORD", "CI-Secret-From-Env")
	for _, c := range []struct {
		dsn  func(port string) string
		opts Options
	}{
		{func(p string) string { return "postgres://ci:" + password + "@127.0.0.1:" + p + "/app?sslmode=disable" }, Options{}},
		{func(p string) string { return "postgres://ci@127.0.0.1:" + p + "/app" }, Options{}},
		{func(p string) string { return "host=127.0.0.1 port=" + p + " user=ci dbname=app" }, Options{}},
		// require_auth in the DSN cannot bring cleartext back.
		{func(p string) string {
			return "postgres://ci:" + password + "@127.0.0.1:" + p + "/app?sslmode=disable&require_auth=password,md5"
		}, Options{}},
	} {
		port, received := rogueServer(t, fakePostgres)
		dsn := c.dsn(port)
		ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
		_, err := Introspect(ctx, dsn, c.opts)
		cancel()
		got := received()
		if !bytes.Contains(got, []byte("ci\x00")) {
			t.Fatalf("%s: the client never sent its startup message (%v); the fake server is broken: %q", Redact(dsn), err, got)
		}
		if bytes.Contains(got, []byte(password)) || bytes.Contains(got, []byte("CI-Secret-From-Env")) {
			t.Errorf("%s: the password was sent in clear text", Redact(dsn))
		}
		if !errors.Is(err, ErrAuth) {
			t.Errorf("%s: err = %v, want ErrAuth", Redact(dsn), err)
		}
	}

	// Allowed explicitly, cleartext authentication works (and the test
	// above would see the password).
	port, received := rogueServer(t, fakePostgres)
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	_, _ = Introspect(ctx, "postgres://ci:"+password+"@127.0.0.1:"+port+"/app?sslmode=disable", Options{AllowCleartextPassword: true})
	if got := received(); !bytes.Contains(got, []byte(password)) {
		t.Errorf("with AllowCleartextPassword the password did not reach the server: %q", got)
	}
}

func TestRefusePassword(t *testing.T) {
	for in, want := range map[string]string{
		"":                       "!password",
		"!password":              "!password",
		"!md5":                   "!md5,!password",
		"scram-sha-256,password": "scram-sha-256",
		"password":               "error",
	} {
		got, err := refusePassword(in)
		if err != nil {
			got = "error"
		}
		if got != want {
			t.Errorf("refusePassword(%q) = %q, want %q", in, got, want)
		}
	}
}
