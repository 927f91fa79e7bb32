-- +goose Up
CREATE TABLE invites (
    id    bigserial PRIMARY KEY,
    email text NOT NULL,
    token text NOT NULL
);

-- +goose Down
DROP TABLE invites;
