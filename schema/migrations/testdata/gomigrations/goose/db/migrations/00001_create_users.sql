-- +goose Up
CREATE TABLE users (
    id bigserial PRIMARY KEY,
    email text NOT NULL,
    org_id bigint
);
CREATE INDEX users_email_idx ON users (email);

-- +goose Down
DROP TABLE users;
