-- +goose Up
DROP INDEX users_email_key;
CREATE UNIQUE INDEX users_email_lower_key ON users (lower(email));

-- +goose Down
DROP INDEX users_email_lower_key;
CREATE UNIQUE INDEX users_email_key ON users (email);
