// Package queries holds query strings as constants, for sqlconsts.
package queries

const tagColumns = "id, name, slug"

// FindTag is a constant expression across constants.
const FindTag = "SELECT " + tagColumns + " FROM tags WHERE name = $1"

const InsertTag = `INSERT INTO tags (name, slug) VALUES ($1, $2)`
