CREATE TABLE users (
    id bigserial PRIMARY KEY,
    email text NOT NULL,
    name text NOT NULL
);
CREATE UNIQUE INDEX users_email ON users (email);

CREATE TABLE visits (
    id bigserial PRIMARY KEY,
    user_id bigint NOT NULL,
    day date NOT NULL,
    hits int NOT NULL DEFAULT 0
);
