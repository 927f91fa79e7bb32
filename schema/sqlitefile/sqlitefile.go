// Package sqlitefile reads the schema table of an SQLite database straight
// from its file format, without an SQLite engine: the CREATE statements that
// sqlite_schema holds are all the linter needs from an SQLite database, and
// reading them this way cannot write to the file, takes no lock, and keeps
// the millions of lines of a pure-Go SQLite out of the build.
//
// The format is https://www.sqlite.org/fileformat2.html: sqlite_schema is a
// table b-tree rooted at page 1, whose rows are records of (type, name,
// tbl_name, rootpage, sql); long rows continue on overflow pages.
package sqlitefile

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"syscall"
	"unicode/utf16"
)

// Object is one row of sqlite_schema.
type Object struct {
	Type     string // table, index, view or trigger
	Name     string
	Table    string // tbl_name: the table an index or trigger belongs to
	RootPage int64
	SQL      string // the CREATE statement; empty for automatic indexes
}

// ErrNotDatabase reports a file that is not an SQLite database, or one
// whose schema pages are damaged.
var ErrNotDatabase = errors.New("not an SQLite database")

// ErrNotRegular reports a path that is not a regular file (a FIFO or
// device would block or never end).
var ErrNotRegular = errors.New("not a regular file")

// ErrUncheckpointedWAL reports a database in WAL mode whose -wal file still
// holds changes: the main file alone may show an older schema.
var ErrUncheckpointedWAL = errors.New("the database has changes in its -wal file that are not in the main file yet " +
	"(run PRAGMA wal_checkpoint(TRUNCATE) on it, or point -dsn at a copy made with the sqlite3 .backup command)")

// Limits that bound the work on a damaged or hostile file.
const (
	maxSchemaPages = 1 << 16  // b-tree and overflow pages visited
	maxRowBytes    = 64 << 20 // one sqlite_schema row
)

// ReadSchema returns the rows of sqlite_schema of the database file at
// path, in b-tree (rowid) order. It opens the file read-only and refuses
// anything but a regular file.
func ReadSchema(path string) ([]Object, error) {
	osf, db, err := openPath(path, maxSchemaPages)
	if err != nil {
		return nil, err
	}
	defer osf.Close()
	return db.schema()
}

// openPath opens the database file at path read-only, refusing anything
// but a regular file and a database whose -wal file holds changes. At most
// maxPages page reads are allowed on it.
func openPath(path string, maxPages int) (*os.File, *file, error) {
	// O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer.
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, nil, err
	}
	info, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, nil, err
	}
	if !info.Mode().IsRegular() {
		f.Close()
		return nil, nil, fmt.Errorf("%s: %w", path, ErrNotRegular)
	}
	db, err := open(f, info.Size())
	if err != nil {
		f.Close()
		return nil, nil, err
	}
	db.maxPages = maxPages
	if db.wal {
		if wi, err := os.Lstat(path + "-wal"); err == nil && wi.Size() > 0 {
			f.Close()
			return nil, nil, ErrUncheckpointedWAL
		}
	}
	return f, db, nil
}

// file is an open database: its reader and header fields.
type file struct {
	r        io.ReaderAt
	size     int64
	pageSize int
	usable   int // page size less the reserved bytes at the end of each page
	encoding int // 1 UTF-8, 2 UTF-16le, 3 UTF-16be
	wal      bool
	visited  int
	maxPages int // page reads allowed
}

func open(r io.ReaderAt, size int64) (*file, error) {
	var h [100]byte
	if _, err := r.ReadAt(h[:], 0); err != nil {
		return nil, ErrNotDatabase
	}
	if string(h[:16]) != "SQLite format 3\x00" {
		return nil, ErrNotDatabase
	}
	ps := int(binary.BigEndian.Uint16(h[16:18]))
	if ps == 1 {
		ps = 65536
	}
	if ps < 512 || ps > 65536 || ps&(ps-1) != 0 {
		return nil, fmt.Errorf("%w: page size %d", ErrNotDatabase, ps)
	}
	usable := ps - int(h[20])
	if usable < 480 {
		return nil, fmt.Errorf("%w: usable page size %d", ErrNotDatabase, usable)
	}
	enc := int(binary.BigEndian.Uint32(h[56:60]))
	if enc == 0 {
		enc = 1 // an empty database has not chosen yet
	}
	if enc < 1 || enc > 3 {
		return nil, fmt.Errorf("%w: text encoding %d", ErrNotDatabase, enc)
	}
	return &file{r: r, size: size, pageSize: ps, usable: usable, encoding: enc, wal: h[18] == 2 || h[19] == 2, maxPages: maxSchemaPages}, nil
}

