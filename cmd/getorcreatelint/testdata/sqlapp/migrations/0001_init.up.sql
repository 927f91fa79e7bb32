CREATE TABLE users (
    id    bigserial PRIMARY KEY,
    email text NOT NULL UNIQUE,
    name  text
);

CREATE TABLE tags (
    id   serial PRIMARY KEY,
    name text NOT NULL
);

CREATE TABLE cities (
    id      serial PRIMARY KEY,
    country text NOT NULL,
    name    text NOT NULL,
    CONSTRAINT cities_country_name_key UNIQUE (country, name)
);

CREATE TABLE events (
    id   bigserial PRIMARY KEY,
    kind text NOT NULL,
    at   timestamptz NOT NULL DEFAULT now()
);
