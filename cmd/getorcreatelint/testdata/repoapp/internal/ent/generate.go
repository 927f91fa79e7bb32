// Package ent is the ent client generated from ./schema; regenerate it
// with go generate after changing the schema.
package ent

//go:generate go run -mod=mod entgo.io/ent/cmd/ent generate ./schema
