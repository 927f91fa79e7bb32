-- Keys for the hand-written SQL tests (analyzer/testdata/src/sql*).
CREATE TABLE users (
    id         bigserial PRIMARY KEY,
    email      text NOT NULL,
    name       text,
    tenant_id  bigint,
    handle     text,
    nickname   text,
    deleted_at timestamptz
);
CREATE UNIQUE INDEX users_email_key ON users (email);
CREATE UNIQUE INDEX users_tenant_handle ON users (tenant_id, handle);
CREATE UNIQUE INDEX users_nickname_live ON users (nickname) WHERE deleted_at IS NULL;
CREATE UNIQUE INDEX users_lower_name ON users (lower(name));

-- No unique key beyond the generated primary key.
CREATE TABLE tags (
    id   serial PRIMARY KEY,
    name text NOT NULL,
    slug text
);

CREATE TABLE events (
    id   bigserial PRIMARY KEY,
    kind text NOT NULL,
    at   timestamptz NOT NULL
);

-- A natural primary key the inserts set.
CREATE TABLE settings (
    key   text PRIMARY KEY,
    value text
);

CREATE TABLE cities (
    id      serial PRIMARY KEY,
    country text NOT NULL,
    name    text NOT NULL,
    UNIQUE (country, name)
);
