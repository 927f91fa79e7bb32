CREATE TABLE users (
    id         bigserial PRIMARY KEY,
    created_at timestamptz,
    updated_at timestamptz,
    deleted_at timestamptz,
    email      text NOT NULL,
    name       text
);
CREATE UNIQUE INDEX idx_users_email ON users (email) WHERE deleted_at IS NULL;

CREATE TABLE tags (
    id   bigserial PRIMARY KEY,
    name text NOT NULL
);

CREATE TABLE orders (
    id           bigserial PRIMARY KEY,
    customer_id  bigint NOT NULL,
    external_ref text NOT NULL,
    total_cents  bigint NOT NULL DEFAULT 0
);
