-- name: GetTag :one
SELECT id, name FROM tags WHERE name = $1;

-- name: CreateTag :one
INSERT INTO tags (name) VALUES ($1) RETURNING id, name;

-- name: GetAuthorByEmail :one
SELECT id, email, name FROM authors WHERE email = $1;

-- name: CreateAuthor :one
INSERT INTO authors (email, name) VALUES ($1, $2) RETURNING id, email, name;