// page reads page n (1-based).
func (f *file) page(n uint32) ([]byte, error) {
	f.visited++
	if f.visited > f.maxPages {
		return nil, fmt.Errorf("%w: more than %d pages read", ErrNotDatabase, f.maxPages)
	}
	off := int64(n-1) * int64(f.pageSize)
	if n == 0 || off+int64(f.pageSize) > f.size {
		return nil, fmt.Errorf("%w: page %d is outside the file", ErrNotDatabase, n)
	}
	p := make([]byte, f.pageSize)
	if _, err := f.r.ReadAt(p, off); err != nil {
		return nil, err
	}
	return p, nil
}

// schema reads sqlite_schema, the table b-tree rooted at page 1.
func (f *file) schema() ([]Object, error) {
	var out []Object
	err := f.walk(1, func(_ int64, payload []byte) error {
		o, err := f.object(payload)
		if err != nil {
			return err
		}
		out = append(out, o)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// walk calls row for each row of the table b-tree rooted at page root, in
// rowid order, with the row's rowid and whole payload.
func (f *file) walk(root uint32, row func(rowid int64, payload []byte) error) error {
	seen := map[uint32]bool{}
	var walk func(n uint32, depth int) error
	walk = func(n uint32, depth int) error {
		if seen[n] || depth > 64 {
			return fmt.Errorf("%w: the b-tree of page %d loops", ErrNotDatabase, root)
		}
		seen[n] = true
		p, err := f.page(n)
		if err != nil {
			return err
		}
		hdr := 0
		if n == 1 {
			hdr = 100 // page 1 starts with the file header
		}
		if len(p) < hdr+12 {
			return fmt.Errorf("%w: page %d is too short", ErrNotDatabase, n)
		}
		kind := p[hdr]
		if kind != 0x05 && kind != 0x0d {
			return fmt.Errorf("%w: page %d is not a table b-tree page (type %#x)", ErrNotDatabase, n, kind)
		}
		cells := int(binary.BigEndian.Uint16(p[hdr+3:]))
		ptrs := hdr + 8
		if kind == 0x05 {
			ptrs = hdr + 12
		}
		if ptrs+2*cells > f.usable {
			return fmt.Errorf("%w: page %d has too many cells", ErrNotDatabase, n)
		}
		for i := 0; i < cells; i++ {
			off := int(binary.BigEndian.Uint16(p[ptrs+2*i:]))
			if off < ptrs+2*cells || off >= f.usable {
				return fmt.Errorf("%w: page %d: cell %d out of bounds", ErrNotDatabase, n, i)
			}
			switch kind {
			case 0x05: // interior table page: child pointer, then a rowid
				if off+4 > f.usable {
					return fmt.Errorf("%w: page %d: cell %d out of bounds", ErrNotDatabase, n, i)
				}
				if err := walk(binary.BigEndian.Uint32(p[off:]), depth+1); err != nil {
					return err
				}
			case 0x0d: // leaf table page: a row
				rowid, payload, err := f.leafPayload(p, off)
				if err != nil {
					return fmt.Errorf("page %d cell %d: %w", n, i, err)
				}
				if err := row(rowid, payload); err != nil {
					return err
				}
			}
		}
		if kind == 0x05 {
			return walk(binary.BigEndian.Uint32(p[hdr+8:]), depth+1)
		}
		return nil
	}
	return walk(root, 0)
}

// leafPayload returns the rowid and the whole payload of the leaf cell at
// off, following its overflow chain.
func (f *file) leafPayload(p []byte, off int) (int64, []byte, error) {
	size, n := varint(p[off:f.usable])
	if n == 0 {
		return 0, nil, ErrNotDatabase
	}
	off += n
	rowid, n := varint(p[off:f.usable])
	if n == 0 {
		return 0, nil, ErrNotDatabase
	}
	off += n
	if size > maxRowBytes {
		return 0, nil, fmt.Errorf("%w: a row of %d bytes", ErrNotDatabase, size)
	}
	total := int(size)
	// How much of the payload stays on the page (the file format's X, M, K).
	u := f.usable
	maxLocal := u - 35
	local := total
	if total > maxLocal {
		minLocal := (u-12)*32/255 - 23
		local = minLocal + (total-minLocal)%(u-4)
		if local > maxLocal {
			local = minLocal
		}
	}
	if off+local > u || (local < total && off+local+4 > u) {
		return 0, nil, fmt.Errorf("%w: a cell runs past its page", ErrNotDatabase)
	}
	out := make([]byte, 0, total)
	out = append(out, p[off:off+local]...)
	if local == total {
		return int64(rowid), out, nil
	}
	next := binary.BigEndian.Uint32(p[off+local:])
	for len(out) < total {
		ov, err := f.page(next)
		if err != nil {
			return 0, nil, err
		}
		chunk := min(total-len(out), u-4)
		out = append(out, ov[4:4+chunk]...)
		next = binary.BigEndian.Uint32(ov)
	}
	return int64(rowid), out, nil
}

// object decodes a sqlite_schema record.
func (f *file) object(rec []byte) (Object, error) {
	vals, err := f.record(rec)
	if err != nil {
		return Object{}, err
	}
	if len(vals) < 5 {
		return Object{}, fmt.Errorf("%w: a schema row has %d columns", ErrNotDatabase, len(vals))
	}
	o := Object{}
	var ok [5]bool
	o.Type, ok[0] = vals[0].(string)
	o.Name, ok[1] = vals[1].(string)
	o.Table, ok[2] = vals[2].(string)
	o.RootPage, ok[3] = vals[3].(int64)
	if vals[3] == nil {
		ok[3] = true // views and triggers have no root page
	}
	o.SQL, ok[4] = vals[4].(string)
	if vals[4] == nil {
		ok[4] = true // automatic indexes have no CREATE statement
	}
	for _, good := range ok {
		if !good {
			return Object{}, fmt.Errorf("%w: a schema row has a value of the wrong type", ErrNotDatabase)
		}
	}
	return o, nil
}

// record decodes a record: a header of serial types, then the values.
// Integers are int64, floats float64, text string, blobs []byte.
func (f *file) record(rec []byte) ([]any, error) {
	hsize, n := varint(rec)
	if n == 0 || hsize > uint64(len(rec)) || int(hsize) < n {
		return nil, fmt.Errorf("%w: bad record header", ErrNotDatabase)
	}
	hdr, body := rec[n:hsize], rec[hsize:]
	var vals []any
	for len(hdr) > 0 {
		t, n := varint(hdr)
		if n == 0 {
			return nil, fmt.Errorf("%w: bad record header", ErrNotDatabase)
		}
		hdr = hdr[n:]
		size := serialSize(t)
		if size > uint64(len(body)) {
			return nil, fmt.Errorf("%w: a record runs past its payload", ErrNotDatabase)
		}
		v, rest := body[:size], body[size:]
		body = rest
		switch {
		case t == 0:
			vals = append(vals, nil)
		case t >= 1 && t <= 6:
			x := int64(int8(v[0])) // sign-extend the big-endian integer
			for _, b := range v[1:] {
				x = x<<8 | int64(b)
			}
			vals = append(vals, x)
		case t == 7:
			vals = append(vals, math.Float64frombits(binary.BigEndian.Uint64(v)))
		case t == 8 || t == 9:
			vals = append(vals, int64(t-8))
		case t >= 12 && t%2 == 0:
			vals = append(vals, v)
		case t >= 13:
			vals = append(vals, f.text(v))
		default:
			return nil, fmt.Errorf("%w: reserved serial type %d", ErrNotDatabase, t)
		}
	}
	return vals, nil
}

// text decodes a text value in the database's encoding.
func (f *file) text(b []byte) string {
	if f.encoding == 1 {
		return string(b)
	}
	units := make([]uint16, len(b)/2)
	for i := range units {
		if f.encoding == 2 {
			units[i] = binary.LittleEndian.Uint16(b[2*i:])
		} else {
			units[i] = binary.BigEndian.Uint16(b[2*i:])
		}
	}
	return string(utf16.Decode(units))
}

func serialSize(t uint64) uint64 {
	switch {
	case t <= 4:
		return t
	case t == 5:
		return 6
	case t == 6 || t == 7:
		return 8
	case t < 12:
		return 0
	}
	return (t - 12) / 2
}

// varint decodes SQLite's big-endian varint (1 to 9 bytes) and returns the
// value and its length, or length 0 if b is too short.
func varint(b []byte) (uint64, int) {
	var v uint64
	for i := 0; i < 9; i++ {
		if i >= len(b) {
			return 0, 0
		}
		if i == 8 {
			return v<<8 | uint64(b[i]), 9
		}
		v = v<<7 | uint64(b[i]&0x7f)
		if b[i] < 0x80 {
			return v, i + 1
		}
	}
	return v, 9
}
